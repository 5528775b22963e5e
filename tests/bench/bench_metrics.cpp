// metrics --json speed (issue 5): on a 1,000,000-conversation workspace spanning 24 months, the CLI from
// process start to exit (median of 5; goal < 300 ms), beside the sqlite3 shell running only a per-category
// count of conversations and escalations for the same month, as a ratio; and peak memory (goal < 150 MB).
// Usage: bench_metrics [WORKSPACE] (default: a demo workspace generated in a temporary folder)
#include "BenchReport.h"
#include "common/Clock.h"
#include "demo/DemoGenerator.h"
#include "metrics/MetricsReport.h"
#include "report/MetricsJson.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace workbench;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double runSeconds(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!input.isEmpty()) {
        process.write(input);
        process.closeWriteChannel();
    }
    process.waitForFinished(-1);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (process.exitCode() != 0)
        qFatal("%s failed: %s", qPrintable(program), process.readAllStandardError().constData());
    return seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const Period month = Period::month(2026, 6);
    if (argc == 3 && qstrcmp(argv[1], "--in-process") == 0) {
        // The same computation in this process, to read its peak memory.
        auto database = Database::open(QString::fromLocal8Bit(argv[2]));
        const QByteArray json =
            QJsonDocument(metricsJson(computeMetrics(*database, month))).toJson(QJsonDocument::Compact);
        QTextStream(stdout) << json.size() << ' ' << bench::peakResidentMiB() << '\n';
        return 0;
    }
    QTemporaryDir directory;
    const QString workspace = bench::benchWorkspace(argc, argv, directory.path(), QStringLiteral("metrics.ewb"), false);
    const QString cli = QCoreApplication::applicationDirPath() + QStringLiteral("/../app/escalation-workbench");
    std::vector<double> ours;
    std::vector<double> shell;
    const QByteArray query = QStringLiteral("SELECT category_id, count(*), sum(escalated) FROM conversations"
                                            " WHERE created_at >= %1 AND created_at < %2 GROUP BY category_id;\n")
                                 .arg(month.startMsecs())
                                 .arg(month.endMsecs())
                                 .toUtf8();
    runSeconds(cli, {QStringLiteral("metrics"), QStringLiteral("--period"), month.key(), QStringLiteral("--json"),
                     QStringLiteral("--db"), workspace});
    for (int i = 0; i < 5; ++i) {
        ours.push_back(runSeconds(cli, {QStringLiteral("metrics"), QStringLiteral("--period"), month.key(),
                                        QStringLiteral("--json"), QStringLiteral("--db"), workspace}));
        shell.push_back(runSeconds(QStringLiteral("sqlite3"), {workspace}, query));
    }
    QProcess inProcess;
    inProcess.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--in-process"), workspace});
    inProcess.waitForFinished(-1);
    const QList<QByteArray> fields = inProcess.readAllStandardOutput().trimmed().split(' ');
    bench::report(QStringLiteral("metrics --json, median of 5 (goal < 300 ms)"), median(ours) * 1000,
                  QStringLiteral("ms"));
    bench::report(QStringLiteral("sqlite3 shell, per-category count (baseline)"), median(shell) * 1000,
                  QStringLiteral("ms"));
    bench::report(QStringLiteral("ratio metrics / sqlite3 count"), median(ours) / median(shell), QString());
    bench::report(QStringLiteral("peak memory of the computation (goal < 150)"), fields.value(1).toDouble(),
                  QStringLiteral("MiB"));
    return 0;
}
