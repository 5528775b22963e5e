#include "TestSupport.h"
#include "common/WorkbenchError.h"
#include "demo/DemoGenerator.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlRecord>
#include <QTest>

using namespace workbench;
using workbench::test::queryValue;

namespace {

DemoOptions smallOptions(quint64 seed)
{
    DemoOptions options;
    options.conversations = 3000;
    options.months = 3;
    options.seed = seed;
    return options;
}

// Everything stored, in a fixed order, hashed: two workspaces with equal digests hold the same data.
QByteArray contentDigest(Database &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char *statement :
         {"SELECT c.conversation_id, c.created_at, c.escalated, cat.name, ch.name, t.name, a.name, c.customer_id,"
          " c.escalated_at, c.ai_confidence, c.csat, c.first_contact_resolution, c.handle_time_seconds, c.sentiment,"
          " c.escalation_reason, c.has_followup, c.handoff_seq, c.signals FROM conversations c"
          " JOIN dimensions cat ON cat.id = c.category_id LEFT JOIN dimensions ch ON ch.id = c.channel_id"
          " LEFT JOIN dimensions t ON t.id = c.team_id LEFT JOIN dimensions a ON a.id = c.agent_id"
          " ORDER BY c.conversation_id",
          "SELECT c.conversation_id, m.seq, m.role, m.author, m.text, m.sent_at FROM messages m"
          " JOIN conversations c ON c.id = m.conversation_ref ORDER BY c.conversation_id, m.seq",
          "SELECT occurred_on, kind, label FROM events ORDER BY id"}) {
        QSqlQuery query(db.sql());
        if (!query.exec(QString::fromLatin1(statement)))
            qFatal("%s", qPrintable(query.lastError().text()));
        const int columns = query.record().count();
        while (query.next()) {
            for (int i = 0; i < columns; ++i) {
                hash.addData(query.value(i).toString().toUtf8());
                hash.addData(QByteArrayView("\x1f"));
            }
        }
    }
    return hash.result().toHex();
}

struct CategoryRow {
    qint64 conversations;
    double escalationRate;
    std::optional<double> aiSatisfied;
    std::optional<double> agentSatisfied;
};

std::map<QString, CategoryRow> categoryRows(Database &db)
{
    std::map<QString, CategoryRow> rows;
    QSqlQuery query(db.sql());
    query.exec(QStringLiteral("SELECT d.name, count(*), avg(escalated),"
                              " avg(CASE WHEN csat IS NOT NULL AND escalated = 0 THEN csat >= 4 END),"
                              " avg(CASE WHEN csat IS NOT NULL AND escalated = 1 THEN csat >= 4 END)"
                              " FROM conversations c JOIN dimensions d ON d.id = c.category_id GROUP BY d.name"));
    while (query.next())
        rows[query.value(0).toString()] = {query.value(1).toLongLong(), query.value(2).toDouble(),
                                           query.value(3).toDouble(), query.value(4).toDouble()};
    return rows;
}

} // namespace

class TestDemo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sameArgumentsSameData();
    void otherSeedOtherData();
    void conversationsAreStableAndInOrder();
    void defaultEndIsLastFullMonth();
    void volumeAndPeriod();
    void categoryMixAndRates();
    void csatDependsOnCategoryAndHandling();
    void followupsAndRepeatCustomers();
    void transcriptsAreMultiTurnWithHandoff();
    void reviewerSignalsExist();
    void structure();
    void exportsCanonicalFiles();
    void refusesNonEmptyWorkspace();
    void cancelRollsBack();

private:
    test::TempFolder m_folder;
    std::unique_ptr<Database> m_demo; // the default shape: 30,000 conversations over 6 months
};

void TestDemo::initTestCase()
{
    m_demo = Database::open(m_folder.path(QStringLiteral("default.ewb")));
    const FixedClock clock(test::testNow());
    fillDemoWorkspace(*m_demo, DemoOptions{}, clock, {}, m_folder.path(QStringLiteral("export")));
}

void TestDemo::sameArgumentsSameData()
{
    const FixedClock clock(test::testNow());
    auto first = Database::open(m_folder.path(QStringLiteral("first.ewb")));
    auto second = Database::open(m_folder.path(QStringLiteral("second.ewb")));
    fillDemoWorkspace(*first, smallOptions(99), clock);
    fillDemoWorkspace(*second, smallOptions(99), clock);
    QCOMPARE(contentDigest(*first), contentDigest(*second));
}

void TestDemo::otherSeedOtherData()
{
    const FixedClock clock(test::testNow());
    auto first = Database::open(m_folder.path(QStringLiteral("seed99.ewb")));
    fillDemoWorkspace(*first, smallOptions(99), clock);
    auto second = Database::open(m_folder.path(QStringLiteral("seed100.ewb")));
    fillDemoWorkspace(*second, smallOptions(100), clock);
    QVERIFY(contentDigest(*first) != contentDigest(*second));
}

void TestDemo::conversationsAreStableAndInOrder()
{
    const FixedClock clock(test::testNow());
    DemoOptions options;
    options.conversations = 500;
    const DemoGenerator a(options, clock);
    const DemoGenerator b(options, clock);
    // Built out of order, a conversation is the same: the workers may build them in any order.
    for (qint64 index : {qint64(499), qint64(0), qint64(250)}) {
        const Conversation x = a.conversation(index);
        const Conversation y = b.conversation(index);
        QCOMPARE(x.conversationId, y.conversationId);
        QCOMPARE(x.messages.size(), y.messages.size());
        QCOMPARE(x.messages.back().text, y.messages.back().text);
    }
    for (qint64 i = 1; i < a.size(); ++i)
        QVERIFY(a.conversation(i - 1).createdAtMsecs <= a.conversation(i).createdAtMsecs);
}

void TestDemo::defaultEndIsLastFullMonth()
{
    const FixedClock clock(test::testNow());
    const DemoGenerator generator(DemoOptions{}, clock);
    QCOMPARE(generator.lastMonth().key(), QStringLiteral("2026-10"));
    QCOMPARE(generator.firstMonth().key(), QStringLiteral("2026-05"));
    DemoOptions options;
    options.endMonth = Period::month(2025, 2);
    options.months = 3;
    const DemoGenerator ended(options, clock);
    QCOMPARE(ended.firstMonth().key(), QStringLiteral("2024-12"));
}

void TestDemo::volumeAndPeriod()
{
    QCOMPARE(queryValue(*m_demo, QStringLiteral("SELECT count(*) FROM conversations")).toLongLong(), 30000);
    const qint64 first = queryValue(*m_demo, QStringLiteral("SELECT min(created_at) FROM conversations")).toLongLong();
    const qint64 last = queryValue(*m_demo, QStringLiteral("SELECT max(created_at) FROM conversations")).toLongLong();
    QVERIFY(first >= Period::month(2026, 5).startMsecs());
    QVERIFY(last < Period::month(2026, 10).endMsecs());
    // Every month holds about 5,000 conversations.
    for (Period month = Period::month(2026, 5); month.startMsecs() < Period::month(2026, 11).startMsecs();
         month = month.next()) {
        QSqlQuery query(m_demo->sql());
        QVERIFY_SQL(query, prepare(QStringLiteral(
                               "SELECT count(*) FROM conversations WHERE created_at >= :s AND created_at < :e")));
        query.bindValue(QStringLiteral(":s"), month.startMsecs());
        query.bindValue(QStringLiteral(":e"), month.endMsecs());
        QVERIFY_SQL(query, exec());
        QVERIFY(query.next());
        const qint64 count = query.value(0).toLongLong();
        QVERIFY2(count > 4400 && count < 5600, qPrintable(month.key() + QLatin1Char(' ') + QString::number(count)));
    }
}

void TestDemo::categoryMixAndRates()
{
    const auto rows = categoryRows(*m_demo);
    const QStringList expected = {QStringLiteral("Order status"),      QStringLiteral("Returns"),
                                  QStringLiteral("Product questions"), QStringLiteral("Shipping issues"),
                                  QStringLiteral("Complaints"),        QStringLiteral("Warranty claims"),
                                  QStringLiteral("Billing"),           QStringLiteral("Account access")};
    for (const QString &name : expected) {
        QVERIFY2(rows.contains(name), qPrintable(name));
        QVERIFY2(rows.at(name).conversations > 900, qPrintable(name));
    }
    QVERIFY(rows.at(QStringLiteral("Order status")).escalationRate < 0.10);
    QVERIFY(rows.at(QStringLiteral("Complaints")).escalationRate > 0.40);
    QVERIFY(rows.at(QStringLiteral("Warranty claims")).escalationRate > 0.40);
    const double overall = queryValue(*m_demo, QStringLiteral("SELECT avg(escalated) FROM conversations")).toDouble();
    QVERIFY2(overall > 0.22 && overall < 0.28, qPrintable(QString::number(overall)));
}

void TestDemo::csatDependsOnCategoryAndHandling()
{
    const auto rows = categoryRows(*m_demo);
    const CategoryRow &complaints = rows.at(QStringLiteral("Complaints"));
    const CategoryRow &orders = rows.at(QStringLiteral("Order status"));
    // Complaints kept by the AI satisfy far fewer customers than those handled by people; order status is the
    // AI's strength.
    QVERIFY(*complaints.agentSatisfied - *complaints.aiSatisfied > 0.15);
    QVERIFY(*orders.aiSatisfied > 0.75);
    QVERIFY(*orders.aiSatisfied > *complaints.aiSatisfied + 0.3);
    const double rated =
        queryValue(*m_demo, QStringLiteral("SELECT avg(csat IS NOT NULL) FROM conversations")).toDouble();
    QVERIFY(rated > 0.25 && rated < 0.5);
    QCOMPARE(queryValue(*m_demo, QStringLiteral("SELECT count(*) FROM conversations WHERE csat NOT BETWEEN 1 AND 5"))
                 .toInt(),
             0);
}

void TestDemo::followupsAndRepeatCustomers()
{
    const qint64 followups =
        queryValue(*m_demo, QStringLiteral("SELECT sum(has_followup) FROM conversations")).toLongLong();
    QVERIFY2(followups > 600, qPrintable(QString::number(followups)));
    // Every flagged follow-up is real: the same customer came back in the same category within 48 h.
    QCOMPARE(
        queryValue(*m_demo, QStringLiteral("SELECT count(*) FROM conversations a WHERE has_followup = 1 AND NOT EXISTS"
                                           " (SELECT 1 FROM conversations b WHERE b.customer_id = a.customer_id"
                                           " AND b.category_id = a.category_id AND b.created_at > a.created_at"
                                           " AND b.created_at <= a.created_at + 172800000)"))
            .toInt(),
        0);
    // Missed escalations bring customers back: contained contacts with a follow-up rate poorly.
    const qint64 repeatCustomers =
        queryValue(*m_demo, QStringLiteral("SELECT count(*) FROM (SELECT customer_id FROM conversations"
                                           " WHERE customer_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1)"))
            .toLongLong();
    QVERIFY(repeatCustomers > 3000);
    const qint64 anonymous =
        queryValue(*m_demo, QStringLiteral("SELECT count(*) FROM conversations WHERE customer_id IS NULL"))
            .toLongLong();
    QVERIFY(anonymous > 0);
}

void TestDemo::transcriptsAreMultiTurnWithHandoff()
{
    const double turns =
        queryValue(*m_demo,
                   QStringLiteral("SELECT avg(n) FROM (SELECT count(*) AS n FROM messages GROUP BY conversation_ref)"))
            .toDouble();
    QVERIFY2(turns >= 6, qPrintable(QString::number(turns)));
    QCOMPARE(queryValue(*m_demo, QStringLiteral("SELECT count(DISTINCT role) FROM messages")).toInt(), 4);
    // Every escalated conversation shows the hand-off: a transfer line, then a person.
    QCOMPARE(queryValue(*m_demo, QStringLiteral(
                                     "SELECT count(*) FROM conversations WHERE escalated = 1 AND handoff_seq IS NULL"))
                 .toInt(),
             0);
    QCOMPARE(
        queryValue(*m_demo,
                   QStringLiteral("SELECT count(*) FROM conversations WHERE escalated = 0 AND handoff_seq IS NOT NULL"))
            .toInt(),
        0);
    QCOMPARE(queryValue(*m_demo, QStringLiteral(
                                     "SELECT count(*) FROM conversations WHERE escalated = 1 AND escalated_at IS NULL"))
                 .toInt(),
             0);
    QCOMPARE(queryValue(*m_demo, QStringLiteral(
                                     "SELECT count(*) FROM conversations c JOIN messages m ON m.conversation_ref = c.id"
                                     " AND m.seq = c.handoff_seq - 1 WHERE m.role <> 'system'"))
                 .toInt(),
             0);
    // Wording varies: many distinct opening lines per category.
    QVERIFY(queryValue(*m_demo, QStringLiteral("SELECT count(DISTINCT text) FROM messages WHERE role = 'customer'"))
                .toInt() > 5000);
    // Slots are all filled.
    QCOMPARE(queryValue(*m_demo, QStringLiteral("SELECT count(*) FROM messages WHERE text LIKE '%{%}%'")).toInt(), 0);
}

void TestDemo::reviewerSignalsExist()
{
    const qint64 askedForPerson =
        queryValue(*m_demo, QStringLiteral("SELECT count(*) FROM conversations WHERE signals & 1")).toLongLong();
    const qint64 repeated =
        queryValue(*m_demo, QStringLiteral("SELECT count(*) FROM conversations WHERE signals & 2")).toLongLong();
    QVERIFY(askedForPerson > 1000);
    QVERIFY(repeated > 500);
    // Some contained conversations carry the traces of a missed escalation.
    QVERIFY(queryValue(
                *m_demo,
                QStringLiteral("SELECT count(*) FROM conversations WHERE escalated = 0 AND signals & 1 AND csat <= 2"))
                .toInt() > 20);
    // Confidence is lower where the AI escalated.
    const double escalated =
        queryValue(*m_demo, QStringLiteral("SELECT avg(ai_confidence) FROM conversations WHERE escalated = 1"))
            .toDouble();
    const double contained =
        queryValue(*m_demo, QStringLiteral("SELECT avg(ai_confidence) FROM conversations WHERE escalated = 0"))
            .toDouble();
    QVERIFY(escalated + 0.15 < contained);
}

void TestDemo::structure()
{
    QCOMPARE(queryValue(*m_demo, QStringLiteral("SELECT count(*) FROM dimensions WHERE kind = 2")).toInt(), 5);
    QVERIFY(queryValue(*m_demo, QStringLiteral("SELECT count(*) FROM dimensions WHERE kind = 3")).toInt() >= 6);
    QVERIFY(queryValue(*m_demo, QStringLiteral("SELECT count(*) FROM dimensions WHERE kind = 4")).toInt() >= 20);
    // Teams and agents belong to escalations only (DATA.md).
    QCOMPARE(queryValue(*m_demo, QStringLiteral(
                                     "SELECT count(*) FROM conversations WHERE escalated = 0 AND team_id IS NOT NULL"))
                 .toInt(),
             0);
    QCOMPARE(queryValue(*m_demo, QStringLiteral("SELECT count(*) FROM events")).toInt(), 2);
}

void TestDemo::exportsCanonicalFiles()
{
    QFile csv(m_folder.path(QStringLiteral("export/conversations.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray header = csv.readLine();
    QVERIFY(header.startsWith("conversation_id,created_at,escalated,category,channel,team,agent,customer_id"));
    qint64 rows = 0;
    while (!csv.atEnd()) {
        csv.readLine();
        ++rows;
    }
    QCOMPARE(rows, 30000);

    QFile jsonl(m_folder.path(QStringLiteral("export/conversations.jsonl")));
    QVERIFY(jsonl.open(QIODevice::ReadOnly));
    qint64 lines = 0;
    qint64 messages = 0;
    while (!jsonl.atEnd()) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(jsonl.readLine(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject object = document.object();
        if (lines == 0) {
            QCOMPARE(object.value(QStringLiteral("conversation_id")).toString(), QStringLiteral("CNV-0000001"));
            QVERIFY(object.value(QStringLiteral("created_at")).toString().endsWith(u'Z'));
        }
        messages += object.value(QStringLiteral("messages")).toArray().size();
        ++lines;
    }
    QCOMPARE(lines, 30000);
    QCOMPARE(messages, queryValue(*m_demo, QStringLiteral("SELECT count(*) FROM messages")).toLongLong());
}

void TestDemo::refusesNonEmptyWorkspace()
{
    const FixedClock clock(test::testNow());
    const QByteArray before = contentDigest(*m_demo);
    try {
        fillDemoWorkspace(*m_demo, DemoOptions{}, clock);
        QFAIL("demo data went into a workspace that holds conversations");
    } catch (const WorkbenchError &error) {
        QVERIFY2(error.message().contains(QStringLiteral("already holds 30000 conversations")),
                 qPrintable(error.message()));
    }
    QCOMPARE(contentDigest(*m_demo), before);
}

void TestDemo::cancelRollsBack()
{
    const FixedClock clock(test::testNow());
    auto db = Database::open(m_folder.path(QStringLiteral("cancelled.ewb")));
    DemoOptions options;
    options.conversations = 10000;
    int calls = 0;
    QVERIFY_THROWS_EXCEPTION(Cancelled, fillDemoWorkspace(*db, options, clock, [&](qint64 done, qint64 total) {
                                 ++calls;
                                 return done < total / 2;
                             }));
    QVERIFY(calls >= 2);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations")).toInt(), 0);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM dimensions")).toInt(), 0);
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM events")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
