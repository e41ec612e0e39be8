#pragma once

#include <QtGlobal>

#include <mutex>
#include <optional>

namespace lanchat {

/**
 * Rate limit for one kind of log line, so that a peer repeating a bad request cannot fill the disk through
 * the log: at most burst() lines are let through per interval; the lines beyond are counted, and their number
 * is reported with the next line let through (in a later interval). No timer: a flood that stops leaves its
 * count until the next line of that kind.
 *
 * Usage: `static LogThrottle throttle(20, 60000); if (const auto dropped = throttle.admit()) qCInfo(...) <<
 * ... << LogThrottle::summary(*dropped);` Thread-safe (a mutex; meant for error paths, not hot paths).
 */
class LogThrottle
{
public:
    /** @p burst >= 1 lines per @p intervalMs > 0 milliseconds. */
    LogThrottle(int burst, qint64 intervalMs);

    /**
     * Decides about one line at @p nowMs (a monotonic clock in ms): nullopt to drop it, otherwise the number
     * of lines dropped since the last one let through (usually 0).
     */
    std::optional<quint64> admit(qint64 nowMs);
    /** admit() at the steady clock's current time. */
    std::optional<quint64> admit();

    /** "" for 0, else " (N similar lines suppressed)": the tail of a line let through after dropped ones. */
    static QString summary(quint64 dropped);

    int burst() const { return m_burst; }

private:
    std::mutex m_mutex;
    const int m_burst;
    const qint64 m_intervalMs;
    qint64 m_windowStartMs = 0;
    int m_inWindow = 0;
    quint64 m_dropped = 0;
    bool m_started = false;
};

} // namespace lanchat
