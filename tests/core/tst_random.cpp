#include "common/Random.h"

#include <QTest>

#include <array>

using namespace workbench;

class TestRandom : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameSeedSameSequence();
    void knownFirstValues();
    void belowStaysInRangeAndCoversIt();
    void weightedFollowsWeights();
};

void TestRandom::sameSeedSameSequence()
{
    Random a(42);
    Random b(42);
    Random c(43);
    bool differs = false;
    for (int i = 0; i < 1000; ++i) {
        const quint64 x = a.next();
        QCOMPARE(x, b.next());
        differs |= x != c.next();
    }
    QVERIFY(differs);
}

void TestRandom::knownFirstValues()
{
    // Pinned to a reference implementation of xoshiro256** seeded by SplitMix64: a change of the generator
    // would change every stored seed's sample, so it must not pass unnoticed.
    Random rng(1);
    QCOMPARE(rng.next(), 0xb3f2af6d0fc710c5ULL);
    QCOMPARE(rng.next(), 0x853b559647364ceaULL);
    QCOMPARE(rng.next(), 0x92f89756082a4514ULL);
    QCOMPARE(Random::forItem(5, 9).next(), 0x0fccbc170d95c447ULL);
    QCOMPARE(Random::forItem(5, 9).next(), Random::forItem(5, 9).next());
    QVERIFY(Random::forItem(5, 9).next() != Random::forItem(5, 10).next());
}

void TestRandom::belowStaysInRangeAndCoversIt()
{
    Random rng(7);
    std::array<int, 7> seen{};
    for (int i = 0; i < 7000; ++i) {
        const quint64 value = rng.below(7);
        QVERIFY(value < 7);
        ++seen[value];
    }
    for (int count : seen)
        QVERIFY2(count > 850 && count < 1150, qPrintable(QString::number(count)));
    for (int i = 0; i < 1000; ++i) {
        const double u = rng.uniform();
        QVERIFY(u >= 0.0 && u < 1.0);
    }
}

void TestRandom::weightedFollowsWeights()
{
    Random rng(11);
    const std::array<double, 3> weights = {0.7, 0.0, 0.3};
    std::array<int, 3> seen{};
    for (int i = 0; i < 10000; ++i)
        ++seen[rng.weighted(weights)];
    QCOMPARE(seen[1], 0);
    QVERIFY(seen[0] > 6700 && seen[0] < 7300);
}

QTEST_GUILESS_MAIN(TestRandom)
#include "tst_random.moc"
