#include "TagPanel.h"

#include "FieldKeys.h"
#include "display/Colors.h"
#include "display/Format.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QVBoxLayout>

namespace workbench::ui {
namespace {

constexpr int kReasonRole = Qt::UserRole + 1; ///< the number of a reason item (1-based), 0 for a heading

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

/// Digit keys 1..9 then 0 for the tenth.
QString digitFor(int number)
{
    return number == 10 ? QStringLiteral("0") : QString::number(number);
}

} // namespace

TagPanel::TagPanel(QWidget *parent)
    : QWidget(parent), m_currentVerdict(new QLabel(this)), m_reasons(new QListWidget(this)),
      m_category(new QComboBox(this)), m_takeover(new QSpinBox(this)),
      m_takeoverLabel(new QLabel(tr("Take-over turn"), this)), m_note(new QLineEdit(this)),
      m_history(new QListWidget(this)), m_hint(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(sectionLabel(tr("Verdict"), this));
    auto *buttons = new QGridLayout;
    for (int i = 0; i < 2; ++i) {
        m_verdictButtons[i] = new QPushButton(this);
        m_verdictButtons[i]->setCheckable(true);
        m_verdictButtons[i]->setFocusPolicy(Qt::NoFocus);
        m_verdictButtons[i]->setMinimumHeight(34);
        // One above the other: a narrow panel (a small window, a large font) shows both whole.
        buttons->addWidget(m_verdictButtons[i], i, 0);
        connect(m_verdictButtons[i], &QPushButton::clicked, this, [this, i] {
            // The stored verdict decides the checked state, not the click.
            m_verdictButtons[i]->setChecked(!m_verdictButtons[i]->isChecked());
            Q_EMIT verdictRequested(m_buttonVerdicts[i]);
        });
    }
    layout->addLayout(buttons);
    m_currentVerdict->setTextFormat(Qt::PlainText);
    m_currentVerdict->setWordWrap(true);
    m_currentVerdict->setObjectName(QStringLiteral("current-verdict"));
    layout->addWidget(m_currentVerdict);
    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);
    {
        QPalette palette = m_hint->palette();
        palette.setColor(QPalette::WindowText, colors::warning(palette));
        m_hint->setPalette(palette);
    }
    m_hint->hide();
    layout->addWidget(m_hint);

    auto *reasonHeader = new QHBoxLayout;
    reasonHeader->addWidget(sectionLabel(tr("Reason"), this));
    reasonHeader->addStretch(1);
    auto *editReasons = new QPushButton(tr("Edit codes…"), this);
    editReasons->setFlat(true);
    editReasons->setFocusPolicy(Qt::NoFocus);
    connect(editReasons, &QPushButton::clicked, this, &TagPanel::reasonCodesEditRequested);
    reasonHeader->addWidget(editReasons);
    layout->addLayout(reasonHeader);
    m_reasons->setObjectName(QStringLiteral("reasons"));
    m_reasons->setFocusPolicy(Qt::NoFocus);
    m_reasons->setSelectionMode(QAbstractItemView::SingleSelection);
    m_reasons->setMinimumHeight(120);
    connect(m_reasons, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        if (item->data(kReasonRole).toInt() == 0)
            m_reasons->clearSelection();
    });
    connect(m_reasons, &QListWidget::itemSelectionChanged, this, [this] {
        if (!m_loading)
            Q_EMIT draftChanged();
    });
    layout->addWidget(m_reasons, 3);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_category->setObjectName(QStringLiteral("category-correction"));
    m_category->setToolTip(tr("The ticket category this conversation really belongs to (G: type a few letters, "
                              "Return chooses, Escape cancels)"));
    m_category->setEditable(true);
    m_category->setInsertPolicy(QComboBox::NoInsert);
    m_category->setFocusPolicy(Qt::ClickFocus);
    m_category->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_category->setMinimumContentsLength(12);
    auto *completer = new QCompleter(m_category->model(), m_category);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_category->setCompleter(completer);
    connect(m_category->lineEdit(), &QLineEdit::returnPressed, this, &TagPanel::chooseTypedCategory);
    connect(m_category, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            Q_EMIT draftChanged();
    });
    // Return is the line edit's (it completes first); Escape puts the category back, from the field or its popup.
    auto *categoryKeys = new FieldKeys(m_category->lineEdit(), nullptr, [this] { leaveCategory(false); });
    categoryKeys->alsoOn(completer->popup());
    categoryKeys->alsoOn(m_category); // the combo box is the focus widget; its line edit is typed into
    form->addRow(tr("Category"), m_category);
    m_takeover->setObjectName(QStringLiteral("takeover-turn"));
    m_takeover->setSpecialValueText(tr("—"));
    m_takeover->setToolTip(tr("For a missed escalation: the turn where a person should have taken over (T). "
                              "Clicking a turn in the transcript sets it."));
    m_takeover->setFocusPolicy(Qt::ClickFocus);
    connect(m_takeover, &QSpinBox::valueChanged, this, [this](int value) {
        Q_EMIT takeoverChanged(value == 0 ? std::nullopt : std::optional<int>(value - 1));
        if (!m_loading)
            Q_EMIT draftChanged();
    });
    auto leaveTakeover = [this] {
        m_takeover->interpretText();
        Q_EMIT editingFinished();
    };
    auto *takeoverKeys = new FieldKeys(m_takeover, leaveTakeover, leaveTakeover);
    if (auto *edit = m_takeover->findChild<QLineEdit *>())
        takeoverKeys->alsoOn(edit);
    form->addRow(m_takeoverLabel, m_takeover);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setPlaceholderText(tr("Note (N), Return to finish"));
    m_note->setClearButtonEnabled(true);
    m_note->setFocusPolicy(Qt::ClickFocus);
    connect(m_note, &QLineEdit::textEdited, this, &TagPanel::draftChanged);
    new FieldKeys(
        m_note, [this] { Q_EMIT editingFinished(); }, [this] { Q_EMIT editingFinished(); });
    form->addRow(tr("Note"), m_note);
    layout->addLayout(form);

    layout->addWidget(sectionLabel(tr("Tags of this conversation"), this));
    m_history->setObjectName(QStringLiteral("tag-history"));
    m_history->setFocusPolicy(Qt::NoFocus);
    m_history->setWordWrap(true);
    m_history->setMinimumHeight(60);
    layout->addWidget(m_history, 2);
    clear();
}

void TagPanel::showHint(const QString &text)
{
    m_hint->setText(text);
    m_hint->setVisible(!text.isEmpty());
}

QString TagPanel::hint() const
{
    return m_hint->isVisible() ? m_hint->text() : QString();
}

void TagPanel::editCategory()
{
    if (!m_category->isEnabled())
        return;
    m_categoryBeforeEdit = m_category->currentIndex();
    m_category->setFocus(Qt::ShortcutFocusReason);
    m_category->lineEdit()->selectAll();
}

void TagPanel::editTakeover()
{
    if (!m_takeover->isEnabled())
        return;
    m_takeover->setFocus(Qt::ShortcutFocusReason);
    m_takeover->selectAll();
}

void TagPanel::chooseTypedCategory()
{
    const QString typed = m_category->lineEdit()->text().trimmed();
    int chosen = -1;
    if (typed.isEmpty()) {
        chosen = 0; // as imported
    } else {
        // The whole name first, then the first name that starts with the letters, then one that holds them.
        for (auto match : {Qt::MatchFixedString, Qt::MatchStartsWith, Qt::MatchContains}) {
            chosen = m_category->findText(typed, match);
            if (chosen >= 0)
                break;
        }
    }
    if (chosen < 0) {
        showHint(tr("No category matches “%1”: type a few letters of one, or Escape to keep it as it was.").arg(typed));
        m_category->lineEdit()->selectAll();
        return;
    }
    showHint(QString());
    m_category->setCurrentIndex(chosen);
    m_category->setEditText(m_category->itemText(chosen));
    m_category->lineEdit()->setCursorPosition(0);
    Q_EMIT editingFinished();
}

void TagPanel::leaveCategory(bool keep)
{
    if (m_category->completer()->popup()->isVisible())
        m_category->completer()->popup()->hide();
    if (!keep) {
        m_category->setCurrentIndex(m_categoryBeforeEdit);
        m_category->setEditText(m_category->itemText(m_categoryBeforeEdit));
    }
    Q_EMIT editingFinished();
}

void TagPanel::clear()
{
    const QScopedValueRollback loading(m_loading, true);
    for (QPushButton *button : m_verdictButtons) {
        button->setText(QString());
        button->setChecked(false);
        button->setEnabled(false);
    }
    m_currentVerdict->setText(tr("Pick a conversation from the list."));
    m_reasons->clear();
    m_numbered.clear();
    m_category->clear();
    m_category->setEnabled(false);
    m_takeover->setValue(0);
    m_takeover->setEnabled(false);
    m_note->clear();
    m_note->setEnabled(false);
    m_history->clear();
    showHint(QString());
}

void TagPanel::showVerdictButtons(bool escalated, const QString &verdictKeys, std::optional<Verdict> current)
{
    const VerdictChoice choice = verdictsFor(escalated);
    m_buttonVerdicts = {choice.right, choice.wrong};
    for (int i = 0; i < 2; ++i) {
        const QString key = verdictKeys.size() > i ? QString(verdictKeys[i]) : QString();
        m_verdictButtons[i]->setText(QStringLiteral("%1   %2").arg(key, verdictLabel(m_buttonVerdicts[i])));
        m_verdictButtons[i]->setChecked(current == m_buttonVerdicts[i]);
        m_verdictButtons[i]->setEnabled(true);
        m_verdictButtons[i]->setObjectName(QStringLiteral("verdict-") + verdictName(m_buttonVerdicts[i]));
    }
}

void TagPanel::showConversation(const ConversationDetails &details, const std::vector<VerdictReasons> &reasons,
                                const QStringList &categories, const QString &verdictKeys,
                                const std::optional<TagDraft> &stored)
{
    const QScopedValueRollback loading(m_loading, true);
    clear();
    const TagRecord *latest = details.tags.empty() ? nullptr : &details.tags.back();
    const std::optional<Verdict> current = latest ? verdictFromName(latest->verdict) : std::nullopt;
    showVerdictButtons(details.conversation.escalated, verdictKeys, current);
    m_currentVerdict->setText(
        latest ? tr("Now: %1, by %2, %3")
                     .arg(verdictLabel(*current), latest->reviewer, formatDateTime(latest->taggedAtMsecs))
               : tr("Not reviewed yet."));
    if (current) {
        QPalette palette = m_currentVerdict->palette();
        palette.setColor(QPalette::WindowText, colors::verdict(*current, palette));
        m_currentVerdict->setPalette(palette);
    } else {
        m_currentVerdict->setPalette(QPalette());
    }

    int number = 0;
    for (const VerdictReasons &group : reasons) {
        auto *heading = new QListWidgetItem(verdictLabel(group.verdict), m_reasons);
        QFont font = heading->font();
        font.setBold(true);
        heading->setFont(font);
        heading->setFlags(Qt::ItemIsEnabled);
        heading->setData(kReasonRole, 0);
        for (const QString &code : group.codes) {
            ++number;
            m_numbered.emplace_back(group.verdict, code);
            const QString key = number <= 10 ? digitFor(number) : QStringLiteral(" ");
            auto *item = new QListWidgetItem(QStringLiteral("%1   %2").arg(key, reasonLabel(code)), m_reasons);
            item->setData(kReasonRole, number);
            item->setToolTip(code);
        }
    }

    m_importedCategory = details.conversation.category;
    m_category->addItem(tr("%1 (as imported)").arg(m_importedCategory), QString());
    for (const QString &category : categories) {
        if (category != m_importedCategory)
            m_category->addItem(category, category);
    }
    m_category->setEnabled(true);
    const bool contained = !details.conversation.escalated;
    const int turns = int(details.conversation.messages.size());
    m_takeover->setRange(0, std::max(0, turns));
    m_takeover->setEnabled(contained && turns > 0);
    m_takeoverLabel->setEnabled(contained && turns > 0);
    m_note->setEnabled(true);

    // What the fields start from: the reviewer's draft, else what the latest tag said.
    TagDraft start;
    if (stored) {
        start = *stored;
    } else if (latest) {
        start.reasonVerdict = current;
        start.reason = latest->reason;
        start.note = latest->note;
        start.correctedCategory = latest->correctedCategory;
        start.takeoverSeq = latest->takeoverSeq;
    }
    selectReason(start.reasonVerdict, start.reason);
    int categoryIndex = 0;
    if (!start.correctedCategory.isEmpty() && start.correctedCategory != m_importedCategory)
        categoryIndex = std::max(0, m_category->findData(start.correctedCategory));
    m_category->setCurrentIndex(categoryIndex);
    m_category->setEditText(m_category->itemText(categoryIndex));
    m_category->lineEdit()->setCursorPosition(0); // the start of a long name shows, not its end
    if (start.takeoverSeq && m_takeover->isEnabled())
        m_takeover->setValue(*start.takeoverSeq + 1);
    m_note->setText(start.note);

    for (auto tag = details.tags.rbegin(); tag != details.tags.rend(); ++tag) {
        QStringList parts{tag->reviewer,
                          verdictFromName(tag->verdict) ? verdictLabel(*verdictFromName(tag->verdict)) : tag->verdict};
        if (!tag->reason.isEmpty())
            parts << reasonLabel(tag->reason);
        parts << formatDateTime(tag->taggedAtMsecs);
        QString text = parts.join(QStringLiteral(" · "));
        if (!tag->note.isEmpty())
            text += QStringLiteral("\n“%1”").arg(tag->note);
        new QListWidgetItem(text, m_history);
    }
    if (details.tags.empty())
        new QListWidgetItem(tr("None yet"), m_history);
}

TagDraft TagPanel::draft() const
{
    TagDraft draft;
    const QList<QListWidgetItem *> selected = m_reasons->selectedItems();
    if (!selected.isEmpty()) {
        const int number = selected.first()->data(kReasonRole).toInt();
        if (number > 0 && number <= int(m_numbered.size())) {
            draft.reasonVerdict = m_numbered[size_t(number - 1)].first;
            draft.reason = m_numbered[size_t(number - 1)].second;
        }
    }
    draft.note = m_note->text().trimmed();
    draft.correctedCategory = m_category->currentData().toString();
    if (m_takeover->isEnabled() && m_takeover->value() > 0)
        draft.takeoverSeq = m_takeover->value() - 1;
    return draft;
}

void TagPanel::selectReason(const std::optional<Verdict> &verdict, const QString &code)
{
    m_reasons->clearSelection();
    if (!verdict || code.isEmpty())
        return;
    for (int row = 0; row < m_reasons->count(); ++row) {
        QListWidgetItem *item = m_reasons->item(row);
        const int number = item->data(kReasonRole).toInt();
        if (number > 0 && m_numbered[size_t(number - 1)] == std::pair(*verdict, code)) {
            item->setSelected(true);
            return;
        }
    }
}

bool TagPanel::chooseReason(int number)
{
    for (int row = 0; row < m_reasons->count(); ++row) {
        QListWidgetItem *item = m_reasons->item(row);
        if (item->data(kReasonRole).toInt() == number) {
            // Choosing the chosen reason again takes it back.
            const bool wasSelected = item->isSelected();
            m_reasons->clearSelection();
            item->setSelected(!wasSelected);
            m_reasons->scrollToItem(item);
            showHint(QString());
            return true;
        }
    }
    return false;
}

void TagPanel::setTakeoverSeq(std::optional<int> seq)
{
    if (m_takeover->isEnabled())
        m_takeover->setValue(seq ? *seq + 1 : 0);
}

} // namespace workbench::ui
