#include "TestSupport.h"
#include "common/WorkbenchError.h"
#include "model/Conversation.h"
#include "store/ConversationWriter.h"
#include "store/Database.h"
#include "store/DimensionCache.h"
#include "store/Schema.h"
#include "store/Transaction.h"
#include "store/WorkspaceFacts.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QTest>

#include <thread>

using namespace workbench;
using workbench::test::queryValue;

namespace {

// Sets user_version on a closed workspace through a plain connection, as a newer build would have left it.
void setUserVersion(const QString &path, int version)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY_SQL(query, exec(QStringLiteral("PRAGMA user_version = %1").arg(version)));
        QVERIFY_SQL(query, exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

int userVersionOf(const QString &path)
{
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
                version = query.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    return version;
}

Conversation conversation(const QString &id, qint64 createdAt)
{
    Conversation c;
    c.conversationId = id;
    c.createdAtMsecs = createdAt;
    c.escalated = createdAt % 2 == 0;
    c.category = QStringLiteral("Returns");
    c.messages.push_back({Role::Customer, QStringLiteral("Where is my refund?"), createdAt, QStringLiteral("Ann")});
    return c;
}

} // namespace

class TestStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void newWorkspaceIsConfigured();
    void everyOlderVersionHasAFixture();
    void migratesOlderFixture_data();
    void migratesOlderFixture();
    void refusesNewerVersionUntouched();
    void refusesOtherFiles_data();
    void refusesOtherFiles();
    void transactionRollsBackUnlessCommitted();
    void foreignKeysAreEnforced();
    void reimportUpdatesInPlace();
    void dimensionNamesMatchByCaseFolding();
    void twoConnectionsWriteAtOnce();
};

void TestStore::newWorkspaceIsConfigured()
{
    const test::TempFolder folder;
    auto db = Database::open(folder.path());
    QCOMPARE(db->schemaVersion(), schema::kCurrentVersion);
    QCOMPARE(queryValue(*db, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(queryValue(*db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QVERIFY(queryValue(*db, QStringLiteral("PRAGMA busy_timeout")).toInt() >= 5000);
    QCOMPARE(queryValue(*db, QStringLiteral("PRAGMA application_id")).toInt(), schema::kApplicationId);
    QVERIFY(db->migrationBackupPath().isEmpty());
    const QStringList tables = {
        QStringLiteral("conversations"), QStringLiteral("messages"),     QStringLiteral("dimensions"),
        QStringLiteral("samples"),       QStringLiteral("sample_items"), QStringLiteral("tags"),
        QStringLiteral("tag_history"),   QStringLiteral("settings"),     QStringLiteral("saved_mappings"),
        QStringLiteral("events"),        QStringLiteral("targets"),      QStringLiteral("imports"),
        QStringLiteral("reason_codes"),  QStringLiteral("mask_patterns")};
    for (const QString &table : tables) {
        QSqlQuery query(db->sql());
        QVERIFY_SQL(
            query, prepare(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = :name")));
        query.bindValue(QStringLiteral(":name"), table);
        QVERIFY_SQL(query, exec());
        QVERIFY(query.next());
        QVERIFY2(query.value(0).toInt() == 1, qPrintable(table));
    }
    // The indexes the period scans and the follow-up join rely on.
    for (const char *index : {"conversations_by_time", "tags_by_conversation", "tag_history_by_conversation"}) {
        QSqlQuery query(db->sql());
        QVERIFY_SQL(
            query, prepare(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = :name")));
        query.bindValue(QStringLiteral(":name"), QString::fromLatin1(index));
        QVERIFY_SQL(query, exec());
        QVERIFY(query.next());
        QVERIFY2(query.value(0).toInt() == 1, index);
    }
    // A bulk import rebuilds these from their definitions: they must be what the migrations create.
    for (const schema::IndexDefinition &index : schema::bulkRebuiltIndexes()) {
        QSqlQuery query(db->sql());
        QVERIFY_SQL(query,
                    prepare(QStringLiteral("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = :name")));
        query.bindValue(QStringLiteral(":name"), index.name);
        QVERIFY_SQL(query, exec());
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), index.create);
    }
    // The verdict rule (latest tag, ties to the tag stored last) lives in one view since version 5.
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'view' AND name = 'verdicts'"))
            .toInt(),
        1);
    // Follow-ups need no customer index since version 4.
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'conversations_by_customer'"))
            .toInt(),
        0);
}

void TestStore::everyOlderVersionHasAFixture()
{
    // A new migration must come with a fixture of the version before it (make_schema_fixture).
    for (int version = 1; version < schema::kCurrentVersion; ++version) {
        const QString fixture = test::dataPath(QStringLiteral("workspace-v%1.ewb").arg(version));
        QVERIFY2(QFile::exists(fixture), qPrintable(fixture));
        QCOMPARE(userVersionOf(fixture), version);
    }
}

void TestStore::migratesOlderFixture_data()
{
    QTest::addColumn<int>("version");
    for (int version = 1; version < schema::kCurrentVersion; ++version)
        QTest::addRow("from v%d", version) << version;
}

void TestStore::migratesOlderFixture()
{
    QFETCH(int, version);
    const test::TempFolder folder;
    const QString path = folder.path(QStringLiteral("old.ewb"));
    QVERIFY(QFile::copy(test::dataPath(QStringLiteral("workspace-v%1.ewb").arg(version)), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    const QByteArray before = test::fileSha256(path);
    {
        auto db = Database::open(path);
        QCOMPARE(db->schemaVersion(), schema::kCurrentVersion);
        // A backup of the old file sits beside it, still at the old version and with the old content.
        QVERIFY(!db->migrationBackupPath().isEmpty());
        QCOMPARE(QFileInfo(db->migrationBackupPath()).absolutePath(), QFileInfo(path).absolutePath());
        QCOMPARE(userVersionOf(db->migrationBackupPath()), version);
        // The data of the old version came through.
        QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations")).toInt(), 3);
        QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM messages")).toInt(), 4);
        QCOMPARE(queryValue(*db, QStringLiteral("SELECT name FROM dimensions WHERE id = 1")).toString(),
                 QStringLiteral("Order status"));
        QCOMPARE(queryValue(*db, QStringLiteral("SELECT value FROM settings WHERE key = 'agent_cost'")).toString(),
                 QStringLiteral("12.00"));
        if (version >= 2)
            QCOMPARE(queryValue(*db, QStringLiteral("SELECT verdict FROM tags")).toString(),
                     QStringLiteral("false_escalation"));
        // And the tables of later versions are usable; the reason codes come with their defaults.
        QVERIFY(queryValue(*db, QStringLiteral("SELECT count(*) FROM reason_codes")).toInt() > 0);
        QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM events")).toInt(), 0);
        QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM tag_history")).toInt(), version >= 2 ? 1 : 0);
        QCOMPARE(queryValue(*db, QStringLiteral("PRAGMA foreign_key_check")), QVariant());
        QCOMPARE(queryValue(
                     *db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'conversations_by_customer'"))
                     .toInt(),
                 0);
    }
    QVERIFY(test::fileSha256(path) != before);
    // Opening again migrates nothing and writes no second backup.
    auto again = Database::open(path);
    QVERIFY(again->migrationBackupPath().isEmpty());
}

void TestStore::refusesNewerVersionUntouched()
{
    const test::TempFolder folder;
    const QString path = folder.path();
    Database::open(path).reset();
    setUserVersion(path, schema::kCurrentVersion + 1);
    const QByteArray before = test::fileSha256(path);
    try {
        Database::open(path);
        QFAIL("a newer workspace was opened");
    } catch (const WorkbenchError &error) {
        QVERIFY2(error.message().contains(QStringLiteral("newer version")), qPrintable(error.message()));
        QVERIFY(error.message().contains(QStringLiteral("left unchanged")));
    }
    QCOMPARE(test::fileSha256(path), before);
    QCOMPARE(userVersionOf(path), schema::kCurrentVersion + 1);
    const QStringList backups = QDir(QFileInfo(path).absolutePath()).entryList({QStringLiteral("*.bak")});
    QVERIFY2(backups.isEmpty(), qPrintable(backups.join(u',')));
}

void TestStore::refusesOtherFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("binary garbage") << QByteArray(4096, '\x9c') << "not an Escalation Workbench workspace";
    QTest::newRow("text file") << QByteArray("conversation_id,created_at\nA,2026-10-01\n")
                               << "not an Escalation Workbench workspace";
}

void TestStore::refusesOtherFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const test::TempFolder folder;
    const QString path = folder.path(QStringLiteral("other.ewb"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const QByteArray before = test::fileSha256(path);
    try {
        Database::open(path);
        QFAIL("a foreign file was opened");
    } catch (const WorkbenchError &error) {
        QVERIFY2(error.message().contains(expected), qPrintable(error.message()));
        QVERIFY2(error.message().contains(QStringLiteral("other.ewb")), qPrintable(error.message()));
    }
    QCOMPARE(test::fileSha256(path), before);
}

void TestStore::transactionRollsBackUnlessCommitted()
{
    const test::TempFolder folder;
    auto db = Database::open(folder.path());
    {
        Transaction transaction(*db);
        ConversationWriter writer(*db);
        writer.write(conversation(QStringLiteral("A"), 1000));
        QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations")).toInt(), 1);
    }
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations")).toInt(), 0);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM dimensions")).toInt(), 0);
    {
        Transaction transaction(*db);
        ConversationWriter writer(*db);
        writer.write(conversation(QStringLiteral("A"), 1000));
        transaction.commit();
    }
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations")).toInt(), 1);
}

void TestStore::foreignKeysAreEnforced()
{
    const test::TempFolder folder;
    auto db = Database::open(folder.path());
    QSqlQuery query(db->sql());
    QVERIFY(!query.exec(
        QStringLiteral("INSERT INTO messages (conversation_ref, seq, role, text) VALUES (42, 0, 'ai', 'x')")));
    QVERIFY(query.lastError().text().contains(QStringLiteral("FOREIGN KEY"), Qt::CaseInsensitive));
}

void TestStore::reimportUpdatesInPlace()
{
    const test::TempFolder folder;
    auto db = Database::open(folder.path());
    QVERIFY(!hasConversations(*db));
    Transaction transaction(*db);
    ConversationWriter writer(*db);
    QCOMPARE(writer.write(conversation(QStringLiteral("A"), 1000)), ConversationWriter::Outcome::Inserted);
    QVERIFY(hasConversations(*db));
    const qint64 rowId = queryValue(*db, QStringLiteral("SELECT id FROM conversations")).toLongLong();
    Conversation changed = conversation(QStringLiteral("A"), 2000);
    changed.messages.push_back({Role::Ai, QStringLiteral("It was issued today."), 2500, QString()});
    QCOMPARE(writer.write(changed), ConversationWriter::Outcome::Updated);
    transaction.commit();
    QCOMPARE(writer.insertedCount(), 1);
    QCOMPARE(writer.updatedCount(), 1);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations")).toInt(), 1);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT id FROM conversations")).toLongLong(), rowId);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT created_at FROM conversations")).toLongLong(), 2000);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM messages")).toInt(), 2);
}

void TestStore::dimensionNamesMatchByCaseFolding()
{
    const test::TempFolder folder;
    auto db = Database::open(folder.path());
    Transaction transaction(*db);
    DimensionCache cache(*db);
    const auto first = cache.resolve(DimensionKind::Category, QStringLiteral("Order Status"));
    QVERIFY(first);
    QCOMPARE(cache.resolve(DimensionKind::Category, QStringLiteral("  ORDER STATUS\u00a0")), first);
    QCOMPARE(cache.resolve(DimensionKind::Category, QStringLiteral("order status")), first);
    // Unicode simple folding: capital sigma, small sigma and final sigma are one letter.
    const auto greek = cache.resolve(DimensionKind::Category, QStringLiteral("ΠΑΡΑΠΟΝΟΣ"));
    QCOMPARE(cache.resolve(DimensionKind::Category, QStringLiteral("παραπονος")), greek);
    QCOMPARE(cache.resolve(DimensionKind::Category, QStringLiteral("παραπονοσ")), greek);
    // The same name in another kind is another dimension; blank is none.
    QVERIFY(cache.resolve(DimensionKind::Team, QStringLiteral("Order status")) != first);
    QVERIFY(!cache.resolve(DimensionKind::Channel, QStringLiteral(" \t ")));
    transaction.commit();
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT name FROM dimensions WHERE id = %1").arg(*first)).toString(),
             QStringLiteral("Order Status"));
    // A new cache reads what is stored.
    DimensionCache reread(*db);
    QCOMPARE(reread.resolve(DimensionKind::Category, QStringLiteral("ORDER status")), first);
}

void TestStore::twoConnectionsWriteAtOnce()
{
    const test::TempFolder folder;
    const QString path = folder.path();
    Database::open(path).reset();
    constexpr int kTransactions = 150;
    constexpr int kPerTransaction = 4;
    std::atomic<int> failures{0};
    auto writeMany = [&](const QString &prefix) {
        try {
            auto db = Database::open(path);
            for (int t = 0; t < kTransactions; ++t) {
                Transaction transaction(*db);
                ConversationWriter writer(*db);
                for (int i = 0; i < kPerTransaction; ++i)
                    writer.write(conversation(QStringLiteral("%1-%2-%3").arg(prefix).arg(t).arg(i), 1000 + t));
                transaction.commit();
            }
        } catch (const WorkbenchError &error) {
            qWarning("%s", qPrintable(error.message()));
            ++failures;
        }
    };
    std::thread first(writeMany, QStringLiteral("first"));
    std::thread second(writeMany, QStringLiteral("second"));
    first.join();
    second.join();
    QCOMPARE(failures.load(), 0);
    auto db = Database::open(path);
    QCOMPARE(queryValue(*db, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations")).toInt(),
             2 * kTransactions * kPerTransaction);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM messages")).toInt(),
             2 * kTransactions * kPerTransaction);
    // Both writers shared one category row.
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM dimensions")).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
