#include "TestSupport.h"
#include "store/Database.h"
#include "store/Schema.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

using namespace workbench;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void helpListsCommands();
    void versionPrints();
    void commandHelp();
    void unknownCommandIsUsageError();
    void badOptions_data();
    void badOptions();
    void demoFillsWorkspace();
    void demoWithoutDbUsesDefaultWorkspace();
    void demoRefusesNonEmptyWorkspace();
    void refusesNewerWorkspace();
    void refusesForeignFile();

private:
    Run run(const QStringList &arguments);
    test::TempFolder m_home;
};

Run TestCli::run(const QStringList &arguments)
{
    QProcess process;
    // A private home: the default workspace and the settings of this test never touch the user's.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), m_home.path(QStringLiteral("home")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path(QStringLiteral("home/data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path(QStringLiteral("home/config")));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(WORKBENCH_EXECUTABLE), arguments);
    if (!process.waitForFinished(120000))
        qFatal("the CLI did not finish");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
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
    const Run result = run({QStringLiteral("demo"), QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--db"),
                            path, QStringLiteral("--conversations"), QStringLiteral("2000"), QStringLiteral("--months"),
                            QStringLiteral("2"), QStringLiteral("--end"), QStringLiteral("2026-10"),
                            QStringLiteral("--export"), exportDir});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("2,000 demo conversations, 2026-09 to 2026-10")), qPrintable(result.out));
    QVERIFY(QFile::exists(exportDir + QStringLiteral("/conversations.csv")));
    auto db = Database::open(path);
    QCOMPARE(test::queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations")).toInt(), 2000);
}

void TestCli::demoWithoutDbUsesDefaultWorkspace()
{
    const Run result = run({QStringLiteral("demo"), QStringLiteral("--conversations"), QStringLiteral("300")});
    QCOMPARE(result.exitCode, 0);
    const QString expected = m_home.path(QStringLiteral("home/data/EscalationWorkbench/escalation-workbench/workspace.ewb"));
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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
