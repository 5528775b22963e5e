#include "TestSupport.h"
#include "common/WorkbenchError.h"
#include "demo/DemoGenerator.h"
#include "import/ColumnMapping.h"
#include "import/CsvConversationSource.h"
#include "import/ImportJob.h"
#include "import/ReaderOptions.h"
#include "review/Tagging.h"
#include "store/Database.h"
#include "store/Sql.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

#include <condition_variable>
#include <mutex>
#include <thread>

using namespace workbench;
using workbench::test::queryValue;

namespace {

const QByteArray kHeader = "conversation_id,created_at,escalated,category,channel,customer_id,csat,ai_confidence\n";

} // namespace

class TestImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void canonicalCsvStoresValues();
    void unicodeIsKeptExactly();
    void categoriesMatchCaseInsensitively();
    void offsetsAreBucketedInUtc();
    void jsonlWithMessages();
    void tagsDuringAnImportAreCommittedAtOnce();
    void aWriterWaitsBoundedAndSaysWhy();
    void messagesFileForStoredConversationsThroughTheStaging();
    void jsonlHugeNumbersAreEchoedAsWritten();
    void messagesCsvBesideConversations();
    void badInputIsRefusedAndChangesNothing_data();
    void badInputIsRefusedAndChangesNothing();
    void aBadSecondFileUndoesTheFirst();
    void severalProblemsAreListed();
    void lenientSkipsAndListsBadRows();
    void duplicateIdsLastRowWins();
    void reimportUpdatesInPlaceAndKeepsTags();
    void columnMappingWithValueMaps();
    void savedMappingsRoundTrip();
    void demoExportRoundTrips();
    void cancelRollsBack();
    void followupsAreComputedAtImport();
    void hugeTranscriptImports();

private:
    std::unique_ptr<Database> freshWorkspace(const QString &name);
    ImportSummary importFiles(Database &db, const QStringList &files, bool lenient = false,
                              const std::optional<ColumnMapping> &mapping = {});
    QString file(const QString &name, const QByteArray &content)
    {
        return test::writeFile(m_folder.path(QStringLiteral("in/") + name), content);
    }

    test::TempFolder m_folder;
    FixedClock m_clock{test::testNow()};
    int m_workspaces = 0;
};

void TestImport::initTestCase()
{
    // A populated workspace for the refusal tests: a small demo with a tag.
    test::makeDemoWorkspace(m_folder.path(QStringLiteral("populated.ewb")), 400, 2);
    auto db = Database::open(m_folder.path(QStringLiteral("populated.ewb")));
    sql::run(db->sql(), QStringLiteral("INSERT INTO tags (conversation_ref, reviewer, verdict, tagged_at)"
                                       " VALUES (1, 'Dana', 'correct_escalation', 1790000000000)"));
}

std::unique_ptr<Database> TestImport::freshWorkspace(const QString &name)
{
    return Database::open(m_folder.path(QStringLiteral("%1-%2.ewb").arg(name).arg(++m_workspaces)));
}

ImportSummary TestImport::importFiles(Database &db, const QStringList &files, bool lenient,
                                      const std::optional<ColumnMapping> &mapping)
{
    ImportRequest request;
    request.files = files;
    request.lenient = lenient;
    request.mapping = mapping;
    return runImport(db, request, m_clock);
}

void TestImport::canonicalCsvStoresValues()
{
    auto db = freshWorkspace(QStringLiteral("canonical"));
    const QString path =
        file(QStringLiteral("canonical.csv"),
             "created_at;conversation_id;escalated;category;csat;ai_confidence;first_contact_resolution;"
             "handle_time_seconds;sentiment;escalated_at;team;agent;mystery\n"
             "2026-10-05T10:00:00Z;A-1;yes;Returns;4;0.83;Y;312.5;-0.25;2026-10-05T10:04:00Z;Care;Ann;x\n"
             "1790812800;A-2;0;;;;;;;;;;y\n");
    const ImportSummary summary = importFiles(*db, {path});
    QCOMPARE(summary.inserted, 2);
    QCOMPARE(summary.updated, 0);
    QCOMPARE(summary.skipped, 0);
    QCOMPARE(summary.notes.size(), 1);
    QVERIFY2(summary.notes.first().contains(QStringLiteral("ignored column \"mystery\"")),
             qPrintable(summary.notes.first()));
    QSqlQuery row = sql::run(
        db->sql(),
        QStringLiteral("SELECT c.created_at, c.escalated, d.name, c.csat, c.ai_confidence, c.first_contact_resolution,"
                       " c.handle_time_seconds, c.sentiment, c.escalated_at, t.name, a.name FROM conversations c"
                       " JOIN dimensions d ON d.id = c.category_id LEFT JOIN dimensions t ON t.id = c.team_id"
                       " LEFT JOIN dimensions a ON a.id = c.agent_id WHERE conversation_id = 'A-1'"));
    QVERIFY(row.next());
    QCOMPARE(row.value(0).toLongLong(),
             QDateTime(QDate(2026, 10, 5), QTime(10, 0), QTimeZone::utc()).toMSecsSinceEpoch());
    QCOMPARE(row.value(1).toInt(), 1);
    QCOMPARE(row.value(2).toString(), QStringLiteral("Returns"));
    QCOMPARE(row.value(3).toInt(), 4);
    QCOMPARE(row.value(4).toDouble(), 0.83);
    QCOMPARE(row.value(5).toInt(), 1);
    QCOMPARE(row.value(6).toDouble(), 312.5);
    QCOMPARE(row.value(7).toDouble(), -0.25);
    QCOMPARE(row.value(8).toLongLong(),
             QDateTime(QDate(2026, 10, 5), QTime(10, 4), QTimeZone::utc()).toMSecsSinceEpoch());
    QCOMPARE(row.value(9).toString(), QStringLiteral("Care"));
    QCOMPARE(row.value(10).toString(), QStringLiteral("Ann"));
    // Empty cells are empty, and a missing category is "uncategorized".
    QSqlQuery second =
        sql::run(db->sql(), QStringLiteral("SELECT c.created_at, d.name, c.csat, c.team_id FROM conversations c"
                                           " JOIN dimensions d ON d.id = c.category_id WHERE conversation_id = 'A-2'"));
    QVERIFY(second.next());
    QCOMPARE(second.value(0).toLongLong(), 1790812800000LL);
    QCOMPARE(second.value(1).toString(), QStringLiteral("uncategorized"));
    QVERIFY(second.value(2).isNull());
    QVERIFY(second.value(3).isNull());
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM imports")).toInt(), 1);
}

void TestImport::unicodeIsKeptExactly()
{
    auto db = freshWorkspace(QStringLiteral("unicode"));
    const QString text =
        QStringLiteral("<script>alert('x')</script> <b>bold</b> مرحبا بك 👋🏽 naïve — “quotes”");
    const QString path =
        file(QStringLiteral("unicode.csv"), "conversation_id,created_at,escalated,category,transcript\n"
                                            "U-1,2026-10-05T10:00:00Z,false,Réclamations 🧾,\"" +
                                                text.toUtf8() + "\"\n");
    importFiles(*db, {path});
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT transcript FROM conversations")).toString(), text);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT name FROM dimensions WHERE kind = 1")).toString(),
             QStringLiteral("Réclamations 🧾"));
}

void TestImport::categoriesMatchCaseInsensitively()
{
    auto db = freshWorkspace(QStringLiteral("categories"));
    importFiles(*db, {file(QStringLiteral("first.csv"), "conversation_id,created_at,escalated,category\n"
                                                        "C-1,2026-10-01,no,Order Status\n"
                                                        "C-2,2026-10-01,no,  ORDER STATUS \n"
                                                        "C-3,2026-10-01,no,order status\n"
                                                        "C-4,2026-10-01,no,\u00a0\n")});
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM dimensions WHERE kind = 1")).toInt(), 2);
    QCOMPARE(
        queryValue(
            *db, QStringLiteral("SELECT count(DISTINCT category_id) FROM conversations WHERE conversation_id <> 'C-4'"))
            .toInt(),
        1);
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT d.name FROM conversations c JOIN dimensions d ON d.id = c.category_id"
                                       " WHERE conversation_id = 'C-3'"))
            .toString(),
        QStringLiteral("Order Status"));
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT d.name FROM conversations c JOIN dimensions d ON d.id = c.category_id"
                                       " WHERE conversation_id = 'C-4'"))
            .toString(),
        QStringLiteral("uncategorized"));
}

void TestImport::offsetsAreBucketedInUtc()
{
    auto db = freshWorkspace(QStringLiteral("offsets"));
    importFiles(*db, {file(QStringLiteral("offsets.csv"), kHeader + "O-1,2026-10-31T21:30:00-05:00,no,,,,,\n")});
    const qint64 stored = queryValue(*db, QStringLiteral("SELECT created_at FROM conversations")).toLongLong();
    QCOMPARE(Period::monthContaining(stored).key(), QStringLiteral("2026-11"));
}

void TestImport::tagsDuringAnImportAreCommittedAtOnce()
{
    // The import stops at its first progress report until a tag has been stored through another connection:
    // had the import held the write lock, the tag would wait for it (and the import for the tag).
    const QString path = m_folder.path(QStringLiteral("busy.ewb"));
    {
        auto db = Database::open(path);
        importFiles(*db,
                    {file(QStringLiteral("first.csv"), "conversation_id,created_at,escalated\nT-1,1790812800,1\n")});
    }
    QByteArray big = "conversation_id,created_at,escalated,category,transcript\n";
    for (int i = 0; i < 30000; ++i)
        big += QByteArray("B-") + QByteArray::number(i) + ",1790812800,0,Returns,\"" + QByteArray(120, 'x') + "\"\n";
    const QString bigFile = file(QStringLiteral("big.csv"), big);

    std::mutex mutex;
    std::condition_variable changed;
    bool importWaiting = false;
    bool tagged = false;
    QString failure;
    std::thread importer([&] {
        try {
            auto db = Database::open(path);
            ImportRequest request;
            request.files = {bigFile};
            runImport(*db, request, m_clock, [&](qint64 done, qint64 total) {
                if (done < total) {
                    std::unique_lock lock(mutex);
                    importWaiting = true;
                    changed.notify_all();
                    changed.wait(lock, [&] { return tagged; });
                }
                return true;
            });
        } catch (const WorkbenchError &error) {
            failure = error.message();
        }
        std::unique_lock lock(mutex);
        importWaiting = true;
        changed.notify_all();
    });
    {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return importWaiting; });
    }
    QString tagError;
    try {
        auto db = Database::open(path);
        addTag(*db, test::tagRequest(QStringLiteral("T-1"), Verdict::FalseEscalation));
    } catch (const WorkbenchError &error) {
        tagError = error.message();
    }
    {
        std::unique_lock lock(mutex);
        tagged = true;
        changed.notify_all();
    }
    importer.join();
    QVERIFY2(tagError.isEmpty(), qPrintable(tagError));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    auto db = Database::open(path);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations")).toInt(), 30001);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM tags")).toInt(), 1);
    // The staging folder beside the workspace is gone.
    QCOMPARE(QDir(QFileInfo(path).absolutePath())
                 .entryList({QStringLiteral(".busy.ewb.import-*")}, QDir::Dirs | QDir::Hidden),
             QStringList());
}

void TestImport::aWriterWaitsBoundedAndSaysWhy()
{
    // While another connection holds the write lock (an import publishing), a write waits only as long as its
    // connection allows (the window's: 2 s) and then says why, changing nothing.
    const QString path = m_folder.path(QStringLiteral("locked.ewb"));
    auto publisher = Database::open(path);
    importFiles(*publisher,
                {file(QStringLiteral("one.csv"), "conversation_id,created_at,escalated\nW-1,1790812800,1\n")});
    auto window = Database::open(path);
    window->setBusyTimeout(200);
    sql::run(publisher->sql(), QStringLiteral("BEGIN IMMEDIATE"));
    try {
        addTag(*window, test::tagRequest(QStringLiteral("W-1"), Verdict::FalseEscalation));
        QFAIL("a tag was written while another connection held the write lock");
    } catch (const WorkbenchError &error) {
        QVERIFY2(error.message().contains(QLatin1String("Tagging is not possible right now")) &&
                     error.message().contains(QLatin1String("try again")),
                 qPrintable(error.message()));
    }
    sql::run(publisher->sql(), QStringLiteral("COMMIT"));
    addTag(*window, test::tagRequest(QStringLiteral("W-1"), Verdict::FalseEscalation));
    QCOMPARE(queryValue(*window, QStringLiteral("SELECT count(*) FROM tags")).toInt(), 1);
}

void TestImport::messagesFileForStoredConversationsThroughTheStaging()
{
    // Conversations imported earlier get their messages from a later messages file alone; their other fields,
    // their tags and the ones the file does not name are left as they were.
    auto db = freshWorkspace(QStringLiteral("later-messages"));
    importFiles(*db, {file(QStringLiteral("conversations-only.csv"),
                           "conversation_id,created_at,escalated,category,csat\n"
                           "L-1,1790812800,1,Billing,2\nL-2,1790899200,0,Returns,5\n")});
    addTag(*db, test::tagRequest(QStringLiteral("L-1"), Verdict::FalseEscalation));
    const QString messages = file(QStringLiteral("later-messages.csv"),
                                  "conversation_id,seq,role,text\nL-1,0,customer,Can I talk to a real person?\n"
                                  "L-1,1,agent,Sure.\n");
    const ImportSummary summary = importFiles(*db, {messages});
    QCOMPARE(summary.messages, 2);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM messages m JOIN conversations c ON c.id ="
                                            " m.conversation_ref WHERE c.conversation_id = 'L-1'"))
                 .toInt(),
             2);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT csat || ' ' || handoff_seq || ' ' || (signals & 1) FROM"
                                            " conversations WHERE conversation_id = 'L-1'"))
                 .toString(),
             QStringLiteral("2 1 1"));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT d.name FROM conversations c JOIN dimensions d ON d.id ="
                                            " c.category_id WHERE c.conversation_id = 'L-1'"))
                 .toString(),
             QStringLiteral("Billing"));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM tags")).toInt(), 1);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations")).toInt(), 2);
}

void TestImport::jsonlHugeNumbersAreEchoedAsWritten()
{
    auto db = freshWorkspace(QStringLiteral("huge-numbers"));
    // Above 2^63 - 1: an id is stored as written (it wrapped to -9223372036854775808 through a signed conversion).
    const QString ids =
        file(QStringLiteral("ids.jsonl"),
             "{\"conversation_id\": 18446744073709551615, \"created_at\": 1790812800, \"escalated\": true}\n"
             "{\"conversation_id\": 9223372036854775808, \"created_at\": 1790812800, \"escalated\": false}\n");
    QCOMPARE(importFiles(*db, {ids}).inserted, 2);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT group_concat(conversation_id, ' ') FROM (SELECT conversation_id"
                                            " FROM conversations ORDER BY id)"))
                 .toString(),
             QStringLiteral("18446744073709551615 9223372036854775808"));
    // A refused value is quoted as the file wrote it.
    const QString csat = file(QStringLiteral("csat.jsonl"), "{\"conversation_id\": \"H-1\", \"created_at\": 1790812800,"
                                                            " \"escalated\": true, \"csat\": 18446744073709551615}\n");
    try {
        importFiles(*db, {csat});
        QFAIL("a CSAT of 18446744073709551615 was taken");
    } catch (const ImportRefused &refused) {
        QVERIFY2(
            refused.problems().front().text().contains(QLatin1String("\"18446744073709551615\" is not a CSAT score")),
            qPrintable(refused.message()));
    }
    // More digits than any 64-bit value: said so, with the way out.
    const QString longer = file(QStringLiteral("longer.jsonl"), "{\"conversation_id\": 123456789012345678901234,"
                                                                " \"created_at\": 1790812800, \"escalated\": true}\n");
    try {
        importFiles(*db, {longer});
        QFAIL("a 24-digit number was taken");
    } catch (const ImportRefused &refused) {
        QVERIFY2(refused.message().contains(QLatin1String("longer.jsonl:1: holds a number that cannot be read")) &&
                     refused.message().contains(QLatin1String("in quotes")),
                 qPrintable(refused.message()));
    }
}

void TestImport::jsonlWithMessages()
{
    auto db = freshWorkspace(QStringLiteral("jsonl"));
    const QString path =
        file(QStringLiteral("conversations.jsonl"),
             "{\"conversation_id\": 17, \"created_at\": 1790812800, \"escalated\": true, \"category\": \"Billing\","
             " \"csat\": 2, \"ai_confidence\": null, \"unknown\": [1,2],"
             " \"messages\": [{\"role\": \"customer\", \"text\": \"I was charged twice\", \"sent_at\": "
             "\"2026-10-01T00:00:00Z\"},"
             " {\"role\": \"ai\", \"text\": \"Let me check\"}, {\"role\": \"customer\", \"text\": \"Can I talk to a "
             "real person?\"},"
             " {\"role\": \"agent\", \"text\": \"Refunded.\", \"author\": \"Kenji\"}]}\n"
             "\n"
             "{\"conversation_id\": \"J-2\", \"created_at\": \"2026-10-02T08:00:00+02:00\", \"escalated\": \"no\", "
             "\"transcript\": \"one line\"}\n");
    const ImportSummary summary = importFiles(*db, {path});
    QCOMPARE(summary.inserted, 2);
    QCOMPARE(summary.messages, 4);
    QVERIFY(summary.notes.join(u' ').contains(QStringLiteral("\"unknown\"")));
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT handoff_seq FROM conversations WHERE conversation_id = '17'")).toInt(),
        3);
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT signals & 1 FROM conversations WHERE conversation_id = '17'")).toInt(),
        1);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT author FROM messages WHERE seq = 3")).toString(),
             QStringLiteral("Kenji"));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT transcript FROM conversations WHERE conversation_id = 'J-2'"))
                 .toString(),
             QStringLiteral("one line"));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT created_at FROM conversations WHERE conversation_id = 'J-2'"))
                 .toLongLong(),
             QDateTime(QDate(2026, 10, 2), QTime(6, 0), QTimeZone::utc()).toMSecsSinceEpoch());
}

void TestImport::messagesCsvBesideConversations()
{
    auto db = freshWorkspace(QStringLiteral("messages"));
    const QString conversations =
        file(QStringLiteral("conv.csv"), kHeader + "M-1,2026-10-01,yes,,,,,\nM-2,2026-10-01,no,,,,,\n");
    const QString messages =
        file(QStringLiteral("msgs.csv"), "conversation_id,seq,role,text,sent_at,author\n"
                                         "M-1,1,ai,\"Hello, how can I help?\",,Nova\n"
                                         "M-1,0,customer,Where is my parcel?,2026-10-01T00:00:01Z,\n"
                                         "M-1,2,agent,Carlos here,,Carlos\n"
                                         "M-2,0,customer,Thanks,,\n");
    ImportRequest request;
    request.files = {conversations};
    request.messagesFile = messages;
    const ImportSummary summary = runImport(*db, request, m_clock);
    QCOMPARE(summary.messages, 4);
    QCOMPARE(queryValue(*db, QStringLiteral(
                                 "SELECT group_concat(role, ',') FROM (SELECT role FROM messages m JOIN conversations c"
                                 " ON c.id = m.conversation_ref WHERE c.conversation_id = 'M-1' ORDER BY seq)"))
                 .toString(),
             QStringLiteral("customer,ai,agent"));
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT handoff_seq FROM conversations WHERE conversation_id = 'M-1'")).toInt(),
        2);
    // A messages file is recognised by its header among the files as well.
    auto other = freshWorkspace(QStringLiteral("messages-detected"));
    QCOMPARE(importFiles(*other, {messages, conversations}).messages, 4);
}

void TestImport::badInputIsRefusedAndChangesNothing_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    const QByteArray good = "G-1,2026-10-01T10:00:00Z,no,Returns,chat,CUS-9,5,0.9\n";
    QTest::newRow("day-first date") << "orders.csv" << kHeader + good + "G-2,31/10/2026,no,,,,,\n"
                                    << "orders.csv:3: column \"created_at\": \"31/10/2026\" is not a timestamp "
                                       "(expected ISO-8601 or epoch seconds)";
    QTest::newRow("not a boolean")
        << "orders.csv" << kHeader + "G-2,2026-10-01,maybe,,,,,\n"
        << "orders.csv:2: column \"escalated\": \"maybe\" is not a boolean (expected true/false, 1/0, yes/no or y/n)";
    QTest::newRow("CSAT out of range")
        << "orders.csv" << kHeader + good + good + "G-3,2026-10-01,no,,,,7,\n"
        << "orders.csv:4: column \"csat\": \"7\" is not a CSAT score (expected a whole number from 1 to 5)";
    QTest::newRow("confidence out of range") << "orders.csv" << kHeader + "G-2,2026-10-01,no,,,,,1.5\n"
                                             << "orders.csv:2: column \"ai_confidence\": \"1.5\" is not a valid "
                                                "ai_confidence (expected a number from 0 to 1)";
    QTest::newRow("empty id") << "orders.csv" << kHeader + " ,2026-10-01,no,,,,,\n"
                              << "orders.csv:2: column \"conversation_id\": is empty (a value is required)";
    QTest::newRow("missing required column")
        << "orders.csv" << QByteArray("conversation_id,created_at,category\nX,2026-10-01,a\n")
        << "orders.csv:1: missing required column \"escalated\" (the header has: conversation_id, created_at, "
           "category)";
    QTest::newRow("missing required columns")
        << "orders.csv" << QByteArray("id,when\n1,2\n")
        << "orders.csv:1: missing required columns \"conversation_id\", \"created_at\", \"escalated\"";
    QTest::newRow("empty file") << "orders.csv" << QByteArray() << "orders.csv:1: the file is empty";
    QTest::newRow("binary garbage") << "orders.csv" << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x02\x00", 20)
                                    << "orders.csv:3: binary data";
    QTest::newRow("Latin-1 text") << "orders.csv" << kHeader + "G-2,2026-10-01,no,Caf\xe9,,,,\n"
                                  << "orders.csv:2: column \"category\": the value is not valid UTF-8 text";
    QTest::newRow("UTF-16 file") << "orders.csv"
                                 << QByteArray("\xFF\xFE"
                                               "c\0o\0n\0",
                                               8)
                                 << "orders.csv:1: the file is UTF-16";
    QTest::newRow("truncated last line") << "orders.csv" << kHeader + good + "G-2,2026-10-01,no,\"Retu"
                                         << "orders.csv:3: a quoted field is never closed";
    QTest::newRow("short row") << "orders.csv" << kHeader + good + "G-2,2026-10-01\n"
                               << "orders.csv:3: the row has 2 fields, the header 8";
    QTest::newRow("jsonl cut short") << "orders.jsonl"
                                     << QByteArray("{\"conversation_id\":\"J\",\"created_at\":\"2026-10-01\","
                                                   "\"escalated\":false}\n{\"conversation_id\":\"K\",\"crea")
                                     << "orders.jsonl:2: not a complete JSON object";
    QTest::newRow("jsonl wrong type")
        << "orders.jsonl"
        << QByteArray(
               "{\"conversation_id\":\"J\",\"created_at\":\"2026-10-01\",\"escalated\":false,\"csat\":\"great\"}\n")
        << "orders.jsonl:1: field \"csat\": \"great\" is not a CSAT score (expected a whole number from 1 to 5)";
    QTest::newRow("jsonl missing field") << "orders.jsonl"
                                         << QByteArray("{\"conversation_id\":\"J\",\"created_at\":\"2026-10-01\"}\n")
                                         << "orders.jsonl:1: field \"escalated\": is missing (a value is required)";
    QTest::newRow("jsonl bad role")
        << "orders.jsonl"
        << QByteArray("{\"conversation_id\":\"J\",\"created_at\":\"2026-10-01\",\"escalated\":0,"
                      "\"messages\":[{\"role\":\"customer\",\"text\":\"hi\"},{\"role\":\"bot\",\"text\":\"yo\"}]}\n")
        << "orders.jsonl:1: field \"messages[1].role\": \"bot\" is not a role (expected customer, ai, agent or system)";
    QTest::newRow("jsonl not an object") << "orders.jsonl" << QByteArray("[1, 2, 3]\n")
                                         << "orders.jsonl:1: is a list (expected one JSON object per line)";
    QTest::newRow("jsonl empty") << "orders.jsonl" << QByteArray() << "orders.jsonl:1: the file is empty";
    QTest::newRow("unknown format") << "orders.xlsx" << QByteArray("PK\x03\x04")
                                    << "orders.xlsx: cannot tell the format";
}

void TestImport::badInputIsRefusedAndChangesNothing()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString path = file(name, content);
    auto db = Database::open(m_folder.path(QStringLiteral("populated.ewb")));
    const QByteArray before = test::workspaceDigest(*db);
    try {
        importFiles(*db, {path});
        QFAIL("a bad file was imported");
    } catch (const WorkbenchError &error) {
        const QString message = error.message();
        QVERIFY2(message.contains(QDir::toNativeSeparators(m_folder.path(QStringLiteral("in/"))) + expected) ||
                     message.contains(expected),
                 qPrintable(message + QStringLiteral("\n  expected: ") + expected));
    }
    QCOMPARE(test::workspaceDigest(*db), before);
}

void TestImport::aBadSecondFileUndoesTheFirst()
{
    auto db = Database::open(m_folder.path(QStringLiteral("populated.ewb")));
    const QByteArray before = test::workspaceDigest(*db);
    const QString good =
        file(QStringLiteral("good.csv"), kHeader + "N-1,2026-10-01,no,,,,,\nN-2,2026-10-01,yes,,,,,\n");
    const QString bad = file(QStringLiteral("bad.csv"), kHeader + "N-3,2026-10-01,perhaps,,,,,\n");
    QVERIFY_THROWS_EXCEPTION(ImportRefused, importFiles(*db, {good, bad}));
    QCOMPARE(test::workspaceDigest(*db), before);
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations WHERE conversation_id LIKE 'N-%'")).toInt(),
        0);
}

void TestImport::severalProblemsAreListed()
{
    auto db = freshWorkspace(QStringLiteral("several"));
    const QString path = file(QStringLiteral("several.csv"),
                              kHeader + "S-1,2026-13-01,no,,,,,\nS-2,2026-10-01,no,,,,9,\nS-3,2026-10-01,no,,,,,\n");
    try {
        importFiles(*db, {path});
        QFAIL("refused file imported");
    } catch (const ImportRefused &refused) {
        QCOMPARE(refused.problems().size(), size_t(2));
        QCOMPARE(refused.problems()[0].line, 2);
        QCOMPARE(refused.problems()[1].line, 3);
        QVERIFY(refused.message().startsWith(QStringLiteral("Import refused; the workspace is unchanged.")));
    }
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations")).toInt(), 0);
}

void TestImport::lenientSkipsAndListsBadRows()
{
    auto db = freshWorkspace(QStringLiteral("lenient"));
    const QString path = file(QStringLiteral("lenient.csv"), kHeader + "L-1,2026-10-01,no,,,,,\n"
                                                                       "L-2,yesterday,no,,,,,\n"
                                                                       "L-3,2026-10-01,no,,,,5,\n"
                                                                       "L-4,2026-10-01,sometimes,,,,,\n");
    const ImportSummary summary = importFiles(*db, {path}, true);
    QCOMPARE(summary.inserted, 2);
    QCOMPARE(summary.skipped, 2);
    QCOMPARE(summary.skippedRows.size(), size_t(2));
    QVERIFY(summary.skippedRows[0].text().endsWith(
        QStringLiteral("lenient.csv:3: column \"created_at\": \"yesterday\" is not a "
                       "timestamp (expected ISO-8601 or epoch seconds)")));
    QCOMPARE(summary.skippedRows[1].line, 5);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT group_concat(conversation_id) FROM conversations")).toString(),
             QStringLiteral("L-1,L-3"));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT skipped FROM imports")).toInt(), 2);
}

void TestImport::duplicateIdsLastRowWins()
{
    auto db = freshWorkspace(QStringLiteral("duplicates"));
    const QString path =
        file(QStringLiteral("dupes.csv"),
             kHeader + "D-1,2026-10-01,no,First,,,1,\nD-2,2026-10-01,no,,,,,\nD-1,2026-10-02,yes,Second,,,5,\n");
    const ImportSummary summary = importFiles(*db, {path});
    QCOMPARE(summary.inserted, 2);
    QCOMPARE(summary.updated, 0);
    QCOMPARE(summary.duplicates, 1);
    QCOMPARE(summary.warnings(), 1);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations")).toInt(), 2);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT csat FROM conversations WHERE conversation_id = 'D-1'")).toInt(),
             5);
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT escalated FROM conversations WHERE conversation_id = 'D-1'")).toInt(),
        1);
}

void TestImport::reimportUpdatesInPlaceAndKeepsTags()
{
    auto db = freshWorkspace(QStringLiteral("reimport"));
    importFiles(*db, {file(QStringLiteral("v1.csv"),
                           kHeader + "R-1,2026-10-01,no,Billing,chat,CUS-1,2,0.4\nR-2,2026-10-01,yes,,,,,\n")});
    const qint64 rowId =
        queryValue(*db, QStringLiteral("SELECT id FROM conversations WHERE conversation_id = 'R-1'")).toLongLong();
    sql::run(db->sql(),
             QStringLiteral("INSERT INTO tags (conversation_ref, reviewer, verdict, tagged_at) VALUES (:id, 'Dana', "
                            "'missed_escalation', 1)"),
             {{":id", rowId}});
    // The second file lacks csat and channel (kept) and has an empty ai_confidence (cleared).
    const ImportSummary summary =
        importFiles(*db, {file(QStringLiteral("v2.csv"), "conversation_id,created_at,escalated,category,ai_confidence\n"
                                                         "R-1,2026-10-03,yes,billing,\nR-3,2026-10-03,no,,\n")});
    QCOMPARE(summary.inserted, 1);
    QCOMPARE(summary.updated, 1);
    QSqlQuery row =
        sql::run(db->sql(), QStringLiteral("SELECT c.id, c.escalated, c.csat, ch.name, c.ai_confidence, c.customer_id"
                                           " FROM conversations c LEFT JOIN dimensions ch ON ch.id = c.channel_id"
                                           " WHERE conversation_id = 'R-1'"));
    QVERIFY(row.next());
    QCOMPARE(row.value(0).toLongLong(), rowId);
    QCOMPARE(row.value(1).toInt(), 1);
    QCOMPARE(row.value(2).toInt(), 2);
    QCOMPARE(row.value(3).toString(), QStringLiteral("chat"));
    QVERIFY(row.value(4).isNull());
    QCOMPARE(row.value(5).toString(), QStringLiteral("CUS-1"));
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT count(*) FROM tags WHERE conversation_ref = %1").arg(rowId)).toInt(), 1);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations")).toInt(), 3);
}

void TestImport::columnMappingWithValueMaps()
{
    auto db = freshWorkspace(QStringLiteral("mapping"));
    const QString path = file(QStringLiteral("helpdesk.csv"), "Ticket ID,Opened,Resolved by,Topic,Satisfaction\n"
                                                              "T-1,2026-10-01 09:00,Solved by bot,Returns,Good\n"
                                                              "T-2,2026-10-01 10:00,Agent,Billing,Bad\n"
                                                              "T-3,2026-10-01 11:00,solved BY bot,,\n");
    const QStringList headers = readCsvHeader(path);
    ColumnMapping mapping = ColumnMapping::propose(headers);
    QCOMPARE(mapping.columns.at(Field::ConversationId), QStringLiteral("Ticket ID"));
    QCOMPARE(mapping.columns.at(Field::CreatedAt), QStringLiteral("Opened"));
    QCOMPARE(mapping.columns.at(Field::Escalated), QStringLiteral("Resolved by"));
    QCOMPARE(mapping.columns.at(Field::Category), QStringLiteral("Topic"));
    QCOMPARE(mapping.columns.at(Field::Csat), QStringLiteral("Satisfaction"));
    mapping.name = QStringLiteral("Helpdesk export");
    mapping.valueMaps[Field::Escalated] = {{QStringLiteral("solved by bot"), QStringLiteral("false")},
                                           {QStringLiteral("agent"), QStringLiteral("true")}};
    mapping.valueMaps[Field::Csat] = {{QStringLiteral("good"), QStringLiteral("5")},
                                      {QStringLiteral("bad"), QStringLiteral("1")}};
    const ImportSummary summary = importFiles(*db, {path}, false, mapping);
    QCOMPARE(summary.inserted, 3);
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT group_concat(escalated) FROM conversations ORDER BY conversation_id"))
            .toString(),
        QStringLiteral("0,1,0"));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT csat FROM conversations WHERE conversation_id = 'T-2'")).toInt(),
             1);
    // A mapping that names a column the file lacks is refused before any row.
    ColumnMapping wrong = mapping;
    wrong.columns[Field::Team] = QStringLiteral("Queue");
    try {
        importFiles(*db, {path}, false, wrong);
        QFAIL("a mapping with a missing column was used");
    } catch (const WorkbenchError &error) {
        QVERIFY2(error.message().contains(
                     QStringLiteral("helpdesk.csv:1: the mapping \"Helpdesk export\" reads column \"Queue\" for team")),
                 qPrintable(error.message()));
    }
}

void TestImport::savedMappingsRoundTrip()
{
    auto db = freshWorkspace(QStringLiteral("saved"));
    ColumnMapping mapping;
    mapping.name = QStringLiteral("Zendesk CSV");
    mapping.columns = {{Field::ConversationId, QStringLiteral("id")},
                       {Field::CreatedAt, QStringLiteral("created")},
                       {Field::Escalated, QStringLiteral("handoff")}};
    mapping.valueMaps[Field::Escalated] = {{QStringLiteral("bot"), QStringLiteral("false")}};
    saveMapping(*db, mapping, 1);
    QCOMPARE(savedMappingNames(*db), QStringList{QStringLiteral("Zendesk CSV")});
    QCOMPARE(loadMapping(*db, QStringLiteral("Zendesk CSV")), std::optional<ColumnMapping>(mapping));
    QCOMPARE(resolveMapping(*db, QStringLiteral("Zendesk CSV")), mapping);
    const QString json = file(QStringLiteral("mapping.json"), mapping.toJson());
    ColumnMapping fromFile = resolveMapping(*db, json);
    QCOMPARE(fromFile.columns, mapping.columns);
    QVERIFY_THROWS_EXCEPTION(WorkbenchError, resolveMapping(*db, QStringLiteral("no such mapping")));
    // A chat log's mapping carries its reader's options instead of columns.
    ColumnMapping chatlog;
    chatlog.name = QStringLiteral("Agent runs");
    chatlog.format = QStringLiteral("chatlog");
    ReaderOptions options;
    options.handoffTool = QStringLiteral("escalate");
    options.customerField = QStringLiteral("info.task.user_id");
    options.startMsecs = 1790812800000;
    options.spacingSeconds = 300;
    options.aiAuthorIds = {QStringLiteral("555")};
    chatlog.readerOptions = options;
    saveMapping(*db, chatlog, 2);
    QCOMPARE(loadMapping(*db, QStringLiteral("Agent runs")), std::optional<ColumnMapping>(chatlog));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT format FROM saved_mappings WHERE name = 'Agent runs'")).toString(),
             QStringLiteral("chatlog"));
    // The Data page's list: by name, with the reader and the time saved; removing forgets one.
    const std::vector<SavedMappingInfo> listed = listSavedMappings(*db);
    QCOMPARE(listed.size(), size_t(2));
    QCOMPARE(listed[0].name, QStringLiteral("Agent runs"));
    QCOMPARE(listed[0].format, QStringLiteral("chatlog"));
    QCOMPARE(listed[0].updatedAtMsecs, 2);
    QCOMPARE(listed[1].format, QStringLiteral("csv"));
    removeMapping(*db, QStringLiteral("Agent runs"));
    removeMapping(*db, QStringLiteral("no such mapping"));
    QCOMPARE(savedMappingNames(*db), QStringList{QStringLiteral("Zendesk CSV")});
    QString error;
    QVERIFY(!ColumnMapping::fromJson("{\"columns\": {\"colour\": \"x\"}}", &error));
    QVERIFY(error.contains(QStringLiteral("unknown field \"colour\"")));
}

void TestImport::demoExportRoundTrips()
{
    // The demo's canonical export, imported into an empty workspace, gives back the same conversations.
    auto demo = freshWorkspace(QStringLiteral("demo"));
    DemoOptions options;
    options.conversations = 2500;
    options.months = 2;
    fillDemoWorkspace(*demo, options, m_clock, {}, m_folder.path(QStringLiteral("demo-export")));
    for (const QString &variant : {QStringLiteral("csv"), QStringLiteral("jsonl")}) {
        auto imported = freshWorkspace(QStringLiteral("roundtrip"));
        ImportRequest request;
        if (variant == QLatin1String("csv")) {
            request.files = {m_folder.path(QStringLiteral("demo-export/conversations.csv"))};
            request.messagesFile = m_folder.path(QStringLiteral("demo-export/messages.csv"));
        } else {
            request.files = {m_folder.path(QStringLiteral("demo-export/conversations.jsonl"))};
        }
        const ImportSummary summary = runImport(*imported, request, m_clock);
        QCOMPARE(summary.inserted, 2500);
        const QString compare = QStringLiteral(
            "SELECT group_concat(x, '|') FROM (SELECT c.conversation_id || c.created_at || c.escalated || d.name ||"
            " ifnull(c.csat, '-') || ifnull(c.ai_confidence, '-') || ifnull(c.escalated_at, '-') || c.has_followup ||"
            " ifnull(c.handoff_seq, '-') || c.signals || ifnull(c.sentiment, '-') || ifnull(c.handle_time_seconds, "
            "'-') ||"
            " ifnull(c.escalation_reason, '-') || ifnull(c.customer_id, '-') AS x FROM conversations c"
            " JOIN dimensions d ON d.id = c.category_id ORDER BY c.conversation_id)");
        QCOMPARE(queryValue(*imported, compare).toString(), queryValue(*demo, compare).toString());
        const QString messages = QStringLiteral("SELECT count(*), total(length(text)), total(sent_at) FROM messages");
        QCOMPARE(queryValue(*imported, messages).toString(), queryValue(*demo, messages).toString());
    }
}

void TestImport::cancelRollsBack()
{
    QByteArray content = kHeader;
    for (int i = 0; i < 60000; ++i)
        content += "X-" + QByteArray::number(i) + ",2026-10-01T10:00:00Z,no,Returns,chat,CUS-1,5,0.9\n";
    const QString path = file(QStringLiteral("big.csv"), content);
    auto db = freshWorkspace(QStringLiteral("cancel"));
    ImportRequest request;
    request.files = {path};
    int calls = 0;
    QVERIFY_THROWS_EXCEPTION(Cancelled, runImport(*db, request, m_clock, [&](qint64 done, qint64 total) {
                                 ++calls;
                                 return done < total / 2;
                             }));
    QVERIFY(calls >= 1);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations")).toInt(), 0);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM imports")).toInt(), 0);
}

void TestImport::followupsAreComputedAtImport()
{
    auto db = freshWorkspace(QStringLiteral("followups"));
    importFiles(*db, {file(QStringLiteral("a.csv"), kHeader + "F-1,2026-10-01T10:00:00Z,no,Returns,chat,CUS-1,,\n")});
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT has_followup FROM conversations")).toInt(), 0);
    // A later import brings the return contact: the earlier conversation gains its follow-up.
    importFiles(*db, {file(QStringLiteral("b.csv"), kHeader + "F-2,2026-10-02T09:00:00Z,yes,returns,chat,CUS-1,,\n")});
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT has_followup FROM conversations WHERE conversation_id = 'F-1'")).toInt(),
        1);
}

void TestImport::hugeTranscriptImports()
{
    auto db = freshWorkspace(QStringLiteral("huge"));
    const QByteArray transcript(10 << 20, 'a');
    importFiles(*db,
                {file(QStringLiteral("huge.csv"),
                      "conversation_id,created_at,escalated,transcript\nH-1,2026-10-01,no,\"" + transcript + "\"\n")});
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT length(transcript) FROM conversations")).toLongLong(),
             qint64(transcript.size()));
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
