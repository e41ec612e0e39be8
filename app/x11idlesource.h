#pragma once

#include "idlesource.h"

#include <memory>

namespace lanchat {

/**
 * The X11 desktop session's idle time, from the XScreenSaver extension (libXss): the time since the last input in
 * any program, as the screen saver sees it. Made with create(), which fails (nullptr) off X11 (Wayland, the
 * offscreen platform), without the extension on the X server, or in a build without libXss. GUI thread.
 */
class X11IdleSource : public IdleSource
{
public:
    /** The source of the application's X11 display, or nullptr when there is none to ask. */
    static std::unique_ptr<IdleSource> create();

    ~X11IdleSource() override;

    std::optional<qint64> idleMs() override;

private:
    X11IdleSource(void* display, void* info);

    void* m_display; ///< Display*, owned by Qt
    void* m_info;    ///< XScreenSaverInfo*, ours (XFree)
};

} // namespace lanchat
