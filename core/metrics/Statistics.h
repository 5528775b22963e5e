#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace workbench::stats {

/// z for a two-sided 95 % interval (METRICS.md).
constexpr double kZ95 = 1.959964;

/// An estimated rate with its interval; all null when it cannot be computed (nothing reviewed).
struct Estimate {
    std::optional<double> value;
    std::optional<double> lo;
    std::optional<double> hi;
    bool operator==(const Estimate &other) const = default;
};

/// The Wilson score interval of `successes` out of `trials` at `z`; null for zero trials. Exact at the ends:
/// 0/n has lo = 0 and n/n has hi = 1.
Estimate wilson(qint64 successes, qint64 trials, double z = kZ95);

/// The Wilson half-width at rate `p` after `n` reviews: z*sqrt(p(1-p)/n + z^2/(4n^2)) / (1 + z^2/n).
double wilsonHalfWidth(double p, qint64 n, double z = kZ95);

/// The margin planner: the smallest n whose Wilson half-width at `p` is <= `margin`.
qint64 reviewsNeeded(double p, double margin, double z = kZ95);

/// 1 - f, its interval the complement of f's with the ends swapped (escalation precision).
Estimate complement(const Estimate &rate);

/// Escalation recall E(1-f) / (E(1-f) + C*m); lower end with f's and m's upper ends, upper with their lower
/// ends; null where f or m is null or the denominator is 0.
Estimate escalationRecall(qint64 escalated, qint64 contained, const Estimate &falseRate, const Estimate &missedRate);

/// Two-sided p-value of the pooled two-proportion z-test of x1/n1 against x2/n2 (1 when the pooled
/// share is 0 or 1: no difference to test).
double twoProportionPValue(qint64 x1, qint64 n1, qint64 x2, qint64 n2);

/// Cohen's kappa of two raters' labels on the same items (equal lengths); null when chance agreement is 1.
std::optional<double> cohensKappa(const std::vector<QString> &first, const std::vector<QString> &second);

} // namespace workbench::stats
