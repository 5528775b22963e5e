// Demo generation speed: issue 2 asks for 1,000,000 conversations in under a minute.
#include "BenchReport.h"
#include "common/Clock.h"
#include "demo/DemoGenerator.h"
#include "store/Database.h"
#include "store/WorkspaceFacts.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

using namespace workbench;

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const qint64 conversations = argc > 1 ? QString::fromLocal8Bit(argv[1]).toLongLong() : 1'000'000;
    QTemporaryDir directory;
    const FixedClock clock(bench::benchNow());

    QElapsedTimer timer;
    timer.start();
    {
        auto database = Database::open(directory.filePath(QStringLiteral("bench.ewb")));
        DemoOptions options;
        options.conversations = conversations;
        options.months = 24;
        options.seed = 7;
        fillDemoWorkspace(*database, options, clock);
    }
    const double seconds = double(timer.elapsed()) / 1000.0;
    bench::report(QStringLiteral("demo: conversations generated"), double(conversations), QStringLiteral(""));
    bench::report(QStringLiteral("demo: wall time (goal < 60 s for 1,000,000)"), seconds, QStringLiteral("s"));
    bench::report(QStringLiteral("demo: rate"), double(conversations) / seconds, QStringLiteral("conversations/s"));
    bench::report(QStringLiteral("demo: workspace file size"),
                  double(QFileInfo(directory.filePath(QStringLiteral("bench.ewb"))).size()) / (1 << 20),
                  QStringLiteral("MiB"));
    bench::report(QStringLiteral("demo: peak resident memory"), bench::peakResidentMiB(), QStringLiteral("MiB"));
    return 0;
}
