#include "TestSupport.h"
#include "common/Period.h"
#include "store/Database.h"
#include "store/Schema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTest>

using namespace workbench;

namespace {

using Run = test::ProgramRun;

/// One number from the workspace at `path`, read by a connection of the test's own.
qint64 queryCount(const QString &path, const QString &statement)
{
    auto db = Database::open(path);
    return test::queryValue(*db, statement).toLongLong();
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void helpListsCommands();
    void versionPrints();
    void commandHelp();
    void unknownCommandIsUsageError();
    void workspaceFileOpensTheWindow();
    void badOptions_data();
    void badOptions();
    void demoFillsWorkspace();
    void demoWithoutDbUsesDefaultWorkspace();
    void demoRefusesNonEmptyWorkspace();
    void refusesNewerWorkspace();
    void refusesForeignFile();
    void importPrintsCounts();
    void importRefusesBadFileWithExitOne();
    void importLenientListsSkippedRows();
    void importChatLogThroughASavedMappingFile();
    void settingsGetAndSet();
    void metricsJsonMatchesTheStore();
    void sampleTagAndTags();
    void metricsUsageErrors_data();
    void metricsUsageErrors();
    void importUsageErrors_data();
    void importUsageErrors();
    void damagedWorkspaceIsReadNeverWritten();
    void readOnlyWorkspaceRunsReadingCommands();
    void globalOptionBeforeTheCommand();
    void importReadsStandardInputPipesAndLoneCarriageReturns();

private:
    /// This process's environment with HOME and the XDG folders under `home` in the test's folder.
    QProcessEnvironment homeEnvironment(const QString &home) const;
    Run run(const QStringList &arguments);
    test::TempFolder m_home;
};

QProcessEnvironment TestCli::homeEnvironment(const QString &home) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), m_home.path(home));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path(home + QStringLiteral("/data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path(home + QStringLiteral("/config")));
    return environment;
}

Run TestCli::run(const QStringList &arguments)
{
    // A private home: the default workspace and the settings of this test never touch the user's.
    return test::runProgram(QStringLiteral(WORKBENCH_EXECUTABLE), arguments, homeEnvironment(QStringLiteral("home")));
}

void TestCli::helpListsCommands()
{
    for (const char *flag : {"--help", "-h", "help"}) {
        const Run result = run({QString::fromLatin1(flag)});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("Usage: escalation-workbench")));
        QVERIFY(result.out.contains(QStringLiteral("demo ")));
        QVERIFY(result.out.contains(QStringLiteral("Exit codes")));
        QVERIFY(result.err.isEmpty());
    }
}

void TestCli::versionPrints()
{
    const Run result = run({QStringLiteral("--version")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.startsWith(QStringLiteral("escalation-workbench 0.")));
}

void TestCli::commandHelp()
{
    const Run result = run({QStringLiteral("demo"), QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    for (const char *option : {"--conversations", "--months", "--end", "--seed", "--export", "--db"})
        QVERIFY2(result.out.contains(QLatin1String(option)), option);
}

void TestCli::unknownCommandIsUsageError()
{
    const Run result = run({QStringLiteral("frobnicate")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(QStringLiteral("unknown command \"frobnicate\"")));
    QVERIFY(result.out.isEmpty());
}

void TestCli::workspaceFileOpensTheWindow()
{
    // As a file manager starts it (Exec=escalation-workbench %f): the window opens on that file, no command runs.
    const QString workspace = m_home.path(QStringLiteral("from-file-manager.ewb"));
    QProcess process;
    // A home of its own: the window remembers the workspace as the default of later commands.
    QProcessEnvironment environment = homeEnvironment(QStringLiteral("gui-home"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(WORKBENCH_EXECUTABLE), {workspace});
    QVERIFY(process.waitForStarted());
    const QString settingsFile =
        m_home.path(QStringLiteral("gui-home/config/EscalationWorkbench/escalation-workbench.conf"));
    QTRY_VERIFY_WITH_TIMEOUT(
        QSettings(settingsFile, QSettings::IniFormat).value(QStringLiteral("workspace/last")).toString() ==
            QFileInfo(workspace).absoluteFilePath(),
        60000);
    QCOMPARE(process.state(), QProcess::Running); // the window, not a command that ended
    QVERIFY(QFile::exists(workspace));
    process.kill();
    process.waitForFinished();
    QVERIFY(!process.readAllStandardError().contains("unknown command"));
}

void TestCli::badOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")} << "Unknown option";
    QTest::newRow("months not a number") << QStringList{QStringLiteral("--months"), QStringLiteral("x")} << "--months";
    QTest::newRow("no conversations") << QStringList{QStringLiteral("--conversations"), QStringLiteral("0")}
                                      << "--conversations";
    QTest::newRow("end month 13") << QStringList{QStringLiteral("--end"), QStringLiteral("2026-13")} << "--end";
    QTest::newRow("end is a week") << QStringList{QStringLiteral("--end"), QStringLiteral("2026-W40")} << "--end";
    QTest::newRow("negative seed") << QStringList{QStringLiteral("--seed"), QStringLiteral("-1")} << "--seed";
    QTest::newRow("stray argument") << QStringList{QStringLiteral("extra")} << "unexpected argument";
    QTest::newRow("missing value") << QStringList{QStringLiteral("--months")} << "Missing value";
}

void TestCli::badOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString path = m_home.path(QStringLiteral("bad.ewb"));
    const Run result = run(QStringList{QStringLiteral("demo"), QStringLiteral("--db"), path} + arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(result.err.contains(QStringLiteral("Usage: escalation-workbench demo")));
    QVERIFY(result.out.isEmpty());
    QVERIFY2(!QFile::exists(path), "a usage error must not create the workspace");
}

void TestCli::demoFillsWorkspace()
{
    const QString path = m_home.path(QStringLiteral("demo.ewb"));
    const QString exportDir = m_home.path(QStringLiteral("demo-export"));
    // Options may stand anywhere after the command word.
    const Run result =
        run({QStringLiteral("demo"), QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--db"), path,
             QStringLiteral("--conversations"), QStringLiteral("2000"), QStringLiteral("--months"), QStringLiteral("2"),
             QStringLiteral("--end"), QStringLiteral("2026-10"), QStringLiteral("--export"), exportDir});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("2,000 demo conversations, 2026-09 to 2026-10")),
             qPrintable(result.out));
    QVERIFY(QFile::exists(exportDir + QStringLiteral("/conversations.csv")));
    auto db = Database::open(path);
    QCOMPARE(test::queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations")).toInt(), 2000);
}

void TestCli::demoWithoutDbUsesDefaultWorkspace()
{
    const Run result = run({QStringLiteral("demo"), QStringLiteral("--conversations"), QStringLiteral("300")});
    QCOMPARE(result.exitCode, 0);
    const QString expected =
        m_home.path(QStringLiteral("home/data/EscalationWorkbench/escalation-workbench/workspace.ewb"));
    QVERIFY2(QFile::exists(expected), qPrintable(result.out));
}

void TestCli::demoRefusesNonEmptyWorkspace()
{
    const QString path = m_home.path(QStringLiteral("full.ewb"));
    QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--db"), path, QStringLiteral("--conversations"),
                  QStringLiteral("200")})
                 .exitCode,
             0);
    const QByteArray before = test::fileSha256(path);
    const Run again = run({QStringLiteral("demo"), QStringLiteral("--db"), path});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(QStringLiteral("already holds 200 conversations")), qPrintable(again.err));
    QCOMPARE(test::fileSha256(path), before);
}

void TestCli::refusesNewerWorkspace()
{
    const QString path = m_home.path(QStringLiteral("newer.ewb"));
    test::makeNewerWorkspace(path, schema::kCurrentVersion + 5);
    const QByteArray before = test::fileSha256(path);
    const Run result = run({QStringLiteral("demo"), QStringLiteral("--db"), path});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("newer version of Escalation Workbench")), qPrintable(result.err));
    QCOMPARE(test::fileSha256(path), before);
}

void TestCli::refusesForeignFile()
{
    const QString path = m_home.path(QStringLiteral("notes.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("these are my notes, not a workspace\n");
    file.close();
    const QByteArray before = test::fileSha256(path);
    const Run result = run({QStringLiteral("demo"), QStringLiteral("--db"), path});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("not an Escalation Workbench workspace")), qPrintable(result.err));
    QCOMPARE(test::fileSha256(path), before);
}

void TestCli::importPrintsCounts()
{
    const QString csv = test::writeFile(
        m_home.path(QStringLiteral("in/good.csv")),
        "conversation_id,created_at,escalated,extra\nA,2026-10-01T10:00:00Z,yes,1\nB,2026-10-01,no,2\n");
    const QString path = m_home.path(QStringLiteral("import.ewb"));
    const Run result = run({QStringLiteral("import"), csv, QStringLiteral("--db"), path});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("2 inserted, 0 updated, 0 skipped, 1 warning")),
             qPrintable(result.out));
    QVERIFY(result.out.contains(QStringLiteral("note: ")));
    QVERIFY(result.out.contains(QStringLiteral("ignored column \"extra\"")));
    const Run again = run({QStringLiteral("import"), QStringLiteral("--db"), path, csv});
    QVERIFY2(again.out.contains(QStringLiteral("0 inserted, 2 updated")), qPrintable(again.out));
}

void TestCli::importRefusesBadFileWithExitOne()
{
    const QString path = m_home.path(QStringLiteral("refuse.ewb"));
    QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--db"), path, QStringLiteral("--conversations"),
                  QStringLiteral("100")})
                 .exitCode,
             0);
    const QByteArray before = test::fileSha256(path);
    const QString csv = test::writeFile(m_home.path(QStringLiteral("in/orders.csv")),
                                        "conversation_id,created_at,escalated\nA,2026-10-01,yes\nB,31/10/2026,no\n");
    const Run result = run({QStringLiteral("import"), QStringLiteral("--db"), path, csv});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(
        result.err.contains(QStringLiteral("orders.csv:3: column \"created_at\": \"31/10/2026\" is not a timestamp "
                                           "(expected ISO-8601 or epoch seconds)")),
        qPrintable(result.err));
    QVERIFY(result.err.contains(QStringLiteral("the workspace is unchanged")));
    QVERIFY(result.out.isEmpty());
    QCOMPARE(test::fileSha256(path), before);
}

void TestCli::importLenientListsSkippedRows()
{
    const QString csv = test::writeFile(
        m_home.path(QStringLiteral("in/mixed.csv")),
        "conversation_id,created_at,escalated\nA,2026-10-01,yes\nB,31/10/2026,no\nC,2026-10-01,maybe\n");
    const Run result = run({QStringLiteral("import"), QStringLiteral("--lenient"), csv, QStringLiteral("--db"),
                            m_home.path(QStringLiteral("lenient.ewb"))});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("1 inserted, 0 updated, 2 skipped")), qPrintable(result.out));
    QCOMPARE(result.err.count(QStringLiteral("skipped: ")), 2);
    QVERIFY(result.err.contains(QStringLiteral("mixed.csv:4: column \"escalated\": \"maybe\" is not a boolean")));
}

void TestCli::importChatLogThroughASavedMappingFile()
{
    const QString mapping =
        test::writeFile(m_home.path(QStringLiteral("in/tau.json")),
                        "{\"name\": \"tau-bench\", \"format\": \"chatlog\", \"options\": {"
                        "\"handoff_tool\": \"transfer_to_human_agents\", \"start_msecs\": 1790812800000,"
                        " \"spacing_seconds\": 1800}}");
    const QString path = m_home.path(QStringLiteral("tau.ewb"));
    const Run result =
        run({QStringLiteral("import"), QStringLiteral("--db"), path, QStringLiteral("--mapping"), mapping,
             QStringLiteral(WORKBENCH_PUBLIC_DATA_DIR "/tau-bench-airline-trajectories/gpt-4o-airline.json")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("200 inserted")), qPrintable(result.out + result.err));
    QVERIFY(result.out.contains(QStringLiteral("one every 30 minutes")));
    // --start on the command line wins over the mapping's.
    const Run again =
        run({QStringLiteral("import"), QStringLiteral("--db"), path, QStringLiteral("--mapping"), mapping,
             QStringLiteral("--start"), QStringLiteral("2026-06-01"),
             QStringLiteral(WORKBENCH_PUBLIC_DATA_DIR "/tau-bench-airline-trajectories/gpt-4o-airline.json")});
    QVERIFY2(again.out.contains(QStringLiteral("placed from 2026-06-01T00:00:00Z")), qPrintable(again.out));
}

void TestCli::settingsGetAndSet()
{
    const QString path = m_home.path(QStringLiteral("settings.ewb"));
    auto settings = [&](const QStringList &words) {
        return run(QStringList{QStringLiteral("settings")} + words + QStringList{QStringLiteral("--db"), path});
    };
    const Run all = settings({QStringLiteral("get")});
    QCOMPARE(all.exitCode, 0);
    QVERIFY(all.out.contains(QStringLiteral("agent_cost")));
    QVERIFY(all.out.contains(QStringLiteral("Gartner")));
    QCOMPARE(settings({QStringLiteral("get"), QStringLiteral("ai_cost")}).out.trimmed(), QStringLiteral("1.84"));
    QCOMPARE(settings({QStringLiteral("set"), QStringLiteral("agent_cost"), QStringLiteral("13.50")}).exitCode, 0);
    const Run json = settings({QStringLiteral("get"), QStringLiteral("agent_cost"), QStringLiteral("--json")});
    const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(object.value(QStringLiteral("value")).toString(), QStringLiteral("13.50"));
    QCOMPARE(object.value(QStringLiteral("default")).toString(), QStringLiteral("12.00"));
    const Run invalid = settings({QStringLiteral("set"), QStringLiteral("benchmark"), QStringLiteral("banking")});
    QCOMPARE(invalid.exitCode, 1);
    QVERIFY(invalid.err.contains(QStringLiteral("expected general, ecommerce, luxury, regulated or custom:LOW-HIGH")));
    QCOMPARE(settings({QStringLiteral("get"), QStringLiteral("colour")}).exitCode, 1);
    QCOMPARE(settings({QStringLiteral("frob")}).exitCode, 2);
    QCOMPARE(settings({QStringLiteral("set")}).exitCode, 2);
}

void TestCli::metricsJsonMatchesTheStore()
{
    const QString path = m_home.path(QStringLiteral("metrics.ewb"));
    QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--db"), path, QStringLiteral("--conversations"),
                  QStringLiteral("3000"), QStringLiteral("--months"), QStringLiteral("2"), QStringLiteral("--end"),
                  QStringLiteral("2026-10")})
                 .exitCode,
             0);
    const Run result = run({QStringLiteral("metrics"), QStringLiteral("--period"), QStringLiteral("2026-10"),
                            QStringLiteral("--json"), QStringLiteral("--db"), path});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8()).object();
    auto db = Database::open(path);
    const qint64 start = Period::month(2026, 10).startMsecs();
    const qint64 end = Period::month(2026, 10).endMsecs();
    const qint64 conversations =
        test::queryValue(*db,
                         QStringLiteral("SELECT count(*) FROM conversations WHERE created_at >= %1 AND created_at < %2")
                             .arg(start)
                             .arg(end))
            .toLongLong();
    const qint64 escalated =
        test::queryValue(
            *db, QStringLiteral("SELECT sum(escalated) FROM conversations WHERE created_at >= %1 AND created_at < %2")
                     .arg(start)
                     .arg(end))
            .toLongLong();
    QCOMPARE(json.value(QStringLiteral("period")).toString(), QStringLiteral("2026-10"));
    QCOMPARE(qint64(json.value(QStringLiteral("conversations")).toDouble()), conversations);
    QCOMPARE(qint64(json.value(QStringLiteral("escalated")).toDouble()), escalated);
    QCOMPARE(json.value(QStringLiteral("escalation_rate")).toDouble(), double(escalated) / double(conversations));
    QCOMPARE(json.value(QStringLiteral("baseline")).toObject().value(QStringLiteral("period")).toString(),
             QStringLiteral("2026-09"));
    // Nothing reviewed yet: estimates are null, never 0.
    QVERIFY(json.value(QStringLiteral("false_escalation_rate")).toObject().value(QStringLiteral("value")).isNull());
    const Run table = run({QStringLiteral("metrics"), QStringLiteral("--period"), QStringLiteral("2026-10"),
                           QStringLiteral("--db"), path});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.contains(QStringLiteral("against 2026-09")));
}

void TestCli::sampleTagAndTags()
{
    const QString path = m_home.path(QStringLiteral("review.ewb"));
    QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--db"), path, QStringLiteral("--conversations"),
                  QStringLiteral("3000"), QStringLiteral("--months"), QStringLiteral("2"), QStringLiteral("--end"),
                  QStringLiteral("2026-10")})
                 .exitCode,
             0);
    const QStringList sampleArguments = {
        QStringLiteral("sample"),    QStringLiteral("--db"),     path,
        QStringLiteral("--period"),  QStringLiteral("2026-W40"), QStringLiteral("--population"),
        QStringLiteral("escalated"), QStringLiteral("--method"), QStringLiteral("random"),
        QStringLiteral("--size"),    QStringLiteral("10"),       QStringLiteral("--seed"),
        QStringLiteral("7"),         QStringLiteral("--json")};
    const Run first = run(sampleArguments);
    QCOMPARE(first.exitCode, 0);
    const QJsonObject sample = QJsonDocument::fromJson(first.out.toUtf8()).object();
    for (const char *key : {"sample_id", "period", "population", "method", "seed", "size", "conversation_ids"})
        QVERIFY2(sample.contains(QLatin1String(key)), key);
    QCOMPARE(sample.value(QStringLiteral("size")).toInt(), 10);
    QCOMPARE(sample.value(QStringLiteral("seed")).toInt(), 7);
    // The same seed draws the same conversations, in the same order.
    const QJsonObject again = QJsonDocument::fromJson(run(sampleArguments).out.toUtf8()).object();
    QCOMPARE(again.value(QStringLiteral("conversation_ids")), sample.value(QStringLiteral("conversation_ids")));
    QVERIFY(again.value(QStringLiteral("sample_id")).toInt() > sample.value(QStringLiteral("sample_id")).toInt());

    const QString escalated = sample.value(QStringLiteral("conversation_ids")).toArray().first().toString();
    const Run wrong = run({QStringLiteral("tag"), QStringLiteral("--db"), path, QStringLiteral("--conversation"),
                           escalated, QStringLiteral("--verdict"), QStringLiteral("missed_escalation"),
                           QStringLiteral("--reviewer"), QStringLiteral("Dana")});
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY(wrong.err.contains(QStringLiteral("does not fit")));
    // A reason that is not among the verdict's codes is refused, with the valid ones listed; --new-reason adds it.
    const QStringList freeReason{QStringLiteral("tag"),
                                 QStringLiteral("--db"),
                                 path,
                                 QStringLiteral("--conversation"),
                                 escalated,
                                 QStringLiteral("--verdict"),
                                 QStringLiteral("false_escalation"),
                                 QStringLiteral("--reviewer"),
                                 QStringLiteral("Dana"),
                                 QStringLiteral("--reason"),
                                 QStringLiteral("tracking data was available"),
                                 QStringLiteral("--at"),
                                 QStringLiteral("2026-10-06T10:00:00Z")};
    const Run unknownReason = run(freeReason);
    QCOMPARE(unknownReason.exitCode, 1);
    QVERIFY2(unknownReason.err.contains(QStringLiteral("tracking_data_available")), qPrintable(unknownReason.err));
    QCOMPARE(queryCount(path, QStringLiteral("SELECT count(*) FROM tags")), 0);
    const Run tagged = run(freeReason + QStringList{QStringLiteral("--new-reason")});
    QCOMPARE(tagged.exitCode, 0);
    QCOMPARE(queryCount(path, QStringLiteral("SELECT count(*) FROM reason_codes WHERE code = "
                                             "'tracking data was available' AND verdict = 'false_escalation'")),
             1);
    QCOMPARE(run({QStringLiteral("tag"), QStringLiteral("--db"), path, QStringLiteral("--conversation"),
                  QStringLiteral("no-such-id"), QStringLiteral("--verdict"), QStringLiteral("false_escalation"),
                  QStringLiteral("--reviewer"), QStringLiteral("Dana")})
                 .exitCode,
             1);
    QCOMPARE(run({QStringLiteral("tag"), QStringLiteral("--db"), path, QStringLiteral("--conversation"), escalated})
                 .exitCode,
             2);

    const QString csv = m_home.path(QStringLiteral("tags.csv"));
    const Run exported = run({QStringLiteral("tags"), QStringLiteral("export"), csv, QStringLiteral("--db"), path});
    QCOMPARE(exported.exitCode, 0);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.startsWith("conversation_id,reviewer,verdict,reason,note,tagged_at,category,takeover_turn,role\n"));
    const QByteArray expectedRow =
        escalated.toUtf8() + ",Dana,false_escalation,tracking data was available,,2026-10-06T10:00:00.000Z,,,review";
    QVERIFY(content.contains(expectedRow));
    const Run imported = run({QStringLiteral("tags"), QStringLiteral("import"), csv, QStringLiteral("--db"), path});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.out.contains(QStringLiteral("Imported 0 tags; 1 were stored already.")),
             qPrintable(imported.out));
    QCOMPARE(run({QStringLiteral("tags"), QStringLiteral("frob"), csv, QStringLiteral("--db"), path}).exitCode, 2);
}

void TestCli::metricsUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no period") << QStringList{} << "--period is required";
    QTest::newRow("bad period") << QStringList{QStringLiteral("--period"), QStringLiteral("October")}
                                << "--period takes a month";
    QTest::newRow("bad baseline") << QStringList{QStringLiteral("--period"), QStringLiteral("2026-10"),
                                                 QStringLiteral("--baseline"), QStringLiteral("2026-13")}
                                  << "--baseline takes a month";
}

void TestCli::metricsUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run result =
        run(QStringList{QStringLiteral("metrics"), QStringLiteral("--db"), m_home.path(QStringLiteral("usage.ewb"))} +
            arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
}

void TestCli::importUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no file") << QStringList{} << 2 << "name at least one file";
    QTest::newRow("bad format") << QStringList{QStringLiteral("--format"), QStringLiteral("xml"),
                                               QStringLiteral("x.csv")}
                                << 2 << "--format takes csv, jsonl, chatlog, zendesk or intercom";
    QTest::newRow("bad start") << QStringList{QStringLiteral("--start"), QStringLiteral("soon"),
                                              QStringLiteral("x.json")}
                               << 2 << "--start takes a date or time";
    QTest::newRow("missing file") << QStringList{QStringLiteral("does-not-exist.csv")} << 1
                                  << "does-not-exist.csv: no such file";
    QTest::newRow("unknown mapping") << QStringList{QStringLiteral("--mapping"), QStringLiteral("Nope"),
                                                    QStringLiteral("x.csv")}
                                     << 1 << "No saved mapping is called \"Nope\"";
}

void TestCli::importUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run result =
        run(QStringList{QStringLiteral("import"), QStringLiteral("--db"), m_home.path(QStringLiteral("usage.ewb"))} +
            arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
}

void TestCli::damagedWorkspaceIsReadNeverWritten()
{
    const QString path = m_home.path(QStringLiteral("damaged.ewb"));
    QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--db"), path, QStringLiteral("--conversations"),
                  QStringLiteral("2000"), QStringLiteral("--months"), QStringLiteral("2"), QStringLiteral("--end"),
                  QStringLiteral("2026-10")})
                 .exitCode,
             0);
    test::garblePage(path, test::pageOf(path, QStringLiteral("conversations"))); // as a bad sector would
    const QByteArray before = test::fileSha256(path);
    const QString csv = test::writeFile(m_home.path(QStringLiteral("late.csv")),
                                        "conversation_id,created_at,escalated\nLATE-1,2026-10-05T10:00:00Z,1\n");
    const QList<QStringList> writes = {
        {QStringLiteral("import"), csv},
        {QStringLiteral("tag"), QStringLiteral("--conversation"), QStringLiteral("DEMO-000001"),
         QStringLiteral("--verdict"), QStringLiteral("false_escalation"), QStringLiteral("--reviewer"),
         QStringLiteral("Dana")},
        {QStringLiteral("sample"), QStringLiteral("--period"), QStringLiteral("2026-10")},
        {QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("agent_cost"), QStringLiteral("9")},
    };
    for (const QStringList &write : writes) {
        const Run refused = run(write + QStringList{QStringLiteral("--db"), path});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("is not possible: %1 is damaged").arg(path)),
                 qPrintable(refused.err));
        QVERIFY(refused.err.contains(QLatin1String("workspace recover")));
    }
    QCOMPARE(test::fileSha256(path), before);

    const Run check = run({QStringLiteral("workspace"), QStringLiteral("check"), QStringLiteral("--db"), path});
    QCOMPARE(check.exitCode, 1);
    QVERIFY2(check.out.contains(QLatin1String("damaged")) && check.out.contains(QLatin1String("Page")),
             qPrintable(check.out));
    const QString copy = m_home.path(QStringLiteral("repaired.ewb"));
    const Run recover =
        run({QStringLiteral("workspace"), QStringLiteral("recover"), copy, QStringLiteral("--db"), path});
    QCOMPARE(recover.exitCode, 0);
    QVERIFY2(recover.out.contains(QLatin1String("conversations:")), qPrintable(recover.out));
    QVERIFY(recover.out.contains(QLatin1String("unreadable stretch")));
    QCOMPARE(test::fileSha256(path), before);
    QCOMPARE(run({QStringLiteral("workspace"), QStringLiteral("check"), QStringLiteral("--db"), copy}).exitCode, 0);
    const Run metrics = run({QStringLiteral("metrics"), QStringLiteral("--period"), QStringLiteral("2026-09"),
                             QStringLiteral("--json"), QStringLiteral("--db"), copy});
    QCOMPARE(metrics.exitCode, 0);
    QVERIFY(QJsonDocument::fromJson(metrics.out.toUtf8()).isObject());
}

void TestCli::readOnlyWorkspaceRunsReadingCommands()
{
    const QString folder = m_home.path(QStringLiteral("archive"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/audit.ewb");
    QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--db"), path, QStringLiteral("--conversations"),
                  QStringLiteral("2000"), QStringLiteral("--months"), QStringLiteral("2"), QStringLiteral("--end"),
                  QStringLiteral("2026-10")})
                 .exitCode,
             0);
    const Run writable = run({QStringLiteral("metrics"), QStringLiteral("--period"), QStringLiteral("2026-10"),
                              QStringLiteral("--json"), QStringLiteral("--db"), path});
    QCOMPARE(writable.exitCode, 0);
    QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
    const Run readOnly = run({QStringLiteral("metrics"), QStringLiteral("--period"), QStringLiteral("2026-10"),
                              QStringLiteral("--json"), QStringLiteral("--db"), path});
    QCOMPARE(readOnly.exitCode, 0);
    QCOMPARE(readOnly.out, writable.out);
    const QString pdf = m_home.path(QStringLiteral("archived-report.pdf"));
    QCOMPARE(run({QStringLiteral("report"), QStringLiteral("--period"), QStringLiteral("2026-10"),
                  QStringLiteral("--pdf"), pdf, QStringLiteral("--db"), path})
                 .exitCode,
             0);
    QVERIFY(QFileInfo(pdf).size() > 1000);
    const Run tag = run({QStringLiteral("tag"), QStringLiteral("--conversation"), QStringLiteral("DEMO-000001"),
                         QStringLiteral("--verdict"), QStringLiteral("false_escalation"), QStringLiteral("--reviewer"),
                         QStringLiteral("Dana"), QStringLiteral("--db"), path});
    QCOMPARE(tag.exitCode, 1);
    QVERIFY2(tag.err.contains(QLatin1String("Tagging is not possible")) && tag.err.contains(QLatin1String("read-only")),
             qPrintable(tag.err));
    QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{QStringLiteral("audit.ewb")});
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TestCli::globalOptionBeforeTheCommand()
{
    const QString path = m_home.path(QStringLiteral("global-option.ewb"));
    // Without a display a GUI start would abort: this must run the command.
    QProcessEnvironment environment = homeEnvironment(QStringLiteral("home"));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    const auto result = test::runProgram(
        QStringLiteral(WORKBENCH_EXECUTABLE),
        {QStringLiteral("--db"), path, QStringLiteral("settings"), QStringLiteral("get"), QStringLiteral("ai_cost")},
        environment);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.trimmed(), QStringLiteral("1.84"));
}

void TestCli::importReadsStandardInputPipesAndLoneCarriageReturns()
{
    const QByteArray jsonl =
        "{\"conversation_id\":\"P-1\",\"created_at\":\"2026-10-05T10:00:00Z\",\"escalated\":true}\n"
        "{\"conversation_id\":\"P-2\",\"created_at\":\"2026-10-06T10:00:00Z\",\"escalated\":false}\n";
    const QString fromStdin = m_home.path(QStringLiteral("stdin.ewb"));
    QProcess process;
    process.setProcessEnvironment(homeEnvironment(QStringLiteral("home")));
    process.start(QStringLiteral(WORKBENCH_EXECUTABLE),
                  {QStringLiteral("import"), QStringLiteral("--db"), fromStdin, QStringLiteral("-")});
    QVERIFY(process.waitForStarted());
    process.write(jsonl);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QVERIFY(QString::fromUtf8(process.readAllStandardOutput()).contains(QLatin1String("2 inserted")));

    // A bad line read from standard input is named as such, with its line.
    QProcess bad;
    bad.setProcessEnvironment(homeEnvironment(QStringLiteral("home")));
    bad.start(QStringLiteral(WORKBENCH_EXECUTABLE),
              {QStringLiteral("import"), QStringLiteral("--db"), fromStdin, QStringLiteral("--format"),
               QStringLiteral("jsonl"), QStringLiteral("-")});
    QVERIFY(bad.waitForStarted());
    bad.write(jsonl + "{\"conversation_id\": \"P-3\", \"escalated\": tru}\n");
    bad.closeWriteChannel();
    QVERIFY(bad.waitForFinished(60000));
    QCOMPARE(bad.exitCode(), 1);
    QVERIFY2(QString::fromUtf8(bad.readAllStandardError()).contains(QLatin1String("<standard input>:3:")), "");

    // A named pipe reads like a file (it used to be "empty": its size is 0).
    const QString fifo = m_home.path(QStringLiteral("export.jsonl"));
    QCOMPARE(QProcess::execute(QStringLiteral("mkfifo"), {fifo}), 0);
    const QString data = test::writeFile(m_home.path(QStringLiteral("pipe-data.jsonl")), jsonl);
    QProcess writer; // blocks in open() until the import opens the pipe for reading
    writer.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("cat '%1' > '%2'").arg(data, fifo)});
    QVERIFY(writer.waitForStarted());
    const Run fromPipe =
        run({QStringLiteral("import"), QStringLiteral("--db"), m_home.path(QStringLiteral("fifo.ewb")), fifo});
    QVERIFY(writer.waitForFinished(60000));
    QVERIFY2(fromPipe.exitCode == 0, qPrintable(fromPipe.err));
    QVERIFY(fromPipe.out.contains(QLatin1String("2 inserted")));

    // Old spreadsheet exports end their lines with a lone CR.
    const QString cr = test::writeFile(m_home.path(QStringLiteral("classic-mac.csv")),
                                       "conversation_id,created_at,escalated\rC-1,2026-10-05T10:00:00Z,1\r"
                                       "C-2,2026-10-06T10:00:00Z,0\r\nC-3,2026-10-07T10:00:00Z,0\n");
    const Run crRun =
        run({QStringLiteral("import"), QStringLiteral("--db"), m_home.path(QStringLiteral("cr.ewb")), cr});
    QVERIFY2(crRun.exitCode == 0, qPrintable(crRun.err));
    QVERIFY2(crRun.out.contains(QLatin1String("3 inserted")), qPrintable(crRun.out));

    // A header naming a column twice is refused before any row is read.
    const QString twice =
        test::writeFile(m_home.path(QStringLiteral("twice.csv")),
                        "conversation_id,created_at,Escalated,escalated \nD-1,2026-10-05T10:00:00Z,1,0\n");
    const Run twiceRun =
        run({QStringLiteral("import"), QStringLiteral("--db"), m_home.path(QStringLiteral("cr.ewb")), twice});
    QCOMPARE(twiceRun.exitCode, 1);
    QVERIFY2(twiceRun.err.contains(QLatin1String("twice.csv:1: the header names the column \"escalated\" twice")),
             qPrintable(twiceRun.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
