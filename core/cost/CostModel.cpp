#include "CostModel.h"

#include <algorithm>

namespace workbench {

CostFigures costModel(const CostInputs &inputs)
{
    CostFigures figures;
    const double escalated = double(inputs.escalated);
    if (inputs.falseRate) {
        figures.falseEscalationCost = escalated * *inputs.falseRate * inputs.agentCost;
        figures.falseEscalationNetCost = escalated * *inputs.falseRate * (inputs.agentCost - inputs.aiCost);
    }
    // A cut cannot remove more false escalations than there are.
    figures.cutPoints =
        std::max(0.0, inputs.falseRate ? std::min(inputs.cutPoints, 100.0 * *inputs.falseRate) : inputs.cutPoints);
    // A week's escalations scaled to a month: 52 weeks in 12 months.
    const double escalatedPerMonth = inputs.periodKind == Period::Kind::IsoWeek ? escalated * 52.0 / 12.0 : escalated;
    figures.monthly = escalatedPerMonth * figures.cutPoints / 100.0 * inputs.agentCost;
    figures.yearly = figures.monthly * 12.0;
    figures.monthlyNet = escalatedPerMonth * figures.cutPoints / 100.0 * (inputs.agentCost - inputs.aiCost);
    figures.yearlyNet = figures.monthlyNet * 12.0;
    return figures;
}

} // namespace workbench
