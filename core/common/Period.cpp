#include "Period.h"

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace workbench {
namespace {

qint64 startOfDayUtc(QDate date)
{
    return QDateTime(date, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

// Monday of ISO week 1 is the Monday of the week holding 4 January.
QDate mondayOfIsoWeek(int isoYear, int week)
{
    const QDate jan4(isoYear, 1, 4);
    return jan4.addDays(1 - jan4.dayOfWeek()).addDays(qint64(week - 1) * 7);
}

int isoWeeksInYear(int isoYear)
{
    int year = 0;
    const int week = QDate(isoYear, 12, 28).weekNumber(&year);
    return week;
}

} // namespace

Period::Period(Kind kind, int year, int number) : m_kind(kind), m_year(year), m_number(number)
{
    if (kind == Kind::Month) {
        const QDate first(year, number, 1);
        m_startMsecs = startOfDayUtc(first);
        m_endMsecs = startOfDayUtc(first.addMonths(1));
    } else {
        const QDate monday = mondayOfIsoWeek(year, number);
        m_startMsecs = startOfDayUtc(monday);
        m_endMsecs = startOfDayUtc(monday.addDays(7));
    }
}

std::optional<Period> Period::parse(const QString &text)
{
    static const QRegularExpression monthPattern(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    static const QRegularExpression weekPattern(QStringLiteral("^(\\d{4})-W(\\d{2})$"));
    const QString trimmed = text.trimmed();
    if (const auto match = monthPattern.match(trimmed); match.hasMatch()) {
        const int year = match.captured(1).toInt();
        const int month = match.captured(2).toInt();
        if (year < 1970 || month < 1 || month > 12)
            return std::nullopt;
        return Period(Kind::Month, year, month);
    }
    if (const auto match = weekPattern.match(trimmed); match.hasMatch()) {
        const int year = match.captured(1).toInt();
        const int week = match.captured(2).toInt();
        if (year < 1970 || week < 1 || week > isoWeeksInYear(year))
            return std::nullopt;
        return Period(Kind::IsoWeek, year, week);
    }
    return std::nullopt;
}

Period Period::month(int year, int month)
{
    return Period(Kind::Month, year, month);
}

Period Period::isoWeek(int isoYear, int week)
{
    return Period(Kind::IsoWeek, isoYear, week);
}

Period Period::monthContaining(qint64 msecsSinceEpoch)
{
    const QDate date = QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, QTimeZone::utc()).date();
    return Period(Kind::Month, date.year(), date.month());
}

Period Period::isoWeekContaining(qint64 msecsSinceEpoch)
{
    const QDate date = QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, QTimeZone::utc()).date();
    int isoYear = 0;
    const int week = date.weekNumber(&isoYear);
    return Period(Kind::IsoWeek, isoYear, week);
}

QString Period::key() const
{
    if (m_kind == Kind::Month)
        return QStringLiteral("%1-%2").arg(m_year, 4, 10, QLatin1Char('0')).arg(m_number, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1-W%2").arg(m_year, 4, 10, QLatin1Char('0')).arg(m_number, 2, 10, QLatin1Char('0'));
}

Period Period::previous() const
{
    if (m_kind == Kind::Month)
        return m_number == 1 ? Period(Kind::Month, m_year - 1, 12) : Period(Kind::Month, m_year, m_number - 1);
    return isoWeekContaining(m_startMsecs - 1);
}

Period Period::next() const
{
    if (m_kind == Kind::Month)
        return m_number == 12 ? Period(Kind::Month, m_year + 1, 1) : Period(Kind::Month, m_year, m_number + 1);
    return isoWeekContaining(m_endMsecs);
}

} // namespace workbench
