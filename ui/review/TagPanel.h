#pragma once

#include "review/ConversationDetails.h"
#include "review/ReviewDrafts.h"
#include "review/Verdict.h"

#include <QWidget>
#include <array>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace workbench::ui {

/// The reason codes offered for one verdict, numbered across both verdicts of a population.
struct VerdictReasons {
    Verdict verdict;
    QStringList codes;
};

/// What the reviewer has prepared for the next tag of the conversation under review.
using TagDraft = ReviewDraft;

/// The tag panel: the two verdicts valid for the conversation (with their keys), the reason codes numbered
/// for the digit keys, category correction, note, the take-over turn of a missed escalation, and every tag
/// the conversation has had. It holds no rules: the page decides what a key does.
class TagPanel final : public QWidget {
    Q_OBJECT
public:
    explicit TagPanel(QWidget *parent = nullptr);

    /// Shows a conversation: its population's verdicts and reasons, the categories to correct to, and its tags.
    /// The reviewer's stored draft prepares the fields; without one the latest tag does, so re-tagging keeps
    /// what was said.
    void showConversation(const ConversationDetails &details, const std::vector<VerdictReasons> &reasons,
                          const QStringList &categories, const QString &verdictKeys,
                          const std::optional<TagDraft> &stored = std::nullopt);
    void clear();
    /// A line under the verdicts: why a key did nothing, what to press instead. Empty hides it.
    void showHint(const QString &text);
    QString hint() const;

    /// Focus on the category: letters search its list, Return chooses, Escape puts back what it was.
    void editCategory();
    /// Focus on the take-over turn: digits set it, Return or Escape leave.
    void editTakeover();

    TagDraft draft() const;
    /// Chooses reason `number` (1-based across both lists); false when there is none.
    bool chooseReason(int number);
    /// The reason codes in digit order, with their verdicts.
    const std::vector<std::pair<Verdict, QString>> &numberedReasons() const { return m_numbered; }
    void setTakeoverSeq(std::optional<int> seq);

    QLineEdit *noteEdit() const { return m_note; }
    QComboBox *categoryBox() const { return m_category; }
    QSpinBox *takeoverBox() const { return m_takeover; }
    QListWidget *reasonList() const { return m_reasons; }
    QListWidget *historyList() const { return m_history; }

Q_SIGNALS:
    void verdictRequested(workbench::Verdict verdict);
    void reasonCodesEditRequested();
    void takeoverChanged(std::optional<int> seq);
    /// The reviewer left a field (Return or Escape): focus goes back to the list.
    void editingFinished();
    /// The reviewer changed the draft (reason, note, category, take-over turn): it is to be kept.
    void draftChanged();

private:
    void showVerdictButtons(bool escalated, const QString &verdictKeys, std::optional<Verdict> current);
    void selectReason(const std::optional<Verdict> &verdict, const QString &code);
    void chooseTypedCategory();
    void leaveCategory(bool keep);

    QPushButton *m_verdictButtons[2];
    std::array<Verdict, 2> m_buttonVerdicts = {Verdict::CorrectEscalation, Verdict::FalseEscalation};
    QLabel *m_currentVerdict;
    QListWidget *m_reasons;
    std::vector<std::pair<Verdict, QString>> m_numbered;
    QComboBox *m_category;
    QString m_importedCategory;
    QSpinBox *m_takeover;
    QLabel *m_takeoverLabel;
    QLineEdit *m_note;
    QListWidget *m_history;
    QLabel *m_hint;
    int m_categoryBeforeEdit = 0;
    bool m_loading = false; ///< filling the fields from a conversation: not the reviewer's change
};

} // namespace workbench::ui
