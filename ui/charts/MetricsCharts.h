#pragma once

#include "metrics/DrillDown.h"
#include "metrics/MetricsReport.h"
#include "metrics/Trend.h"
#include "store/WorkspaceFacts.h"

#include <functional>
#include <vector>

namespace workbench::ui {

class ChartPanel;

/// Called when a bar or point is clicked: the conversations behind it, and a title for the list.
using DrillHandler = std::function<void(const DrillDownRequest &request, const QString &title)>;

/// Escalation rate by month with the benchmark band shaded, the events as markers, and `selected` stressed.
void showEscalationTrend(ChartPanel &panel, const std::vector<TrendMonth> &trend, const BenchmarkBand &band,
                         const std::vector<WorkspaceEvent> &events, const Period &selected, DrillHandler drill);
/// Escalation rate per group of a breakdown, highest on top.
void showGroupEscalationRates(ChartPanel &panel, const PeriodFigures &figures, Breakdown breakdown, DrillHandler drill);
/// CSAT of AI-handled and agent-handled conversations per group; flagged gaps in the warning colour.
void showCsatGap(ChartPanel &panel, const PeriodFigures &figures, Breakdown breakdown, double gapPoints,
                 DrillHandler drill);
/// False- and missed-escalation rates per group with their 95 % intervals as whiskers.
void showReviewEstimates(ChartPanel &panel, const PeriodFigures &figures, Breakdown breakdown, DrillHandler drill);
/// Escalation precision and recall by month, with their intervals shaded.
void showPrecisionRecallTrend(ChartPanel &panel, const std::vector<TrendMonth> &trend, DrillHandler drill);
/// The threshold simulator: precision against recall as the confidence threshold moves, with the AI's
/// current operating point.
void showThresholdCurve(ChartPanel &panel, const MetricsReport &report, DrillHandler drill);

/// "Category", "Channel", ...: a breakdown as the pickers and titles name it.
QString breakdownLabel(Breakdown breakdown);

} // namespace workbench::ui
