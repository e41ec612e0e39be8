#pragma once

#include "idlesource.h"

#include <QElapsedTimer>
#include <QObject>

namespace lanchat {

/**
 * Idle time from the app's own input: the time since the last key press, mouse move, click or wheel turn in any
 * LanChat window (an event filter on the application). Where the desktop's idle time cannot be read (Wayland, no
 * XScreenSaver extension) this is what AutoAway goes by: a user typing in another program counts as idle here.
 * GUI thread.
 */
class InputIdleSource : public QObject, public IdleSource
{
    Q_OBJECT

public:
    explicit InputIdleSource(QObject* parent = nullptr);

    std::optional<qint64> idleMs() override;

private:
    bool eventFilter(QObject* watched, QEvent* event) override;

    QElapsedTimer m_sinceInput;
};

} // namespace lanchat
