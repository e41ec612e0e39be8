#pragma once

#include <QtGlobal>

namespace lanchat {

/**
 * A token bucket (RFC 2697 style single-rate bucket): holds at most burst() tokens, refilled at ratePerSecond();
 * each admitted event takes one token. Time is passed in by the caller as a monotonic millisecond clock
 * (QElapsedTimer), which keeps the class deterministic in tests. A plain value type; not thread-safe.
 */
class TokenBucket
{
public:
    /** @p ratePerSecond tokens per second (> 0), @p burst capacity in tokens (>= 1). Starts full at @p nowMs. */
    TokenBucket(double ratePerSecond, double burst, qint64 nowMs);

    /** Refills for the time since the last call, then takes one token; false (nothing taken) when empty. */
    bool tryTake(qint64 nowMs);
    /** Tokens available at @p nowMs (refilled, not taken). */
    double available(qint64 nowMs);

    double ratePerSecond() const { return m_rate; }
    double burst() const { return m_burst; }

private:
    void refill(qint64 nowMs);

    double m_rate;
    double m_burst;
    double m_tokens;
    qint64 m_lastMs;
};

} // namespace lanchat
