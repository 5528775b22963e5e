// PDF speed (issue 7): the month's PDF summary of a 1,000,000-conversation workspace with reviewed months,
// from opening the workspace to the closed file, as `report --period 2026-10 --pdf FILE` does it (goal < 3 s).
// Median of 5 runs in this process, and the `report` command itself, timed from start to exit.
// Usage: bench_report [WORKSPACE] (default: a demo workspace generated in a temporary folder)
#include "BenchReport.h"
#include "common/Clock.h"
#include "report/PdfReport.h"
#include "report/ReportData.h"
#include "store/Database.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>

using namespace workbench;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir directory;
    const QString workspace = bench::benchWorkspace(argc, argv, directory.path(), QStringLiteral("report.ewb"), true);
    const FixedClock clock(bench::benchNow());
    const QString pdf = directory.filePath(QStringLiteral("october.pdf"));
    std::vector<double> runs;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto database = Database::open(workspace);
        const ReportData data = buildReportData(*database, Period::month(2026, 10), ReportOptions{}, clock);
        ui::writePdfReport(data, pdf);
        runs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(runs.begin(), runs.end());
    bench::report(QStringLiteral("month's PDF, in process, median of 5 (goal < 3000)"), runs[runs.size() / 2],
                  QStringLiteral("ms"));
    bench::report(QStringLiteral("PDF size"), double(QFileInfo(pdf).size()) / 1024.0, QStringLiteral("KiB"));

    const QString cli = QCoreApplication::applicationDirPath() + QStringLiteral("/../app/escalation-workbench");
    QElapsedTimer timer;
    timer.start();
    QProcess process;
    process.start(cli, {QStringLiteral("report"), QStringLiteral("--db"), workspace, QStringLiteral("--period"),
                        QStringLiteral("2026-10"), QStringLiteral("--pdf"), pdf});
    process.waitForFinished(120000);
    if (process.exitCode() != 0)
        qFatal("report failed: %s", process.readAllStandardError().constData());
    bench::report(QStringLiteral("report command, process start to exit (goal < 3000)"), double(timer.elapsed()),
                  QStringLiteral("ms"));
    bench::report(QStringLiteral("peak memory of the in-process runs"), bench::peakResidentMiB(),
                  QStringLiteral("MiB"));
    return 0;
}
