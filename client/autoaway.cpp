#include "autoaway.h"

#include "idlesource.h"
#include "ownstatus.h"

namespace lanchat {

AutoAway::AutoAway(OwnStatus* status, IdleSource* source, QObject* parent)
    : QObject(parent)
    , m_status(status)
    , m_source(source)
{
    m_timer.setInterval(kDefaultPollMs);
    connect(&m_timer, &QTimer::timeout, this, &AutoAway::check);
    connect(status, &OwnStatus::changed, this, &AutoAway::onStatusChanged);
    connect(status, &OwnStatus::failed, this, [this] { m_requested = false; });
    m_timer.start();
}

void AutoAway::setIdleMinutes(int minutes)
{
    m_idleMinutes = qMax(0, minutes);
}

void AutoAway::setPollIntervalMs(int ms)
{
    m_timer.setInterval(ms);
}

void AutoAway::check()
{
    if (m_requested || !m_status->isAvailable())
        return;
    const std::optional<qint64> idle = m_source->idleMs();
    if (!idle)
        return;
    const bool idleLongEnough = m_idleMinutes > 0 && *idle >= qint64(m_idleMinutes) * 60 * 1000;
    if (!m_wentAway && idleLongEnough && m_status->status() == QLatin1String("online")) {
        m_wentAway = true;
        m_requested = true;
        m_status->set(QStringLiteral("away"), m_status->text());
    } else if (m_wentAway && !idleLongEnough) {
        m_wentAway = false;
        if (m_status->status() == QLatin1String("away")) {
            m_requested = true;
            m_status->set(QStringLiteral("online"), m_status->text());
        }
    }
}

void AutoAway::onStatusChanged()
{
    if (m_requested) {
        m_requested = false;
        return;
    }
    // The user (here or on another device) chose something else while away: that choice stands.
    if (m_wentAway && m_status->status() != QLatin1String("away"))
        m_wentAway = false;
}

} // namespace lanchat
