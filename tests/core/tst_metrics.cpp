// The metrics engine against a workspace whose every figure was worked out by hand (METRICS.md), and
// the keys of metrics --json (CLI.md).
#include "TestSupport.h"
#include "common/WorkbenchError.h"
#include "metrics/DrillDown.h"
#include "metrics/HeadlineFigures.h"
#include "metrics/MetricsReport.h"
#include "metrics/Trend.h"
#include "report/MetricsJson.h"
#include "store/ConversationWriter.h"
#include "store/Database.h"
#include "store/DerivedFacts.h"
#include "store/Sql.h"
#include "store/Transaction.h"
#include "store/WorkspaceFacts.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>

using namespace workbench;

namespace {

bool near(const std::optional<double> &actual, double expected, double tolerance = 1e-9)
{
    return actual && std::fabs(*actual - expected) <= tolerance;
}

const qint64 kOctober = QDateTime(QDate(2026, 10, 5), QTime(9, 0), QTimeZone::utc()).toMSecsSinceEpoch();
const qint64 kSeptember = QDateTime(QDate(2026, 9, 5), QTime(9, 0), QTimeZone::utc()).toMSecsSinceEpoch();

class Builder {
public:
    explicit Builder(Database &db) : m_db(db), m_writer(db) {}

    qint64 conversation(const QString &id, qint64 created, bool escalated, const QString &category,
                        std::optional<double> confidence = std::nullopt)
    {
        Conversation c;
        c.conversationId = id;
        c.createdAtMsecs = created;
        c.escalated = escalated;
        c.category = category;
        c.aiConfidence = confidence;
        m_writer.write(c);
        return m_writer.lastRowId();
    }
    qint64 sample(const QString &population, const QString &method)
    {
        sql::run(m_db.sql(),
                 QStringLiteral("INSERT INTO samples (period, population, method, seed, requested_size, created_at)"
                                " VALUES ('2026-10', :population, :method, 7, 50, 0)"),
                 {{":population", population}, {":method", method}});
        return sql::scalar(m_db.sql(), QStringLiteral("SELECT max(id) FROM samples")).toLongLong();
    }
    void addToSample(qint64 sample, qint64 rowId)
    {
        sql::run(
            m_db.sql(),
            QStringLiteral("INSERT INTO sample_items (sample_id, position, conversation_ref)"
                           " VALUES (:sample, (SELECT count(*) FROM sample_items WHERE sample_id = :sample), :row)"),
            {{":sample", sample}, {":row", rowId}});
    }
    void tag(qint64 rowId, const QString &reviewer, const QString &verdict, qint64 at)
    {
        sql::run(m_db.sql(),
                 QStringLiteral("INSERT INTO tags (conversation_ref, reviewer, verdict, tagged_at) VALUES (:row, "
                                ":reviewer, :verdict, :at)"),
                 {{":row", rowId}, {":reviewer", reviewer}, {":verdict", verdict}, {":at", at}});
    }

private:
    Database &m_db;
    ConversationWriter m_writer;
};

} // namespace

class TestMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void counts();
    void estimatesComeFromRandomSamplesOnly();
    void precisionRecallAndEstimatedCounts();
    void workedExampleCosts();
    void marginPlannerAndBenchmark();
    void topThreeTieBreaksAndRecommendations();
    void reviewerAgreement();
    void thresholdCurve();
    void baseline();
    void latestTagWinsAndTiesGoToTheTagStoredLast();
    void jsonHasEveryKey();
    void emptyPeriod();
    void monthlyTrendAgreesWithThePeriod();
    void drillDownListsTheConversationsBehindAFigure();
    void eventsAreEditable();
    void headlineFiguresAgainstBaselineAndTarget();

private:
    test::TempFolder m_folder;
    std::unique_ptr<Database> m_db;
    MetricsReport m_report;
};

void TestMetrics::initTestCase()
{
    m_db = Database::open(m_folder.path());
    Transaction transaction(*m_db);
    Builder b(*m_db);
    const qint64 escalatedSample = b.sample(QStringLiteral("escalated"), QStringLiteral("random"));
    const qint64 containedSample = b.sample(QStringLiteral("contained"), QStringLiteral("random"));
    const qint64 targeted = b.sample(QStringLiteral("contained"), QStringLiteral("targeted"));
    // October: 5,000 conversations, 1,250 escalated. The escalated random sample: 50 reviewed by Gil, 10 false:
    // Alpha 10/4, Aardvark 5/2, Beta 5/2, Gamma 10/1, Delta 4/1 (too few reviews for the top 3), Epsilon 16/0.
    struct Slice {
        const char *category;
        int reviewed;
        int falseOnes;
    };
    int n = 0;
    for (const Slice &slice : {Slice{"Alpha", 10, 4}, Slice{"Aardvark", 5, 2}, Slice{"Beta", 5, 2},
                               Slice{"Gamma", 10, 1}, Slice{"Delta", 4, 1}, Slice{"Epsilon", 16, 0}}) {
        for (int i = 0; i < slice.reviewed; ++i) {
            const bool isFalse = i < slice.falseOnes;
            const int index = n++;
            const qint64 row =
                b.conversation(QStringLiteral("E-%1").arg(index, 4, 10, QLatin1Char('0')), kOctober + index, true,
                               QString::fromLatin1(slice.category), isFalse ? 0.8 : 0.3);
            b.addToSample(escalatedSample, row);
            b.tag(row, QStringLiteral("Gil"),
                  isFalse ? QStringLiteral("false_escalation") : QStringLiteral("correct_escalation"), 1000 + n);
        }
    }
    // The first conversation of Gamma: Fay said false before Gil said correct; Gil's later tag is the verdict.
    b.tag(sql::scalar(m_db->sql(),
                      QStringLiteral("SELECT id FROM conversations WHERE category_id = (SELECT id FROM dimensions"
                                     " WHERE name = 'Gamma') ORDER BY id DESC LIMIT 1"))
              .toLongLong(),
          QStringLiteral("Fay"), QStringLiteral("false_escalation"), 1);
    // Five more escalated conversations tagged false while browsing (in no sample): never extrapolated.
    for (int i = 0; i < 5; ++i)
        b.tag(b.conversation(QStringLiteral("E-browse-%1").arg(i), kOctober, true, QStringLiteral("Epsilon")),
              QStringLiteral("Gil"), QStringLiteral("false_escalation"), 5000);
    for (int i = n + 5; i < 1250; ++i)
        b.conversation(QStringLiteral("E-%1").arg(i, 4, 10, QLatin1Char('0')), kOctober, true,
                       QStringLiteral("Epsilon"));
    // The contained random sample: 60 reviewed by Dana, 3 missed. Eli reviewed 12 of them earlier: 2 of
    // Dana's missed and 8 of her correct ones alike, one each the other way.
    for (int i = 0; i < 60; ++i) {
        const bool missed = i < 3;
        const qint64 row = b.conversation(QStringLiteral("K-%1").arg(i, 4, 10, QLatin1Char('0')), kOctober, false,
                                          QStringLiteral("Epsilon"), missed ? 0.2 : 0.9);
        b.addToSample(containedSample, row);
        b.tag(row, QStringLiteral("Dana"),
              missed ? QStringLiteral("missed_escalation") : QStringLiteral("correct_resolution"), 9000 + i);
        if (i < 12) {
            const bool eliSaysMissed = (i < 2) || i == 3; // agrees on K-0000, K-0001; differs on K-0002 and K-0003
            b.tag(row, QStringLiteral("Eli"),
                  eliSaysMissed ? QStringLiteral("missed_escalation") : QStringLiteral("correct_resolution"), 100 + i);
        }
    }
    // A targeted sample of 20 contained conversations, all missed: counted, never extrapolated.
    for (int i = 0; i < 20; ++i) {
        const qint64 row = b.conversation(QStringLiteral("T-%1").arg(i, 4, 10, QLatin1Char('0')), kOctober, false,
                                          QStringLiteral("Epsilon"));
        b.addToSample(targeted, row);
        b.tag(row, QStringLiteral("Hal"), QStringLiteral("missed_escalation"), 7000);
    }
    for (int i = 80; i < 3750; ++i)
        b.conversation(QStringLiteral("K-%1").arg(i, 4, 10, QLatin1Char('0')), kOctober, false,
                       QStringLiteral("Epsilon"));
    // September, the baseline: 100 conversations, 10 escalated, nothing reviewed.
    for (int i = 0; i < 100; ++i)
        b.conversation(QStringLiteral("S-%1").arg(i), kSeptember, i < 10, QStringLiteral("Epsilon"));
    recomputeFollowups(*m_db);
    transaction.commit();
    m_report = computeMetrics(*m_db, Period::month(2026, 10));
}

void TestMetrics::counts()
{
    const Headline &h = m_report.headline;
    QCOMPARE(h.total.conversations, 5000);
    QCOMPARE(h.total.escalated, 1250);
    QCOMPARE(h.total.contained(), 3750);
    QVERIFY(near(h.total.escalationRate(), 0.25));
    QCOMPARE(h.total.reviews.reviewedEscalated, 50);
    QCOMPARE(h.total.reviews.reviewedContained, 60);
    QCOMPARE(h.total.reviews.falseEscalations, 10);
    QCOMPARE(h.total.reviews.missedEscalations, 3);
}

void TestMetrics::estimatesComeFromRandomSamplesOnly()
{
    const Headline &h = m_report.headline;
    // 5 browsing tags and 20 targeted reviews: counted and listed, never in f or m.
    QCOMPARE(h.targetedReviewed, 25);
    QCOMPARE(h.targetedMissed, 20);
    QVERIFY(near(h.falseRate.value, 0.2));
    QVERIFY(near(h.falseRate.lo, 0.11243749964234825, 1e-12));
    QVERIFY(near(h.falseRate.hi, 0.33037106046482023, 1e-12));
    QVERIFY(near(h.missedRate.value, 0.05));
    QVERIFY(near(h.missedRate.lo, 0.01714950203090107, 1e-12));
    QVERIFY(near(h.missedRate.hi, 0.1370051656999034, 1e-12));
}

void TestMetrics::precisionRecallAndEstimatedCounts()
{
    const Headline &h = m_report.headline;
    QVERIFY(near(h.precision.value, 0.8));
    QVERIFY(near(h.precision.lo, 1 - 0.33037106046482023, 1e-12));
    QVERIFY(near(h.precision.hi, 1 - 0.11243749964234825, 1e-12));
    QVERIFY(near(h.recall.value, 0.8421052631578947, 1e-12));
    QVERIFY(near(h.recall.lo, 0.6196570461422019, 1e-12));
    QVERIFY(near(h.recall.hi, 0.9452099009071377, 1e-12));
    QVERIFY(near(h.falseEscalationsEstimate, 250.0));
    QVERIFY(near(h.missedEscalationsEstimate, 187.5));
}

void TestMetrics::workedExampleCosts()
{
    // METRICS.md: 1,250 escalated, f = 20 %: 3,000.00 a month; 5 points less saves 750.00 a month, 9,000.00 a year.
    const Headline &h = m_report.headline;
    QCOMPARE(QString::number(*h.cost.falseEscalationCost, 'f', 2), QStringLiteral("3000.00"));
    QCOMPARE(QString::number(h.cost.monthly, 'f', 2), QStringLiteral("750.00"));
    QCOMPARE(QString::number(h.cost.yearly, 'f', 2), QStringLiteral("9000.00"));
    QCOMPARE(h.currency, QStringLiteral("USD"));
}

void TestMetrics::marginPlannerAndBenchmark()
{
    const Headline &h = m_report.headline;
    QCOMPARE(h.reviewsNeededEscalated, 245); // at f = 0.2
    QCOMPARE(h.reviewsNeededContained, 83);  // at m = 0.05
    QCOMPARE(h.benchmark.name, QStringLiteral("general"));
    QCOMPARE(h.benchmarkPosition, QStringLiteral("above"));
}

void TestMetrics::topThreeTieBreaksAndRecommendations()
{
    // f 0.4 for Alpha (4 false), Aardvark and Beta (2 each): count, then name, break the ties. Delta's 0.25
    // rests on 4 reviews, under min_reviewed (5).
    QCOMPARE(m_report.topFalseCategories,
             (QStringList{QStringLiteral("Alpha"), QStringLiteral("Aardvark"), QStringLiteral("Beta")}));
    QCOMPARE(m_report.recommendations.size(), size_t(3));
    QCOMPARE(m_report.recommendations[0].category, QStringLiteral("Alpha"));
    QCOMPARE(m_report.recommendations[0].action, QStringLiteral("escalate_less"));
    QVERIFY(m_report.recommendations[0].why.contains(QStringLiteral("4 of 10 reviewed escalations were false")));
}

void TestMetrics::reviewerAgreement()
{
    // Only Dana and Eli share 10 or more conversations (12). Agreement 10/12; each says missed on 3 of 12:
    // chance 0.25^2 + 0.75^2 = 0.625; kappa = (0.8333 - 0.625) / 0.375 = 5/9.
    QCOMPARE(m_report.agreement.size(), size_t(1));
    const ReviewerAgreement &pair = m_report.agreement.front();
    QCOMPARE(pair.first, QStringLiteral("Dana"));
    QCOMPARE(pair.second, QStringLiteral("Eli"));
    QCOMPARE(pair.common, 12);
    QVERIFY(near(pair.kappa, 5.0 / 9.0, 1e-12));
    QCOMPARE(pair.disagreements, (QStringList{QStringLiteral("K-0002"), QStringLiteral("K-0003")}));
}

void TestMetrics::thresholdCurve()
{
    // Weights: an escalated review stands for 1,250 / 50 = 25, a contained one for 3,750 / 60 = 62.5.
    // Needed: 40 correct escalations (confidence 0.3) and 3 missed (0.2): 1,000 + 187.5.
    QVERIFY(m_report.thresholdCurve);
    const auto &curve = *m_report.thresholdCurve;
    QCOMPARE(curve.size(), size_t(101));
    QVERIFY(!curve[0].precision); // t = 0: nothing escalates
    QVERIFY(near(curve[0].recall, 0.0));
    QVERIFY(near(curve[25].precision, 1.0)); // t = 0.25: the 3 missed only
    QVERIFY(near(curve[25].recall, 187.5 / 1187.5));
    QVERIFY(near(curve[50].precision, 1.0));
    QVERIFY(near(curve[50].recall, 1.0));
    QVERIFY(near(curve[85].precision, 1187.5 / 1437.5));  // + the 10 false escalations (0.8)
    QVERIFY(near(curve[100].precision, 1187.5 / 5000.0)); // + 57 correct resolutions (0.9)
    QVERIFY(near(curve[100].recall, 1.0));
}

void TestMetrics::baseline()
{
    QCOMPARE(m_report.baselinePeriod.key(), QStringLiteral("2026-09"));
    QVERIFY(m_report.baseline);
    QCOMPARE(m_report.baseline->total.conversations, 100);
    QVERIFY(near(m_report.baseline->total.escalationRate(), 0.1));
    QCOMPARE(m_report.baseline->benchmarkPosition, QStringLiteral("within")); // 0.05 <= 0.10 <= 0.10
    QVERIFY(!m_report.baseline->falseRate.value);
    // A baseline month without conversations is null.
    const MetricsReport september = computeMetrics(*m_db, Period::month(2026, 9));
    QVERIFY(!september.baseline);
}

void TestMetrics::latestTagWinsAndTiesGoToTheTagStoredLast()
{
    const test::TempFolder folder;
    auto db = Database::open(folder.path());
    Builder b(*db);
    const qint64 sample = b.sample(QStringLiteral("escalated"), QStringLiteral("random"));
    const qint64 first = b.conversation(QStringLiteral("X1"), kOctober, true, QStringLiteral("Alpha"));
    const qint64 second = b.conversation(QStringLiteral("X2"), kOctober, true, QStringLiteral("Alpha"));
    b.addToSample(sample, first);
    b.addToSample(sample, second);
    b.tag(first, QStringLiteral("Ann"), QStringLiteral("correct_escalation"), 2000); // the later tag...
    b.tag(first, QStringLiteral("Bob"), QStringLiteral("false_escalation"), 1000);   // ...stored after an earlier one
    b.tag(second, QStringLiteral("Ann"), QStringLiteral("correct_escalation"), 3000);
    b.tag(second, QStringLiteral("Bob"), QStringLiteral("false_escalation"), 3000); // same instant, stored last: wins
    const MetricsReport report = computeMetrics(*db, Period::month(2026, 10));
    QCOMPARE(report.headline.total.reviews.reviewedEscalated, 2);
    QCOMPARE(report.headline.total.reviews.falseEscalations, 1); // X2 only
    QCOMPARE(report.figures.reviewed[0].verdict, QStringLiteral("correct_escalation"));
    QCOMPARE(report.figures.reviewed[1].verdict, QStringLiteral("false_escalation"));
}

void TestMetrics::jsonHasEveryKey()
{
    const QJsonObject json = metricsJson(m_report);
    const char *keys[] = {"period",
                          "conversations",
                          "escalated",
                          "contained",
                          "escalation_rate",
                          "overall_csat",
                          "ai_csat",
                          "agent_csat",
                          "csat_gap",
                          "followup_rate_ai",
                          "reviewed_escalated",
                          "reviewed_contained",
                          "false_escalations_reviewed",
                          "missed_escalations_reviewed",
                          "targeted_reviewed",
                          "targeted_missed",
                          "false_escalation_rate",
                          "missed_escalation_rate",
                          "precision",
                          "recall",
                          "false_escalations_est",
                          "missed_escalations_est",
                          "cost",
                          "whatif",
                          "margin_planner",
                          "benchmark",
                          "by_category",
                          "by_channel",
                          "by_team",
                          "by_agent",
                          "top_false_categories",
                          "recommendations",
                          "baseline",
                          "agreement",
                          "threshold_curve"};
    for (const char *key : keys)
        QVERIFY2(json.contains(QLatin1String(key)), key);
    QCOMPARE(json.value(QStringLiteral("false_escalation_rate")).toObject().keys(),
             (QStringList{QStringLiteral("hi"), QStringLiteral("lo"), QStringLiteral("value")}));
    for (const char *key : {"agent_cost", "ai_cost", "currency", "false_escalation_cost", "false_escalation_net_cost"})
        QVERIFY2(json.value(QStringLiteral("cost")).toObject().contains(QLatin1String(key)), key);
    for (const char *key : {"cut_points", "monthly", "yearly", "monthly_net", "yearly_net"})
        QVERIFY2(json.value(QStringLiteral("whatif")).toObject().contains(QLatin1String(key)), key);
    const QJsonObject category = json.value(QStringLiteral("by_category")).toArray().first().toObject();
    for (const char *key :
         {"name", "conversations", "escalated", "escalation_rate", "ai_csat", "agent_csat", "csat_gap", "csat_flag",
          "followup_rate_ai", "reviewed_escalated", "reviewed_contained", "false_escalations_reviewed",
          "missed_escalations_reviewed", "false_escalation_rate", "missed_escalation_rate"})
        QVERIFY2(category.contains(QLatin1String(key)), key);
    // Null, never 0, for what cannot be computed (nothing rated here).
    QVERIFY(json.value(QStringLiteral("ai_csat")).isNull());
    QCOMPARE(json.value(QStringLiteral("threshold_curve")).toArray().size(), 101);
    QCOMPARE(json.value(QStringLiteral("baseline")).toObject().value(QStringLiteral("period")).toString(),
             QStringLiteral("2026-09"));
    QCOMPARE(json.value(QStringLiteral("agreement"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("reviewers"))
                 .toArray(),
             (QJsonArray{QStringLiteral("Dana"), QStringLiteral("Eli")}));
}

void TestMetrics::emptyPeriod()
{
    const MetricsReport report = computeMetrics(*m_db, Period::month(2025, 3));
    const QJsonObject json = metricsJson(report);
    QCOMPARE(json.value(QStringLiteral("conversations")).toInt(), 0);
    QVERIFY(json.value(QStringLiteral("escalation_rate")).isNull());
    QVERIFY(json.value(QStringLiteral("false_escalation_rate")).toObject().value(QStringLiteral("value")).isNull());
    QVERIFY(json.value(QStringLiteral("precision")).toObject().value(QStringLiteral("lo")).isNull());
    QVERIFY(json.value(QStringLiteral("benchmark")).toObject().value(QStringLiteral("position")).isNull());
    QVERIFY(json.value(QStringLiteral("baseline")).isNull());
    QVERIFY(json.value(QStringLiteral("threshold_curve")).isNull());
}

void TestMetrics::monthlyTrendAgreesWithThePeriod()
{
    const std::vector<TrendMonth> trend = computeMonthlyTrend(*m_db);
    QCOMPARE(trend.size(), size_t(2)); // September and October
    QCOMPARE(trend[0].month, Period::month(2026, 9));
    QCOMPARE(trend[0].figures.conversations, 100);
    QCOMPARE(trend[0].figures.escalated, 10);
    QCOMPARE(trend[0].figures.reviews.reviewedEscalated, 0);
    const GroupFigures &october = trend[1].figures;
    const Headline &h = m_report.headline;
    // The same counts, hence the same estimates, as the period's own figures.
    QCOMPARE(october.conversations, h.total.conversations);
    QCOMPARE(october.escalated, h.total.escalated);
    QCOMPARE(october.reviews.reviewedEscalated, h.total.reviews.reviewedEscalated);
    QCOMPARE(october.reviews.reviewedContained, h.total.reviews.reviewedContained);
    QCOMPARE(october.reviews.falseEscalations, h.total.reviews.falseEscalations);
    QCOMPARE(october.reviews.missedEscalations, h.total.reviews.missedEscalations);
    QVERIFY(october.precision() == h.precision);
    QVERIFY(october.recall() == h.recall);
}

void TestMetrics::drillDownListsTheConversationsBehindAFigure()
{
    DrillDownRequest request;
    request.period = Period::month(2026, 10);
    request.breakdown = Breakdown::Category;
    request.group = QStringLiteral("Alpha");
    const DrillDown alpha = drillDown(*m_db, request);
    QCOMPARE(alpha.total, 10);
    QCOMPARE(alpha.rows.size(), size_t(10));
    QCOMPARE(alpha.rows.front().category, QStringLiteral("Alpha"));
    request.reviewedOnly = true;
    request.verdict = QStringLiteral("false_escalation");
    QCOMPARE(drillDown(*m_db, request).total, 4);
    // Every escalated conversation of the month, capped rows but the full count.
    DrillDownRequest escalated;
    escalated.period = Period::month(2026, 10);
    escalated.escalated = true;
    escalated.limit = 100;
    const DrillDown all = drillDown(*m_db, escalated);
    QCOMPARE(all.total, m_report.headline.total.escalated);
    QCOMPARE(all.rows.size(), size_t(100));
    // A missing channel is the group "(none)".
    DrillDownRequest none;
    none.period = Period::month(2026, 10);
    none.breakdown = Breakdown::Channel;
    none.group = noneGroupName();
    QCOMPARE(drillDown(*m_db, none).total, m_report.headline.total.conversations);
}

void TestMetrics::eventsAreEditable()
{
    auto db = Database::open(m_folder.path(QStringLiteral("events.ewb")));
    const qint64 id =
        addEvent(*db, QDate(2026, 9, 14), QStringLiteral("policy_change"), QStringLiteral(" Returns policy v2 "));
    addEvent(*db, QDate(2026, 8, 1), QString(), QStringLiteral("Launch"));
    std::vector<WorkspaceEvent> events = listEvents(*db);
    QCOMPARE(events.size(), size_t(2));
    QCOMPARE(events[0].kind, QStringLiteral("other"));
    QCOMPARE(events[1].label, QStringLiteral("Returns policy v2"));
    QVERIFY_THROWS_EXCEPTION(WorkbenchError, addEvent(*db, QDate(), QString(), QStringLiteral("x")));
    QVERIFY_THROWS_EXCEPTION(WorkbenchError, addEvent(*db, QDate(2026, 1, 1), QString(), QStringLiteral(" ")));
    removeEvent(*db, id);
    QCOMPARE(listEvents(*db).size(), size_t(1));
}

void TestMetrics::headlineFiguresAgainstBaselineAndTarget()
{
    const std::vector<HeadlineFigure> figures = headlineFigures(m_report);
    QCOMPARE(figures.front().key, QStringLiteral("escalation_rate"));
    // 25 % against September's 10 %: +15 points, the wrong way for an escalation rate.
    QVERIFY(near(figures.front().value, 0.25));
    QVERIFY(near(figures.front().baseline, 0.10));
    QVERIFY(near(figures.front().change, 15.0, 1e-9));
    QCOMPARE(figures.front().improved(), std::optional<bool>(false));
    QCOMPARE(figureChangeText(figures.front(), QStringLiteral("USD")), QStringLiteral("+15.0 points"));
    // The false-escalation rate is an estimate with its interval; September was not reviewed: no change.
    const auto falseRate = std::find_if(figures.begin(), figures.end(), [](const HeadlineFigure &f) {
        return f.key == QLatin1String("false_escalation_rate");
    });
    QVERIFY(falseRate != figures.end());
    QVERIFY(falseRate->estimated);
    QVERIFY(near(falseRate->lo, 0.11243749964234825, 1e-12));
    QVERIFY(!falseRate->change);
    QCOMPARE(figureValueText(*falseRate, QStringLiteral("USD"), true), QStringLiteral("20.0 % [11.2 %, 33.0 %]"));
    // A target of the quarter: met when at or below it for a rate where lower is better.
    MetricsReport withTarget = m_report;
    withTarget.targets.push_back({QStringLiteral("target.escalation_rate"), 0.30, 0.25});
    QCOMPARE(headlineFigures(withTarget).front().onTarget(), std::optional<bool>(true));
    withTarget.targets.back().target = 0.20;
    QCOMPARE(headlineFigures(withTarget).front().onTarget(), std::optional<bool>(false));
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
