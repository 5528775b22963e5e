// Damaged and read-only workspaces (DATA.md section 3): never written to, read as far as they can be, recovered
// into a new file.
#include "TestSupport.h"
#include "common/WorkbenchError.h"
#include "import/ImportJob.h"
#include "review/Sampling.h"
#include "review/Tagging.h"
#include "store/Database.h"
#include "store/Integrity.h"
#include "store/WorkspaceFacts.h"
#include "store/WorkspaceSettings.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QStandardPaths>
#include <QTest>

using namespace workbench;
using workbench::test::fileSha256;
using workbench::test::garblePage;
using workbench::test::pageOf;
using workbench::test::queryValue;

namespace {

void expectRefused(const std::function<void()> &write, const QString &why)
{
    try {
        write();
        QFAIL("the write went through");
    } catch (const WorkbenchError &error) {
        QVERIFY2(error.message().contains(QLatin1String("is not possible")), qPrintable(error.message()));
        QVERIFY2(error.message().contains(why), qPrintable(error.message()));
    }
}

qint64 countRows(const QString &path, const QString &table)
{
    auto db = Database::open(path);
    return queryValue(*db, QStringLiteral("SELECT count(*) FROM %1").arg(table)).toLongLong();
}

} // namespace

class TestDamage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void damagedPageIsNeverWritten_data();
    void damagedPageIsNeverWritten();
    void truncatedWorkspaceIsDamaged();
    void fileOfAnotherApplicationIsRefusedUntouched();
    void unchangedFileIsNotCheckedAgain();
    void readOnlyFileOpensForReading();
    void readOnlyFolderOpensWithoutWritingBesideTheFile();
    void olderReadOnlyFileSaysWhyItCannotOpen();
    void recoveryOfAHealthyFileIsComplete();
    void recoveryKeepsEveryReadableRow_data();
    void recoveryKeepsEveryReadableRow();
    void recoveryNeverOverwrites();

private:
    test::TempFolder m_folder;
    QString m_clean;
    qint64 m_conversations = 0;
    qint64 m_messages = 0;
};

void TestDamage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the "checked files" memory lives in the test cache
    m_clean = m_folder.path(QStringLiteral("clean.ewb"));
    test::makeDemoWorkspace(m_clean, 3000, 2);
    m_conversations = countRows(m_clean, QStringLiteral("conversations"));
    m_messages = countRows(m_clean, QStringLiteral("messages"));
    QCOMPARE(m_conversations, qint64(3000));
}

void TestDamage::init()
{
    // Every test starts from an unchecked state, so that what it sees is what a first open sees.
    QFile::remove(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
                  QStringLiteral("/escalation-workbench/checked-workspaces.ini"));
}

void TestDamage::damagedPageIsNeverWritten_data()
{
    QTest::addColumn<QString>("object");
    QTest::addColumn<QString>("pageType");
    QTest::newRow("table page") << QStringLiteral("conversations") << QStringLiteral("leaf");
    QTest::newRow("index page") << QStringLiteral("conversations_by_time") << QStringLiteral("leaf");
    QTest::newRow("messages page") << QStringLiteral("messages") << QStringLiteral("leaf");
}

void TestDamage::damagedPageIsNeverWritten()
{
    QFETCH(QString, object);
    QFETCH(QString, pageType);
    const QString path = m_folder.path(QStringLiteral("damaged-%1.ewb").arg(object));
    QFile::remove(path);
    QVERIFY(QFile::copy(m_clean, path));
    const qint64 page = pageOf(path, object, pageType);
    QVERIFY(page > 1);
    garblePage(path, page);
    const QByteArray before = fileSha256(path);

    auto db = Database::open(path);
    QCOMPARE(db->access(), WorkspaceAccess::Damaged);
    QVERIFY(!db->isWritable());
    QVERIFY2(db->whyReadOnly().contains(QDir::toNativeSeparators(path)), qPrintable(db->whyReadOnly()));
    QVERIFY2(db->whyReadOnly().contains(QStringLiteral("Page %1").arg(page)), qPrintable(db->whyReadOnly()));
    QVERIFY(db->whyReadOnly().contains(QLatin1String("workspace check")));
    QVERIFY(db->whyReadOnly().contains(QLatin1String("workspace recover")));
    // What does not touch the damaged page still reads.
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM events")).toInt(), 1);

    const QString csv = test::writeFile(m_folder.path(QStringLiteral("one.csv")),
                                        "conversation_id,created_at,escalated\nNEW-1,2026-10-05T10:00:00Z,1\n");
    expectRefused([&] { runImport(*db, test::importOf({csv}), FixedClock(test::testNow())); },
                  QStringLiteral("is damaged"));
    expectRefused([&] { addTag(*db, test::tagRequest(QStringLiteral("DEMO-000001"), Verdict::FalseEscalation)); },
                  QStringLiteral("is damaged"));
    expectRefused([&] { WorkspaceSettings(*db).set(QStringLiteral("agent_cost"), QStringLiteral("9")); },
                  QStringLiteral("is damaged"));
    SampleRequest sample;
    sample.period = *Period::parse(QStringLiteral("2026-10"));
    expectRefused([&] { drawSample(*db, sample); }, QStringLiteral("is damaged"));
    db.reset();
    QCOMPARE(fileSha256(path), before);
    QCOMPARE(integrityProblems(path, IntegrityDepth::Full).isEmpty(), false);
}

void TestDamage::truncatedWorkspaceIsDamaged()
{
    const QString path = m_folder.path(QStringLiteral("truncated.ewb"));
    QFile::remove(path);
    QVERIFY(QFile::copy(m_clean, path));
    QVERIFY(QFile::resize(path, QFileInfo(path).size() / 2));
    const QByteArray before = fileSha256(path);
    auto db = Database::open(path);
    QCOMPARE(db->access(), WorkspaceAccess::Damaged);
    expectRefused([&] { WorkspaceSettings(*db).set(QStringLiteral("agent_cost"), QStringLiteral("9")); },
                  QStringLiteral("is damaged"));
    db.reset();
    QCOMPARE(fileSha256(path), before);
}

void TestDamage::fileOfAnotherApplicationIsRefusedUntouched()
{
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png.append(QByteArray(4000, 'x'));
    const QString path = test::writeFile(m_folder.path(QStringLiteral("picture.ewb")), png);
    try {
        Database::open(path);
        QFAIL("a picture opened as a workspace");
    } catch (const WorkbenchError &error) {
        QVERIFY2(error.message().contains(QLatin1String("not an Escalation Workbench workspace")),
                 qPrintable(error.message()));
        QVERIFY(error.message().contains(QLatin1String("left unchanged")));
    }
    QCOMPARE(QFile(path).size(), qint64(png.size()));
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void TestDamage::unchangedFileIsNotCheckedAgain()
{
    const QString path = m_folder.path(QStringLiteral("remembered.ewb"));
    QFile::remove(path);
    QVERIFY(QFile::copy(m_clean, path));
    QVERIFY(!checked_files::passed(path));
    Database::open(path).reset();
    QVERIFY(checked_files::passed(path));
    // Damage changes the file: it is checked again, and found out.
    garblePage(path, pageOf(path, QStringLiteral("conversations"), QStringLiteral("leaf")));
    QVERIFY(!checked_files::passed(path));
    QCOMPARE(Database::open(path)->access(), WorkspaceAccess::Damaged);
    QVERIFY(!checked_files::passed(path));
}

void TestDamage::readOnlyFileOpensForReading()
{
    const QString path = m_folder.path(QStringLiteral("archived.ewb"));
    QFile::remove(path);
    QVERIFY(QFile::copy(m_clean, path));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const QByteArray before = fileSha256(path);
    {
        auto db = Database::open(path);
        QCOMPARE(db->access(), WorkspaceAccess::ReadOnly);
        QVERIFY2(db->whyReadOnly().contains(QLatin1String("the file is read-only")), qPrintable(db->whyReadOnly()));
        QCOMPARE(conversationCount(*db), m_conversations);
        QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM messages")).toLongLong(), m_messages);
        expectRefused([&] { addTag(*db, test::tagRequest(QStringLiteral("DEMO-000001"), Verdict::FalseEscalation)); },
                      QStringLiteral("read-only"));
    }
    QCOMPARE(fileSha256(path), before);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

void TestDamage::readOnlyFolderOpensWithoutWritingBesideTheFile()
{
    const QString folder = m_folder.path(QStringLiteral("archive"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/audit.ewb");
    QVERIFY(QFile::copy(m_clean, path));
    QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup));
    {
        auto db = Database::open(path);
        QCOMPARE(db->access(), WorkspaceAccess::ReadOnly);
        QVERIFY2(db->whyReadOnly().contains(QLatin1String("folder")), qPrintable(db->whyReadOnly()));
        QCOMPARE(conversationCount(*db), m_conversations);
        expectRefused([&] { WorkspaceSettings(*db).set(QStringLiteral("agent_cost"), QStringLiteral("9")); },
                      QStringLiteral("read-only"));
    }
    QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{QStringLiteral("audit.ewb")});
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TestDamage::olderReadOnlyFileSaysWhyItCannotOpen()
{
    const QString path = m_folder.path(QStringLiteral("old.ewb"));
    QFile::remove(path);
    QVERIFY(QFile::copy(test::dataPath(QStringLiteral("workspace-v7.ewb")), path));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner));
    try {
        Database::open(path);
        QFAIL("an older read-only workspace was opened without its upgrade");
    } catch (const WorkbenchError &error) {
        QVERIFY2(error.message().contains(QLatin1String("older version")), qPrintable(error.message()));
        QVERIFY(error.message().contains(QLatin1String("read-only")));
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

void TestDamage::recoveryOfAHealthyFileIsComplete()
{
    const QString copy = m_folder.path(QStringLiteral("healthy-copy.ewb"));
    const RecoveryReport report = recoverWorkspace(m_clean, copy);
    QVERIFY(report.complete());
    auto original = Database::open(m_clean);
    auto recovered = Database::open(copy);
    QVERIFY(recovered->isWritable());
    QCOMPARE(test::workspaceDigest(*recovered), test::workspaceDigest(*original));
}

void TestDamage::recoveryKeepsEveryReadableRow_data()
{
    damagedPageIsNeverWritten_data();
}

void TestDamage::recoveryKeepsEveryReadableRow()
{
    QFETCH(QString, object);
    QFETCH(QString, pageType);
    const QString path = m_folder.path(QStringLiteral("to-recover-%1.ewb").arg(object));
    QFile::remove(path);
    QVERIFY(QFile::copy(m_clean, path));
    garblePage(path, pageOf(path, object, pageType));
    const QByteArray before = fileSha256(path);
    const QString copy = m_folder.path(QStringLiteral("recovered-%1.ewb").arg(object));
    const RecoveryReport report = recoverWorkspace(path, copy);
    QCOMPARE(fileSha256(path), before);
    QVERIFY(integrityProblems(copy, IntegrityDepth::Full).isEmpty());
    auto recovered = Database::open(copy);
    QVERIFY(recovered->isWritable());
    const qint64 conversations = conversationCount(*recovered);
    const qint64 messages = queryValue(*recovered, QStringLiteral("SELECT count(*) FROM messages")).toLongLong();
    if (object == QLatin1String("conversations_by_time")) {
        // An index is rebuilt from its table: nothing is lost.
        QVERIFY(report.complete());
        QCOMPARE(conversations, m_conversations);
        QCOMPARE(messages, m_messages);
        return;
    }
    QVERIFY(!report.complete());
    // One 16 KiB page holds at most a few hundred rows: everything else came back.
    if (object == QLatin1String("conversations")) {
        QVERIFY2(conversations < m_conversations && conversations > m_conversations - 300,
                 qPrintable(QString::number(conversations)));
        QCOMPARE(queryValue(*recovered, QStringLiteral("SELECT count(*) FROM messages WHERE conversation_ref NOT IN"
                                                       " (SELECT id FROM conversations)"))
                     .toInt(),
                 0);
    } else {
        QCOMPARE(conversations, m_conversations);
        QVERIFY2(messages < m_messages && messages > m_messages - 300, qPrintable(QString::number(messages)));
    }
    // The copy is a workspace like any other: it takes a tag.
    const QString first =
        queryValue(*recovered, QStringLiteral("SELECT conversation_id FROM conversations LIMIT 1")).toString();
    addTag(*recovered, test::tagRequest(first, Verdict::FalseEscalation));
}

void TestDamage::recoveryNeverOverwrites()
{
    const QString existing = test::writeFile(m_folder.path(QStringLiteral("exists.ewb")), "keep me");
    try {
        recoverWorkspace(m_clean, existing);
        QFAIL("recovery overwrote a file");
    } catch (const WorkbenchError &error) {
        QVERIFY(error.message().contains(QLatin1String("exists already")));
    }
    QFile file(existing);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("keep me"));
}

QTEST_GUILESS_MAIN(TestDamage)
#include "tst_damage.moc"
