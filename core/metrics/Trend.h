#pragma once

#include "PeriodFigures.h"

#include <vector>

namespace workbench {

class Database;

/// One month of the trend: its volume and its random-sample reviews, so that the escalation rate, the
/// false- and missed-escalation estimates, precision and recall come from the same GroupFigures rules as
/// every other figure. CSAT and follow-ups are not part of the trend (they are zero here).
struct TrendMonth {
    Period month = Period::month(1970, 1);
    GroupFigures figures;
};

/// Every calendar month (UTC) from the first conversation to the last, empty months included: one ordered
/// scan of the time index and one of the verdicts.
std::vector<TrendMonth> computeMonthlyTrend(Database &db);

} // namespace workbench
