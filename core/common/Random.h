#pragma once

#include <QtGlobal>

#include <cmath>
#include <span>

namespace workbench {

/// xoshiro256** seeded through SplitMix64: small, fast, and the same sequence on every platform and
/// standard library (std::*_distribution is not), so seeded samples and demo data are reproducible.
class Random {
public:
    explicit Random(quint64 seed)
    {
        for (quint64 &word : m_state)
            word = splitMix(seed);
    }

    /// A generator for item `index` of a stream: items can be produced in any order, or in parallel.
    static Random forItem(quint64 seed, quint64 index) { return Random(seed ^ (index * 0xD1B54A32D192ED03ULL)); }

    quint64 next()
    {
        const quint64 result = rotl(m_state[1] * 5, 7) * 9;
        const quint64 t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    /// Uniform in [0, 1).
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    /// Uniform integer in [0, bound), bound > 0 (Lemire's multiply-shift, unbiased).
    quint64 below(quint64 bound)
    {
        __extension__ using Wide = unsigned __int128;
        Wide product = Wide(next()) * bound;
        auto low = quint64(product);
        if (low < bound) {
            const quint64 threshold = (0 - bound) % bound;
            while (low < threshold) {
                product = Wide(next()) * bound;
                low = quint64(product);
            }
        }
        return quint64(product >> 64);
    }
    int between(int low, int high) { return low + int(below(quint64(high - low + 1))); }
    bool chance(double probability) { return uniform() < probability; }
    double normal(double mean, double deviation)
    {
        // Box-Muller; 1 - uniform() keeps the logarithm finite.
        const double radius = std::sqrt(-2.0 * std::log(1.0 - uniform()));
        return mean + deviation * radius * std::cos(2.0 * M_PI * uniform());
    }
    /// An index drawn with the given non-negative weights.
    size_t weighted(std::span<const double> weights)
    {
        double total = 0;
        for (double weight : weights)
            total += weight;
        double point = uniform() * total;
        for (size_t i = 0; i < weights.size(); ++i) {
            if (point < weights[i])
                return i;
            point -= weights[i];
        }
        return weights.size() - 1;
    }
    template <typename Container> const auto &pick(const Container &items)
    {
        return items[qsizetype(below(quint64(items.size())))];
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    static quint64 splitMix(quint64 &state)
    {
        quint64 z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    quint64 m_state[4];
};

} // namespace workbench
