#pragma once

#include "store/WorkspaceFacts.h"

#include <vector>

namespace workbench::ui {

class ChartPanel;

/// Conversations per month as bars, with the escalation rate as a line on a second axis.
void showMonthlyVolume(ChartPanel &panel, const std::vector<MonthVolume> &months);
/// Escalation rate per category as horizontal bars, highest on top.
void showCategoryEscalationRates(ChartPanel &panel, const std::vector<CategoryVolume> &categories);

} // namespace workbench::ui
