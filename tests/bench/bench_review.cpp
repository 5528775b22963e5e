// Review speed (issue 4): on a 1,000,000-conversation workspace, loading the next conversation of a sample
// (200 messages) and committing a tag, each as a median (goal < 16 ms); then the same on the Review page as a
// reviewer sees it: the conversation shown, laid out and drawn, and a tag set from its action.
// Usage: bench_review [WORKSPACE] (default: a demo workspace generated in a temporary folder)
#include "BenchReport.h"
#include "common/Clock.h"
#include "demo/DemoGenerator.h"
#include "review/ConversationDetails.h"
#include "review/ReviewPage.h"
#include "review/Tagging.h"
#include "store/ConversationWriter.h"
#include "store/Database.h"
#include "store/DerivedFacts.h"
#include "store/Transaction.h"

#include <QAction>
#include <QApplication>
#include <QStandardPaths>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>

using namespace workbench;

int main(int argc, char *argv[])
{
    // Drawn offscreen unless a display is asked for: what is measured is layout and painting, not a compositor.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the reviewer name it sets must not reach the user's settings
    QTemporaryDir directory;
    const QString workspace = bench::benchWorkspace(argc, argv, directory.path(), QStringLiteral("review.ewb"), false);
    const FixedClock clock(bench::benchNow());
    auto database = Database::open(workspace);
    // 50 long conversations, as a sample of them would be.
    constexpr int kLong = 50;
    {
        Transaction transaction(*database);
        ConversationWriter writer(*database);
        for (int i = 0; i < kLong; ++i) {
            Conversation c;
            c.conversationId = QStringLiteral("BENCH-LONG-%1").arg(i);
            c.createdAtMsecs = QDateTime(QDate(2026, 10, 5), QTime(10, 0), QTimeZone::utc()).toMSecsSinceEpoch() + i;
            c.escalated = true;
            c.category = QStringLiteral("Complaints");
            for (int turn = 0; turn < 200; ++turn)
                c.messages.push_back(
                    {turn % 2 ? Role::Ai : Role::Customer,
                     QStringLiteral("Turn %1: I still have not received the replacement for order #4821937, "
                                    "and the tracking page says nothing new.")
                         .arg(turn),
                     c.createdAtMsecs + turn * 20000, turn % 2 ? QStringLiteral("Nova") : QStringLiteral("Ann")});
            writer.write(c);
        }
        transaction.commit();
    }
    std::vector<double> loads;
    std::vector<double> tags;
    for (int i = 0; i < kLong; ++i) {
        const QString id = QStringLiteral("BENCH-LONG-%1").arg(i);
        QElapsedTimer timer;
        timer.start();
        const auto details = loadConversation(*database, id);
        loads.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!details || details->conversation.messages.size() != 200)
            qFatal("the long conversation did not load");
        timer.restart();
        addTag(*database, {id,
                           QStringLiteral("Dana"),
                           Verdict::FalseEscalation,
                           QStringLiteral("loop"),
                           {},
                           1790000000000 + i,
                           {},
                           {}});
        tags.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    // The page: show each long conversation (load, lay out 200 bubbles, draw the whole page), then tag it with
    // the verdict key's action (store, history, list and progress refreshed).
    std::vector<double> shows;
    std::vector<double> pageTags;
    {
        ui::ReviewPage page(clock);
        page.resize(1600, 1000);
        page.setReviewer(QStringLiteral("Dana"));
        page.setDatabase(database.get());
        page.show();
        page.grab();
        for (int i = 0; i < kLong; ++i) {
            const QString id = QStringLiteral("BENCH-LONG-%1").arg(i);
            QElapsedTimer timer;
            timer.start();
            if (!page.showConversation(id))
                qFatal("the page did not show %s", qPrintable(id));
            page.grab(); // lays out and paints everything visible
            shows.push_back(double(timer.nsecsElapsed()) / 1e6);
            timer.restart();
            page.action(QStringLiteral("verdict-correct_escalation"))->trigger();
            pageTags.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
    }
    bench::report(QStringLiteral("load a 200-message conversation, median (goal < 16)"), bench::median(loads),
                  QStringLiteral("ms"));
    bench::report(QStringLiteral("commit a tag (with its history), median (goal < 16)"), bench::median(tags),
                  QStringLiteral("ms"));
    bench::report(QStringLiteral("commit a tag, slowest of 50"), *std::max_element(tags.begin(), tags.end()),
                  QStringLiteral("ms"));
    bench::report(QStringLiteral("Review page: show and draw a 200-message conversation, median (goal < 16)"),
                  bench::median(shows), QStringLiteral("ms"));
    bench::report(QStringLiteral("Review page: tag from the verdict key, median (goal < 16)"), bench::median(pageTags),
                  QStringLiteral("ms"));

    // The derived facts of one very long log (a bot stuck in a loop): linear in the turns, so twice the turns cost
    // twice the time (it was all pairs: 29.8 s for 200,000 turns).
    for (const int count : {100000, 200000}) {
        std::vector<Message> log;
        for (int i = 0; i < count; ++i)
            log.push_back(
                {Role::Customer, QStringLiteral("status of parcel%1 shipment%2").arg(i).arg(i * 7), qint64(i), {}});
        std::vector<double> runs;
        for (int run = 0; run < 5; ++run) {
            QElapsedTimer timer;
            timer.start();
            analyzeMessages(log);
            runs.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        bench::report(QStringLiteral("signals of a %1-turn log, median of 5").arg(count), bench::median(runs),
                      QStringLiteral("ms"));
        bench::report(QStringLiteral("  per turn"), bench::median(runs) * 1000.0 / count, QStringLiteral("us"));
    }
    return 0;
}
