// The Review page as a reviewer uses it: a sample drawn from the dialog, five conversations tagged by key
// presses, one undone and redone, a skip; the store and the tag history checked after each step.
#include "TestSupport.h"
#include "UiTestSupport.h"
#include "common/Clock.h"
#include "common/Period.h"
#include "cost/CostPage.h"
#include "dashboard/DashboardPage.h"
#include "data/DataPage.h"
#include "import/ImportJob.h"
#include "monthly/MonthlyReviewPage.h"
#include "review/FactsPanel.h"
#include "review/NewSampleDialog.h"
#include "review/ReviewPage.h"
#include "review/SampleItemsModel.h"
#include "review/TagPanel.h"
#include "review/TranscriptModel.h"
#include "shell/MainWindow.h"
#include "store/ConversationWriter.h"
#include "store/Database.h"
#include "store/Transaction.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace workbench;
using namespace workbench::ui;
using workbench::test::queryValue;

namespace {

/// Presses `key` where the keyboard focus is, as a reviewer's keyboard would.
void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *target = QApplication::focusWidget();
    QVERIFY2(target, "nothing has the keyboard focus");
    QTest::keyClick(target, key, modifiers);
}

struct StoredTag {
    QString conversationId;
    QString reviewer;
    QString verdict;
    QString reason;
    QString note;
};

std::vector<StoredTag> storedTags(Database &db)
{
    std::vector<StoredTag> tags;
    QSqlQuery query(db.sql());
    if (!query.exec(QStringLiteral("SELECT c.conversation_id, t.reviewer, t.verdict, ifnull(t.reason, ''),"
                                   " ifnull(t.note, '') FROM tags t JOIN conversations c ON c.id = t.conversation_ref"
                                   " ORDER BY t.id")))
        qFatal("%s", qPrintable(query.lastError().text()));
    while (query.next())
        tags.push_back({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                        query.value(3).toString(), query.value(4).toString()});
    return tags;
}

QStringList historyActions(Database &db)
{
    QStringList actions;
    QSqlQuery query(db.sql());
    if (!query.exec(QStringLiteral("SELECT action FROM tag_history ORDER BY id")))
        qFatal("%s", qPrintable(query.lastError().text()));
    while (query.next())
        actions << query.value(0).toString();
    return actions;
}

} // namespace

class TestReviewPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void drawSampleAndTagFiveByKeys();
    void customerTextIsShownLiterally();
    void reasonCodesAreEditable();
    void modelsPassTheTester();
    void keysStayWhereTheyBelong();
    void preparedTagsAreKeptAndTheReviewerIsTheWindows();
    void everyLineOfAMessageIsPainted();
    void fitsASmallScreenWithALargeFont();
    void fiftyByKeysOnly();
    void aTagDuringABackgroundImportIsStoredAtOnce();

private:
    test::TempFolder m_folder;
    FixedClock m_clock{test::testNow()};
};

void TestReviewPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    test::makeDemoWorkspace(m_folder.path(QStringLiteral("demo.ewb")), 6000, 4);
}

void TestReviewPage::drawSampleAndTagFiveByKeys()
{
    const QString path = m_folder.path(QStringLiteral("demo.ewb"));
    MainWindow window(m_clock);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(window.openWorkspace(path));
    window.showPage(window.reviewPage());
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    ReviewPage *page = window.reviewPage();
    int askedForName = 0;
    page->setReviewerNameProvider([&askedForName](const QString &) {
        ++askedForName;
        return QStringLiteral("Dana");
    });
    QStringList errors;
    page->setErrorPresenter([&errors](const QString &message) { errors << message; });
    page->setFocus();

    // The New Sample dialog: defaults to the last full week (2026-W47), which holds nothing here; it offers
    // the latest week with data, and draws 50 escalated conversations at random.
    bool dialogSeen = false;
    QTimer::singleShot(0, this, [&dialogSeen] {
        auto *dialog = qobject_cast<NewSampleDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialogSeen = true;
        auto *period = dialog->findChild<QLineEdit *>(QStringLiteral("period"));
        QCOMPARE(period->text(), QStringLiteral("2026-W47"));
        const SampleRequest defaults = dialog->request();
        QCOMPARE(defaults.population, Population::Escalated);
        QCOMPARE(defaults.method, SampleMethod::Random);
        QCOMPARE(defaults.size, 50);
        auto *latest = dialog->findChild<QPushButton *>(QStringLiteral("latest-week"));
        QVERIFY(latest && !latest->isHidden());
        latest->click();
        QCOMPARE(period->text(), QStringLiteral("2026-W44"));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("population-info"))
                    ->text()
                    .contains(QStringLiteral("escalated")));
        QTest::keyClick(dialog, Qt::Key_Return);
    });
    press(Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(dialogSeen);
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCOMPARE(QApplication::focusWidget(), page->itemsView()); // the list has the keys, ready to tag
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    auto db = Database::open(path);
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT period || ' ' || population || ' ' || method FROM samples")).toString(),
        QStringLiteral("2026-W44 escalated random"));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM sample_items")).toInt(), 50);
    QCOMPARE(page->itemsModel()->rowCount(), 50);
    QCOMPARE(page->progressText(), QStringLiteral("0 / 50"));
    QCOMPARE(page->currentConversationId(), page->itemsModel()->item(0).conversationId);
    QVERIFY(!page->transcriptModel()->rowCount() == 0);
    QCOMPARE(page->factsPanel()->factText(QStringLiteral("handling")), QStringLiteral("Escalated to a person"));

    // Five tags from the keyboard, auto-advancing: F; 1 then F (a reason); C; a note then 6 and Return; F.
    const QStringList ids = [page] {
        QStringList list;
        for (int row = 0; row < 5; ++row)
            list << page->itemsModel()->item(row).conversationId;
        return list;
    }();
    const QStringList falseReasons = [page] {
        QStringList codes;
        for (const auto &[verdict, code] : page->tagPanel()->numberedReasons())
            codes << verdictName(verdict) + QLatin1Char('/') + code;
        return codes;
    }();
    QVERIFY2(falseReasons.size() >= 6, qPrintable(falseReasons.join(QLatin1Char(','))));
    QVERIFY(falseReasons[0].startsWith(QStringLiteral("false_escalation/")));
    QVERIFY(falseReasons[5].startsWith(QStringLiteral("correct_escalation/")));

    press(Qt::Key_F);
    QCOMPARE(askedForName, 1); // asked once, then remembered
    QCOMPARE(page->currentConversationId(), ids[1]);
    press(Qt::Key_M); // missed escalation does not fit an escalated conversation: nothing happens
    press(Qt::Key_1);
    press(Qt::Key_F);
    QCOMPARE(page->currentConversationId(), ids[2]);
    press(Qt::Key_C);
    QCOMPARE(page->currentConversationId(), ids[3]);
    press(Qt::Key_N);
    QCOMPARE(QApplication::focusWidget(), page->tagPanel()->noteEdit());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("needs a refund approval"));
    press(Qt::Key_Return); // leaves the note, tags nothing
    QVERIFY(QApplication::focusWidget() != page->tagPanel()->noteEdit());
    QCOMPARE(page->currentConversationId(), ids[3]);
    press(Qt::Key_6);
    press(Qt::Key_Return);
    QCOMPARE(page->currentConversationId(), ids[4]);
    press(Qt::Key_F);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(askedForName, 1);

    std::vector<StoredTag> tags = storedTags(*db);
    QCOMPARE(tags.size(), size_t(5));
    const QString firstFalseReason = falseReasons[0].section(QLatin1Char('/'), 1);
    const QString firstCorrectReason = falseReasons[5].section(QLatin1Char('/'), 1);
    const StoredTag expected[] = {
        {ids[0], QStringLiteral("Dana"), QStringLiteral("false_escalation"), {}, {}},
        {ids[1], QStringLiteral("Dana"), QStringLiteral("false_escalation"), firstFalseReason, {}},
        {ids[2], QStringLiteral("Dana"), QStringLiteral("correct_escalation"), {}, {}},
        {ids[3], QStringLiteral("Dana"), QStringLiteral("correct_escalation"), firstCorrectReason,
         QStringLiteral("needs a refund approval")},
        {ids[4], QStringLiteral("Dana"), QStringLiteral("false_escalation"), {}, {}},
    };
    for (size_t i = 0; i < 5; ++i) {
        QCOMPARE(tags[i].conversationId, expected[i].conversationId);
        QCOMPARE(tags[i].reviewer, expected[i].reviewer);
        QCOMPARE(tags[i].verdict, expected[i].verdict);
        QCOMPARE(tags[i].reason, expected[i].reason);
        QCOMPARE(tags[i].note, expected[i].note);
    }
    QCOMPARE(historyActions(*db), QStringList(5, QStringLiteral("set")));
    QCOMPARE(page->progressText(), QStringLiteral("5 / 50"));
    QCOMPARE(page->reviewerProgressText(), QStringLiteral("Dana 5"));
    QCOMPARE(page->itemsModel()->data(page->itemsModel()->index(0, SampleItemsModel::StatusColumn)).toString(),
             QStringLiteral("False escalation"));
    test::saveScreenshot(window, QStringLiteral("review-page.png"));
    QApplication::setPalette(test::darkPalette());
    QCoreApplication::processEvents();
    test::saveScreenshot(window, QStringLiteral("review-page-dark.png"));
    QApplication::setPalette(QPalette());

    // Undo takes the last tag back (and shows its conversation); redo sets it again. Both are in the history.
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(storedTags(*db).size(), size_t(4));
    QCOMPARE(page->currentConversationId(), ids[4]);
    QCOMPARE(page->progressText(), QStringLiteral("4 / 50"));
    QCOMPARE(historyActions(*db).last(), QStringLiteral("undo"));
    press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(storedTags(*db).size(), size_t(5));
    QCOMPARE(historyActions(*db).last(), QStringLiteral("redo"));
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(storedTags(*db).size(), size_t(4));
    QCOMPARE(historyActions(*db), QStringList({QStringLiteral("set"), QStringLiteral("set"), QStringLiteral("set"),
                                               QStringLiteral("set"), QStringLiteral("set"), QStringLiteral("undo"),
                                               QStringLiteral("redo"), QStringLiteral("undo")}));
    QCOMPARE(page->undoStack()->count(), 5);

    // Skip: remembered in the store, not a verdict; J and K move.
    QCOMPARE(page->currentConversationId(), ids[4]);
    press(Qt::Key_S);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM sample_items WHERE skipped = 1")).toInt(), 1);
    QCOMPARE(page->reviewerProgressText(), QStringLiteral("Dana 4 · 1 skipped"));
    QCOMPARE(page->currentConversationId(), page->itemsModel()->item(5).conversationId);
    press(Qt::Key_K);
    QCOMPARE(page->currentConversationId(), ids[4]);
    press(Qt::Key_J);
    QCOMPARE(page->currentConversationId(), page->itemsModel()->item(5).conversationId);

    // Every action is in a menu with its shortcut, and the cheat sheet lists them.
    for (const char *name : {"verdict-false_escalation", "next", "previous", "skip", "note", "undo", "redo",
                             "cheat-sheet", "new-sample", "auto-advance", "reason-1"}) {
        QAction *action = page->action(QString::fromLatin1(name));
        QVERIFY2(action, name);
        QVERIFY2(!action->shortcut().isEmpty(), name);
        QVERIFY2(!action->associatedObjects().isEmpty(), name);
    }
    bool sheetSeen = false;
    QTimer::singleShot(0, this, [&sheetSeen] {
        QWidget *sheet = QApplication::activeModalWidget();
        QVERIFY(sheet);
        sheetSeen = sheet->findChild<QWidget *>(QStringLiteral("shortcuts")) != nullptr;
        test::saveScreenshot(*sheet, QStringLiteral("review-cheat-sheet.png"));
        qobject_cast<QDialog *>(sheet)->accept();
    });
    press(Qt::Key_Question);
    QVERIFY(sheetSeen);

    // The reviewer's name is remembered for the next run.
    QCOMPARE(QSettings().value(QStringLiteral("review/reviewer")).toString(), QStringLiteral("Dana"));
}

void TestReviewPage::customerTextIsShownLiterally()
{
    const QString path = m_folder.path(QStringLiteral("literal.ewb"));
    const QString hostile = QString::fromUtf8("<b>bold?</b> <script>alert(1)</script> &amp; مرحبا بالعالم 😡");
    {
        auto db = Database::open(path);
        Transaction transaction(*db);
        ConversationWriter writer(*db);
        Conversation c;
        c.conversationId = QStringLiteral("<i>X-1</i>");
        c.createdAtMsecs = test::testNow().toMSecsSinceEpoch();
        c.escalated = false;
        c.category = QStringLiteral("<u>Returns</u>");
        c.csat = 1;
        c.messages = {{Role::Customer, hostile, std::nullopt, QStringLiteral("<b>Ann</b>")},
                      {Role::Ai, QStringLiteral("Sorry to hear that."), std::nullopt, QStringLiteral("Nova")}};
        writer.write(c);
        transaction.commit();
    }
    MainWindow window(m_clock);
    window.resize(1366, 768);
    window.show();
    QVERIFY(window.openWorkspace(path));
    ReviewPage *page = window.reviewPage();
    QVERIFY(page->showConversation(QStringLiteral("<i>X-1</i>")));
    QCOMPARE(page->transcriptModel()->index(0).data().toString(), hostile);
    QCOMPARE(page->transcriptModel()->index(0).data(TranscriptModel::AuthorRole).toString(),
             QStringLiteral("<b>Ann</b>"));
    for (QLabel *label : page->factsPanel()->findChildren<QLabel *>()) {
        if (label->text().contains(QLatin1Char('<')))
            QCOMPARE(label->textFormat(), Qt::PlainText);
    }
    QCOMPARE(page->factsPanel()->factText(QStringLiteral("category")), QStringLiteral("<u>Returns</u>"));
    QVERIFY(page->factsPanel()->badgeTexts().contains(QStringLiteral("Low CSAT")));
    // A kept conversation: its verdicts are R and M, with the take-over turn for a missed escalation.
    QVERIFY(page->action(QStringLiteral("verdict-missed_escalation"))->isEnabled());
    QVERIFY(!page->action(QStringLiteral("verdict-false_escalation"))->isEnabled());
    page->tagPanel()->setTakeoverSeq(1);
    QVERIFY(page->transcriptModel()->index(1).data(TranscriptModel::TakeoverRole).toBool());
    page->setReviewer(QStringLiteral("Dana"));
    page->action(QStringLiteral("verdict-missed_escalation"))->trigger();
    auto db = Database::open(path);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT verdict || ':' || takeover_seq FROM tags")).toString(),
             QStringLiteral("missed_escalation:1"));
    window.grab(); // paints the bubbles: markup, RTL and emoji as text
    test::saveScreenshot(window, QStringLiteral("review-literal.png"));
}

void TestReviewPage::reasonCodesAreEditable()
{
    const QString path = m_folder.path(QStringLiteral("demo.ewb"));
    auto db = Database::open(path);
    MainWindow window(m_clock);
    window.show();
    QVERIFY(window.openWorkspace(path));
    ReviewPage *page = window.reviewPage();
    QVERIFY(page->currentSampleId() != 0);
    const size_t before = page->tagPanel()->numberedReasons().size();
    QTimer::singleShot(0, this, [] {
        QWidget *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog);
        auto *code = dialog->findChild<QLineEdit *>(QStringLiteral("new-code"));
        QTest::keyClicks(code, QStringLiteral("order_history_visible"));
        QTest::keyClick(code, Qt::Key_Return);
        QTest::keyClicks(code, QStringLiteral("order_history_visible"));
        QTest::keyClick(code, Qt::Key_Return); // refused: listed twice
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("message"))->text().contains(QStringLiteral("twice")));
        qobject_cast<QDialog *>(dialog)->accept();
    });
    page->action(QStringLiteral("reason-codes"))->trigger();
    QCOMPARE(page->tagPanel()->numberedReasons().size(), before + 1);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM reason_codes WHERE code = 'order_history_visible'"))
                 .toInt(),
             1);
}

void TestReviewPage::modelsPassTheTester()
{
    const QString path = m_folder.path(QStringLiteral("demo.ewb"));
    MainWindow window(m_clock);
    QVERIFY(window.openWorkspace(path));
    ReviewPage *page = window.reviewPage();
    QAbstractItemModelTester itemsTester(page->itemsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(page->itemsView()->model(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester transcriptTester(page->transcriptModel(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
    page->refresh();
    QVERIFY(page->itemsModel()->rowCount() > 0);
    page->showConversation(page->itemsModel()->item(3).conversationId);
    QVERIFY(page->transcriptModel()->rowCount() > 0);
}

namespace {

/// A window on its own copy of a reviewed-from-scratch demo workspace, with a sample of 2026-W44 drawn.
struct ReviewWindow {
    MainWindow window;
    ReviewPage *page;
    QStringList errors;

    ReviewWindow(const Clock &clock, const QString &path) : window(clock), page(window.reviewPage())
    {
        window.resize(1024, 700);
        window.show();
        window.openWorkspace(path);
        window.showPage(page);
        window.activateWindow();
        page->setErrorPresenter([this](const QString &message) { errors << message; });
        page->setReviewerNameProvider([](const QString &) { return QStringLiteral("Dana"); });
    }
};

} // namespace

void TestReviewPage::keysStayWhereTheyBelong()
{
    const QString path = m_folder.path(QStringLiteral("focus.ewb"));
    test::makeDemoWorkspace(path, 3000, 2);
    ReviewWindow review(m_clock, path);
    ReviewPage *page = review.page;
    QVERIFY(QTest::qWaitForWindowActive(&review.window));
    SampleRequest request;
    request.period = *Period::parse(QStringLiteral("2026-W44"));
    QVERIFY(page->drawSample(request));
    QCOMPARE(QApplication::focusWidget(), page->itemsView());
    auto db = Database::open(path);
    const auto tagCount = [&db] { return queryValue(*db, QStringLiteral("SELECT count(*) FROM tags")).toInt(); };
    const QString first = page->currentConversationId();

    // G, then letters: they search the categories, never tag (G then C once stored a correct escalation).
    press(Qt::Key_G);
    QCOMPARE(QApplication::focusWidget(), page->tagPanel()->categoryBox());
    const QString target = page->tagPanel()->categoryBox()->itemText(2);
    QTest::keyClicks(QApplication::focusWidget(), target.left(4).toLower());
    QCOMPARE(tagCount(), 0);
    QCOMPARE(page->currentConversationId(), first);
    press(Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), page->itemsView());
    QCOMPARE(page->tagPanel()->draft().correctedCategory.left(4).toLower(), target.left(4).toLower());
    // G, letters, Escape: the category is as it was.
    const QString chosen = page->tagPanel()->draft().correctedCategory;
    press(Qt::Key_G);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("zzz"));
    press(Qt::Key_Escape);
    QCOMPARE(QApplication::focusWidget(), page->itemsView());
    QCOMPARE(page->tagPanel()->draft().correctedCategory, chosen);
    QCOMPARE(tagCount(), 0);

    // The filter: letters filter, Return and Escape leave; Return opens no box and tags nothing.
    press(Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), page->findChild<QLineEdit *>(QStringLiteral("filter")));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("cf"));
    press(Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), page->itemsView());
    press(Qt::Key_F, Qt::ControlModifier);
    press(Qt::Key_A, Qt::ControlModifier);
    press(Qt::Key_Backspace);
    press(Qt::Key_Escape);
    QCOMPARE(QApplication::focusWidget(), page->itemsView());
    QCOMPARE(tagCount(), 0);
    QVERIFY(QApplication::activeModalWidget() == nullptr);

    // Return without a reason: an inline hint, nothing stored.
    press(Qt::Key_Return);
    QCOMPARE(tagCount(), 0);
    QVERIFY2(page->hintText().contains(QStringLiteral("No reason chosen")), qPrintable(page->hintText()));

    // A reason, a note typed with letters that are shortcuts elsewhere, and Ctrl+Return from inside the note.
    const QString secondReason = page->tagPanel()->numberedReasons().at(1).second;
    press(Qt::Key_2);
    press(Qt::Key_N);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("CFRM jk 123 s"));
    QCOMPARE(tagCount(), 0);
    press(Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(tagCount(), 1);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT note || '|' || reviewer || '|' || verdict FROM tags")).toString(),
             QStringLiteral("CFRM jk 123 s|Dana|false_escalation"));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT reason FROM tags")).toString(), secondReason);

    // Space scrolls the transcript while the list keeps the focus; Shift+J goes to the next to review.
    QScrollBar *bar = page->transcriptView()->verticalScrollBar();
    const QString before = page->currentConversationId();
    page->transcriptView()->scrollToTop();
    press(Qt::Key_Space);
    QCOMPARE(page->currentConversationId(), before);
    QCOMPARE(QApplication::focusWidget(), page->itemsView());
    if (bar->maximum() > 0)
        QVERIFY(bar->value() > 0);
    // Find in the transcript: Ctrl+Shift+F, a word, Return for the next, Escape back to the list.
    press(Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget(), page->findEdit());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("the"));
    press(Qt::Key_Return);
    QVERIFY(
        page->findChild<QLabel *>(QStringLiteral("transcript-find-count"))->text().contains(QStringLiteral(" of ")));
    press(Qt::Key_Escape);
    QCOMPARE(QApplication::focusWidget(), page->itemsView());
    QCOMPARE(tagCount(), 1);
    QVERIFY2(review.errors.isEmpty(), qPrintable(review.errors.join(QLatin1Char('\n'))));
}

void TestReviewPage::preparedTagsAreKeptAndTheReviewerIsTheWindows()
{
    const QString path = m_folder.path(QStringLiteral("drafts.ewb"));
    test::makeDemoWorkspace(path, 3000, 2);
    QString kept;
    QString other;
    {
        ReviewWindow review(m_clock, path);
        ReviewPage *page = review.page;
        QVERIFY(QTest::qWaitForWindowActive(&review.window));
        SampleRequest request;
        request.period = *Period::parse(QStringLiteral("2026-W44"));
        request.population = Population::Contained;
        QVERIFY(page->drawSample(request));
        page->setReviewer(QStringLiteral("Dana"));
        kept = page->currentConversationId();
        // A reason, a take-over turn by its number, a note: then away and back, and it is all there.
        press(Qt::Key_2);
        press(Qt::Key_T);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("2"));
        press(Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget(), page->itemsView());
        press(Qt::Key_N);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("loops on the refund"));
        press(Qt::Key_Escape);
        press(Qt::Key_J);
        other = page->currentConversationId();
        QVERIFY(other != kept);
        QCOMPARE(page->tagPanel()->draft().note, QString());
        press(Qt::Key_K);
        QCOMPARE(page->currentConversationId(), kept);
        QCOMPARE(page->tagPanel()->draft().note, QStringLiteral("loops on the refund"));
        QCOMPARE(page->tagPanel()->draft().takeoverSeq, std::optional<int>(1));
        QVERIFY(page->tagPanel()->draft().reasonVerdict.has_value());
        // A second sample of the same week and population: a warning, and the first one shown.
        const qint64 firstSample = page->currentSampleId();
        QVERIFY(!page->drawSample(request));
        QCOMPARE(page->currentSampleId(), firstSample);
        QVERIFY(page->hintText().contains(QStringLiteral("exists already")));
        page->showConversation(kept);
        // The draft is in the store: a killed program would find it (nothing waits for a clean exit).
        auto db = Database::open(path);
        QCOMPARE(queryValue(*db, QStringLiteral("SELECT note || '|' || takeover_seq FROM review_drafts")).toString(),
                 QStringLiteral("loops on the refund|1"));
    }
    // Reopened: the same sample and row, the draft still there, the reviewer's name still Dana.
    {
        ReviewWindow first(m_clock, path);
        QCOMPARE(first.page->currentConversationId(), kept);
        QCOMPARE(first.page->reviewer(), QStringLiteral("Dana"));
        QCOMPARE(first.page->tagPanel()->draft().note, QStringLiteral("loops on the refund"));
        // A second window renames its reviewer: the first keeps its own, and tags under the name it shows.
        ReviewWindow second(m_clock, path);
        second.page->setReviewer(QStringLiteral("Lee"));
        QCOMPARE(first.page->reviewer(), QStringLiteral("Dana"));
        first.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&first.window));
        first.page->itemsView()->setFocus();
        press(Qt::Key_M);
        auto db = Database::open(path);
        QCOMPARE(
            queryValue(*db, QStringLiteral("SELECT reviewer || '|' || verdict || '|' || note || '|' || takeover_seq"
                                           " FROM tags"))
                .toString(),
            QStringLiteral("Dana|missed_escalation|loops on the refund|1"));
        QCOMPARE(queryValue(*db, QStringLiteral(
                                     "SELECT group_concat(reviewer || ':' || ifnull(note, '') || ':' || ifnull(reason, "
                                     "'') || ':' || ifnull(corrected_category, '')) FROM review_drafts"))
                     .toString(),
                 QString());
    }
}

void TestReviewPage::everyLineOfAMessageIsPainted()
{
    const QString path = m_folder.path(QStringLiteral("lines.ewb"));
    const QString oneLine = QStringLiteral("A single line.");
    const QString manyLines =
        QStringLiteral("First line\r\nsecond line\n\nfourth after a blank\rfifth\tTabbed LASTLINE");
    {
        auto db = Database::open(path);
        Transaction transaction(*db);
        ConversationWriter writer(*db);
        Conversation c;
        c.conversationId = QStringLiteral("LINES-1");
        c.createdAtMsecs = test::testNow().toMSecsSinceEpoch();
        c.messages = {{Role::Customer, oneLine, std::nullopt, QString()},
                      {Role::Customer, manyLines, std::nullopt, QString()}};
        writer.write(c);
        transaction.commit();
    }
    MainWindow window(m_clock);
    window.resize(1024, 700);
    window.show();
    QVERIFY(window.openWorkspace(path));
    ReviewPage *page = window.reviewPage();
    window.showPage(page);
    QVERIFY(page->showConversation(QStringLiteral("LINES-1")));
    QListView *view = page->transcriptView();
    QAbstractItemDelegate *delegate = view->itemDelegate();
    QStyleOptionViewItem option;
    option.initFrom(view);
    const int single = delegate->sizeHint(option, view->model()->index(0, 0)).height();
    const int multi = delegate->sizeHint(option, view->model()->index(1, 0)).height();
    const int line = QFontMetrics(view->font()).lineSpacing();
    // Five lines (CRLF, LF, a blank line, a lone CR): four more lines than the single one, each counted.
    QVERIFY2(multi - single >= 4 * line - 2,
             qPrintable(QStringLiteral("%1 vs %2, line %3").arg(multi).arg(single).arg(line)));
    // The last line is painted: dark text pixels in the bubble's last line band.
    QImage image(view->viewport()->width(), multi, QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        option.rect = QRect(0, 0, image.width(), multi);
        delegate->paint(&painter, option, view->model()->index(1, 0));
    }
    int dark = 0;
    for (int y = multi - 16 - line; y < multi - 14; ++y)
        for (int x = 0; x < image.width(); ++x)
            dark += qGray(image.pixel(x, y)) < 110 ? 1 : 0;
    QVERIFY2(dark > 20, qPrintable(QString::number(dark)));
    test::saveScreenshot(window, QStringLiteral("review-multiline.png"));
}

void TestReviewPage::fitsASmallScreenWithALargeFont()
{
    const QFont before = QApplication::font();
    QFont large = before;
    large.setPointSizeF(12);
    QApplication::setFont(large);
    {
        MainWindow window(m_clock);
        QVERIFY(window.openWorkspace(m_folder.path(QStringLiteral("demo.ewb"))));
        window.showPage(window.reviewPage());
        window.resize(1024, 700);
        window.show();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        for (QWidget *page : QList<QWidget *>{window.reviewPage(), window.dashboardPage(), window.monthlyPage(),
                                              window.costPage(), window.dataPage()})
            qInfo("%s: minimum %dx%d", page->metaObject()->className(), page->minimumSizeHint().width(),
                  page->minimumSizeHint().height());
        QVERIFY2(window.reviewPage()->minimumSizeHint().width() <= 1024 - 80, // the navigation shows icons only
                 qPrintable(QString::number(window.reviewPage()->minimumSizeHint().width())));
        QVERIFY2(window.reviewPage()->minimumSizeHint().height() <= 700 - 80,
                 qPrintable(QString::number(window.reviewPage()->minimumSizeHint().height())));
        // The window as a whole fits the screen while the Review page is shown, whatever the other pages need.
        QVERIFY2(window.minimumSizeHint().width() <= 1024,
                 qPrintable(QString::number(window.minimumSizeHint().width())));
        QVERIFY2(window.minimumSizeHint().height() <= 700,
                 qPrintable(QString::number(window.minimumSizeHint().height())));
        test::saveScreenshot(window, QStringLiteral("review-1024x700-12pt.png"));
    }
    QApplication::setFont(before);
}

namespace {

/// A conversation's verdict as the store holds it: "verdict|reason|note|category|take-over turn" of its latest tag.
QString latestTag(Database &db, const QString &conversationId)
{
    QSqlQuery query(db.sql());
    query.prepare(
        QStringLiteral("SELECT t.verdict, ifnull(t.reason, ''), ifnull(t.note, ''), ifnull(d.name, ''),"
                       " ifnull(t.takeover_seq, -1) FROM tags t JOIN conversations c"
                       " ON c.id = t.conversation_ref LEFT JOIN dimensions d ON d.id = t.corrected_category_id"
                       " WHERE c.conversation_id = :id ORDER BY t.tagged_at DESC, t.id DESC LIMIT 1"));
    query.bindValue(QStringLiteral(":id"), conversationId);
    if (!query.exec())
        qFatal("%s", qPrintable(query.lastError().text()));
    if (!query.next())
        return {};
    return QStringLiteral("%1|%2|%3|%4|%5")
        .arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString(), query.value(3).toString(),
             query.value(4).toString());
}

} // namespace

void TestReviewPage::fiftyByKeysOnly()
{
    // The weekly 50 from the keyboard alone, every kind of step, the store checked after each one: no key ever
    // tags a conversation it should not.
    const QString path = m_folder.path(QStringLiteral("fifty.ewb"));
    test::makeDemoWorkspace(path, 6000, 2);
    ReviewWindow review(m_clock, path);
    ReviewPage *page = review.page;
    QVERIFY(QTest::qWaitForWindowActive(&review.window));
    page->setReviewer(QStringLiteral("Dana"));
    page->itemsView()->setFocus();
    QVERIFY(page->action(QStringLiteral("auto-advance"))->isChecked());
    // The sample is drawn from the dialog by keys: its period field, then Return.
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<NewSampleDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *period = dialog->findChild<QLineEdit *>(QStringLiteral("period"));
        period->setFocus();
        period->selectAll();
        QTest::keyClicks(period, QStringLiteral("2026-W44"));
        QTest::keyClick(dialog, Qt::Key_Return);
    });
    press(Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    review.window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&review.window));
    QCOMPARE(page->itemsModel()->rowCount(), 50);
    QCOMPARE(QApplication::focusWidget(), page->itemsView());

    auto db = Database::open(path);
    const auto tagCount = [&db] { return queryValue(*db, QStringLiteral("SELECT count(*) FROM tags")).toInt(); };
    const std::vector<std::pair<Verdict, QString>> reasons = page->tagPanel()->numberedReasons();
    QCOMPARE(reasons.at(5), std::pair(Verdict::CorrectEscalation, QStringLiteral("customer_asked_for_a_person")));
    int expectedTags = 0;
    int skipped = 0;
    QStringList tagged;
    for (int step = 0; step < 50; ++step) {
        const QString id = page->currentConversationId();
        QVERIFY2(!id.isEmpty(), qPrintable(QString::number(step)));
        QVERIFY2(!tagged.contains(id), qPrintable(id));
        QString expected;
        switch (step % 10) {
        case 0: // a verdict key
            press(Qt::Key_F);
            expected = QStringLiteral("false_escalation||||-1");
            break;
        case 1: // a reason by its digit, then the verdict key
            press(Qt::Key_1);
            press(Qt::Key_F);
            expected = QStringLiteral("false_escalation|") + reasons[0].second + QStringLiteral("|||-1");
            break;
        case 2:
            press(Qt::Key_C);
            expected = QStringLiteral("correct_escalation||||-1");
            break;
        case 3: { // the category by a few letters, a reason, Return
            const QString other = page->tagPanel()->categoryBox()->itemText(1);
            press(Qt::Key_G);
            QTest::keyClicks(QApplication::focusWidget(), other.left(5).toLower());
            QCOMPARE(tagCount(), expectedTags);
            press(Qt::Key_Return);
            QCOMPARE(QApplication::focusWidget(), page->itemsView());
            press(Qt::Key_6);
            press(Qt::Key_Return);
            expected =
                QStringLiteral("correct_escalation|customer_asked_for_a_person||") + other + QStringLiteral("|-1");
            break;
        }
        case 4: // a note, then the verdict
            press(Qt::Key_N);
            QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("checked %1 SFCRM").arg(step));
            press(Qt::Key_Return);
            QCOMPARE(tagCount(), expectedTags);
            press(Qt::Key_F);
            expected = QStringLiteral("false_escalation||checked %1 SFCRM||-1").arg(step);
            break;
        case 5: // skipped: no verdict
            press(Qt::Key_S);
            ++skipped;
            break;
        case 6: // a reason, Ctrl+Return
            press(Qt::Key_2);
            press(Qt::Key_Return, Qt::ControlModifier);
            expected = QStringLiteral("false_escalation|") + reasons[1].second + QStringLiteral("|||-1");
            break;
        case 7: // tagged, undone, redone, then on to the next
            press(Qt::Key_F);
            QCOMPARE(tagCount(), expectedTags + 1);
            press(Qt::Key_Z, Qt::ControlModifier);
            QCOMPARE(tagCount(), expectedTags);
            QCOMPARE(page->currentConversationId(), id);
            press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
            QCOMPARE(tagCount(), expectedTags + 1);
            press(Qt::Key_J, Qt::ShiftModifier);
            expected = QStringLiteral("false_escalation||||-1");
            break;
        case 8: // found with the filter, tagged, the filter left
            press(Qt::Key_F, Qt::ControlModifier);
            QTest::keyClicks(QApplication::focusWidget(), id);
            press(Qt::Key_Return);
            QCOMPARE(page->currentConversationId(), id);
            QCOMPARE(tagCount(), expectedTags);
            press(Qt::Key_C);
            expected = QStringLiteral("correct_escalation||||-1");
            break;
        case 9: // back and forth, then the verdict
            press(Qt::Key_K);
            press(Qt::Key_J);
            QCOMPARE(page->currentConversationId(), id);
            press(Qt::Key_C);
            expected = QStringLiteral("correct_escalation||||-1");
            break;
        }
        if (!expected.isEmpty()) {
            ++expectedTags;
            tagged << id;
        }
        QCOMPARE(tagCount(), expectedTags);
        QCOMPARE(latestTag(*db, id), expected);
        QCOMPARE(QApplication::activeModalWidget(), nullptr);
        if (step < 49)
            QVERIFY2(page->currentConversationId() != id, qPrintable(QStringLiteral("step %1 stayed").arg(step)));
    }
    QCOMPARE(expectedTags, 45);
    QCOMPARE(page->progressText(), QStringLiteral("45 / 50"));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(DISTINCT reviewer) FROM tags")).toString(),
             QStringLiteral("1"));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM sample_items WHERE skipped = 1")).toInt(), skipped);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM review_drafts")).toInt(), 0);
    QVERIFY2(review.errors.isEmpty(), qPrintable(review.errors.join(QLatin1Char('\n'))));

    // As a reviewer sees it mid-work, small and large, light and dark (kept when WORKBENCH_SCREENSHOT_DIR is set).
    press(Qt::Key_K);
    press(Qt::Key_N);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("asked twice for a refund"));
    press(Qt::Key_Escape);
    test::saveScreenshot(review.window, QStringLiteral("review-1024x700-light.png"));
    const QPalette light = review.window.palette();
    review.window.setPalette(test::darkPalette());
    test::saveScreenshot(review.window, QStringLiteral("review-1024x700-dark.png"));
    review.window.resize(1600, 1000);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    test::saveScreenshot(review.window, QStringLiteral("review-1600x1000-dark.png"));
    review.window.setPalette(light);
    test::saveScreenshot(review.window, QStringLiteral("review-1600x1000-light.png"));
    QCOMPARE(page->tagPanel()->draft().note, QStringLiteral("asked twice for a refund"));
}

void TestReviewPage::aTagDuringABackgroundImportIsStoredAtOnce()
{
    const QString path = m_folder.path(QStringLiteral("importing.ewb"));
    QFile::remove(path);
    QVERIFY(QFile::copy(m_folder.path(QStringLiteral("demo.ewb")), path));
    // A help desk's export large enough to take seconds.
    QByteArray jsonl;
    for (int i = 0; i < 250000; ++i)
        jsonl += QByteArray("{\"conversation_id\":\"LATE-") + QByteArray::number(i) +
                 "\",\"created_at\":\"2026-10-12T10:00:00Z\",\"escalated\":false,\"category\":\"Returns\","
                 "\"transcript\":\"" +
                 QByteArray(160, 'w') + "\"}\n";
    const QString exportFile = test::writeFile(m_folder.path(QStringLiteral("late-export.jsonl")), jsonl);

    // At 1024x700: the import's progress in the status bar must not widen the window past a small screen.
    ReviewWindow review(m_clock, path);
    MainWindow &window = review.window;
    QVERIFY(QTest::qWaitForWindowActive(&window));
    ReviewPage *page = review.page;
    page->setReviewer(QStringLiteral("Dana"));
    SampleRequest sample;
    sample.period = *Period::parse(QStringLiteral("2026-W44"));
    sample.size = 10;
    sample.seed = 5;
    QVERIFY(page->drawSample(sample, true));
    page->itemsView()->setFocus();
    std::optional<MainWindow::ImportOutcome> outcome;
    window.setImportSummaryPresenter([&outcome](const MainWindow::ImportOutcome &result) { outcome = result; });

    const int tagsBefore = [&] {
        auto db = Database::open(path);
        return queryValue(*db, QStringLiteral("SELECT count(*) FROM tags")).toInt();
    }();
    window.importInBackground(test::importOf({exportFile}));
    QVERIFY(window.isBusy());
    QTest::qWait(200); // well into the import's reading
    QVERIFY(window.isBusy());
    const QString tagged = page->currentConversationId();
    QElapsedTimer clock;
    clock.start();
    press(Qt::Key_F);
    const qint64 keyHandled = clock.elapsed();
    auto store = Database::open(path);
    QTRY_VERIFY_WITH_TIMEOUT(queryValue(*store, QStringLiteral("SELECT count(*) FROM tags t JOIN conversations c"
                                                               " ON c.id = t.conversation_ref WHERE"
                                                               " c.conversation_id = '%1'")
                                                    .arg(tagged))
                                     .toInt() == 1,
                             2000);
    QVERIFY2(window.isBusy(), "the import ended before the tag: nothing was tested");
    QVERIFY2(window.minimumSizeHint().width() <= 1024 && window.width() <= 1024,
             qPrintable(QString::number(window.minimumSizeHint().width())));
    test::saveScreenshot(window, QStringLiteral("review-during-import-1024.png"));
    QVERIFY2(keyHandled < 2000, qPrintable(QString::number(keyHandled)));
    QVERIFY2(review.errors.isEmpty(), qPrintable(review.errors.join(QLatin1Char('\n'))));

    QSignalSpy finished(&window, &MainWindow::backgroundWorkFinished);
    QVERIFY(finished.wait(120000));
    QVERIFY(outcome && outcome->succeeded);
    QCOMPARE(outcome->summary.inserted, 250000);
    QCOMPARE(queryValue(*store, QStringLiteral("SELECT count(*) FROM tags")).toInt(), tagsBefore + 1);
}

QTEST_MAIN(TestReviewPage)
#include "tst_reviewpage.moc"
