#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace workbench {

/// A calendar month or an ISO week in UTC: the unit every figure is bucketed by (METRICS.md).
class Period {
public:
    enum class Kind { Month, IsoWeek };

    /// Parses "2026-10" or "2026-W44"; nullopt for anything else.
    static std::optional<Period> parse(const QString &text);
    static Period month(int year, int month);
    static Period isoWeek(int isoYear, int week);
    /// The month holding the UTC instant `msecsSinceEpoch`.
    static Period monthContaining(qint64 msecsSinceEpoch);
    static Period isoWeekContaining(qint64 msecsSinceEpoch);

    Kind kind() const { return m_kind; }
    int year() const { return m_year; }
    /// Month 1..12 or ISO week 1..53.
    int number() const { return m_number; }
    /// First millisecond of the period (UTC, inclusive).
    qint64 startMsecs() const { return m_startMsecs; }
    /// First millisecond after the period (exclusive).
    qint64 endMsecs() const { return m_endMsecs; }
    /// "2026-10" or "2026-W44".
    QString key() const;
    Period previous() const;
    Period next() const;

    bool operator==(const Period &other) const = default;

private:
    Period(Kind kind, int year, int number);

    Kind m_kind = Kind::Month;
    int m_year = 1970;
    int m_number = 1;
    qint64 m_startMsecs = 0;
    qint64 m_endMsecs = 0;
};

} // namespace workbench
