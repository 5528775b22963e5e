#include "Format.h"

#include "common/NumberText.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace workbench::ui {
namespace {

const QLocale &displayLocale()
{
    static const QLocale locale = [] {
        QLocale english(QLocale::English, QLocale::UnitedStates);
        english.setNumberOptions(QLocale::DefaultNumberOptions);
        return english;
    }();
    return locale;
}

} // namespace

QString formatCount(qint64 value)
{
    return countText(value);
}

QString formatPercent(const std::optional<double> &fraction, int decimals)
{
    return percentText(fraction, decimals);
}

QString formatDateRange(qint64 firstMsecs, qint64 lastMsecs)
{
    const QDate first = QDateTime::fromMSecsSinceEpoch(firstMsecs, QTimeZone::utc()).date();
    const QDate last = QDateTime::fromMSecsSinceEpoch(lastMsecs, QTimeZone::utc()).date();
    return QStringLiteral("%1 to %2").arg(first.toString(Qt::ISODate), last.toString(Qt::ISODate));
}

QString formatMonthLong(int year, int month)
{
    return displayLocale().toString(QDate(year, month, 1), QStringLiteral("MMMM yyyy"));
}

QString formatMonthSpan(int firstYear, int firstMonth, int lastYear, int lastMonth)
{
    const QLocale &locale = displayLocale();
    const QString last = locale.toString(QDate(lastYear, lastMonth, 1), QStringLiteral("MMM yyyy"));
    if (firstYear == lastYear && firstMonth == lastMonth)
        return last;
    const QString first = locale.toString(QDate(firstYear, firstMonth, 1),
                                          firstYear == lastYear ? QStringLiteral("MMM") : QStringLiteral("MMM yyyy"));
    return QStringLiteral("%1 – %2").arg(first, last);
}

QString formatMonthShort(int year, int month)
{
    return displayLocale().toString(QDate(year, month, 1), QStringLiteral("MMM yy"));
}

QString formatDateTime(qint64 msecsSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, QTimeZone::utc())
               .toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
           QStringLiteral(" UTC");
}

QString formatTime(qint64 msecsSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, QTimeZone::utc()).toString(QStringLiteral("HH:mm"));
}

QString verdictLabel(Verdict verdict)
{
    QString text = verdictName(verdict).replace(QLatin1Char('_'), QLatin1Char(' '));
    text[0] = text[0].toUpper();
    return text;
}

QString reasonLabel(const QString &code)
{
    return QString(code).replace(QLatin1Char('_'), QLatin1Char(' '));
}

} // namespace workbench::ui
