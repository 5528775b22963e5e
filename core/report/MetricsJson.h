#pragma once

#include <QJsonObject>

namespace workbench {

struct MetricsReport;

/// `metrics --json` (CLI.md): exactly its keys, rates as fractions, CSAT in points, money unrounded, a
/// figure that cannot be computed as null, an estimated rate as {value, lo, hi}.
QJsonObject metricsJson(const MetricsReport &report);

} // namespace workbench
