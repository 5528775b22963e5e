#include "ReviewPage.h"

#include "FactsPanel.h"
#include "FieldKeys.h"
#include "NewSampleDialog.h"
#include "ReasonCodesDialog.h"
#include "SampleItemsModel.h"
#include "TagPanel.h"
#include "TranscriptDelegate.h"
#include "TranscriptModel.h"
#include "commands/ReviewCommands.h"
#include "common/Clock.h"
#include "common/WorkbenchError.h"
#include "dialogs/ShortcutSheet.h"
#include "display/Format.h"
#include "report/Masking.h"
#include "review/ReasonCodes.h"
#include "review/ReviewDrafts.h"
#include "review/Tagging.h"
#include "store/Database.h"
#include "store/WorkspaceFacts.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace workbench::ui {
namespace {

const QString kReviewerKey = QStringLiteral("review/reviewer"); ///< the last name used, for a new workspace
/// Per workspace (keyed by a hash of its location): the reviewer's name, and the sample and row they were on.
const QString kWorkspaceGroup = QStringLiteral("review/workspaces/%1/%2");
const QString kAutoAdvanceKey = QStringLiteral("review/autoAdvance");
const QString kSplitterKey = QStringLiteral("review/splitter");
const QString kMaskKey = QStringLiteral("review/mask");

/// What the reviewer sees with masking on: every customer-written text masked; ids stay as they are.
ConversationDetails masked(ConversationDetails details, const Masker &masker)
{
    Conversation &c = details.conversation;
    for (Message &message : c.messages) {
        message.text = masker.mask(message.text);
        if (message.role == Role::Customer)
            message.author = masker.mask(message.author);
    }
    c.transcript = masker.mask(c.transcript);
    c.customerId = masker.mask(c.customerId);
    c.escalationReason = masker.mask(c.escalationReason);
    return details;
}

/// The keys of the verdicts: the pair valid for a conversation is shown on the tag panel's buttons.
const std::pair<Verdict, Qt::Key> kVerdictKeys[] = {{Verdict::CorrectEscalation, Qt::Key_C},
                                                    {Verdict::FalseEscalation, Qt::Key_F},
                                                    {Verdict::CorrectResolution, Qt::Key_R},
                                                    {Verdict::MissedEscalation, Qt::Key_M}};

QString verdictKeysFor(bool escalated)
{
    return escalated ? QStringLiteral("CF") : QStringLiteral("RM");
}

QString sampleTitle(const SampleSummary &sample)
{
    return QStringLiteral("%1 · %2 · %3 · %4 / %5")
        .arg(sample.period, sample.population, sample.method, formatCount(sample.reviewed), formatCount(sample.size));
}

} // namespace

ReviewPage::ReviewPage(const Clock &clock, QWidget *parent)
    : QWidget(parent), m_clock(clock), m_undoStack(new QUndoStack(this)), m_stack(new QStackedWidget(this)),
      m_emptyMessage(new QLabel(this)), m_emptyButton(new QPushButton(tr("Draw a Sample…"), this)),
      m_sampleBox(new QComboBox(this)), m_progressLabel(new QLabel(this)), m_progressBar(new QProgressBar(this)),
      m_reviewersLabel(new QLabel(this)), m_reviewerButton(new QPushButton(this)), m_showBox(new QComboBox(this)),
      m_filterEdit(new QLineEdit(this)), m_items(new SampleItemsModel(this)), m_filter(new SampleItemsFilter(this)),
      m_itemsView(new QTableView(this)), m_transcriptHeader(new QLabel(this)), m_notInSample(new QLabel(this)),
      m_transcript(new TranscriptModel(this)), m_transcriptDelegate(nullptr), m_transcriptView(new QListView(this)),
      m_facts(new FactsPanel(this)), m_tagPanel(new TagPanel(this)), m_draftTimer(new QTimer(this)),
      m_findBar(new QWidget(this)), m_findEdit(new QLineEdit(this)), m_findCount(new QLabel(this))
{
    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(250); // a note is kept a moment after typing stops
    connect(m_draftTimer, &QTimer::timeout, this, &ReviewPage::saveDraftNow);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    // Empty state: what to do next.
    auto *empty = new QWidget(this);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    m_emptyMessage->setAlignment(Qt::AlignCenter);
    m_emptyMessage->setWordWrap(true);
    m_emptyMessage->setObjectName(QStringLiteral("review-empty"));
    emptyLayout->addWidget(m_emptyMessage);
    auto *emptyButtonRow = new QHBoxLayout;
    emptyButtonRow->addStretch(1);
    emptyButtonRow->addWidget(m_emptyButton);
    emptyButtonRow->addStretch(1);
    emptyLayout->addLayout(emptyButtonRow);
    emptyLayout->addStretch(2);
    connect(m_emptyButton, &QPushButton::clicked, this, &ReviewPage::askForSample);
    m_stack->addWidget(empty);

    auto *work = new QWidget(this);
    auto *workLayout = new QVBoxLayout(work);
    workLayout->setContentsMargins(12, 10, 12, 8);

    // Top bar: the sample, its progress, who reviewed how many, and who is reviewing.
    auto *top = new QHBoxLayout;
    m_sampleBox->setObjectName(QStringLiteral("sample"));
    m_sampleBox->setMinimumContentsLength(16);
    m_sampleBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_sampleBox->setFocusPolicy(Qt::NoFocus);
    top->addWidget(m_sampleBox);
    auto *newSample = new QPushButton(tr("New Sample…"), this);
    newSample->setFocusPolicy(Qt::NoFocus);
    connect(newSample, &QPushButton::clicked, this, &ReviewPage::askForSample);
    top->addWidget(newSample);
    // Progress on a row of its own under the sample: a small window or a large font keeps every part whole.
    auto *progressRow = new QHBoxLayout;
    QFont progressFont = m_progressLabel->font();
    progressFont.setBold(true);
    progressFont.setPointSizeF(progressFont.pointSizeF() * 1.35);
    m_progressLabel->setFont(progressFont);
    m_progressLabel->setObjectName(QStringLiteral("progress"));
    progressRow->addWidget(m_progressLabel);
    m_progressBar->setTextVisible(false);
    m_progressBar->setFixedWidth(90);
    m_progressBar->setMaximumHeight(10);
    progressRow->addWidget(m_progressBar);
    m_reviewersLabel->setObjectName(QStringLiteral("reviewer-progress"));
    m_reviewersLabel->setTextFormat(Qt::PlainText);
    m_reviewersLabel->setForegroundRole(QPalette::PlaceholderText);
    m_reviewersLabel->setSizePolicy(QSizePolicy::Ignored,
                                    QSizePolicy::Preferred); // a small window cuts it, not the bar
    progressRow->addWidget(m_reviewersLabel, 1);
    top->addStretch(1);
    auto *autoAdvanceButton = new QToolButton(this);
    autoAdvanceButton->setObjectName(QStringLiteral("auto-advance"));
    autoAdvanceButton->setFocusPolicy(Qt::NoFocus);
    autoAdvanceButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    top->addWidget(autoAdvanceButton);
    m_reviewerButton->setFlat(true);
    m_reviewerButton->setFocusPolicy(Qt::NoFocus);
    m_reviewerButton->setObjectName(QStringLiteral("reviewer"));
    connect(m_reviewerButton, &QPushButton::clicked, this, &ReviewPage::askForReviewer);
    top->addWidget(m_reviewerButton);
    workLayout->addLayout(top);
    workLayout->addLayout(progressRow);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);

    // Left: the sample list with its filter.
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 6, 0);
    auto *filterRow = new QHBoxLayout;
    m_showBox->addItem(tr("All"), int(SampleItemsFilter::Show::All));
    m_showBox->addItem(tr("To review"), int(SampleItemsFilter::Show::ToReview));
    m_showBox->addItem(tr("Reviewed"), int(SampleItemsFilter::Show::Reviewed));
    m_showBox->addItem(tr("Skipped"), int(SampleItemsFilter::Show::Skipped));
    m_showBox->addItem(tr("False or missed"), int(SampleItemsFilter::Show::FalseOrMissed));
    m_showBox->setFocusPolicy(Qt::NoFocus);
    m_showBox->setObjectName(QStringLiteral("show"));
    connect(m_showBox, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setShow(SampleItemsFilter::Show(m_showBox->currentData().toInt()));
        keepARowSelected();
    });
    filterRow->addWidget(m_showBox);
    m_filterEdit->setPlaceholderText(tr("Filter by id or category (Ctrl+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setObjectName(QStringLiteral("filter"));
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        keepARowSelected();
    });
    m_filterEdit->setFocusPolicy(Qt::ClickFocus);
    new FieldKeys(
        m_filterEdit, [this] { m_itemsView->setFocus(); }, [this] { m_itemsView->setFocus(); });
    filterRow->addWidget(m_filterEdit, 1);
    leftLayout->addLayout(filterRow);
    m_filter->setSourceModel(m_items);
    m_itemsView->setObjectName(QStringLiteral("sample-items"));
    m_itemsView->setModel(m_filter);
    m_itemsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_itemsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_itemsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_itemsView->setAlternatingRowColors(true);
    m_itemsView->setShowGrid(false);
    m_itemsView->setWordWrap(false);
    m_itemsView->verticalHeader()->hide();
    m_itemsView->verticalHeader()->setDefaultSectionSize(m_itemsView->fontMetrics().height() + 10);
    m_itemsView->horizontalHeader()->setSectionResizeMode(SampleItemsModel::PositionColumn,
                                                          QHeaderView::ResizeToContents);
    // The id is what reviewers quote: it is shown whole; a long category is elided instead.
    m_itemsView->horizontalHeader()->setSectionResizeMode(SampleItemsModel::ConversationColumn,
                                                          QHeaderView::ResizeToContents);
    m_itemsView->horizontalHeader()->setSectionResizeMode(SampleItemsModel::CategoryColumn, QHeaderView::Stretch);
    m_itemsView->horizontalHeader()->setSectionResizeMode(SampleItemsModel::StatusColumn,
                                                          QHeaderView::ResizeToContents);
    m_itemsView->horizontalHeader()->setHighlightSections(false);
    m_itemsView->horizontalHeader()->setTextElideMode(Qt::ElideRight);
    m_itemsView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft |
                                                         Qt::AlignVCenter); // a narrow column cuts its end
    // The status before the category: where the list is narrow, the category is what gets cut.
    m_itemsView->horizontalHeader()->moveSection(SampleItemsModel::StatusColumn, SampleItemsModel::CategoryColumn);
    // Where the keys go is always visible: the list wears the highlight colour while it has the focus.
    m_itemsView->setStyleSheet(
        QStringLiteral("QTableView#sample-items:focus { border: 2px solid palette(highlight); }"));
    connect(m_itemsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (!m_refreshing)
            loadCurrent();
    });
    leftLayout->addWidget(m_itemsView, 1);
    splitter->addWidget(left);

    // Middle: the transcript.
    auto *middle = new QWidget(splitter);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(6, 0, 6, 0);
    m_transcriptHeader->setTextFormat(Qt::PlainText);
    m_transcriptHeader->setWordWrap(true); // a long header wraps rather than widen the window
    m_transcriptHeader->setObjectName(QStringLiteral("transcript-header"));
    middleLayout->addWidget(m_transcriptHeader);
    m_notInSample->setText(tr("This conversation is not in the sample shown; tags on it count all the same."));
    m_notInSample->setWordWrap(true);
    m_notInSample->setForegroundRole(QPalette::PlaceholderText);
    m_notInSample->hide();
    middleLayout->addWidget(m_notInSample);
    // Find in the transcript (Ctrl+Shift+F): Return the next match, Shift+Return the previous, Escape closes.
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(0, 0, 0, 4);
    m_findEdit->setObjectName(QStringLiteral("transcript-find"));
    m_findEdit->setPlaceholderText(tr("Find in the transcript"));
    m_findEdit->setClearButtonEnabled(true);
    findLayout->addWidget(m_findEdit, 1);
    m_findCount->setObjectName(QStringLiteral("transcript-find-count"));
    m_findCount->setTextFormat(Qt::PlainText);
    findLayout->addWidget(m_findCount);
    m_findBar->hide();
    connect(m_findEdit, &QLineEdit::textChanged, this, [this] { findNext(0); });
    new FieldKeys(
        m_findEdit, [this] { findNext(QGuiApplication::keyboardModifiers() & Qt::ShiftModifier ? -1 : 1); },
        [this] { closeFind(); });
    middleLayout->addWidget(m_findBar);
    m_transcriptView->setObjectName(QStringLiteral("transcript"));
    m_transcriptView->setModel(m_transcript);
    m_transcriptDelegate = new TranscriptDelegate(m_transcriptView);
    m_transcriptView->setItemDelegate(m_transcriptDelegate);
    m_transcriptView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Bubbles are as wide as the view: a scroll bar that comes and goes would re-wrap every turn.
    m_transcriptView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_transcriptView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_transcriptView->setMinimumWidth(m_transcriptView->fontMetrics().averageCharWidth() * 30); // bubbles stay readable
    m_transcriptView->setResizeMode(QListView::Adjust);
    m_transcriptView->setLayoutMode(QListView::Batched); // a 10,000-turn chat appears at once and fills in
    m_transcriptView->setBatchSize(100);
    m_transcriptView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_transcriptView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_transcriptView->setFocusPolicy(Qt::ClickFocus);
    m_transcriptView->setWordWrap(true);
    connect(m_transcript, &QAbstractItemModel::modelReset, m_transcriptDelegate, &TranscriptDelegate::clearCache);
    connect(m_transcriptView, &QListView::clicked, this, [this](const QModelIndex &index) {
        // A click on a turn of a kept conversation names where a person should have taken over.
        if (m_details && !m_details->conversation.escalated)
            m_tagPanel->setTakeoverSeq(index.row());
    });
    middleLayout->addWidget(m_transcriptView, 1);
    splitter->addWidget(middle);

    // Right: facts, badges and the tag panel; it scrolls on a small screen rather than squeeze the transcript.
    auto *rightScroll = new QScrollArea(splitter);
    rightScroll->setWidgetResizable(true);
    rightScroll->setFrameShape(QFrame::NoFrame);
    rightScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    rightScroll->setMinimumWidth(rightScroll->fontMetrics().averageCharWidth() * 32); // refined below, once filled
    m_rightScroll = rightScroll;
    auto *right = new QWidget(rightScroll);
    rightScroll->setWidget(right);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 0, 0, 0);
    rightLayout->addWidget(m_facts);
    auto *line = new QFrame(right);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    rightLayout->addWidget(line);
    rightLayout->addWidget(m_tagPanel, 1);
    connect(m_tagPanel, &TagPanel::verdictRequested, this, &ReviewPage::commitVerdict);
    connect(m_tagPanel, &TagPanel::reasonCodesEditRequested, this, &ReviewPage::editReasonCodes);
    connect(m_tagPanel, &TagPanel::editingFinished, this, [this] {
        saveDraftNow();
        m_itemsView->setFocus();
    });
    connect(m_tagPanel, &TagPanel::draftChanged, m_draftTimer, qOverload<>(&QTimer::start));
    connect(m_tagPanel, &TagPanel::takeoverChanged, this, [this](std::optional<int> seq) {
        m_transcript->setTakeoverSeq(seq);
        m_transcriptDelegate->clearCache(); // the marked turn grows by a band
        m_transcriptView->doItemsLayout();
        if (seq)
            m_transcriptView->scrollTo(m_transcript->index(*seq));
    });
    splitter->addWidget(rightScroll);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    // The position, the id and the status in whole words (the category yields first), in the font in use.
    left->setMinimumWidth(
        m_itemsView->fontMetrics().horizontalAdvance(QStringLiteral("000 CNV-0000000 Missed escalation")) + 48);
    splitter->setSizes({300, 2000, 280}); // the transcript takes what the list and the tag panel leave
    splitter->restoreState(QSettings().value(kSplitterKey).toByteArray());
    connect(splitter, &QSplitter::splitterMoved, this,
            [splitter] { QSettings().setValue(kSplitterKey, splitter->saveState()); });
    workLayout->addWidget(splitter, 1);
    m_stack->addWidget(work);

    connect(m_sampleBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_refreshing || index < 0)
            return;
        showSample(m_sampleBox->itemData(index).toLongLong());
    });

    createActions();
    fitTagPanel();
    autoAdvanceButton->setDefaultAction(action(QStringLiteral("auto-advance")));
    auto showAutoAdvance = [autoAdvanceButton](bool on) {
        autoAdvanceButton->setText(on ? tr("Auto-advance on (A)") : tr("Auto-advance off (A)"));
    };
    connect(action(QStringLiteral("auto-advance")), &QAction::toggled, this, showAutoAdvance);
    showAutoAdvance(action(QStringLiteral("auto-advance"))->isChecked());
    setDatabase(nullptr);
}

ReviewPage::~ReviewPage()
{
    saveDraftNow();
}

QAction *ReviewPage::addPageAction(const QString &name, const QString &text, const QKeySequence &key,
                                   std::function<void()> slot)
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    if (!key.isEmpty())
        action->setShortcut(key);
    // Single keys act only while the page has focus; in a text field, the field takes them.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(action, &QAction::triggered, this, std::move(slot));
    addAction(action);
    m_actions[name] = action;
    return action;
}

void ReviewPage::createActions()
{
    addPageAction(QStringLiteral("new-sample"), tr("&New Sample…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                  [this] { askForSample(); })
        ->setShortcutContext(Qt::WindowShortcut);
    for (const auto &[verdict, key] : kVerdictKeys) {
        const Verdict v = verdict;
        addPageAction(QStringLiteral("verdict-") + verdictName(v), verdictLabel(v), QKeySequence(key),
                      [this, v] { commitVerdict(v); });
    }
    addPageAction(QStringLiteral("confirm"), tr("Tag with the Chosen &Reason"), QKeySequence(Qt::Key_Return),
                  [this] { commitChosenReason(); })
        // Ctrl+Return commits from anywhere on the page, a field included.
        ->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::Key_Return),
                        QKeySequence(Qt::CTRL | Qt::Key_Enter), QKeySequence(Qt::Key_Enter)});
    for (int number = 1; number <= 10; ++number) {
        const Qt::Key key = number == 10 ? Qt::Key_0 : Qt::Key(Qt::Key_0 + number);
        m_reasonActions << addPageAction(QStringLiteral("reason-%1").arg(number), tr("Reason %1").arg(number),
                                         QKeySequence(key), [this, number] { chooseReason(number); });
    }
    addPageAction(QStringLiteral("next"), tr("&Next Conversation"), QKeySequence(Qt::Key_J), [this] { move(1); });
    addPageAction(QStringLiteral("previous"), tr("&Previous Conversation"), QKeySequence(Qt::Key_K),
                  [this] { move(-1); });
    addPageAction(QStringLiteral("next-to-review"), tr("Next &to Review"), QKeySequence(Qt::SHIFT | Qt::Key_J),
                  [this] { advanceToNextToReview(); });
    // The transcript scrolls while the list keeps the focus.
    addPageAction(QStringLiteral("scroll-down"), tr("Scroll the Transcript Down"), QKeySequence(Qt::Key_Space), [this] {
        scrollTranscript(1);
    })->setShortcuts({QKeySequence(Qt::Key_Space), QKeySequence(Qt::Key_PageDown)});
    addPageAction(QStringLiteral("scroll-up"), tr("Scroll the Transcript Up"), QKeySequence(Qt::SHIFT | Qt::Key_Space),
                  [this] { scrollTranscript(-1); })
        ->setShortcuts({QKeySequence(Qt::SHIFT | Qt::Key_Space), QKeySequence(Qt::Key_PageUp)});
    addPageAction(QStringLiteral("find"), tr("&Find in the Transcript"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
                  [this] { openFind(); });
    addPageAction(QStringLiteral("discard-draft"), tr("&Discard the Prepared Tag"),
                  QKeySequence(Qt::CTRL | Qt::Key_Backspace), [this] { discardDraft(); });
    addPageAction(QStringLiteral("choose-sample"), tr("C&hoose a Sample…"),
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), [this] {
                      m_sampleBox->setFocus(Qt::ShortcutFocusReason);
                      m_sampleBox->showPopup();
                  });
    auto *showGroup = new QActionGroup(this);
    for (int i = 0; i < m_showBox->count(); ++i) {
        QAction *show =
            addPageAction(QStringLiteral("show-%1").arg(i), tr("Show: %1").arg(m_showBox->itemText(i)),
                          QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)), [this, i] { m_showBox->setCurrentIndex(i); });
        show->setCheckable(true);
        show->setChecked(i == 0);
        showGroup->addAction(show);
    }
    connect(m_showBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (QAction *show = m_actions[QStringLiteral("show-%1").arg(index)])
            show->setChecked(true);
    });
    addPageAction(QStringLiteral("skip"), tr("&Skip"), QKeySequence(Qt::Key_S), [this] { toggleSkip(); });
    addPageAction(QStringLiteral("note"), tr("Write a N&ote"), QKeySequence(Qt::Key_N), [this] { focusNote(); });
    addPageAction(QStringLiteral("category"), tr("Correct the &Category"), QKeySequence(Qt::Key_G), [this] {
        m_tagPanel->editCategory();
        m_rightScroll->ensureWidgetVisible(m_tagPanel->categoryBox());
    });
    addPageAction(QStringLiteral("takeover"), tr("Set the Take-over &Turn"), QKeySequence(Qt::Key_T), [this] {
        m_tagPanel->editTakeover();
        m_rightScroll->ensureWidgetVisible(m_tagPanel->takeoverBox());
    });
    QAction *autoAdvance =
        addPageAction(QStringLiteral("auto-advance"), tr("&Auto-advance after a Tag"), QKeySequence(Qt::Key_A), [] {});
    autoAdvance->setCheckable(true);
    autoAdvance->setChecked(QSettings().value(kAutoAdvanceKey, true).toBool());
    connect(autoAdvance, &QAction::toggled, this, [](bool on) { QSettings().setValue(kAutoAdvanceKey, on); });
    addPageAction(QStringLiteral("filter"), tr("&Filter the List"), QKeySequence::Find, [this] {
        m_filterEdit->setFocus();
        m_filterEdit->selectAll();
    });
    addPageAction(QStringLiteral("reason-codes"), tr("&Edit Reason Codes…"), {}, [this] { editReasonCodes(); });
    addPageAction(QStringLiteral("reviewer"), tr("Reviewer &Name…"), {}, [this] { askForReviewer(); });
    QAction *mask = addPageAction(QStringLiteral("mask"), tr("&Mask Customer Data"),
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), [] {});
    mask->setCheckable(true);
    connect(mask, &QAction::toggled, this, &ReviewPage::setMasking);
    addPageAction(QStringLiteral("cheat-sheet"), tr("&Keyboard Shortcuts"), QKeySequence(Qt::Key_Question),
                  [this] { showCheatSheet(); });

    QAction *undo = m_undoStack->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undo);
    m_actions[QStringLiteral("undo")] = undo;
    QAction *redo = m_undoStack->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redo"));
    // Both common bindings, whatever the platform theme calls "redo".
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(redo);
    m_actions[QStringLiteral("redo")] = redo;
}

QAction *ReviewPage::action(const QString &name) const
{
    const auto found = m_actions.find(name);
    if (found == m_actions.end())
        qFatal("ReviewPage: no action \"%s\"", qPrintable(name));
    return found->second;
}

void ReviewPage::populateMenus(QMenu *reviewMenu, QMenu *editMenu)
{
    editMenu->addAction(action(QStringLiteral("undo")));
    editMenu->addAction(action(QStringLiteral("redo")));
    editMenu->addSeparator();
    editMenu->addAction(action(QStringLiteral("filter")));

    reviewMenu->addAction(action(QStringLiteral("new-sample")));
    reviewMenu->addSeparator();
    for (const auto &[verdict, key] : kVerdictKeys)
        reviewMenu->addAction(action(QStringLiteral("verdict-") + verdictName(verdict)));
    m_reasonMenu = reviewMenu->addMenu(tr("Choose a Reason"));
    m_reasonMenu->addActions(m_reasonActions);
    reviewMenu->addAction(action(QStringLiteral("confirm")));
    reviewMenu->addSeparator();
    for (const char *name : {"next", "previous", "next-to-review", "skip", "scroll-down", "scroll-up", "find"})
        reviewMenu->addAction(action(QString::fromLatin1(name)));
    reviewMenu->addSeparator();
    for (const char *name : {"note", "category", "takeover", "discard-draft"})
        reviewMenu->addAction(action(QString::fromLatin1(name)));
    reviewMenu->addSeparator();
    reviewMenu->addAction(action(QStringLiteral("choose-sample")));
    QMenu *showMenu = reviewMenu->addMenu(tr("&Show in the List"));
    for (int i = 0; i < m_showBox->count(); ++i)
        showMenu->addAction(action(QStringLiteral("show-%1").arg(i)));
    reviewMenu->addSeparator();
    for (const char *name : {"auto-advance", "mask", "reason-codes", "reviewer", "cheat-sheet"})
        reviewMenu->addAction(action(QString::fromLatin1(name)));
}

void ReviewPage::setReviewer(const QString &name)
{
    const QString trimmed = name.trimmed();
    const QString previous = m_reviewer;
    // A first name takes over what was prepared before it was given; a new name leaves the previous one's draft
    // stored as theirs and shows the new reviewer's own.
    const bool takeOver = previous.isEmpty();
    if (trimmed != previous && !takeOver)
        saveDraftNow();
    m_reviewer = trimmed;
    if (!trimmed.isEmpty()) {
        QSettings settings;
        settings.setValue(kReviewerKey, trimmed);
        if (m_db)
            settings.setValue(kWorkspaceGroup.arg(workspaceKey(), QStringLiteral("reviewer")), trimmed);
    }
    m_reviewerButton->setText(trimmed.isEmpty() ? tr("Reviewer: not set") : tr("Reviewer: %1").arg(trimmed));
    if (trimmed == previous || !m_details || !m_db)
        return;
    if (takeOver) {
        discardReviewDraft(*m_db, m_details->conversation.conversationId, previous);
        saveDraftNow();
    } else {
        showDetails();
    }
}

QString ReviewPage::workspaceKey() const
{
    if (!m_db)
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(m_db->path().toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

void ReviewPage::rememberPosition()
{
    if (!m_db || m_sampleId == 0)
        return;
    QSettings settings;
    settings.setValue(kWorkspaceGroup.arg(workspaceKey(), QStringLiteral("sample")), m_sampleId);
    settings.setValue(kWorkspaceGroup.arg(workspaceKey(), QStringLiteral("conversation")), currentConversationId());
}

void ReviewPage::restorePosition()
{
    const QSettings settings;
    const qint64 sampleId = settings.value(kWorkspaceGroup.arg(workspaceKey(), QStringLiteral("sample"))).toLongLong();
    const QString conversation =
        settings.value(kWorkspaceGroup.arg(workspaceKey(), QStringLiteral("conversation"))).toString();
    if (sampleId == 0 || m_sampleBox->findData(sampleId) < 0)
        return;
    showSample(sampleId);
    const int row = m_items->rowOf(conversation);
    if (row >= 0)
        selectRow(row);
}

QString ReviewPage::hintText() const
{
    return m_tagPanel->hint();
}

void ReviewPage::saveDraftNow()
{
    m_draftTimer->stop();
    if (!m_db || m_draftConversation.isEmpty() || !m_details ||
        m_details->conversation.conversationId != m_draftConversation)
        return;
    try {
        saveReviewDraft(*m_db, m_draftConversation, m_reviewer, m_tagPanel->draft(),
                        m_clock.nowUtc().toMSecsSinceEpoch());
    } catch (const WorkbenchError &error) {
        showError(error.message());
    }
}

void ReviewPage::discardDraft()
{
    if (!m_db || !m_details)
        return;
    m_draftTimer->stop();
    discardReviewDraft(*m_db, m_details->conversation.conversationId, m_reviewer);
    showDetails();
    m_tagPanel->showHint(tr("The prepared tag was discarded: the fields show the conversation's tag again."));
}

void ReviewPage::fitTagPanel()
{
    // The facts and tag panel are never narrower than what they hold: they scroll up and down, never sideways.
    const int needed =
        m_rightScroll->widget()->minimumSizeHint().width() + m_rightScroll->verticalScrollBar()->sizeHint().width() + 4;
    if (needed > m_rightScroll->minimumWidth())
        m_rightScroll->setMinimumWidth(needed);
}

void ReviewPage::keepARowSelected()
{
    if (m_refreshing || m_itemsView->currentIndex().isValid() || m_filter->rowCount() == 0)
        return;
    // The list lost its row to the filter: the one last shown when it is listed again, else the first.
    const QModelIndex last = m_filter->mapFromSource(m_items->index(std::max(0, m_items->rowOf(m_lastListed)), 0));
    m_itemsView->setCurrentIndex(last.isValid() ? last : m_filter->index(0, 0));
}

void ReviewPage::scrollTranscript(int pages)
{
    QScrollBar *bar = m_transcriptView->verticalScrollBar();
    bar->setValue(bar->value() + pages * std::max(1, bar->pageStep() - bar->singleStep() * 2));
}

void ReviewPage::openFind()
{
    m_findBar->show();
    m_findEdit->setFocus(Qt::ShortcutFocusReason);
    m_findEdit->selectAll();
    findNext(0);
}

void ReviewPage::closeFind()
{
    m_findBar->hide();
    m_matches.clear();
    m_match = -1;
    m_transcriptDelegate->setFindText(QString());
    m_itemsView->setFocus();
}

void ReviewPage::findNext(int step)
{
    const QString term = m_findEdit->text();
    if (step == 0) {
        // The term changed (or the conversation did): find every occurrence again, from the top.
        m_matches.clear();
        m_match = -1;
        if (!term.isEmpty()) {
            for (int row = 0; row < m_transcript->rowCount(); ++row) {
                const QString text = bubbleText(m_transcript->index(row).data().toString());
                for (qsizetype at = text.indexOf(term, 0, Qt::CaseInsensitive); at >= 0;
                     at = text.indexOf(term, at + term.size(), Qt::CaseInsensitive))
                    m_matches.emplace_back(row, at);
            }
        }
        m_transcriptDelegate->setFindText(m_findBar->isVisible() ? term : QString());
        step = 1;
    }
    if (m_matches.empty()) {
        m_findCount->setText(term.isEmpty() ? QString() : tr("not found"));
        m_transcriptDelegate->setCurrentMatch(-1, -1);
        return;
    }
    const int count = int(m_matches.size());
    m_match = m_match < 0 ? 0 : ((m_match + step) % count + count) % count;
    const auto [row, start] = m_matches[size_t(m_match)];
    m_transcriptDelegate->setCurrentMatch(row, start);
    m_transcriptView->scrollTo(m_transcript->index(row), QAbstractItemView::PositionAtCenter);
    m_findCount->setText(tr("%1 of %2").arg(m_match + 1).arg(count));
}

void ReviewPage::setReviewerNameProvider(std::function<QString(const QString &)> provider)
{
    m_reviewerProvider = std::move(provider);
}

void ReviewPage::setErrorPresenter(std::function<void(const QString &)> presenter)
{
    m_errorPresenter = std::move(presenter);
}

void ReviewPage::showError(const QString &message)
{
    // Inline, beside the verdicts: a modal box would take the reviewer's next key.
    m_tagPanel->showHint(message);
    if (m_errorPresenter)
        m_errorPresenter(message);
}

void ReviewPage::askForReviewer()
{
    if (m_db && !m_db->serverUser().isEmpty()) {
        showError(tr("On a team workspace every tag is signed with your login (%1); sign in as another person to "
                     "review as them.")
                      .arg(m_db->serverUser()));
        return;
    }
    const QString suggestion = reviewer().isEmpty() ? qEnvironmentVariable("USER") : reviewer();
    const QString name = m_reviewerProvider ? m_reviewerProvider(suggestion)
                                            : QInputDialog::getText(this, tr("Reviewer Name"),
                                                                    tr("Your name, stored with every tag you set:"),
                                                                    QLineEdit::Normal, suggestion);
    if (!name.trimmed().isEmpty())
        setReviewer(name);
}

bool ReviewPage::ensureReviewer()
{
    if (reviewer().isEmpty())
        askForReviewer();
    return !reviewer().isEmpty();
}

void ReviewPage::setMasking(bool on)
{
    QSettings().setValue(kMaskKey, on);
    m_masker = on && m_db ? std::make_unique<Masker>(listMaskPatterns(*m_db)) : nullptr;
    QAction *mask = action(QStringLiteral("mask"));
    if (mask->isChecked() != on) {
        const QSignalBlocker blocker(mask);
        mask->setChecked(on);
    }
    if (m_details)
        showDetails();
}

bool ReviewPage::isMasking() const
{
    return action(QStringLiteral("mask"))->isChecked();
}

void ReviewPage::setDatabase(Database *db)
{
    saveDraftNow();
    m_draftConversation.clear();
    m_details.reset(); // it belongs to the workspace that is closing
    m_db = db;
    {
        const QSettings settings;
        const QString remembered =
            db ? settings.value(kWorkspaceGroup.arg(workspaceKey(), QStringLiteral("reviewer"))).toString() : QString();
        // A window keeps the name it has; a new one takes the workspace's last reviewer, else the last name used.
        // On a team workspace the server says who signs: the login, whatever a name typed before.
        m_reviewer = db && !db->serverUser().isEmpty() ? db->serverUser()
                     : !m_reviewer.isEmpty()           ? m_reviewer
                     : !remembered.isEmpty()           ? remembered
                                                       : settings.value(kReviewerKey).toString();
        m_reviewerButton->setText(m_reviewer.isEmpty() ? tr("Reviewer: not set") : tr("Reviewer: %1").arg(m_reviewer));
    }
    setMasking(QSettings().value(kMaskKey, false).toBool());
    m_undoStack->clear(); // commands hold the store they were made on
    m_sampleId = 0;
    refresh();
    if (m_db)
        restorePosition(); // back to the sample and row the reviewer was on
}

void ReviewPage::refresh()
{
    if (!m_db) {
        m_emptyMessage->setText(tr("Open a workspace to review its conversations."));
        m_emptyButton->hide();
        m_stack->setCurrentIndex(0);
        clearDetails();
        updateActionStates();
        return;
    }
    m_categories = categoryNames(*m_db);
    reloadSamples(m_sampleId);
}

void ReviewPage::reloadSamples(qint64 select)
{
    m_samples = listSamples(*m_db);
    if (m_samples.empty()) {
        const bool hasConversations = workbench::hasConversations(*m_db);
        m_emptyMessage->setText(hasConversations
                                    ? tr("No samples yet. Draw this week's sample of escalated conversations to "
                                         "start reviewing (Ctrl+Shift+N).")
                                    : tr("This workspace holds no conversations yet: import some on the Data page "
                                         "(Ctrl+I), then draw a sample here."));
        m_emptyButton->setVisible(hasConversations);
        m_stack->setCurrentIndex(0);
        m_sampleId = 0;
        m_items->setItems({});
        clearDetails();
        updateActionStates();
        return;
    }
    m_stack->setCurrentIndex(1);
    m_refreshing = true;
    m_sampleBox->clear();
    int selectIndex = 0;
    for (size_t i = 0; i < m_samples.size(); ++i) {
        m_sampleBox->addItem(sampleTitle(m_samples[i]), m_samples[i].id);
        if (m_samples[i].id == select)
            selectIndex = int(i);
    }
    m_sampleBox->setCurrentIndex(selectIndex);
    m_refreshing = false;
    const qint64 chosen = m_samples[size_t(selectIndex)].id;
    if (chosen != m_sampleId)
        showSample(chosen);
    else
        reloadItems();
}

void ReviewPage::showSample(qint64 sampleId)
{
    if (!m_db)
        return;
    m_sampleId = sampleId;
    m_refreshing = true;
    const int boxIndex = m_sampleBox->findData(sampleId);
    if (boxIndex >= 0)
        m_sampleBox->setCurrentIndex(boxIndex);
    m_items->setItems(loadSampleItems(*m_db, sampleId));
    m_refreshing = false;
    updateProgress();
    // Start where the work is: the first conversation not reviewed yet.
    int first = 0;
    for (int row = 0; row < m_items->rowCount(); ++row) {
        if (SampleItemsModel::statusOf(m_items->item(row)) == SampleItemsModel::Status::ToReview) {
            first = row;
            break;
        }
    }
    if (m_items->rowCount() > 0)
        selectRow(first);
    else
        clearDetails();
    m_itemsView->setFocus();
}

void ReviewPage::reloadItems()
{
    if (!m_db || m_sampleId == 0)
        return;
    m_refreshing = true;
    m_items->setItems(loadSampleItems(*m_db, m_sampleId));
    m_refreshing = false;
    updateProgress();
}

void ReviewPage::updateProgress()
{
    qint64 reviewed = 0;
    qint64 skipped = 0;
    for (const SampleItem &item : m_items->items()) {
        const auto status = SampleItemsModel::statusOf(item);
        reviewed += status == SampleItemsModel::Status::Reviewed ? 1 : 0;
        skipped += status == SampleItemsModel::Status::Skipped ? 1 : 0;
    }
    const qint64 total = qint64(m_items->items().size());
    m_progressLabel->setText(QStringLiteral("%1 / %2").arg(formatCount(reviewed), formatCount(total)));
    m_progressLabel->setToolTip(tr("%1 of %2 conversations of this sample have a verdict").arg(reviewed).arg(total));
    m_progressBar->setRange(0, int(std::max<qint64>(1, total)));
    m_progressBar->setValue(int(reviewed));
    QStringList parts;
    if (m_db && m_sampleId != 0) {
        for (const ReviewerProgress &progress : reviewerProgress(*m_db, m_sampleId))
            parts << QStringLiteral("%1 %2").arg(progress.reviewer, formatCount(progress.tagged));
    }
    if (skipped > 0)
        parts << tr("%1 skipped").arg(formatCount(skipped));
    m_reviewersLabel->setText(parts.join(QStringLiteral(" · ")));
    // Keep the sample picker's counts current too.
    const int boxIndex = m_sampleBox->findData(m_sampleId);
    for (SampleSummary &sample : m_samples) {
        if (sample.id == m_sampleId && boxIndex >= 0) {
            sample.reviewed = reviewed;
            m_sampleBox->setItemText(boxIndex, sampleTitle(sample));
        }
    }
}

QString ReviewPage::progressText() const
{
    return m_progressLabel->text();
}

QString ReviewPage::reviewerProgressText() const
{
    return m_reviewersLabel->text();
}

int ReviewPage::currentRow() const
{
    const QModelIndex current = m_filter->mapToSource(m_itemsView->currentIndex());
    return current.isValid() ? current.row() : -1;
}

void ReviewPage::selectRow(int sourceRow)
{
    QModelIndex index = m_filter->mapFromSource(m_items->index(sourceRow, 0));
    if (!index.isValid()) {
        // Filtered out: show everything rather than lose the reviewer's place.
        m_showBox->setCurrentIndex(0);
        m_filterEdit->clear();
        index = m_filter->mapFromSource(m_items->index(sourceRow, 0));
    }
    m_itemsView->setCurrentIndex(index);
    m_itemsView->scrollTo(index);
}

QString ReviewPage::currentConversationId() const
{
    return m_details ? m_details->conversation.conversationId : QString();
}

void ReviewPage::loadCurrent()
{
    saveDraftNow();
    const int row = currentRow();
    if (!m_db || row < 0) {
        clearDetails();
        return;
    }
    m_details = loadConversation(*m_db, m_items->item(row).conversationId);
    m_lastListed = m_items->item(row).conversationId;
    m_notInSample->hide();
    showDetails();
    rememberPosition();
}

bool ReviewPage::showConversation(const QString &conversationId)
{
    if (!m_db)
        return false;
    const int row = m_items->rowOf(conversationId);
    if (row >= 0) {
        selectRow(row);
        return true;
    }
    std::optional<ConversationDetails> details = loadConversation(*m_db, conversationId);
    if (!details)
        return false;
    saveDraftNow();
    m_stack->setCurrentIndex(1);
    m_itemsView->selectionModel()->clearCurrentIndex();
    m_details = std::move(details);
    m_notInSample->show();
    showDetails();
    return true;
}

void ReviewPage::clearDetails()
{
    saveDraftNow();
    m_draftConversation.clear();
    m_details.reset();
    m_transcript->clear();
    m_transcriptHeader->setText(QString());
    m_notInSample->hide();
    m_facts->clear();
    m_tagPanel->clear();
    updateActionStates();
}

void ReviewPage::showDetails()
{
    if (!m_details) {
        clearDetails();
        return;
    }
    const ConversationDetails details = m_masker ? masked(*m_details, *m_masker) : *m_details;
    const Conversation &c = details.conversation;
    m_transcript->setConversation(c, details.handoffSeq);
    const int turns = int(c.messages.size());
    QString header = tr("Transcript · %n turn(s)", nullptr, turns);
    if (details.handoffSeq)
        header += tr(" · handed off at turn %1").arg(*details.handoffSeq + 1);
    else if (c.escalated)
        header += tr(" · escalated; the hand-off turn is not marked");
    m_transcriptHeader->setText(header);
    m_facts->showConversation(details);
    fitTagPanel();

    std::vector<VerdictReasons> reasons;
    const VerdictChoice choice = verdictsFor(c.escalated);
    for (Verdict verdict : {choice.wrong, choice.right}) // the wrong call's reasons first: they are the finding
        reasons.push_back({verdict, reasonCodes(*m_db, verdict, c.category)});
    // The tag panel gets the real text: a re-tag must never store a masked note.
    m_draftTimer->stop();
    m_tagPanel->showConversation(*m_details, reasons, m_categories, verdictKeysFor(c.escalated),
                                 loadReviewDraft(*m_db, c.conversationId, m_reviewer));
    m_draftConversation = c.conversationId;
    m_transcript->setTakeoverSeq(m_tagPanel->draft().takeoverSeq);
    if (m_findBar->isVisible())
        findNext(0);

    // Start at the hand-off: that is where the question "was it right?" is decided.
    if (details.handoffSeq && *details.handoffSeq < turns)
        m_transcriptView->scrollTo(m_transcript->index(std::max(0, *details.handoffSeq - 2)),
                                   QAbstractItemView::PositionAtTop);
    else
        m_transcriptView->scrollToTop();
    updateActionStates();
}

void ReviewPage::updateActionStates()
{
    // A read-only or damaged workspace is browsed and read, never tagged (MainWindow's banner says why).
    const bool writable = m_db && m_db->isWritable();
    const bool has = m_details.has_value() && writable;
    const bool escalated = has && m_details->conversation.escalated;
    for (const auto &[verdict, key] : kVerdictKeys)
        action(QStringLiteral("verdict-") + verdictName(verdict))->setEnabled(has && verdictFits(verdict, escalated));
    const std::vector<std::pair<Verdict, QString>> &numbered = m_tagPanel->numberedReasons();
    for (int i = 0; i < m_reasonActions.size(); ++i) {
        QAction *reasonAction = m_reasonActions[i];
        const bool exists = has && i < int(numbered.size());
        reasonAction->setEnabled(exists);
        reasonAction->setText(exists ? QStringLiteral("%1: %2").arg(verdictLabel(numbered[size_t(i)].first),
                                                                    reasonLabel(numbered[size_t(i)].second))
                                     : tr("Reason %1").arg(i + 1));
    }
    for (const char *name : {"confirm", "note", "category"})
        action(QString::fromLatin1(name))->setEnabled(has);
    action(QStringLiteral("takeover"))->setEnabled(has && !escalated);
    const bool inSample = has && m_sampleId != 0 && currentRow() >= 0;
    for (const char *name : {"next", "previous", "next-to-review", "skip"})
        action(QString::fromLatin1(name))->setEnabled(m_items->rowCount() > 0);
    action(QStringLiteral("skip"))->setEnabled(inSample);
    action(QStringLiteral("new-sample"))->setEnabled(writable);
    action(QStringLiteral("reason-codes"))->setEnabled(writable);
    m_emptyButton->setEnabled(writable);
}

void ReviewPage::askForSample()
{
    if (!m_db)
        return;
    NewSampleDialog dialog(*m_db, m_clock.nowUtc(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    drawSample(dialog.request(), dialog.drawAnother());
}

bool ReviewPage::drawSample(const SampleRequest &chosen, bool drawAnother)
{
    if (!m_db)
        return false;
    if (const auto sample = drawAnother ? std::nullopt : sampleLike(m_samples, chosen)) {
        showSample(sample->id);
        showError(tr("A %1 sample of %2 conversations for %3 exists already (%4 of %5 reviewed): it is shown "
                     "instead. To draw a second one, tick “Draw another” in the New Sample dialog.")
                      .arg(sample->method, sample->population, sample->period, formatCount(sample->reviewed),
                           formatCount(sample->size)));
        return false;
    }
    SampleRequest request = chosen;
    request.createdBy = reviewer();
    request.createdAtMsecs = m_clock.nowUtc().toMSecsSinceEpoch();
    try {
        const Sample sample = workbench::drawSample(*m_db, request);
        if (!sample.warning.isEmpty())
            showError(sample.warning);
        m_sampleId = 0;
        reloadSamples(sample.id);
        return true;
    } catch (const WorkbenchError &error) {
        showError(error.message());
        return false;
    }
}

void ReviewPage::commitVerdict(Verdict verdict)
{
    if (!m_db || !m_details)
        return;
    if (!verdictFits(verdict, m_details->conversation.escalated)) {
        showError(tr("%1 was %2: its verdict is %3.")
                      .arg(m_details->conversation.conversationId,
                           m_details->conversation.escalated ? tr("escalated") : tr("kept by the AI"),
                           validVerdicts(m_details->conversation.escalated)));
        return;
    }
    if (!ensureReviewer())
        return;
    m_draftTimer->stop();
    const TagDraft draft = m_tagPanel->draft();
    TagRequest request;
    request.conversationId = m_details->conversation.conversationId;
    request.reviewer = reviewer();
    request.verdict = verdict;
    request.reason = draft.reasonVerdict == verdict ? draft.reason : QString();
    request.note = draft.note;
    request.taggedAtMsecs = m_clock.nowUtc().toMSecsSinceEpoch();
    if (verdict == Verdict::MissedEscalation)
        request.takeoverSeq = draft.takeoverSeq;
    request.correctedCategory = draft.correctedCategory;
    qint64 tagId = 0;
    try {
        tagId = addTag(*m_db, request); // committed before anything else happens, the draft with it
    } catch (const WorkbenchError &error) {
        showError(error.message());
        return;
    }
    m_draftConversation.clear(); // what the fields hold is the tag now, not a draft to keep
    m_undoStack->push(new TagCommand(
        *m_db, m_clock, request, tagId,
        {[this](const QString &id) { commandChanged(id); }, [this](const QString &message) { showError(message); }}));
    reloadItems();
    Q_EMIT tagsChanged();
    if (action(QStringLiteral("auto-advance"))->isChecked() && currentRow() >= 0) {
        advanceToNextToReview();
    } else {
        m_details = loadConversation(*m_db, request.conversationId);
        showDetails();
    }
}

void ReviewPage::commitChosenReason()
{
    const TagDraft draft = m_tagPanel->draft();
    if (draft.reasonVerdict)
        commitVerdict(*draft.reasonVerdict);
    else if (m_details)
        m_tagPanel->showHint(tr("No reason chosen yet: press its digit first, or a verdict key (%1).")
                                 .arg(m_details->conversation.escalated ? tr("C or F") : tr("R or M")));
}

void ReviewPage::chooseReason(int number)
{
    m_tagPanel->chooseReason(number);
}

void ReviewPage::commandChanged(const QString &conversationId)
{
    reloadItems();
    Q_EMIT tagsChanged();
    // Undo and redo show what they changed.
    const int row = m_items->rowOf(conversationId);
    if (row >= 0 && row != currentRow())
        selectRow(row);
    else if (currentConversationId() == conversationId) {
        m_details = loadConversation(*m_db, conversationId);
        showDetails();
    } else
        showConversation(conversationId);
}

void ReviewPage::move(int by)
{
    const int rows = m_filter->rowCount();
    if (rows == 0)
        return;
    const int current = m_itemsView->currentIndex().isValid() ? m_itemsView->currentIndex().row() : -by;
    const int next = std::clamp(current + by, 0, rows - 1);
    m_itemsView->setCurrentIndex(m_filter->index(next, 0));
    m_itemsView->setFocus();
}

void ReviewPage::advanceToNextToReview()
{
    const int rows = m_items->rowCount();
    const int start = currentRow();
    for (int step = 1; step <= rows; ++step) {
        const int row = (std::max(start, -1) + step) % rows;
        if (SampleItemsModel::statusOf(m_items->item(row)) == SampleItemsModel::Status::ToReview) {
            selectRow(row);
            m_itemsView->setFocus();
            return;
        }
    }
    // Nothing left to review: stay, and say so.
    if (start >= 0) {
        m_details = loadConversation(*m_db, m_items->item(start).conversationId);
        showDetails();
    }
    m_progressLabel->setToolTip(tr("Every conversation of this sample has a verdict or is skipped."));
}

void ReviewPage::toggleSkip()
{
    const int row = currentRow();
    if (!m_db || row < 0)
        return;
    const SampleItem &item = m_items->item(row);
    const bool skip = !item.skipped;
    m_undoStack->push(new SkipCommand(*m_db, m_sampleId, item.position, item.conversationId, skip,
                                      {[this](const QString &id) {
                                           reloadItems();
                                           const int changed = m_items->rowOf(id);
                                           if (changed >= 0 && changed != currentRow())
                                               selectRow(changed);
                                       },
                                       [this](const QString &message) { showError(message); }}));
    if (skip)
        advanceToNextToReview();
}

void ReviewPage::focusNote()
{
    m_tagPanel->noteEdit()->setFocus(Qt::ShortcutFocusReason);
    m_rightScroll->ensureWidgetVisible(m_tagPanel->noteEdit());
    m_tagPanel->noteEdit()->selectAll();
}

void ReviewPage::editReasonCodes()
{
    if (!m_db)
        return;
    const bool escalated = !m_details || m_details->conversation.escalated;
    ReasonCodesDialog dialog(*m_db, verdictsFor(escalated).wrong,
                             m_details ? m_details->conversation.category : QString(), m_categories, this);
    dialog.exec();
    if (m_details) {
        m_details = loadConversation(*m_db, m_details->conversation.conversationId);
        showDetails();
    }
}

void ReviewPage::showCheatSheet()
{
    auto named = [this](std::initializer_list<const char *> names) {
        QList<QAction *> actions;
        for (const char *name : names)
            actions << action(QString::fromLatin1(name));
        return actions;
    };
    QList<QAction *> verdicts;
    for (const auto &[verdict, key] : kVerdictKeys)
        verdicts << action(QStringLiteral("verdict-") + verdictName(verdict));
    verdicts << action(QStringLiteral("confirm"));
    QList<QAction *> reasons = m_reasonActions;
    ShortcutSheet sheet(
        {{tr("Verdicts"), verdicts},
         {tr("Reasons (the digit chooses; the verdict key or Return tags)"), reasons},
         {tr("Moving"), named({"next", "previous", "next-to-review", "skip", "filter", "choose-sample"})},
         {tr("Transcript"), named({"scroll-down", "scroll-up", "find"})},
         {tr("Details (Return or Escape leaves a field)"), named({"note", "category", "takeover", "discard-draft"})},
         {tr("Work"), named({"undo", "redo", "auto-advance", "mask", "new-sample", "cheat-sheet"})}},
        this);
    sheet.exec();
}

} // namespace workbench::ui
