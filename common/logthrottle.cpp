#include "logthrottle.h"

#include <QString>

#include <chrono>

namespace lanchat {

LogThrottle::LogThrottle(int burst, qint64 intervalMs)
    : m_burst(qMax(1, burst))
    , m_intervalMs(qMax<qint64>(1, intervalMs))
{}

std::optional<quint64> LogThrottle::admit(qint64 nowMs)
{
    const std::lock_guard lock(m_mutex);
    if (!m_started || nowMs - m_windowStartMs >= m_intervalMs) {
        m_started = true;
        m_windowStartMs = nowMs;
        m_inWindow = 0;
    }
    if (m_inWindow >= m_burst) {
        ++m_dropped;
        return std::nullopt;
    }
    ++m_inWindow;
    return std::exchange(m_dropped, 0);
}

std::optional<quint64> LogThrottle::admit()
{
    using namespace std::chrono;
    return admit(duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count());
}

QString LogThrottle::summary(quint64 dropped)
{
    return dropped == 0 ? QString() : QStringLiteral(" (%1 similar lines suppressed)").arg(dropped);
}

} // namespace lanchat
