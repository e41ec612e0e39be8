#pragma once

#include <QtGlobal>

#include <optional>

namespace lanchat {

/**
 * How long the person at this computer has not touched keyboard or mouse: the operating system's input, read by
 * AutoAway. The desktop app's implementations ask the X11 screen saver extension or watch the app's own input;
 * tests feed times of their own. Called on AutoAway's thread.
 */
class IdleSource
{
public:
    virtual ~IdleSource() = default;
    /** Milliseconds since the last input; nullopt when it cannot be told now (AutoAway then changes nothing). */
    virtual std::optional<qint64> idleMs() = 0;
};

} // namespace lanchat
