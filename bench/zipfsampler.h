#pragma once

#include "corpusrandom.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lanchat::bench {

/** Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^exponent (Zipf's law of word frequencies). */
class ZipfSampler
{
public:
    ZipfSampler(int n, double exponent)
    {
        m_cumulative.reserve(std::size_t(n));
        double sum = 0;
        for (int rank = 1; rank <= n; ++rank) {
            sum += 1.0 / std::pow(double(rank), exponent);
            m_cumulative.push_back(sum);
        }
    }

    int draw(CorpusRandom& random) const
    {
        const double target = random.unit() * m_cumulative.back();
        const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), target);
        return int(std::min<std::ptrdiff_t>(it - m_cumulative.begin(), std::ptrdiff_t(m_cumulative.size()) - 1));
    }
    /** The probability of @p rank. */
    double share(int rank) const
    {
        const double below = rank == 0 ? 0 : m_cumulative[std::size_t(rank - 1)];
        return (m_cumulative[std::size_t(rank)] - below) / m_cumulative.back();
    }

private:
    std::vector<double> m_cumulative;
};

} // namespace lanchat::bench
