#include "import/ValueParsers.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace workbench;

namespace {

qint64 utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

class TestValueParsers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void booleans_data();
    void booleans();
    void timestamps_data();
    void timestamps();
    void civilMatchesQt();
    void numbers_data();
    void numbers();
};

void TestValueParsers::booleans_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("value");
    QTest::newRow("true") << QByteArray("true") << true << true;
    QTest::newRow("TRUE") << QByteArray("TRUE") << true << true;
    QTest::newRow("1") << QByteArray("1") << true << true;
    QTest::newRow("Yes") << QByteArray("Yes") << true << true;
    QTest::newRow("y") << QByteArray("y") << true << true;
    QTest::newRow("false") << QByteArray("False") << true << false;
    QTest::newRow("0") << QByteArray("0") << true << false;
    QTest::newRow("no") << QByteArray("NO") << true << false;
    QTest::newRow("n") << QByteArray("n") << true << false;
    QTest::newRow("spaces") << QByteArray(" yes ") << true << true;
    QTest::newRow("maybe") << QByteArray("maybe") << false << false;
    QTest::newRow("2") << QByteArray("2") << false << false;
    QTest::newRow("t") << QByteArray("t") << false << false;
    QTest::newRow("empty") << QByteArray("") << false << false;
}

void TestValueParsers::booleans()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(bool, value);
    bool parsed = !value;
    QCOMPARE(values::parseBool(text, parsed), valid);
    if (valid)
        QCOMPARE(parsed, value);
}

void TestValueParsers::timestamps_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("msecs");
    QTest::newRow("Z") << QByteArray("2026-10-31T23:30:00Z") << true << utc(2026, 10, 31, 23, 30);
    QTest::newRow("lower-case t and z") << QByteArray("2026-10-31t23:30:00z") << true << utc(2026, 10, 31, 23, 30);
    QTest::newRow("milliseconds and -05:00")
        << QByteArray("2026-10-31T23:30:00.250-05:00") << true << utc(2026, 11, 1, 4, 30, 0, 250);
    QTest::newRow("offset belongs to November in UTC")
        << QByteArray("2026-10-31T21:30:00-05:00") << true << utc(2026, 11, 1, 2, 30);
    QTest::newRow("+0530") << QByteArray("2026-10-31T05:30:00+0530") << true << utc(2026, 10, 31, 0, 0);
    QTest::newRow("+05:30") << QByteArray("2026-10-31T05:30:00+05:30") << true << utc(2026, 10, 31, 0, 0);
    QTest::newRow("+05") << QByteArray("2026-10-31T05:00:00+05") << true << utc(2026, 10, 31, 0, 0);
    QTest::newRow("space, no offset is UTC") << QByteArray("2026-10-31 23:30:00") << true << utc(2026, 10, 31, 23, 30);
    QTest::newRow("no seconds") << QByteArray("2026-10-31T23:30") << true << utc(2026, 10, 31, 23, 30);
    QTest::newRow("microseconds") << QByteArray("2026-10-31T23:30:00.123456Z") << true
                                  << utc(2026, 10, 31, 23, 30, 0, 123);
    QTest::newRow("a date is midnight UTC") << QByteArray("2026-10-31") << true << utc(2026, 10, 31);
    QTest::newRow("leap day") << QByteArray("2028-02-29T12:00:00Z") << true << utc(2028, 2, 29, 12);
    QTest::newRow("epoch seconds") << QByteArray("1790812800") << true << qint64(1790812800000);
    QTest::newRow("epoch decimal") << QByteArray("1790812800.25") << true << qint64(1790812800250);
    QTest::newRow("epoch milliseconds") << QByteArray("1790812800123") << true << qint64(1790812800123);
    QTest::newRow("exactly 100,000,000,000 is seconds")
        << QByteArray("100000000000") << true << qint64(100000000000000);
    QTest::newRow("surrounding spaces") << QByteArray("  2026-10-31T23:30:00Z ") << true << utc(2026, 10, 31, 23, 30);
    QTest::newRow("day first") << QByteArray("31/10/2026") << false << qint64(0);
    QTest::newRow("US order") << QByteArray("10/31/2026 11:30 PM") << false << qint64(0);
    QTest::newRow("30 February") << QByteArray("2026-02-30") << false << qint64(0);
    QTest::newRow("29 February of a common year") << QByteArray("2026-02-29") << false << qint64(0);
    QTest::newRow("hour 24") << QByteArray("2026-10-31T24:00:00Z") << false << qint64(0);
    QTest::newRow("text after zone") << QByteArray("2026-10-31T23:30:00Z later") << false << qint64(0);
    QTest::newRow("bad zone") << QByteArray("2026-10-31T23:30:00 CET") << false << qint64(0);
    QTest::newRow("empty") << QByteArray("") << false << qint64(0);
    QTest::newRow("negative epoch") << QByteArray("-5") << false << qint64(0);
    QTest::newRow("words") << QByteArray("yesterday") << false << qint64(0);
}

void TestValueParsers::timestamps()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(qint64, msecs);
    qint64 parsed = -1;
    QCOMPARE(values::parseTimestamp(text, parsed), valid);
    if (valid)
        QCOMPARE(parsed, msecs);
}

void TestValueParsers::civilMatchesQt()
{
    // The hand-written calendar agrees with Qt's on every day of four centuries' worth of samples.
    for (QDate date(1900, 1, 1); date.year() < 2300; date = date.addDays(37))
        QCOMPARE(values::civilToMsecs(date.year(), date.month(), date.day(), 13, 7, 9, 11),
                 utc(date.year(), date.month(), date.day(), 13, 7, 9, 11));
}

void TestValueParsers::numbers_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("value");
    QTest::newRow("decimal") << QByteArray("0.83") << true << 0.83;
    QTest::newRow("integer") << QByteArray("4") << true << 4.0;
    QTest::newRow("negative") << QByteArray("-0.5") << true << -0.5;
    QTest::newRow("plus") << QByteArray("+1.5") << true << 1.5;
    QTest::newRow("exponent") << QByteArray("1e3") << true << 1000.0;
    QTest::newRow("comma decimal") << QByteArray("0,83") << false << 0.0;
    QTest::newRow("percent") << QByteArray("83%") << false << 0.0;
    QTest::newRow("nan") << QByteArray("nan") << false << 0.0;
    QTest::newRow("inf") << QByteArray("inf") << false << 0.0;
    QTest::newRow("empty") << QByteArray(" ") << false << 0.0;
}

void TestValueParsers::numbers()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(double, value);
    double parsed = 0;
    QCOMPARE(values::parseNumber(text, parsed), valid);
    if (valid)
        QCOMPARE(parsed, value);
}

QTEST_GUILESS_MAIN(TestValueParsers)
#include "tst_valueparsers.moc"
