// Import speed and memory (issue 3):
//  1. a 1,000,000-conversation canonical CSV (no transcripts) against the sqlite3 shell's .import of the same
//     file into a table with the same columns, a unique index on the id and an index on the creation time,
//     measured side by side: ratio = ours / sqlite3, goal <= 1.0;
//  2. a 200,000-conversation JSONL with about 8 messages each: MB/s, goal >= 50;
//  3. peak resident memory of this process, goal < 200 MB.
// Usage: bench_import [conversations (default 1000000)] [jsonl conversations (default 200000)]
#include "BenchReport.h"
#include "common/Clock.h"
#include "common/Random.h"
#include "demo/DemoGenerator.h"
#include "import/CanonicalWriter.h"
#include "import/ImportJob.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimeZone>

using namespace workbench;

namespace {

// A realistic canonical CSV written directly (the demo generator would spend its time on transcripts).
void writeCanonicalCsv(const QString &path, qint64 rows)
{
    static const char *categories[] = {"Order status",    "Returns",        "Product questions",
                                       "Shipping issues", "Complaints",     "Warranty claims",
                                       "Billing",         "Account access", "uncategorized"};
    static const char *channels[] = {"chat", "email", "whatsapp", "social", "voice"};
    static const char *teams[] = {"Tier 1 Support", "Logistics Desk", "Returns & Warranty", "Billing", "Customer Care"};
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    QByteArray buffer = CanonicalWriter::conversationsHeader();
    Random rng(42);
    const qint64 start = QDateTime(QDate(2024, 11, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    const qint64 span = 730LL * 24 * 3600 * 1000;
    for (qint64 i = 0; i < rows; ++i) {
        const qint64 created = start + qint64(rng.below(quint64(span)));
        const bool escalated = rng.chance(0.25);
        buffer += "CNV-" + QByteArray::number(i + 1).rightJustified(8, '0') + ',' + isoTimestamp(created).toLatin1() +
                  (escalated ? ",true," : ",false,") + categories[rng.below(9)] + ',' + channels[rng.below(5)] + ',';
        if (escalated)
            buffer += QByteArray(teams[rng.below(5)]) + ",Agent " + QByteArray::number(rng.below(40)) + ',';
        else
            buffer += ",,";
        buffer += "CUS-" + QByteArray::number(rng.below(600000)) + ',';
        if (escalated)
            buffer += isoTimestamp(created + 120000).toLatin1();
        buffer += ',' + QByteArray::number(double(rng.below(1000)) / 1000.0) + ',';
        if (rng.chance(0.35))
            buffer += QByteArray::number(1 + rng.below(5));
        buffer += rng.chance(0.7) ? ",true," : ",,";
        buffer += QByteArray::number(60 + rng.below(1500)) + ',' +
                  QByteArray::number(double(rng.between(-100, 100)) / 100.0) + ",\n";
        if (buffer.size() > (4 << 20)) {
            file.write(buffer);
            buffer.clear();
        }
    }
    file.write(buffer);
}

double sqliteShellImportSeconds(const QString &csv, const QString &database)
{
    const QString script =
        QStringLiteral(
            "CREATE TABLE conversations (conversation_id TEXT, created_at TEXT, escalated TEXT, category TEXT, channel "
            "TEXT,"
            " team TEXT, agent TEXT, customer_id TEXT, escalated_at TEXT, ai_confidence TEXT, csat TEXT,"
            " first_contact_resolution TEXT, handle_time_seconds TEXT, sentiment TEXT, escalation_reason TEXT);\n"
            "CREATE UNIQUE INDEX conversations_id ON conversations (conversation_id);\n"
            "CREATE INDEX conversations_created ON conversations (created_at);\n"
            ".import --csv --skip 1 %1 conversations\n")
            .arg(csv);
    QProcess shell;
    QElapsedTimer timer;
    timer.start();
    shell.start(QStringLiteral("sqlite3"), {database});
    shell.write(script.toUtf8());
    shell.closeWriteChannel();
    shell.waitForFinished(-1);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (shell.exitCode() != 0)
        qFatal("sqlite3 failed: %s", shell.readAllStandardError().constData());
    return seconds;
}

// The import itself, in this (child) process: prints "seconds peak-MiB".
int importInThisProcess(const QString &file, const QString &workspace)
{
    const FixedClock clock(bench::benchNow());
    QElapsedTimer timer;
    timer.start();
    auto database = Database::open(workspace);
    ImportRequest request;
    request.files = {file};
    const ImportSummary summary = runImport(*database, request, clock);
    if (summary.skipped != 0)
        qFatal("unexpected skipped rows");
    database.reset();
    QTextStream(stdout) << double(timer.nsecsElapsed()) / 1e9 << ' ' << bench::peakResidentMiB() << '\n';
    return 0;
}

struct ImportRun {
    double seconds = 0;
    double peakMiB = 0;
};

// Each import in a child process, so that its peak memory is its own and not the data generator's.
ImportRun importSeconds(const QString &file, const QString &workspace)
{
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--import"), file, workspace});
    child.waitForFinished(-1);
    const QList<QByteArray> fields = child.readAllStandardOutput().trimmed().split(' ');
    if (child.exitCode() != 0 || fields.size() != 2)
        qFatal("the import failed: %s", child.readAllStandardError().constData());
    return {fields[0].toDouble(), fields[1].toDouble()};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    if (argc == 4 && qstrcmp(argv[1], "--import") == 0)
        return importInThisProcess(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    const qint64 rows = argc > 1 ? QString::fromLocal8Bit(argv[1]).toLongLong() : 1'000'000;
    const qint64 jsonlRows = argc > 2 ? QString::fromLocal8Bit(argv[2]).toLongLong() : 200'000;
    QTemporaryDir directory;
    const QString csv = directory.filePath(QStringLiteral("conversations.csv"));
    writeCanonicalCsv(csv, rows);
    const double megabytes = double(QFileInfo(csv).size()) / (1 << 20);
    bench::report(QStringLiteral("csv: rows"), double(rows), QString());
    bench::report(QStringLiteral("csv: file size"), megabytes, QStringLiteral("MB"));

    // Warm the page cache for both contenders alike.
    QFile warm(csv);
    warm.open(QIODevice::ReadOnly);
    while (!warm.read(1 << 20).isEmpty()) {
    }
    const double baseline = sqliteShellImportSeconds(csv, directory.filePath(QStringLiteral("baseline.db")));
    const ImportRun csvRun = importSeconds(csv, directory.filePath(QStringLiteral("workspace.ewb")));
    const double ours = csvRun.seconds;
    bench::report(QStringLiteral("csv: sqlite3 shell .import (baseline)"), baseline, QStringLiteral("s"));
    bench::report(QStringLiteral("csv: escalation-workbench import"), ours, QStringLiteral("s"));
    bench::report(QStringLiteral("csv: import rate"), double(rows) / ours, QStringLiteral("rows/s"));
    bench::reportRatio(QStringLiteral("csv: ratio ours / sqlite3 .import"), ours, baseline, 1.0);
    bench::report(QStringLiteral("csv: peak resident memory of the import (goal < 200)"), csvRun.peakMiB,
                  QStringLiteral("MiB"));

    // JSONL with messages, from the demo generator.
    const QString jsonlFolder = directory.filePath(QStringLiteral("jsonl"));
    {
        const FixedClock clock(bench::benchNow());
        DemoOptions options;
        options.conversations = jsonlRows;
        options.months = 12;
        const DemoGenerator generator(options, clock);
        CanonicalWriter writer(jsonlFolder);
        for (qint64 i = 0; i < generator.size(); ++i)
            writer.write(generator.conversation(i));
        writer.finish();
    }
    const QString jsonl = QDir(jsonlFolder).filePath(QStringLiteral("conversations.jsonl"));
    const double jsonlMegabytes = double(QFileInfo(jsonl).size()) / (1 << 20);
    const ImportRun jsonlRun = importSeconds(jsonl, directory.filePath(QStringLiteral("jsonl.ewb")));
    const double jsonlSeconds = jsonlRun.seconds;
    bench::report(QStringLiteral("jsonl: conversations"), double(jsonlRows), QString());
    bench::report(QStringLiteral("jsonl: file size"), jsonlMegabytes, QStringLiteral("MB"));
    bench::report(QStringLiteral("jsonl: import time"), jsonlSeconds, QStringLiteral("s"));
    bench::report(QStringLiteral("jsonl: throughput (goal >= 50)"), jsonlMegabytes / jsonlSeconds,
                  QStringLiteral("MB/s"));
    bench::report(QStringLiteral("jsonl: peak resident memory of the import (goal < 200)"), jsonlRun.peakMiB,
                  QStringLiteral("MiB"));
    return 0;
}
