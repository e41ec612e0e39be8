#pragma once

namespace lanchat {

/**
 * Delays between reconnect attempts: exponential back-off from firstMs() doubling to maxMs(), each delay
 * multiplied by a random factor in [0.8, 1.2] so that the clients of a restarted server do not all come
 * back in the same instant (the "jitter" of AWS's back-off guidance). reset() after a successful handshake.
 * A value type; not thread-safe.
 */
class ReconnectBackoff
{
public:
    /** @p firstMs ≥ 1, @p maxMs ≥ firstMs (clamped). Also resets. */
    void setDelays(int firstMs, int maxMs);
    /** The delay before the next attempt in ms (jittered); the one after it is twice as long, up to maxMs(). */
    int next();
    void reset() { m_nextMs = m_firstMs; }

    int firstMs() const { return m_firstMs; }
    int maxMs() const { return m_maxMs; }

private:
    int m_firstMs = 1000;
    int m_maxMs = 30000;
    int m_nextMs = 1000;
};

} // namespace lanchat
