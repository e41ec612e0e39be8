#pragma once

#include <QObject>

class QTimer;

namespace lanchat {

class SessionRegistry;

/**
 * Enforces the handshake, heartbeat and login timeouts of every session with one coarse timer: each
 * tick asks every session to compare its deadline with the time (Session::checkDeadline).
 *
 * Why not a QTimer per session: a session restarts its deadline on every request, and restarting a Qt
 * timer unregisters and re-inserts it into the dispatcher's sorted timer list, O(sessions) each time;
 * at thousands of sessions and hundreds of thousands of requests per second that was a measurable share
 * of the relay's CPU. A tick costs O(sessions) once per interval instead.
 *
 * Granularity: the interval is a quarter of the shortest timeout, between kMinIntervalMs and
 * kMaxIntervalMs, so a deadline fires at most that late. Lives on the server thread.
 */
class SessionWatchdog : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMinIntervalMs = 25;
    static constexpr int kMaxIntervalMs = 1000;

    /** Checks the sessions of @p sessions; idle (no timer) while every timeout is 0 (disabled). */
    SessionWatchdog(const SessionRegistry& sessions, int handshakeTimeoutMs, int heartbeatTimeoutMs, int loginTimeoutMs,
                    QObject* parent = nullptr);

    /** The clock of session deadlines: monotonic milliseconds (not wall time; unaffected by clock changes). */
    static qint64 nowMs();

private:
    void onTick();

    const SessionRegistry& m_sessions;
    QTimer* m_timer;
};

} // namespace lanchat
