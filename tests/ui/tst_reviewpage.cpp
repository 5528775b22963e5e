// The Review page as a reviewer uses it: a sample drawn from the dialog, five conversations tagged by key
// presses, one undone and redone, a skip; the store and the tag history checked after each step.
#include "TestSupport.h"
#include "UiTestSupport.h"
#include "common/Clock.h"
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
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
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

QTEST_MAIN(TestReviewPage)
#include "tst_reviewpage.moc"
