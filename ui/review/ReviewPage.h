#pragma once

#include "review/ConversationDetails.h"
#include "review/SampleItems.h"
#include "review/Sampling.h"
#include "review/Verdict.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QProgressBar;
class QScrollArea;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;
class QUndoStack;

namespace workbench {
class Clock;
class Database;
class Masker;
} // namespace workbench

namespace workbench::ui {

class FactsPanel;
class SampleItemsFilter;
class SampleItemsModel;
class TagPanel;
class TranscriptDelegate;
class TranscriptModel;

/// The Review page: a sample's conversations, the transcript as a chat, the facts with their signal badges
/// and the tag panel. Keyboard first: a key per verdict, digits for reasons, J/K to move, S to skip, N for a
/// note, undo and redo; each tag is committed to the store the moment it is set.
class ReviewPage final : public QWidget {
    Q_OBJECT
public:
    explicit ReviewPage(const Clock &clock, QWidget *parent = nullptr);
    ~ReviewPage() override;

    /// The workspace to review in (nullptr: none open). The page does not own it.
    void setDatabase(Database *db);
    /// Re-reads samples, items and the conversation shown (after an import, say).
    void refresh();

    /// Draws a sample and shows it; false (with the reason shown) when the store refuses. Unless `drawAnother`,
    /// a sample of the same period, population and method that exists is shown instead, with a warning.
    bool drawSample(const SampleRequest &request, bool drawAnother = false);
    /// Shows a sample by id.
    void showSample(qint64 sampleId);
    /// Shows a conversation: selected in the current sample when it is there, else on its own.
    bool showConversation(const QString &conversationId);

    /// Adds the page's actions to the menus of the window: Review (the work) and Edit (undo, redo).
    void populateMenus(QMenu *reviewMenu, QMenu *editMenu);
    QUndoStack *undoStack() const { return m_undoStack; }

    /// The reviewer at this window: every tag it stores carries this name, the one shown in the top bar. Each window
    /// keeps its own (a rename elsewhere changes nothing here); each workspace remembers the last name used on it.
    QString reviewer() const { return m_reviewer; }
    void setReviewer(const QString &name);
    /// Where the page asks for a name when none is set (a dialog by default; tests answer it).
    void setReviewerNameProvider(std::function<QString(const QString &suggestion)> provider);
    /// Where errors go; a message box by default, replaced in tests.
    void setErrorPresenter(std::function<void(const QString &)> presenter);

    // For tests and the window.
    qint64 currentSampleId() const { return m_sampleId; }
    QString currentConversationId() const;
    SampleItemsModel *itemsModel() const { return m_items; }
    TranscriptModel *transcriptModel() const { return m_transcript; }
    FactsPanel *factsPanel() const { return m_facts; }
    TagPanel *tagPanel() const { return m_tagPanel; }
    QTableView *itemsView() const { return m_itemsView; }
    QListView *transcriptView() const { return m_transcriptView; }
    QString progressText() const;
    QString reviewerProgressText() const;
    /// The inline hint of the tag panel: why a key did nothing (no modal box interrupts the review).
    QString hintText() const;
    /// The page's action by id; an unknown id is a programming error and stops the program.
    QAction *action(const QString &name) const;
    QLineEdit *findEdit() const { return m_findEdit; }
    /// Keeps the prepared tag of the conversation shown now (the note is kept shortly after typing stops).
    void saveDraftNow();

    /// Shows customer text masked (emails, phones, cards and the workspace's patterns) or in full.
    void setMasking(bool on);
    bool isMasking() const;

Q_SIGNALS:
    /// Tags changed (set, undone, redone, imported): figures elsewhere are stale.
    void tagsChanged();

private:
    void createActions();
    QAction *addPageAction(const QString &name, const QString &text, const QKeySequence &key,
                           std::function<void()> slot);
    void reloadSamples(qint64 select);
    void reloadItems();
    void updateProgress();
    void loadCurrent();
    void showDetails();
    void clearDetails();
    void updateActionStates();

    void askForSample();
    void commitVerdict(Verdict verdict);
    void commitChosenReason();
    void chooseReason(int number);
    void move(int by);
    void advanceToNextToReview();
    void toggleSkip();
    void focusNote();
    void editReasonCodes();
    void askForReviewer();
    void showCheatSheet();
    bool ensureReviewer();
    void commandChanged(const QString &conversationId);
    void showError(const QString &message);
    int currentRow() const;
    void selectRow(int sourceRow);
    void keepARowSelected();
    void fitTagPanel();
    void scrollTranscript(int pages);
    void openFind();
    void closeFind();
    void findNext(int step);
    void discardDraft();
    QString workspaceKey() const;
    void rememberPosition();
    void restorePosition();

    const Clock &m_clock;
    Database *m_db = nullptr;
    qint64 m_sampleId = 0;
    std::vector<SampleSummary> m_samples;
    std::optional<ConversationDetails> m_details;
    QStringList m_categories;
    bool m_refreshing = false;

    QUndoStack *m_undoStack;
    QStackedWidget *m_stack;
    QLabel *m_emptyMessage;
    QPushButton *m_emptyButton;
    QComboBox *m_sampleBox;
    QLabel *m_progressLabel;
    QProgressBar *m_progressBar;
    QLabel *m_reviewersLabel;
    QPushButton *m_reviewerButton;
    QComboBox *m_showBox;
    QLineEdit *m_filterEdit;
    SampleItemsModel *m_items;
    SampleItemsFilter *m_filter;
    QTableView *m_itemsView;
    QLabel *m_transcriptHeader;
    QLabel *m_notInSample;
    TranscriptModel *m_transcript;
    TranscriptDelegate *m_transcriptDelegate;
    QListView *m_transcriptView;
    FactsPanel *m_facts;
    TagPanel *m_tagPanel;
    QScrollArea *m_rightScroll = nullptr;

    std::map<QString, QAction *> m_actions;
    QList<QAction *> m_reasonActions;
    QMenu *m_reasonMenu = nullptr;
    std::function<QString(const QString &)> m_reviewerProvider;
    std::function<void(const QString &)> m_errorPresenter;
    std::unique_ptr<Masker> m_masker; ///< set while masking is on
    QString m_reviewer;
    QString m_lastListed; ///< the sample's conversation shown last, to find again when a filter lets it back
    QTimer *m_draftTimer;
    QString m_draftConversation; ///< the conversation the tag panel's fields belong to
    QWidget *m_findBar;
    QLineEdit *m_findEdit;
    QLabel *m_findCount;
    std::vector<std::pair<int, qsizetype>> m_matches; ///< (turn, start) of each occurrence
    int m_match = -1;
};

} // namespace workbench::ui
