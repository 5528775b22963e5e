#include "TestSupport.h"
#include "common/Period.h"
#include "common/WorkbenchError.h"
#include "import/ImportJob.h"
#include "import/JsonSupport.h"
#include "store/Database.h"
#include "store/Sql.h"

#include <QDir>
#include <QTest>

using namespace workbench;
using workbench::test::queryValue;

namespace {

QString publicData(const QString &relative)
{
    // tests/data/public: real public conversation data, copied with its licences.
    return QDir(QStringLiteral(WORKBENCH_PUBLIC_DATA_DIR)).filePath(relative);
}

// The name of a conversation's dimension (category_id, channel_id, team_id or agent_id).
QString dimensionOf(Database &db, const char *column, const QString &conversationId)
{
    QSqlQuery query = sql::run(db.sql(),
                               QStringLiteral("SELECT d.name FROM conversations c JOIN dimensions d ON d.id = c.%1"
                                              " WHERE c.conversation_id = :id")
                                   .arg(QLatin1String(column)), // a column name from the test, not data
                               {{":id", conversationId}});
    return query.next() ? query.value(0).toString() : QString();
}

QString messagesOf(Database &db, const QString &conversationId)
{
    QSqlQuery query = sql::run(
        db.sql(),
        QStringLiteral("SELECT group_concat(role || ':' || text, ' | ') FROM (SELECT m.role, m.text FROM messages m"
                       " JOIN conversations c ON c.id = m.conversation_ref WHERE c.conversation_id = :id"
                       " ORDER BY m.seq)"),
        {{":id", conversationId}});
    return query.next() ? query.value(0).toString() : QString();
}

} // namespace

class TestVendorImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void formatsAreDetected_data();
    void formatsAreDetected();
    void tauBenchChatLogs();
    void chatLogWithoutTimesNeedsAStart();
    void chatLogWithOwnTimes();
    void intercomApiExamples();
    void intercomConversations();
    void zendeskTicketsWithEmbeddedComments();
    void zendeskTicketsWithCommentsFile();
    void zendeskTableExportFixtures();
    void zendeskTableExportJoins();
    void intercomTableExportFixtures();
    void htmlToText_data();
    void htmlToText();
    void arrayElementLines();

private:
    ImportSummary import(Database &db, const QString &file, const ReaderOptions &options = {},
                         std::optional<ImportFormat> format = {});
    std::unique_ptr<Database> fresh()
    {
        return Database::open(m_folder.path(QStringLiteral("w%1.ewb").arg(++m_count)));
    }

    test::TempFolder m_folder;
    FixedClock m_clock{test::testNow()};
    int m_count = 0;
};

ImportSummary TestVendorImport::import(Database &db, const QString &file, const ReaderOptions &options,
                                       std::optional<ImportFormat> format)
{
    ImportRequest request;
    request.files = {file};
    request.readerOptions = options;
    request.format = format;
    return runImport(db, request, m_clock);
}

void TestVendorImport::formatsAreDetected_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<ImportFormat>("format");
    QTest::newRow("tau-bench") << publicData(QStringLiteral("tau-bench-airline-trajectories/gpt-4o-airline.json"))
                               << ImportFormat::Chatlog;
    QTest::newRow("intercom examples") << publicData(QStringLiteral(
                                              "intercom-openapi-examples/conversation_examples_v2.14.json"))
                                       << ImportFormat::Intercom;
    QTest::newRow("intercom page") << test::dataPath(QStringLiteral("import/intercom_conversations.json"))
                                   << ImportFormat::Intercom;
    QTest::newRow("zendesk page") << test::dataPath(QStringLiteral("import/zendesk_tickets.json"))
                                  << ImportFormat::Zendesk;
    QTest::newRow("zendesk export") << test::dataPath(QStringLiteral("import/zendesk_tickets_nocomments.jsonl"))
                                    << ImportFormat::Jsonl;
    QTest::newRow("chat log jsonl") << test::dataPath(QStringLiteral("import/chatlog_with_times.jsonl"))
                                    << ImportFormat::Jsonl;
    QTest::newRow("zendesk tables") << publicData(QStringLiteral("helpdesk-export-fixtures/zendesk/ticket_data.csv"))
                                    << ImportFormat::Zendesk;
    QTest::newRow("intercom tables") << publicData(QStringLiteral(
                                            "helpdesk-export-fixtures/intercom/conversation_history_data.csv"))
                                     << ImportFormat::Intercom;
}

void TestVendorImport::formatsAreDetected()
{
    QFETCH(QString, file);
    QFETCH(ImportFormat, format);
    // A .jsonl is canonical JSONL by its extension; the vendor shapes are told apart inside .json files.
    QCOMPARE(detectFormat(file), std::optional<ImportFormat>(format));
}

void TestVendorImport::tauBenchChatLogs()
{
    auto db = fresh();
    ReaderOptions options;
    options.startMsecs = QDateTime(QDate(2026, 10, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    options.spacingSeconds = 90 * 60;
    const ImportSummary summary =
        import(*db, publicData(QStringLiteral("tau-bench-airline-trajectories/gpt-4o-airline.json")), options);
    QCOMPARE(summary.inserted, 200);
    QVERIFY(summary.remarks().join(u' ').contains(QStringLiteral("has no timestamps")));
    // The README's facts: 48 hand-offs, 34 customers, each with several contacts.
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT sum(escalated) FROM conversations")).toInt(), 48);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(DISTINCT customer_id) FROM conversations")).toInt(), 34);
    QCOMPARE(
        queryValue(
            *db, QStringLiteral("SELECT count(*) FROM conversations WHERE escalated = 1 AND escalation_reason IS NULL"))
            .toInt(),
        0);
    QVERIFY(
        queryValue(*db, QStringLiteral(
                            "SELECT escalation_reason FROM conversations WHERE conversation_id = 'gpt-4o-airline-4-0'"))
            .toString()
            .startsWith(QStringLiteral("User Omar Rossi needs to change the passenger name")));
    // The hand-off turn is the transfer call, a system turn.
    QCOMPARE(queryValue(
                 *db, QStringLiteral("SELECT count(*) FROM conversations c JOIN messages m ON m.conversation_ref = c.id"
                                     " AND m.seq = c.handoff_seq WHERE c.escalated = 1 AND m.role = 'system'"
                                     " AND m.text LIKE 'Handed off to a human agent:%'"))
                 .toInt(),
             48);
    // Spaced from the start, 90 minutes apart, in file order.
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT min(created_at) FROM conversations")).toLongLong(),
             *options.startMsecs);
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT max(created_at) - min(created_at) FROM conversations")).toLongLong(),
        199LL * 90 * 60 * 1000);
    // Roles: the policy is a system turn, the simulated customer the customer, the model the AI.
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT role FROM messages WHERE seq = 0 LIMIT 1")).toString(),
             QStringLiteral("system"));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(DISTINCT role) FROM messages")).toInt(), 3);
    QVERIFY(queryValue(*db, QStringLiteral("SELECT sum(has_followup) FROM conversations")).toInt() > 0);
    // Imported again: the same ids, updated in place.
    const ImportSummary again =
        import(*db, publicData(QStringLiteral("tau-bench-airline-trajectories/gpt-4o-airline.json")), options);
    QCOMPARE(again.updated, 200);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations")).toInt(), 200);
}

void TestVendorImport::chatLogWithoutTimesNeedsAStart()
{
    auto db = fresh();
    const QByteArray before = test::workspaceDigest(*db);
    try {
        import(*db, publicData(QStringLiteral("tau-bench-airline-trajectories/gpt-4o-airline.json")));
        QFAIL("a chat log without timestamps was placed at some time nobody chose");
    } catch (const WorkbenchError &error) {
        QVERIFY2(error.message().contains(
                     QStringLiteral("gpt-4o-airline.json:2: the conversations have no timestamps; give a start date")),
                 qPrintable(error.message()));
    }
    QCOMPARE(test::workspaceDigest(*db), before);
}

void TestVendorImport::chatLogWithOwnTimes()
{
    auto db = fresh();
    ReaderOptions options;
    options.handoffTool = QStringLiteral("handoff");
    const ImportSummary summary =
        import(*db, test::dataPath(QStringLiteral("import/chatlog_with_times.jsonl")), options, ImportFormat::Chatlog);
    QCOMPARE(summary.inserted, 2);
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT escalated FROM conversations WHERE conversation_id = 'run-1'")).toInt(),
        0);
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT escalated FROM conversations WHERE conversation_id = 'run-2'")).toInt(),
        1);
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT escalation_reason FROM conversations WHERE conversation_id = 'run-2'"))
            .toString(),
        QStringLiteral("Refund missing after 5 days"));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT signals & 1 FROM conversations WHERE conversation_id = 'run-2'"))
                 .toInt(),
             1);
    QCOMPARE(messagesOf(*db, QStringLiteral("run-1")),
             QStringLiteral(
                 "system:You are a support agent. | customer:I want my money back. | ai:I can help with a refund. | "
                 "system:The AI called issue_refund({\"amount\": 20}) | system:issue_refund returned: ok | ai:Done: "
                 "refunded 20."));
    // Same customer, same category (matched case-insensitively), within 48 h: a follow-up.
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT has_followup FROM conversations WHERE conversation_id = 'run-1'"))
                 .toInt(),
             1);
}

void TestVendorImport::intercomApiExamples()
{
    auto db = fresh();
    const ImportSummary summary =
        import(*db, publicData(QStringLiteral("intercom-openapi-examples/conversation_examples_v2.14.json")));
    QCOMPARE(summary.inserted, 3);
    QCOMPARE(
        queryValue(
            *db,
            QStringLiteral(
                "SELECT group_concat(conversation_id) FROM (SELECT conversation_id FROM conversations ORDER BY 1)"))
            .toString(),
        QStringLiteral("471,503,515"));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT customer_id FROM conversations WHERE conversation_id = '503'"))
                 .toString(),
             QStringLiteral("70"));
    QCOMPARE(dimensionOf(*db, "category_id", QStringLiteral("503")), QStringLiteral("Test tag"));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT created_at FROM conversations WHERE conversation_id = '503'"))
                 .toLongLong(),
             1734537511000LL);
    QVERIFY(messagesOf(*db, QStringLiteral("503")).contains(QStringLiteral("Okay!")));
}

void TestVendorImport::intercomConversations()
{
    auto db = fresh();
    import(*db, test::dataPath(QStringLiteral("import/intercom_conversations.json")));
    QCOMPARE(
        queryValue(
            *db,
            QStringLiteral(
                "SELECT group_concat(escalated) FROM (SELECT escalated FROM conversations ORDER BY conversation_id)"))
            .toString(),
        QStringLiteral("0,1,0"));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT csat FROM conversations WHERE conversation_id = '9001'")).toInt(),
             4);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT customer_id FROM conversations WHERE conversation_id = '9002'"))
                 .toString(),
             QStringLiteral("c-2"));
    QCOMPARE(dimensionOf(*db, "channel_id", QStringLiteral("9002")), QStringLiteral("email"));
    // Escalated at the teammate's first reply; the hand-off turn is that reply.
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT escalated_at FROM conversations WHERE conversation_id = '9002'"))
                 .toLongLong(),
             1791187600000LL);
    QCOMPARE(messagesOf(*db, QStringLiteral("9002")),
             QString::fromUtf8("customer:My parcel arrived damaged. | ai:I'm sorry! Let me get a teammate. | "
                               "system:Conversation assignment | "
                               "system:Internal note: Check the photos | agent:Hi Ben \u2014 a replacement ships "
                               "today.\nSorry & thanks!"));
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT handoff_seq FROM conversations WHERE conversation_id = '9002'")).toInt(),
        4);
    // HTML entities become text, never markup.
    QCOMPARE(messagesOf(*db, QStringLiteral("9003")), QString::fromUtf8("customer:Hi <script>alert(1)</script> 👋"));
    // Categories from a custom attribute when asked.
    auto byField = fresh();
    ReaderOptions options;
    options.categoryFrom = QStringLiteral("field:Category");
    import(*byField, test::dataPath(QStringLiteral("import/intercom_conversations.json")), options);
    QCOMPARE(dimensionOf(*byField, "category_id", QStringLiteral("9002")), QStringLiteral("Shipping issues"));
}

void TestVendorImport::zendeskTicketsWithEmbeddedComments()
{
    auto db = fresh();
    ReaderOptions options;
    options.aiAuthorIds = {QStringLiteral("555")};
    options.categoryFrom = QStringLiteral("tag-prefix:cat_");
    import(*db, test::dataPath(QStringLiteral("import/zendesk_tickets.json")), options);
    QCOMPARE(
        queryValue(
            *db,
            QStringLiteral(
                "SELECT group_concat(escalated) FROM (SELECT escalated FROM conversations ORDER BY conversation_id)"))
            .toString(),
        QStringLiteral("0,1,0"));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT group_concat(ifnull(csat, '-')) FROM (SELECT csat FROM "
                                            "conversations ORDER BY conversation_id)"))
                 .toString(),
             QStringLiteral("5,1,-"));
    QCOMPARE(dimensionOf(*db, "category_id", QStringLiteral("101")), QStringLiteral("order status"));
    // 21:30 at -05:00 on 31 October is 02:30 UTC on 1 November.
    QCOMPARE(Period::monthContaining(
                 queryValue(*db, QStringLiteral("SELECT created_at FROM conversations WHERE conversation_id = '102'"))
                     .toLongLong())
                 .key(),
             QStringLiteral("2026-11"));
    QCOMPARE(messagesOf(*db, QStringLiteral("102")),
             QStringLiteral("customer:I was charged twice. Can I talk to a real person? | ai:Charges usually appear "
                            "once the order has shipped. | "
                            "system:Internal note: Duplicate capture, refunding. | agent:I've refunded the duplicate "
                            "charge & sent a receipt."));
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT signals & 1 FROM conversations WHERE conversation_id = '102'")).toInt(),
        1);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT t.name FROM conversations c JOIN dimensions t ON t.id = c.team_id"
                                            " WHERE conversation_id = '102'"))
                 .toString(),
             QStringLiteral("360013366274"));
    // By custom field instead.
    auto byField = fresh();
    options.categoryFrom = QStringLiteral("field:360001");
    import(*byField, test::dataPath(QStringLiteral("import/zendesk_tickets.json")), options);
    QCOMPARE(dimensionOf(*byField, "category_id", QStringLiteral("102")), QStringLiteral("Billing"));
}

void TestVendorImport::zendeskTicketsWithCommentsFile()
{
    auto db = fresh();
    ReaderOptions options;
    options.aiAuthorIds = {QStringLiteral("555")};
    options.commentsFile = test::dataPath(QStringLiteral("import/zendesk_comments.json"));
    import(*db, test::dataPath(QStringLiteral("import/zendesk_tickets_nocomments.jsonl")), options,
           ImportFormat::Zendesk);
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT escalated FROM conversations WHERE conversation_id = '201'")).toInt(),
        1);
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT escalated FROM conversations WHERE conversation_id = '202'")).toInt(),
        0);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM messages")).toInt(), 5);
    QCOMPARE(dimensionOf(*db, "category_id", QStringLiteral("201")), QStringLiteral("returns"));
}

void TestVendorImport::zendeskTableExportFixtures()
{
    auto db = fresh();
    const ImportSummary summary =
        import(*db, publicData(QStringLiteral("helpdesk-export-fixtures/zendesk/ticket_data.csv")));
    QCOMPARE(summary.inserted, 10);
    QVERIFY(summary.remarks().join(u' ').contains(QStringLiteral("joined with ticket_comment_data.csv")));
    // Ticket 1595 has no assignee: the AI kept it; the others went to a person.
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT escalated FROM conversations WHERE conversation_id = '1595'")).toInt(),
        0);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT sum(escalated) FROM conversations")).toInt(), 9);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT created_at FROM conversations WHERE conversation_id = '16988'"))
                 .toLongLong(),
             QDateTime(QDate(2020, 12, 22), QTime(0, 19, 23), QTimeZone::utc()).toMSecsSinceEpoch());
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT customer_id FROM conversations WHERE conversation_id = '11071'"))
                 .toString(),
             QStringLiteral("2222"));
}

void TestVendorImport::zendeskTableExportJoins()
{
    auto db = fresh();
    ReaderOptions options;
    options.aiAuthorIds = {QStringLiteral("555")};
    import(*db, test::dataPath(QStringLiteral("import/zendesk_tables/ticket_data.csv")), options);
    QCOMPARE(messagesOf(*db, QStringLiteral("301")),
             QStringLiteral("customer:Where is my order, please? | ai:It ships tomorrow."));
    QCOMPARE(
        messagesOf(*db, QStringLiteral("302")),
        QStringLiteral(
            "customer:I still have no refund! | system:Internal note: Checking with finance | agent:Refund issued."));
    QCOMPARE(
        queryValue(
            *db,
            QStringLiteral(
                "SELECT group_concat(escalated) FROM (SELECT escalated FROM conversations ORDER BY conversation_id)"))
            .toString(),
        QStringLiteral("0,1"));
    QCOMPARE(queryValue(
                 *db, QStringLiteral("SELECT t.name || '/' || a.name || '/' || d.name FROM conversations c JOIN "
                                     "dimensions t ON t.id = c.team_id"
                                     " JOIN dimensions a ON a.id = c.agent_id JOIN dimensions d ON d.id = c.category_id"
                                     " WHERE conversation_id = '302'"))
                 .toString(),
             QStringLiteral("Billing/Grace Okafor/billing"));
    options.categoryFrom = QStringLiteral("field:type");
    auto byType = fresh();
    import(*byType, test::dataPath(QStringLiteral("import/zendesk_tables/ticket_data.csv")), options);
    QCOMPARE(dimensionOf(*byType, "category_id", QStringLiteral("302")), QStringLiteral("incident"));
}

void TestVendorImport::intercomTableExportFixtures()
{
    auto db = fresh();
    const ImportSummary summary =
        import(*db, publicData(QStringLiteral("helpdesk-export-fixtures/intercom/conversation_history_data.csv")));
    // The history holds several versions of each conversation; the latest of each is imported once.
    QCOMPARE(summary.inserted, 2);
    QCOMPARE(summary.duplicates, 0);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations WHERE escalated = 1")).toInt(), 2);
    QCOMPARE(queryValue(*db, QStringLiteral(
                                 "SELECT d.name FROM conversations c JOIN dimensions d ON d.id = c.channel_id LIMIT 1"))
                 .toString(),
             QStringLiteral("conversation"));
}

void TestVendorImport::htmlToText_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");
    QTest::newRow("paragraphs") << "<p>One</p><p>Two</p>"
                                << "One\nTwo";
    QTest::newRow("line break") << "a<br/>b<BR>c"
                                << "a\nb\nc";
    QTest::newRow("entities") << "&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39; &#x1F44B;"
                              << QString::fromUtf8("<b> & \"x\" 'y' 👋");
    QTest::newRow("double escape stays") << "&amp;lt;"
                                         << "&lt;";
    QTest::newRow("attributes") << "<a href=\"https://example.com\">link</a>"
                                << "link";
}

void TestVendorImport::htmlToText()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(json::htmlToText(html), text);
}

void TestVendorImport::arrayElementLines()
{
    const std::string top = "[\n {\"a\": \"[x]\"},\n {\"b\": [1,\n 2]},\n 3\n]";
    QCOMPARE(json::arrayElementLines(top), (std::vector<qint64>{2, 3, 5}));
    const std::string page = "{\"users\": [1, 2],\n \"tickets\": [\n  {\"id\": 1},\n  {\"id\": \"}\"}\n ]}";
    QCOMPARE(json::arrayElementLines(page, QStringLiteral("tickets")), (std::vector<qint64>{3, 4}));
}

QTEST_GUILESS_MAIN(TestVendorImport)
#include "tst_vendorimport.moc"
