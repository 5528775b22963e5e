#pragma once

#include "review/Verdict.h"

#include <QString>
#include <QtGlobal>

#include <optional>

namespace workbench::ui {

/// 30,000: counts with digit grouping, the same in every locale the tests run under.
QString formatCount(qint64 value);
/// 24.3 % from a fraction; an em dash for a figure that cannot be computed.
QString formatPercent(const std::optional<double> &fraction, int decimals = 1);
/// "2026-05-01 to 2026-10-31" (UTC dates).
QString formatDateRange(qint64 firstMsecs, qint64 lastMsecs);
/// "May 2026" for a month key like 2026-05.
QString formatMonthLong(int year, int month);
/// "Jul – Oct 2026", or "Nov 2025 – Feb 2026" across years: a span of months, short.
QString formatMonthSpan(int firstYear, int firstMonth, int lastYear, int lastMonth);
/// "May 26" for chart axes.
QString formatMonthShort(int year, int month);
/// "2026-11-24 14:05 UTC": an instant as reviewers compare it across time zones.
QString formatDateTime(qint64 msecsSinceEpoch);
/// "14:05" (UTC), for the turns of a transcript.
QString formatTime(qint64 msecsSinceEpoch);
/// "False escalation": a verdict as people read it.
QString verdictLabel(Verdict verdict);
/// "tracking data available": a reason code as people read it.
QString reasonLabel(const QString &code);

} // namespace workbench::ui
