#pragma once

#include "common/Period.h"

#include <optional>

namespace workbench {

/// What the cost model of METRICS.md needs for one period.
struct CostInputs {
    qint64 escalated = 0;            ///< E of the period
    std::optional<double> falseRate; ///< f, from random-sample reviews; null when nothing was reviewed
    double agentCost = 12.00;        ///< per agent-handled contact
    double aiCost = 1.84;            ///< per AI-resolved contact
    double cutPoints = 5;            ///< the what-if: lower f by this many points
    Period::Kind periodKind = Period::Kind::Month;
};

struct CostFigures {
    std::optional<double> falseEscalationCost;    ///< E * f * agent_cost
    std::optional<double> falseEscalationNetCost; ///< E * f * (agent_cost - ai_cost)
    double cutPoints = 0;                         ///< d as applied: capped at 100 * f when f is known
    double monthly = 0;                           ///< E_month * d/100 * agent_cost
    double yearly = 0;                            ///< monthly x 12
    double monthlyNet = 0;                        ///< E_month * d/100 * (agent_cost - ai_cost)
    double yearlyNet = 0;
};

/// The cost of false escalations and the what-if savings, unrounded (displays round money to cents).
CostFigures costModel(const CostInputs &inputs);

} // namespace workbench
