#pragma once

#include <QObject>
#include <QTimer>

namespace lanchat {

class IdleSource;
class OwnStatus;

/**
 * Sets the user's status to "away" after some idle minutes and back on activity (docs/protocol.md 16): polls
 * @p source every pollIntervalMs(); when the user has been idle for idleMinutes() while "online", sets "away"
 * (keeping the status text); the first poll that sees input again sets "online" back, unless the user chose
 * another status meanwhile (then AutoAway lets it be). Busy and do-not-disturb are never replaced: someone in a
 * meeting is not away. Does nothing while OwnStatus is not available or idleMinutes() is 0.
 * Lives in the ChatClient's thread.
 */
class AutoAway : public QObject
{
    Q_OBJECT

public:
    /** Default poll interval, ms: away within this much after the idle minutes have passed. */
    static constexpr int kDefaultPollMs = 15 * 1000;

    /** @p status and @p source must outlive this object; the source is not owned. */
    AutoAway(OwnStatus* status, IdleSource* source, QObject* parent = nullptr);

    /** Idle minutes before "away" (the app's setting, default 10); 0 switches auto-away off. */
    void setIdleMinutes(int minutes);
    int idleMinutes() const { return m_idleMinutes; }
    /** Changes how often the source is asked (tests use a few ms). */
    void setPollIntervalMs(int ms);
    /** True while the current "away" is AutoAway's own (it will set "online" back on activity). */
    bool isAutoAway() const { return m_wentAway; }

    /** One poll: what the timer does. */
    void check();

private:
    void onStatusChanged();

    OwnStatus* m_status;
    IdleSource* m_source;
    QTimer m_timer;
    int m_idleMinutes = 10;
    bool m_wentAway = false;
    bool m_requested = false; ///< AutoAway's own set() is on its way: the change it brings is not the user's
};

} // namespace lanchat
