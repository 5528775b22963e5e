#include "Statistics.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace workbench::stats {

Estimate wilson(qint64 successes, qint64 trials, double z)
{
    if (trials <= 0)
        return {};
    const double n = double(trials);
    const double p = double(successes) / n;
    const double z2 = z * z;
    const double denominator = 1.0 + z2 / n;
    const double centre = (p + z2 / (2.0 * n)) / denominator;
    const double half = z * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denominator;
    // At 0/n and n/n the centre and half-width cancel at an end: make that end exact, not 1e-17 off.
    const double lo = successes == 0 ? 0.0 : std::max(0.0, centre - half);
    const double hi = successes == trials ? 1.0 : std::min(1.0, centre + half);
    return {p, lo, hi};
}

double wilsonHalfWidth(double p, qint64 n, double z)
{
    const double count = double(n);
    const double z2 = z * z;
    return z * std::sqrt(p * (1.0 - p) / count + z2 / (4.0 * count * count)) / (1.0 + z2 / count);
}

qint64 reviewsNeeded(double p, double margin, double z)
{
    if (margin <= 0)
        return 0;
    // The half-width falls as n grows: find the first n at or under the margin by bisection.
    qint64 low = 1;
    qint64 high = 1;
    while (wilsonHalfWidth(p, high, z) > margin)
        high *= 2;
    while (low < high) {
        const qint64 middle = low + (high - low) / 2;
        if (wilsonHalfWidth(p, middle, z) <= margin)
            high = middle;
        else
            low = middle + 1;
    }
    return low;
}

Estimate complement(const Estimate &rate)
{
    if (!rate.value)
        return {};
    return {1.0 - *rate.value, 1.0 - *rate.hi, 1.0 - *rate.lo};
}

Estimate escalationRecall(qint64 escalated, qint64 contained, const Estimate &falseRate, const Estimate &missedRate)
{
    if (!falseRate.value || !missedRate.value)
        return {};
    const double e = double(escalated);
    const double c = double(contained);
    auto recall = [&](double f, double m) -> std::optional<double> {
        const double kept = e * (1.0 - f);
        const double denominator = kept + c * m;
        if (denominator == 0)
            return std::nullopt;
        return kept / denominator;
    };
    return {recall(*falseRate.value, *missedRate.value), recall(*falseRate.hi, *missedRate.hi),
            recall(*falseRate.lo, *missedRate.lo)};
}

double twoProportionPValue(qint64 x1, qint64 n1, qint64 x2, qint64 n2)
{
    if (n1 <= 0 || n2 <= 0)
        return 1.0;
    const double pooled = double(x1 + x2) / double(n1 + n2);
    const double standardError = std::sqrt(pooled * (1.0 - pooled) * (1.0 / double(n1) + 1.0 / double(n2)));
    if (standardError == 0)
        return 1.0;
    const double z = (double(x1) / double(n1) - double(x2) / double(n2)) / standardError;
    return std::erfc(std::fabs(z) / std::sqrt(2.0));
}

std::optional<double> cohensKappa(const std::vector<QString> &first, const std::vector<QString> &second)
{
    const size_t n = std::min(first.size(), second.size());
    if (n == 0)
        return std::nullopt;
    QHash<QString, double> firstShare;
    QHash<QString, double> secondShare;
    double agreed = 0;
    for (size_t i = 0; i < n; ++i) {
        firstShare[first[i]] += 1.0 / double(n);
        secondShare[second[i]] += 1.0 / double(n);
        agreed += first[i] == second[i] ? 1.0 : 0.0;
    }
    double chance = 0;
    for (auto it = firstShare.cbegin(); it != firstShare.cend(); ++it)
        chance += it.value() * secondShare.value(it.key(), 0.0);
    if (std::fabs(1.0 - chance) < 1e-12)
        return std::nullopt;
    return (agreed / double(n) - chance) / (1.0 - chance);
}

} // namespace workbench::stats
