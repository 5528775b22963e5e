#include "CostPage.h"

#include "common/NumberText.h"
#include "common/WorkbenchError.h"
#include "display/Format.h"
#include "shell/MetricsSession.h"
#include "shell/PeriodPicker.h"
#include "store/WorkspaceSettings.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QTableWidget>
#include <QVBoxLayout>

namespace workbench::ui {
namespace {

constexpr int kSliderSteps = 10; ///< the cut slider moves in tenths of a point
constexpr double kMaxCutPoints = 30;

QFont scaled(QFont font, double factor, bool bold)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

} // namespace

CostPage::CostPage(MetricsSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_periodBox(new PeriodPicker(session, this)), m_heading(new QLabel(this)),
      m_explanation(new QLabel(this)), m_cut(new QSlider(Qt::Horizontal, this)), m_cutLabel(new QLabel(this)),
      m_agentCost(new QDoubleSpinBox(this)), m_aiCost(new QDoubleSpinBox(this)),
      m_save(new QPushButton(tr("Save These Costs to the Workspace"), this)), m_saveMessage(new QLabel(this)),
      m_settings(new QTableWidget(this))
{
    QVBoxLayout *layout = makeReportPage(this, m_heading, m_periodBox);
    layout->setSpacing(12);
    QWidget *content = layout->parentWidget();

    auto *columns = new QHBoxLayout;
    columns->setSpacing(16);
    auto *left = new QVBoxLayout;

    auto *thisMonth = new QGroupBox(tr("False escalations this month"), content);
    auto *monthGrid = new QGridLayout(thisMonth);
    auto addFigure = [&](QGridLayout *grid, int row, int column, const QString &caption, const QString &name) {
        auto *label = new QLabel(caption, thisMonth);
        label->setForegroundRole(QPalette::PlaceholderText);
        grid->addWidget(label, row * 2, column);
        QLabel *value = figure(name);
        grid->addWidget(value, row * 2 + 1, column);
    };
    addFigure(monthGrid, 0, 0, tr("Estimated false escalations"), QStringLiteral("false-estimate"));
    addFigure(monthGrid, 0, 1, tr("Their cost (agent handling)"), QStringLiteral("cost"));
    addFigure(monthGrid, 0, 2, tr("Net of what the AI would have cost"), QStringLiteral("net-cost"));
    m_explanation->setWordWrap(true);
    m_explanation->setForegroundRole(QPalette::PlaceholderText);
    m_explanation->setObjectName(QStringLiteral("explanation"));
    monthGrid->addWidget(m_explanation, 2, 0, 1, 3);
    left->addWidget(thisMonth);

    auto *whatIf = new QGroupBox(tr("What if"), content);
    auto *whatIfLayout = new QVBoxLayout(whatIf);
    auto *form = new QFormLayout;
    m_cut->setObjectName(QStringLiteral("cut"));
    m_cut->setRange(0, int(kMaxCutPoints * kSliderSteps));
    m_cut->setPageStep(kSliderSteps);
    auto *cutRow = new QHBoxLayout;
    cutRow->addWidget(m_cut, 1);
    m_cutLabel->setMinimumWidth(90);
    cutRow->addWidget(m_cutLabel);
    form->addRow(tr("Cut false escalations by"), cutRow);
    for (QDoubleSpinBox *box : {m_agentCost, m_aiCost}) {
        box->setRange(0, 1000);
        box->setDecimals(2);
        box->setSingleStep(0.25);
        box->setKeyboardTracking(false);
    }
    m_agentCost->setObjectName(QStringLiteral("agent-cost"));
    m_aiCost->setObjectName(QStringLiteral("ai-cost"));
    form->addRow(tr("Cost of an agent-handled contact"), m_agentCost);
    form->addRow(tr("Cost of an AI-resolved contact"), m_aiCost);
    whatIfLayout->addLayout(form);
    auto *savings = new QGridLayout;
    auto *savingsCaption = new QLabel(tr("Saves"), whatIf);
    savingsCaption->setForegroundRole(QPalette::PlaceholderText);
    savings->addWidget(savingsCaption, 0, 0);
    savings->addWidget(new QLabel(tr("a month"), whatIf), 0, 1);
    savings->addWidget(new QLabel(tr("a year"), whatIf), 0, 2);
    savings->addWidget(new QLabel(tr("in agent cost"), whatIf), 1, 0);
    savings->addWidget(figure(QStringLiteral("monthly")), 1, 1);
    savings->addWidget(figure(QStringLiteral("yearly")), 1, 2);
    savings->addWidget(new QLabel(tr("net of AI cost"), whatIf), 2, 0);
    savings->addWidget(figure(QStringLiteral("monthly-net")), 2, 1);
    savings->addWidget(figure(QStringLiteral("yearly-net")), 2, 2);
    whatIfLayout->addLayout(savings);
    figure(QStringLiteral("cap"))->setFont(font());
    figure(QStringLiteral("cap"))->setForegroundRole(QPalette::PlaceholderText);
    figure(QStringLiteral("cap"))->setWordWrap(true);
    whatIfLayout->addWidget(figure(QStringLiteral("cap")));
    auto *saveRow = new QHBoxLayout;
    m_save->setObjectName(QStringLiteral("save-costs"));
    saveRow->addWidget(m_save);
    m_saveMessage->setWordWrap(true);
    saveRow->addWidget(m_saveMessage, 1);
    whatIfLayout->addLayout(saveRow);
    left->addWidget(whatIf);
    left->addStretch(1);
    columns->addLayout(left, 3);

    auto *settingsBox = new QGroupBox(tr("Settings and where they come from"), content);
    auto *settingsLayout = new QVBoxLayout(settingsBox);
    m_settings->setObjectName(QStringLiteral("settings"));
    m_settings->setColumnCount(3);
    m_settings->setHorizontalHeaderLabels({tr("Setting"), tr("Value"), tr("Source")});
    m_settings->verticalHeader()->hide();
    m_settings->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_settings->setWordWrap(true);
    m_settings->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_settings->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_settings->horizontalHeader()->setStretchLastSection(true);
    settingsLayout->addWidget(m_settings);
    auto *hint = new QLabel(tr("Change them with the sliders above, or from the command line: "
                               "escalation-workbench settings set KEY VALUE."),
                            settingsBox);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    settingsLayout->addWidget(hint);
    columns->addWidget(settingsBox, 2);
    layout->addLayout(columns, 1);

    connect(m_cut, &QSlider::valueChanged, this, &CostPage::updateWhatIf);
    connect(m_agentCost, &QDoubleSpinBox::valueChanged, this, &CostPage::updateWhatIf);
    connect(m_aiCost, &QDoubleSpinBox::valueChanged, this, &CostPage::updateWhatIf);
    connect(m_save, &QPushButton::clicked, this, &CostPage::saveCosts);
    connect(&m_session, &MetricsSession::reportChanged, this, &CostPage::showReport);
    showReport();
}

QLabel *CostPage::figure(const QString &name)
{
    auto found = m_figures.find(name);
    if (found == m_figures.end()) {
        auto *label = new QLabel(this);
        label->setObjectName(QStringLiteral("figure-") + name);
        label->setFont(scaled(font(), 1.3, true));
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        found = m_figures.emplace(name, label).first;
    }
    return found->second;
}

QString CostPage::figureText(const QString &name) const
{
    const auto found = m_figures.find(name);
    if (found == m_figures.end())
        qFatal("CostPage::figureText: no figure \"%s\"", qPrintable(name)); // a typo is a bug
    return found->second->text();
}

void CostPage::setDatabase(Database *db)
{
    m_db = db;
    m_saveMessage->clear();
    showSettings();
}

CostInputs CostPage::whatIfInputs() const
{
    CostInputs inputs;
    if (const auto &report = m_session.report()) {
        inputs.escalated = report->headline.total.escalated;
        inputs.falseRate = report->headline.falseRate.value;
        inputs.periodKind = report->headline.period.kind();
    }
    inputs.cutPoints = double(m_cut->value()) / kSliderSteps;
    inputs.agentCost = m_agentCost->value();
    inputs.aiCost = m_aiCost->value();
    return inputs;
}

CostFigures CostPage::whatIf() const
{
    return costModel(whatIfInputs());
}

void CostPage::setWhatIf(double cutPoints, double agentCost, double aiCost)
{
    m_agentCost->setValue(agentCost);
    m_aiCost->setValue(aiCost);
    m_cut->setValue(int(std::lround(cutPoints * kSliderSteps)));
    updateWhatIf();
}

void CostPage::showReport()
{
    const std::optional<MetricsReport> &report = m_session.report();
    if (!report) {
        m_heading->setText(m_session.workspacePath().isEmpty() ? tr("Cost model: no workspace is open")
                                                               : tr("Cost model: computing…"));
        for (auto &[name, label] : m_figures)
            label->setText(QStringLiteral("—"));
        m_explanation->clear();
        return;
    }
    const Headline &h = report->headline;
    m_heading->setText(tr("Cost model, %1").arg(formatMonthLong(h.period.year(), h.period.number())));
    figure(QStringLiteral("false-estimate"))
        ->setText(h.falseEscalationsEstimate ? decimalText(h.falseEscalationsEstimate, 0) : QStringLiteral("—"));
    figure(QStringLiteral("cost"))->setText(moneyText(h.cost.falseEscalationCost, h.currency));
    figure(QStringLiteral("net-cost"))->setText(moneyText(h.cost.falseEscalationNetCost, h.currency));
    m_explanation->setText(
        h.falseRate.value
            ? tr("%1 escalated conversations × %2 false (from %3 random reviews, 95 %: %4 – %5) × %6 an agent-handled "
                 "contact; net of %7 the AI would have cost.")
                  .arg(countText(h.total.escalated), percentText(h.falseRate.value),
                       countText(h.total.reviews.reviewedEscalated), percentText(h.falseRate.lo),
                       percentText(h.falseRate.hi), moneyText(h.agentCost, h.currency), moneyText(h.aiCost, h.currency))
            : tr("No random reviews of escalated conversations in %1 yet: the cost rests on the false-escalation "
                 "rate, so draw a sample on the Review page first.")
                  .arg(h.period.key()));
    // The what-if starts from the workspace's settings for this report.
    const QSignalBlocker blockCut(m_cut);
    const QSignalBlocker blockAgent(m_agentCost);
    const QSignalBlocker blockAi(m_aiCost);
    m_agentCost->setValue(h.agentCost);
    m_aiCost->setValue(h.aiCost);
    m_agentCost->setSuffix(QLatin1Char(' ') + h.currency);
    m_aiCost->setSuffix(QLatin1Char(' ') + h.currency);
    m_cut->setValue(int(std::lround(h.cost.cutPoints * kSliderSteps)));
    updateWhatIf();
    showSettings();
}

void CostPage::updateWhatIf()
{
    const std::optional<MetricsReport> &report = m_session.report();
    const QString currency = report ? report->headline.currency : QString();
    const CostInputs inputs = whatIfInputs();
    const CostFigures figures = costModel(inputs);
    m_cutLabel->setText(tr("%1 points").arg(decimalText(inputs.cutPoints, 1)));
    figure(QStringLiteral("monthly"))->setText(moneyText(figures.monthly, currency));
    figure(QStringLiteral("yearly"))->setText(moneyText(figures.yearly, currency));
    figure(QStringLiteral("monthly-net"))->setText(moneyText(figures.monthlyNet, currency));
    figure(QStringLiteral("yearly-net"))->setText(moneyText(figures.yearlyNet, currency));
    figure(QStringLiteral("cap"))
        ->setText(figures.cutPoints < inputs.cutPoints
                      ? tr("A cut cannot go below zero false escalations: %1 points is all there is to cut.")
                            .arg(decimalText(figures.cutPoints, 1))
                      : tr("Savings of a cut of %1 points in the false-escalation rate, on this month's %2 "
                           "escalations.")
                            .arg(decimalText(figures.cutPoints, 1),
                                 countText(report ? report->headline.total.escalated : 0)));
}

void CostPage::showSettings()
{
    m_settings->setRowCount(0);
    if (!m_db)
        return;
    const WorkspaceSettings settings(*m_db);
    const std::vector<SettingSpec> &specs = settingSpecs();
    m_settings->setRowCount(int(specs.size()));
    for (int row = 0; row < int(specs.size()); ++row) {
        const SettingSpec &spec = specs[size_t(row)];
        const QString value = settings.value(spec.key);
        auto *key = new QTableWidgetItem(spec.key);
        key->setToolTip(spec.description);
        m_settings->setItem(row, 0, key);
        m_settings->setItem(row, 1, new QTableWidgetItem(value.isEmpty() ? tr("not set") : value));
        QString source = settings.isDefault(spec.key) ? tr("default") : tr("set in this workspace");
        if (!spec.source.isEmpty())
            source += QStringLiteral(" · ") + spec.source;
        auto *sourceItem = new QTableWidgetItem(source);
        sourceItem->setToolTip(spec.description);
        m_settings->setItem(row, 2, sourceItem);
    }
    m_settings->resizeRowsToContents();
}

void CostPage::saveCosts()
{
    if (!m_db)
        return;
    try {
        WorkspaceSettings(*m_db).setAll(
            {{QStringLiteral("agent_cost"), QString::number(m_agentCost->value(), 'f', 2)},
             {QStringLiteral("ai_cost"), QString::number(m_aiCost->value(), 'f', 2)},
             {QStringLiteral("whatif_cut_points"), QString::number(double(m_cut->value()) / kSliderSteps)}});
        m_saveMessage->setText(tr("Saved: every page, the PDF and the command line use them now."));
        showSettings();
        Q_EMIT settingsChanged();
    } catch (const WorkbenchError &error) {
        m_saveMessage->setText(error.message());
    }
}

} // namespace workbench::ui
