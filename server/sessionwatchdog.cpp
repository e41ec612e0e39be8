#include "sessionwatchdog.h"

#include "session.h"
#include "sessionregistry.h"

#include <QTimer>

#include <algorithm>
#include <chrono>

namespace lanchat {

SessionWatchdog::SessionWatchdog(const SessionRegistry& sessions, int handshakeTimeoutMs, int heartbeatTimeoutMs,
                                 int loginTimeoutMs, QObject* parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_timer(new QTimer(this))
{
    int shortest = kMaxIntervalMs * 4;
    for (int timeout : {handshakeTimeoutMs, heartbeatTimeoutMs, loginTimeoutMs}) {
        if (timeout > 0)
            shortest = std::min(shortest, timeout);
    }
    connect(m_timer, &QTimer::timeout, this, &SessionWatchdog::onTick);
    if (handshakeTimeoutMs > 0 || heartbeatTimeoutMs > 0 || loginTimeoutMs > 0)
        m_timer->start(std::clamp(shortest / 4, kMinIntervalMs, kMaxIntervalMs));
}

qint64 SessionWatchdog::nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

void SessionWatchdog::onTick()
{
    const qint64 now = nowMs();
    // A copy: a timed-out session closes, and a closing session may leave the registry at once.
    const QList<Session*> sessions = m_sessions.all();
    for (Session* session : sessions)
        session->checkDeadline(now);
}

} // namespace lanchat
