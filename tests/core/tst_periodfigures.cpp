// Volume, CSAT and follow-up figures of a period, against a small workspace computed by hand.
#include "TestSupport.h"
#include "metrics/PeriodFigures.h"
#include "store/ConversationWriter.h"
#include "store/Database.h"
#include "store/DerivedFacts.h"
#include "store/Transaction.h"

#include <QTest>

#include <cmath>

using namespace workbench;

namespace {

qint64 at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

struct Row {
    QString id;
    qint64 created;
    bool escalated;
    QString category;
    std::optional<int> csat;
    QString channel = QStringLiteral("chat");
    QString team = {};
    QString agent = {};
    QString customer = {};
};

bool near(const std::optional<double> &actual, double expected)
{
    return actual && std::fabs(*actual - expected) < 1e-9;
}

} // namespace

class TestPeriodFigures : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void totals();
    void categories();
    void csatFlagBothWays();
    void followups();
    void breakdownsGroupMissingValues();
    void monthsAreUtcAndNamesInCodePointOrder();
    void emptyPeriodIsNotAnError();

private:
    test::TempFolder m_folder;
    std::unique_ptr<Database> m_db;
    PeriodFigures m_october;
};

void TestPeriodFigures::initTestCase()
{
    m_db = Database::open(m_folder.path());
    std::vector<Row> rows = {
        // Returns: 4 contained (csat 5, 4, 2, unrated), 3 escalated (csat 1, 5, unrated). R1's customer comes
        // back 10 h later in the same category (R9): R1 has a follow-up.
        {QStringLiteral("R1"),
         at("2026-10-10T10:00:00Z"),
         false,
         QStringLiteral("Returns"),
         5,
         QStringLiteral("chat"),
         {},
         {},
         QStringLiteral("A")},
        {QStringLiteral("R2"), at("2026-10-11T10:00:00Z"), false, QStringLiteral("returns"), 4},
        {QStringLiteral("R3"), at("2026-10-12T10:00:00Z"), false, QStringLiteral("Returns"), 2},
        {QStringLiteral("R4"), at("2026-10-13T10:00:00Z"), false, QStringLiteral("Returns"), std::nullopt, QString()},
        {QStringLiteral("R5"), at("2026-10-14T10:00:00Z"), true, QStringLiteral("Returns"), 1, QStringLiteral("chat"),
         QStringLiteral("Care"), QStringLiteral("Ann")},
        {QStringLiteral("R6"), at("2026-10-15T10:00:00Z"), true, QStringLiteral("Returns"), 5, QStringLiteral("chat"),
         QStringLiteral("Care")},
        {QStringLiteral("R9"), at("2026-10-10T20:00:00Z"), true, QStringLiteral("Returns"), std::nullopt,
         QStringLiteral("chat"), QStringLiteral("Care"), QStringLiteral("Ann"), QStringLiteral("A")},
        // Billing: the first instant of October counts; the last of September does not.
        {QStringLiteral("B0"), at("2026-10-01T00:00:00.000Z"), false, QStringLiteral("Billing"), std::nullopt},
        {QStringLiteral("S1"), at("2026-09-30T23:59:59.999Z"), false, QStringLiteral("Billing"), 1},
        // 21:30 at -05:00 on 31 October is 02:30 UTC on 1 November.
        {QStringLiteral("N1"), at("2026-10-31T21:30:00-05:00"), false, QStringLiteral("Returns"), 1},
        {QStringLiteral("N2"), at("2026-11-02T10:00:00Z"), false, QStringLiteral("Zebra"), std::nullopt},
        {QStringLiteral("N3"), at("2026-11-02T11:00:00Z"), false, QString::fromUtf8("Éclair"), std::nullopt},
    };
    // Complaints: 20 kept by the AI (6 satisfied), 20 escalated (16 satisfied): AI 30, agents 80, gap -50.
    for (int i = 0; i < 20; ++i) {
        rows.push_back({QStringLiteral("C-ai-%1").arg(i), at("2026-10-20T10:00:00Z") + i * 60000, false,
                        QStringLiteral("Complaints"), i < 6 ? 5 : 1});
        rows.push_back({QStringLiteral("C-ag-%1").arg(i), at("2026-10-21T10:00:00Z") + i * 60000, true,
                        QStringLiteral("Complaints"), i < 16 ? 5 : 2, QStringLiteral("chat"),
                        QStringLiteral("Customer Care")});
    }
    // Billing: 9 rated on each side (gap -100), too few to flag.
    for (int i = 0; i < 9; ++i) {
        rows.push_back({QStringLiteral("B-ai-%1").arg(i), at("2026-10-22T10:00:00Z") + i * 60000, false,
                        QStringLiteral("Billing"), 1});
        rows.push_back({QStringLiteral("B-ag-%1").arg(i), at("2026-10-23T10:00:00Z") + i * 60000, true,
                        QStringLiteral("Billing"), 5});
    }
    Transaction transaction(*m_db);
    ConversationWriter writer(*m_db);
    for (const Row &row : rows) {
        Conversation c;
        c.conversationId = row.id;
        c.createdAtMsecs = row.created;
        c.escalated = row.escalated;
        c.category = row.category;
        c.csat = row.csat;
        c.channel = row.channel;
        c.team = row.team;
        c.agent = row.agent;
        c.customerId = row.customer;
        writer.write(c);
    }
    recomputeFollowups(*m_db);
    transaction.commit();
    m_october = computePeriodFigures(*m_db, Period::month(2026, 10));
}

void TestPeriodFigures::totals()
{
    // Returns 7 + Complaints 40 + Billing 19 = 66; escalated 3 + 20 + 9 = 32.
    const GroupFigures &total = m_october.total;
    QCOMPARE(total.conversations, 66);
    QCOMPARE(total.escalated, 32);
    QCOMPARE(total.contained(), 34);
    QVERIFY(near(total.escalationRate(), 32.0 / 66.0));
    // Rated 5 + 40 + 18 = 63, satisfied 3 + 22 + 9 = 34.
    QCOMPARE(total.overall.rated, 63);
    QVERIFY(near(total.overall.csat(), 100.0 * 34 / 63));
    // AI: rated 3 + 20 + 9 = 32, satisfied 2 + 6 + 0 = 8 -> 25; agents: 2 + 20 + 9 = 31 rated, 1 + 16 + 9 = 26.
    QVERIFY(near(total.ai.csat(), 25.0));
    QVERIFY(near(total.agent.csat(), 100.0 * 26 / 31));
    QVERIFY(near(total.csatGap(), 25.0 - 100.0 * 26 / 31));
}

void TestPeriodFigures::categories()
{
    const auto &categories = m_october.byCategory;
    QCOMPARE(categories.size(), size_t(3));
    QCOMPARE(categories[0].name, QStringLiteral("Complaints"));
    QCOMPARE(categories[1].name, QStringLiteral("Billing"));
    QCOMPARE(categories[2].name, QStringLiteral("Returns")); // "returns" is the same category, first spelling shown
    const GroupFigures &returns = categories[2];
    QCOMPARE(returns.conversations, 7);
    QCOMPARE(returns.escalated, 3);
    QVERIFY(near(returns.ai.csat(), 100.0 * 2 / 3));
    QVERIFY(near(returns.agent.csat(), 50.0));
    QVERIFY(near(returns.csatGap(), 100.0 * 2 / 3 - 50.0));
}

void TestPeriodFigures::csatFlagBothWays()
{
    const auto &categories = m_october.byCategory;
    // Complaints: gap -50 <= -10 and 6/20 against 16/20 gives p = 0.0016 < 0.05: flagged.
    QVERIFY(near(categories[0].csatGap(), -50.0));
    QVERIFY(categories[0].csatFlag);
    // Billing: a gap of -100 but 9 rated on each side: not flagged.
    QVERIFY(near(categories[1].csatGap(), -100.0));
    QVERIFY(!categories[1].csatFlag);
    // Returns: the AI does better: not flagged.
    QVERIFY(!categories[2].csatFlag);
    // A larger threshold unflags Complaints.
    const PeriodFigures strict = computePeriodFigures(*m_db, Period::month(2026, 10), 60);
    QVERIFY(!strict.byCategory[0].csatFlag);
}

void TestPeriodFigures::followups()
{
    // One contained conversation (R1) has a follow-up: 1 of 34 overall, 1 of 4 in Returns.
    QCOMPARE(m_october.total.containedWithFollowup, 1);
    QVERIFY(near(m_october.total.followupRateAi(), 1.0 / 34));
    QVERIFY(near(m_october.byCategory[2].followupRateAi(), 0.25));
    QVERIFY(near(m_october.byCategory[0].followupRateAi(), 0.0));
}

void TestPeriodFigures::breakdownsGroupMissingValues()
{
    // Teams: (none) 66 - 3 - 20 = 43, Customer Care 20, Care 3.
    const auto &teams = m_october.byTeam;
    QCOMPARE(teams.size(), size_t(3));
    QCOMPARE(teams[0].name, noneGroupName());
    QCOMPARE(teams[0].conversations, 43);
    QCOMPARE(teams[1].name, QStringLiteral("Customer Care"));
    QCOMPARE(teams[2].name, QStringLiteral("Care"));
    QCOMPARE(teams[2].conversations, 3);
    // Channels: R4 has none.
    QCOMPARE(m_october.byChannel.size(), size_t(2));
    QCOMPARE(m_october.byChannel[1].name, noneGroupName());
    QCOMPARE(m_october.byChannel[1].conversations, 1);
    // Agents: Ann took R5 and R9.
    QCOMPARE(m_october.byAgent[1].name, QStringLiteral("Ann"));
    QCOMPARE(m_october.byAgent[1].conversations, 2);
    QCOMPARE(&m_october.groups(Breakdown::Agent), &m_october.byAgent);
}

void TestPeriodFigures::monthsAreUtcAndNamesInCodePointOrder()
{
    const PeriodFigures november = computePeriodFigures(*m_db, Period::month(2026, 11));
    QCOMPARE(november.total.conversations, 3);
    // One each: by name in code point order, "É" (U+00C9) after "Z".
    QCOMPARE(november.byCategory[0].name, QStringLiteral("Returns"));
    QCOMPARE(november.byCategory[1].name, QStringLiteral("Zebra"));
    QCOMPARE(november.byCategory[2].name, QString::fromUtf8("Éclair"));
    const PeriodFigures week = computePeriodFigures(*m_db, *Period::parse(QStringLiteral("2026-W44")));
    // ISO week 44 of 2026 runs 26 October to 1 November: N1 (1 Nov 02:30 UTC) is in it.
    QCOMPARE(week.total.conversations, 1);
}

void TestPeriodFigures::emptyPeriodIsNotAnError()
{
    const PeriodFigures empty = computePeriodFigures(*m_db, Period::month(2025, 1));
    QCOMPARE(empty.total.conversations, 0);
    QVERIFY(!empty.total.escalationRate());
    QVERIFY(!empty.total.overall.csat());
    QVERIFY(!empty.total.csatGap());
    QVERIFY(!empty.total.followupRateAi());
    QVERIFY(!empty.total.csatFlag);
    QVERIFY(empty.byCategory.empty());
}

QTEST_GUILESS_MAIN(TestPeriodFigures)
#include "tst_periodfigures.moc"
