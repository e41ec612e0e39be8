#include "tokenbucket.h"

#include <algorithm>

namespace lanchat {

TokenBucket::TokenBucket(double ratePerSecond, double burst, qint64 nowMs)
    : m_rate(std::max(ratePerSecond, 0.001))
    , m_burst(std::max(burst, 1.0))
    , m_tokens(m_burst)
    , m_lastMs(nowMs)
{}

void TokenBucket::refill(qint64 nowMs)
{
    // A clock that went backwards (it should not: callers use a monotonic clock) refills nothing.
    if (nowMs > m_lastMs) {
        m_tokens = std::min(m_burst, m_tokens + double(nowMs - m_lastMs) * m_rate / 1000.0);
        m_lastMs = nowMs;
    }
}

bool TokenBucket::tryTake(qint64 nowMs)
{
    refill(nowMs);
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

double TokenBucket::available(qint64 nowMs)
{
    refill(nowMs);
    return m_tokens;
}

} // namespace lanchat
