#include "DataPage.h"

#include "FactCard.h"
#include "TargetsPanel.h"
#include "VolumeTableModel.h"
#include "charts/ChartPanel.h"
#include "charts/VolumeCharts.h"
#include "common/WorkbenchError.h"
#include "dialogs/EventDialog.h"
#include "dialogs/Notice.h"
#include "display/Format.h"
#include "metrics/Ratio.h"
#include "shell/BackgroundTask.h"
#include "store/Database.h"
#include "store/WorkspaceSettings.h"

#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace workbench::ui {
namespace {

QTableView *makeTable(VolumeTableModel *model, QWidget *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(VolumeTableModel::SortRole);
    auto *table = new QTableView(parent);
    table->setModel(proxy);
    table->setSortingEnabled(true);
    table->sortByColumn(-1, Qt::AscendingOrder);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(VolumeTableModel::LabelColumn, QHeaderView::Stretch);
    table->setMinimumHeight(260);
    return table;
}

QGroupBox *group(const QString &title, QWidget *content)
{
    auto *box = new QGroupBox(title);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}

/// A list the lead keeps (events, saved mappings) in a titled box, with its buttons below it.
QGroupBox *listBox(const QString &title, QTreeWidget *list, const QStringList &columns,
                   const std::vector<QPushButton *> &buttons)
{
    list->setHeaderLabels(columns);
    list->setRootIsDecorated(false);
    list->setMinimumHeight(90);
    list->setMaximumHeight(150);
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    list->header()->setStretchLastSection(true);
    QGroupBox *box = group(title, list);
    auto *row = new QHBoxLayout;
    for (QPushButton *button : buttons) {
        button->setParent(box);
        row->addWidget(button);
    }
    row->addStretch(1);
    static_cast<QVBoxLayout *>(box->layout())->addLayout(row);
    return box;
}

} // namespace

DataPage::DataPage(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_message(new QLabel(this)),
      m_demoButton(new QPushButton(tr("Fill with Demo Data…"), this)),
      m_importButton(new QPushButton(tr("Import Files…"), this)), m_heading(new QLabel(this)),
      m_monthChart(new ChartPanel(this)), m_categoryChart(new ChartPanel(this)),
      m_monthModel(new VolumeTableModel(tr("Month"), this)),
      m_categoryModel(new VolumeTableModel(tr("Category"), this)), m_monthTable(makeTable(m_monthModel, this)),
      m_categoryTable(makeTable(m_categoryModel, this)), m_events(new QTreeWidget(this)),
      m_targets(new TargetsPanel(this)), m_mappings(new QTreeWidget(this))
{
    // The message page: loading, empty workspace, or an error.
    auto *messagePage = new QWidget;
    auto *messageLayout = new QVBoxLayout(messagePage);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    QFont messageFont = m_message->font();
    messageFont.setPointSizeF(messageFont.pointSizeF() * 1.2);
    m_message->setFont(messageFont);
    messageLayout->addStretch();
    messageLayout->addWidget(m_message);
    auto *emptyButtons = new QHBoxLayout;
    emptyButtons->addStretch();
    emptyButtons->addWidget(m_importButton);
    emptyButtons->addWidget(m_demoButton);
    emptyButtons->addStretch();
    messageLayout->addLayout(emptyButtons);
    connect(m_importButton, &QPushButton::clicked, this, &DataPage::importRequested);
    m_demoButton->setObjectName(QStringLiteral("demo-button"));
    m_importButton->setObjectName(QStringLiteral("empty-import-button"));
    messageLayout->addStretch();
    connect(m_demoButton, &QPushButton::clicked, this, &DataPage::demoDataRequested);

    // The facts page.
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 12, 16, 16);
    layout->setSpacing(12);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.35);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_heading->setTextFormat(Qt::PlainText);
    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading, 1);
    auto *importMore = new QPushButton(tr("Import…"), content);
    importMore->setObjectName(QStringLiteral("import-button"));
    importMore->setToolTip(tr("Import CSV, JSONL, chat logs or help-desk exports (Ctrl+I)"));
    connect(importMore, &QPushButton::clicked, this, &DataPage::importRequested);
    headingRow->addWidget(importMore);
    layout->addLayout(headingRow);

    auto *cards = new QGridLayout;
    cards->setSpacing(10);
    const std::pair<const char *, QString> cardSpecs[] = {
        {"conversations", tr("Conversations")},      {"escalation", tr("Escalation rate")},
        {"range", tr("Period covered (UTC)")},       {"customers", tr("Customers")},
        {"followups", tr("Follow-ups within 48 h")}, {"csat", tr("Rated (CSAT)")},
    };
    int column = 0;
    for (const auto &[key, caption] : cardSpecs) {
        auto *card = new FactCard(caption, content);
        card->setObjectName(QStringLiteral("fact-") + QLatin1String(key));
        m_cards.emplace(QLatin1String(key), card);
        cards->addWidget(card, 0, column++);
    }
    layout->addLayout(cards);

    auto *charts = new QHBoxLayout;
    charts->setSpacing(12);
    m_monthChart->setObjectName(QStringLiteral("chart-months"));
    m_categoryChart->setObjectName(QStringLiteral("chart-categories"));
    m_monthChart->setMinimumHeight(320);
    m_categoryChart->setMinimumHeight(320);
    charts->addWidget(m_monthChart, 3);
    charts->addWidget(m_categoryChart, 2);
    layout->addLayout(charts);

    auto *tables = new QHBoxLayout;
    tables->setSpacing(12);
    m_monthTable->setObjectName(QStringLiteral("table-months"));
    m_categoryTable->setObjectName(QStringLiteral("table-categories"));
    tables->addWidget(group(tr("By month"), m_monthTable), 1);
    tables->addWidget(group(tr("By category"), m_categoryTable), 1);
    layout->addLayout(tables);

    // What the lead keeps in the workspace. Events mark the trend (product launches, policy changes).
    auto *kept = new QHBoxLayout;
    kept->setSpacing(12);
    m_events->setObjectName(QStringLiteral("events"));
    auto *addEventButton = new QPushButton(tr("Add Event…"));
    addEventButton->setObjectName(QStringLiteral("add-event"));
    auto *removeEventButton = new QPushButton(tr("Remove"));
    removeEventButton->setObjectName(QStringLiteral("remove-event"));
    connect(addEventButton, &QPushButton::clicked, this, &DataPage::askForEvent);
    connect(removeEventButton, &QPushButton::clicked, this, &DataPage::removeSelectedEvent);
    kept->addWidget(listBox(tr("Events (shown on the Dashboard's trend)"), m_events,
                            {tr("Date"), tr("Kind"), tr("Event")}, {addEventButton, removeEventButton}),
                    3);
    connect(m_targets, &TargetsPanel::saveRequested, this, &DataPage::saveTargets);
    kept->addWidget(m_targets, 2);
    m_mappings->setObjectName(QStringLiteral("mappings"));
    auto *removeMappingButton = new QPushButton(tr("Remove"));
    removeMappingButton->setObjectName(QStringLiteral("remove-mapping"));
    connect(removeMappingButton, &QPushButton::clicked, this, &DataPage::removeSelectedMapping);
    QGroupBox *mappingsBox =
        listBox(tr("Saved mappings"), m_mappings, {tr("Name"), tr("Format"), tr("Saved")}, {removeMappingButton});
    auto *mappingsHint = new QLabel(tr("The Import dialog saves them; the command line takes one with "
                                       "import --mapping NAME."),
                                    mappingsBox);
    mappingsHint->setWordWrap(true);
    mappingsHint->setForegroundRole(QPalette::PlaceholderText);
    static_cast<QVBoxLayout *>(mappingsBox->layout())->insertWidget(1, mappingsHint);
    kept->addWidget(mappingsBox, 2);
    layout->addLayout(kept);

    m_scroll = new QScrollArea;
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the page reflows to the width

    m_stack->addWidget(messagePage);
    m_stack->addWidget(m_scroll);
    auto *pageLayout = new QVBoxLayout(this);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(m_stack);

    showMessage(tr("No workspace is open."), false);
}

DataPage::~DataPage()
{
    if (m_loadTask)
        m_loadTask->waitForWorker();
}

FactCard *DataPage::card(const QString &key) const
{
    const auto found = m_cards.find(key);
    if (found == m_cards.end())
        qFatal("DataPage::card: no fact card \"%s\"", qPrintable(key)); // ids are fixed: a typo is a bug
    return found->second;
}

void DataPage::setReadOnlyReason(const QString &why)
{
    const QList<QPushButton *> buttons = findChildren<QPushButton *>();
    for (QPushButton *button : buttons) {
        // Every button of this page writes (import, demo data, events, targets, mappings) but none of the
        // message page's navigation.
        button->setEnabled(why.isEmpty());
        button->setToolTip(why);
    }
}

bool DataPage::isLoading() const
{
    return (m_loadTask && m_loadTask->isRunning()) || m_reloadPending;
}

void DataPage::showWorkspace(const QString &path)
{
    m_path = path;
    m_heading->setText(tr("Workspace %1").arg(QFileInfo(path).fileName()));
    m_heading->setToolTip(QDir::toNativeSeparators(path));
    m_targets->discardEdits();
    refresh();
}

void DataPage::refresh()
{
    if (m_path.isEmpty()) {
        m_reloadPending = false;
        return;
    }
    if (m_loadTask && m_loadTask->isRunning()) {
        // A load is under way; load once more when it ends, so the last request wins.
        m_reloadPending = true;
        return;
    }
    m_reloadPending = false;
    if (m_facts.total.conversations == 0)
        showMessage(tr("Reading the workspace…"), false);
    m_loadTask = runInBackground(
        this,
        [path = m_path](TaskControl &) {
            auto database = Database::open(path);
            LoadResult result{loadWorkspaceFacts(*database), {}, listSavedMappings(*database), {}};
            const WorkspaceSettings settings(*database);
            for (const SettingSpec &spec : settingSpecs()) {
                if (isTargetSetting(spec.key))
                    result.targets.emplace_back(spec.key, settings.value(spec.key));
            }
            return result;
        },
        [this](TaskOutcome<LoadResult> outcome) {
            LoadResult result = outcome.result.value_or(LoadResult{});
            if (!outcome.error.isEmpty())
                result.error = outcome.error;
            applyLoad(result);
        });
}

void DataPage::askForEvent()
{
    if (m_path.isEmpty())
        return;
    const QDate initial = m_facts.lastCreatedMsecs
                              ? QDateTime::fromMSecsSinceEpoch(*m_facts.lastCreatedMsecs, QTimeZone::utc()).date()
                              : QDate::currentDate();
    EventDialog dialog(initial, this);
    if (m_eventAnswer ? !m_eventAnswer(dialog) : dialog.exec() != QDialog::Accepted)
        return;
    if (const QString error = changeWorkspace(
            [&](Database &database) { addEvent(database, dialog.date(), dialog.kind(), dialog.label()); });
        !error.isEmpty()) {
        notice::show(this, notice::Kind::Warning, tr("Add event"), error);
        return;
    }
    refresh();
    Q_EMIT eventsChanged();
}

void DataPage::removeSelectedEvent()
{
    QTreeWidgetItem *item = m_events->currentItem();
    if (m_path.isEmpty() || !item)
        return;
    const qint64 id = item->data(0, Qt::UserRole).toLongLong();
    if (const QString error = changeWorkspace([id](Database &database) { removeEvent(database, id); });
        !error.isEmpty()) {
        notice::show(this, notice::Kind::Warning, tr("Remove event"), error);
        return;
    }
    refresh();
    Q_EMIT eventsChanged();
}

void DataPage::saveTargets()
{
    if (m_path.isEmpty())
        return;
    const auto values = m_targets->values();
    const QString error =
        changeWorkspace([&values](Database &database) { WorkspaceSettings(database).setAll(values); });
    m_targets->showSaveResult(error);
    if (!error.isEmpty())
        return;
    refresh();
    Q_EMIT settingsChanged();
}

void DataPage::showTargetsPanel()
{
    m_scroll->ensureWidgetVisible(m_targets);
    if (QDoubleSpinBox *first = m_targets->findChild<QDoubleSpinBox *>())
        first->setFocus(Qt::OtherFocusReason);
}

void DataPage::removeSelectedMapping()
{
    QTreeWidgetItem *item = m_mappings->currentItem();
    if (m_path.isEmpty() || !item)
        return;
    const QString name = item->text(0);
    if (const QString error = changeWorkspace([&name](Database &database) { removeMapping(database, name); });
        !error.isEmpty()) {
        notice::show(this, notice::Kind::Warning, tr("Remove mapping"), error);
        return;
    }
    refresh();
}

QString DataPage::changeWorkspace(const std::function<void(Database &)> &change)
{
    try {
        auto database = Database::open(m_path);
        change(*database);
    } catch (const WorkbenchError &error) {
        return error.message();
    }
    return {};
}

void DataPage::setEventDialogAnswer(std::function<bool(EventDialog &)> answer)
{
    m_eventAnswer = std::move(answer);
}

void DataPage::applyLoad(const LoadResult &result)
{
    if (m_reloadPending) { // pending until the next load starts, after this task no longer runs
        QMetaObject::invokeMethod(this, &DataPage::refresh, Qt::QueuedConnection);
        return;
    }
    if (!result.error.isEmpty()) {
        m_facts = {};
        showMessage(result.error, false);
    } else if (result.facts.total.conversations == 0) {
        m_facts = result.facts;
        showMessage(tr("This workspace has no conversations yet.\n\nImport your help desk's export, or explore the "
                       "workbench with a realistic demo queue."),
                    true);
    } else {
        showFacts(result.facts);
        showKeptItems(result);
    }
    Q_EMIT factsLoaded();
}

void DataPage::showMessage(const QString &text, bool offerDemo)
{
    m_message->setText(text);
    m_demoButton->setVisible(offerDemo);
    m_importButton->setVisible(offerDemo);
    m_stack->setCurrentIndex(0);
}

void DataPage::showFacts(const WorkspaceFacts &facts)
{
    m_facts = facts;
    const qint64 total = facts.total.conversations;
    card(QStringLiteral("conversations"))
        ->setValue(formatCount(total),
                   facts.months.size() == 1 ? tr("in 1 month") : tr("over %1 months").arg(facts.months.size()));
    card(QStringLiteral("escalation"))
        ->setValue(formatPercent(facts.total.escalationRate()),
                   tr("%1 escalated, %2 kept by the AI")
                       .arg(formatCount(facts.total.escalated), formatCount(total - facts.total.escalated)));
    card(QStringLiteral("range"))
        ->setValue(formatMonthSpan(facts.months.front().month.year(), facts.months.front().month.number(),
                                   facts.months.back().month.year(), facts.months.back().month.number()),
                   formatDateRange(*facts.firstCreatedMsecs, *facts.lastCreatedMsecs));
    card(QStringLiteral("customers"))
        ->setValue(formatCount(facts.customers),
                   tr("%1 channels, %2 teams, %3 agents")
                       .arg(formatCount(facts.channels), formatCount(facts.teams), formatCount(facts.agents)));
    card(QStringLiteral("followups"))
        ->setValue(formatCount(facts.withFollowup),
                   tr("%1 of conversations").arg(formatPercent(ratio(facts.withFollowup, total))));
    card(QStringLiteral("csat"))
        ->setValue(formatCount(facts.rated), tr("%1 of conversations").arg(formatPercent(ratio(facts.rated, total))));

    std::vector<VolumeTableModel::Row> monthRows;
    for (const MonthVolume &month : facts.months)
        monthRows.push_back({formatMonthLong(month.month.year(), month.month.number()), month.volume});
    m_monthModel->setRows(std::move(monthRows), total);
    std::vector<VolumeTableModel::Row> categoryRows;
    for (const CategoryVolume &category : facts.categories)
        categoryRows.push_back({category.name, category.volume});
    m_categoryModel->setRows(std::move(categoryRows), total);

    showMonthlyVolume(*m_monthChart, facts.months);
    showCategoryEscalationRates(*m_categoryChart, facts.categories);

    m_stack->setCurrentIndex(1);
}

void DataPage::showKeptItems(const LoadResult &result)
{
    m_events->clear();
    for (const WorkspaceEvent &event : result.facts.events) {
        auto *item = new QTreeWidgetItem({event.date.toString(Qt::ISODate), event.kind, event.label});
        item->setData(0, Qt::UserRole, event.id);
        m_events->addTopLevelItem(item);
    }
    m_targets->showTargets(result.targets);
    m_mappings->clear();
    for (const SavedMappingInfo &mapping : result.mappings) {
        m_mappings->addTopLevelItem(
            new QTreeWidgetItem({mapping.name, mapping.format, formatDateTime(mapping.updatedAtMsecs)}));
    }
}

} // namespace workbench::ui
