#pragma once

#include <QtGlobal>

#include <optional>

namespace workbench {

/// numerator / denominator, or nullopt when the denominator is 0: a figure that cannot be computed is
/// null, never 0 (METRICS.md).
inline std::optional<double> ratio(qint64 numerator, qint64 denominator)
{
    if (denominator == 0)
        return std::nullopt;
    return double(numerator) / double(denominator);
}

} // namespace workbench
