// Hand-computed expectations for the statistics of METRICS.md (worked with z = 1.959964).
#include "metrics/Statistics.h"

#include <QTest>

#include <cmath>

using namespace workbench;
using namespace workbench::stats;

namespace {

bool near(double actual, double expected, double tolerance = 1e-9)
{
    return std::fabs(actual - expected) <= tolerance;
}

} // namespace

class TestStatistics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wilsonKnownValues_data();
    void wilsonKnownValues();
    void wilsonEdges();
    void precisionIsTheComplement();
    void recallTakesTheWorstAndBestEnds();
    void marginPlanner_data();
    void marginPlanner();
    void twoProportionTest();
    void kappaOnAKnownTable();
    void kappaIsNullWhenChanceAgreementIsOne();
};

void TestStatistics::wilsonKnownValues_data()
{
    QTest::addColumn<qint64>("successes");
    QTest::addColumn<qint64>("trials");
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::newRow("20 of 100") << qint64(20) << qint64(100) << 0.13336693289714838 << 0.2888291663642495;
    QTest::newRow("3 of 50") << qint64(3) << qint64(50) << 0.020614970188436152 << 0.16217091796874428;
}

void TestStatistics::wilsonKnownValues()
{
    QFETCH(qint64, successes);
    QFETCH(qint64, trials);
    QFETCH(double, lo);
    QFETCH(double, hi);
    const Estimate estimate = wilson(successes, trials);
    QVERIFY(near(*estimate.value, double(successes) / double(trials)));
    QVERIFY2(near(*estimate.lo, lo, 1e-12), qPrintable(QString::number(*estimate.lo, 'g', 17)));
    QVERIFY2(near(*estimate.hi, hi, 1e-12), qPrintable(QString::number(*estimate.hi, 'g', 17)));
}

void TestStatistics::wilsonEdges()
{
    // 0/n: the lower end is exactly 0; n/n: the upper end exactly 1; n = 0: null, never 0.
    const Estimate none = wilson(0, 10);
    QCOMPARE(*none.value, 0.0);
    QCOMPARE(*none.lo, 0.0);
    QVERIFY(near(*none.hi, 0.2775328030260577, 1e-12));
    const Estimate all = wilson(10, 10);
    QCOMPARE(*all.value, 1.0);
    QCOMPARE(*all.hi, 1.0);
    QVERIFY(near(*all.lo, 0.7224671969739421, 1e-12));
    QCOMPARE(wilson(0, 0), Estimate{});
}

void TestStatistics::precisionIsTheComplement()
{
    const Estimate f = wilson(20, 100);
    const Estimate precision = complement(f);
    QVERIFY(near(*precision.value, 0.8));
    QVERIFY(near(*precision.lo, 1.0 - 0.2888291663642495, 1e-12));
    QVERIFY(near(*precision.hi, 1.0 - 0.13336693289714838, 1e-12));
    QCOMPARE(complement(Estimate{}), Estimate{});
}

void TestStatistics::recallTakesTheWorstAndBestEnds()
{
    // E = 1,250 escalated, C = 3,750 contained; f = 0.2 [0.1, 0.3], m = 0.04 [0.02, 0.08].
    const Estimate f{0.2, 0.1, 0.3};
    const Estimate m{0.04, 0.02, 0.08};
    const Estimate recall = escalationRecall(1250, 3750, f, m);
    QVERIFY(near(*recall.value, 1000.0 / (1000.0 + 150.0)));
    QVERIFY(near(*recall.lo, 875.0 / (875.0 + 300.0)));  // f_hi, m_hi
    QVERIFY(near(*recall.hi, 1125.0 / (1125.0 + 75.0))); // f_lo, m_lo
    QCOMPARE(escalationRecall(1250, 3750, Estimate{}, m), Estimate{});
    QCOMPARE(escalationRecall(0, 0, f, m), (Estimate{std::nullopt, std::nullopt, std::nullopt}));
}

void TestStatistics::marginPlanner_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("margin");
    QTest::addColumn<qint64>("reviews");
    QTest::newRow("nothing reviewed: p = 0.5, +/-5 points") << 0.5 << 0.05 << qint64(381);
    QTest::newRow("p = 0.2, +/-5 points") << 0.2 << 0.05 << qint64(245);
    QTest::newRow("p = 0.06, +/-5 points") << 0.06 << 0.05 << qint64(95);
    QTest::newRow("p = 0.5, +/-3 points") << 0.5 << 0.03 << qint64(1064);
}

void TestStatistics::marginPlanner()
{
    QFETCH(double, rate);
    QFETCH(double, margin);
    QFETCH(qint64, reviews);
    QCOMPARE(reviewsNeeded(rate, margin), reviews);
    QVERIFY(wilsonHalfWidth(rate, reviews) <= margin);
    QVERIFY(wilsonHalfWidth(rate, reviews - 1) > margin);
}

void TestStatistics::twoProportionTest()
{
    // 40/100 against 60/100: pooled 0.5, z = -2.828427, p = 0.004678.
    QVERIFY(near(twoProportionPValue(40, 100, 60, 100), 0.00467773498104728, 1e-12));
    QVERIFY(near(twoProportionPValue(50, 100, 50, 100), 1.0));
    QCOMPARE(twoProportionPValue(0, 10, 0, 12), 1.0); // nothing satisfied on either side
    QCOMPARE(twoProportionPValue(3, 0, 1, 5), 1.0);
}

void TestStatistics::kappaOnAKnownTable()
{
    // A 2x2 table: both "yes" 20, A yes/B no 5, A no/B yes 10, both "no" 15. p_o = 0.7; A says yes 0.5, B 0.6;
    // p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = (0.7 - 0.5) / 0.5 = 0.4.
    std::vector<QString> a;
    std::vector<QString> b;
    auto add = [&](int count, const char *x, const char *y) {
        for (int i = 0; i < count; ++i) {
            a.push_back(QString::fromLatin1(x));
            b.push_back(QString::fromLatin1(y));
        }
    };
    add(20, "false_escalation", "false_escalation");
    add(5, "false_escalation", "correct_escalation");
    add(10, "correct_escalation", "false_escalation");
    add(15, "correct_escalation", "correct_escalation");
    QVERIFY(near(*cohensKappa(a, b), 0.4, 1e-12));
    QVERIFY(near(*cohensKappa(a, a), 1.0, 1e-12));
}

void TestStatistics::kappaIsNullWhenChanceAgreementIsOne()
{
    const std::vector<QString> same(12, QStringLiteral("correct_escalation"));
    QVERIFY(!cohensKappa(same, same));
    QVERIFY(!cohensKappa({}, {}));
}

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
