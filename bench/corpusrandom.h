#pragma once

#include <cstdint>

namespace lanchat::bench {

/**
 * The generated corpus's random numbers: splitmix64 from a fixed seed, so the same seed gives the same corpus on
 * every machine and library (std:: distributions are implementation-defined). Not for anything secret.
 */
class CorpusRandom
{
public:
    explicit CorpusRandom(std::uint64_t seed)
        : m_state(seed)
    {}

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /** Uniform in [0, 1). */
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    /** Uniform in [0, n), n > 0 (the modulo bias is below 2^-40 for the sizes used here). */
    int below(int n) { return int(next() % std::uint64_t(n)); }
    /** Uniform in [low, high]. */
    int between(int low, int high) { return low + below(high - low + 1); }
    bool chance(double probability) { return unit() < probability; }

private:
    std::uint64_t m_state;
};

} // namespace lanchat::bench
