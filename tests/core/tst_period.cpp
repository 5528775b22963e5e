#include "common/Period.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace workbench;

class TestPeriod : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void monthBoundsAreUtc();
    void offsetTimestampBelongsToUtcMonth();
    void isoWeekBounds_data();
    void isoWeekBounds();
    void previousAndNext();
};

void TestPeriod::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("key");
    QTest::newRow("month") << "2026-10" << true << "2026-10";
    QTest::newRow("month with spaces") << " 2026-01 " << true << "2026-01";
    QTest::newRow("iso week") << "2026-W44" << true << "2026-W44";
    QTest::newRow("week 53 of a long year") << "2026-W53" << true << "2026-W53";
    QTest::newRow("week 53 of a short year") << "2025-W53" << false << "";
    QTest::newRow("month 13") << "2026-13" << false << "";
    QTest::newRow("month 0") << "2026-00" << false << "";
    QTest::newRow("day") << "2026-10-01" << false << "";
    QTest::newRow("empty") << "" << false << "";
    QTest::newRow("lower-case week") << "2026-w44" << false << "";
}

void TestPeriod::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, key);
    const auto period = Period::parse(text);
    QCOMPARE(period.has_value(), valid);
    if (valid)
        QCOMPARE(period->key(), key);
}

void TestPeriod::monthBoundsAreUtc()
{
    const Period october = *Period::parse(QStringLiteral("2026-10"));
    QCOMPARE(october.startMsecs(), QDateTime(QDate(2026, 10, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());
    QCOMPARE(october.endMsecs(), QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());
    const Period december = Period::month(2026, 12);
    QCOMPARE(december.next().key(), QStringLiteral("2027-01"));
    QCOMPARE(december.endMsecs(), december.next().startMsecs());
}

void TestPeriod::offsetTimestampBelongsToUtcMonth()
{
    // DATA.md: 2026-10-31T21:30:00-05:00 is 02:30 UTC on 1 November.
    const QDateTime local = QDateTime::fromString(QStringLiteral("2026-10-31T21:30:00-05:00"), Qt::ISODate);
    QVERIFY(local.isValid());
    QCOMPARE(Period::monthContaining(local.toMSecsSinceEpoch()).key(), QStringLiteral("2026-11"));
    QCOMPARE(Period::monthContaining(Period::month(2026, 11).startMsecs() - 1).key(), QStringLiteral("2026-10"));
}

void TestPeriod::isoWeekBounds_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QDate>("monday");
    QTest::newRow("2026-W01 starts in 2025") << "2026-W01" << QDate(2025, 12, 29);
    QTest::newRow("2026-W44") << "2026-W44" << QDate(2026, 10, 26);
    QTest::newRow("2026-W53") << "2026-W53" << QDate(2026, 12, 28);
    QTest::newRow("2021-W01 starts in January") << "2021-W01" << QDate(2021, 1, 4);
}

void TestPeriod::isoWeekBounds()
{
    QFETCH(QString, key);
    QFETCH(QDate, monday);
    const Period week = *Period::parse(key);
    QCOMPARE(week.kind(), Period::Kind::IsoWeek);
    QCOMPARE(week.startMsecs(), QDateTime(monday, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());
    QCOMPARE(week.endMsecs() - week.startMsecs(), qint64(7) * 24 * 3600 * 1000);
    QCOMPARE(Period::isoWeekContaining(week.startMsecs()).key(), key);
    QCOMPARE(Period::isoWeekContaining(week.endMsecs() - 1).key(), key);
}

void TestPeriod::previousAndNext()
{
    QCOMPARE(Period::month(2026, 1).previous().key(), QStringLiteral("2025-12"));
    QCOMPARE(Period::parse(QStringLiteral("2026-W01"))->previous().key(), QStringLiteral("2025-W52"));
    QCOMPARE(Period::parse(QStringLiteral("2026-W53"))->next().key(), QStringLiteral("2027-W01"));
}

QTEST_GUILESS_MAIN(TestPeriod)
#include "tst_period.moc"
