#pragma once

#include "MetricsReport.h"

#include <QString>

#include <optional>
#include <vector>

namespace workbench {

/// How a headline figure is measured, and so how its change is told.
enum class FigureUnit {
    Rate,   ///< a fraction 0..1; changes in percentage points
    Points, ///< CSAT points 0..100; changes in points
    Money,  ///< an amount in the workspace currency
};

/// One line of the monthly review: a figure of the period beside its baseline and the quarter's target.
struct HeadlineFigure {
    QString key;   ///< the metrics --json key ("escalation_rate", "false_escalation_rate", ...)
    QString label; ///< "Escalation rate"
    FigureUnit unit = FigureUnit::Rate;
    std::optional<double> value;
    std::optional<double> lo; ///< the 95 % interval, for estimates
    std::optional<double> hi;
    bool estimated = false;
    std::optional<double> baseline;
    /// value - baseline: percentage points for rates, points for CSAT, currency for money.
    std::optional<double> change;
    std::optional<double> target;
    bool higherIsBetter = false;
    /// True when the change moves the right way (nullopt: no change to judge, or none at all).
    std::optional<bool> improved() const;
    /// True when the figure meets its target (nullopt without one, or without a value).
    std::optional<bool> onTarget() const;
};

/// The headline figures of a report, in the order a monthly review reads them.
std::vector<HeadlineFigure> headlineFigures(const MetricsReport &report);

/// The figure's value as people read it: "25.3 %", "72.7", "1,774.43 USD"; with its interval when estimated.
QString figureValueText(const HeadlineFigure &figure, const QString &currency, bool withInterval);
/// "+0.5 points", "-120.00 USD"; "—" without a baseline.
QString figureChangeText(const HeadlineFigure &figure, const QString &currency);

} // namespace workbench
