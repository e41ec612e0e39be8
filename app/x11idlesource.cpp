#include "x11idlesource.h"

#include <QGuiApplication>

#ifdef LANCHAT_HAVE_XSS
#include <QtGui/qguiapplication_platform.h>

// Xlib last: its macros (Bool, Status, None …) must not reach Qt's headers.
#include <X11/Xlib.h>
#include <X11/extensions/scrnsaver.h>
#endif

namespace lanchat {

std::unique_ptr<IdleSource> X11IdleSource::create()
{
#ifdef LANCHAT_HAVE_XSS
    auto* x11 = qGuiApp ? qGuiApp->nativeInterface<QNativeInterface::QX11Application>() : nullptr;
    Display* display = x11 ? x11->display() : nullptr;
    if (!display)
        return nullptr;
    int eventBase = 0;
    int errorBase = 0;
    if (!XScreenSaverQueryExtension(display, &eventBase, &errorBase))
        return nullptr;
    XScreenSaverInfo* info = XScreenSaverAllocInfo();
    if (!info)
        return nullptr;
    return std::unique_ptr<IdleSource>(new X11IdleSource(display, info));
#else
    return nullptr;
#endif
}

X11IdleSource::X11IdleSource(void* display, void* info)
    : m_display(display)
    , m_info(info)
{}

X11IdleSource::~X11IdleSource()
{
#ifdef LANCHAT_HAVE_XSS
    XFree(m_info);
#endif
}

std::optional<qint64> X11IdleSource::idleMs()
{
#ifdef LANCHAT_HAVE_XSS
    auto* display = static_cast<Display*>(m_display);
    auto* info = static_cast<XScreenSaverInfo*>(m_info);
    if (!XScreenSaverQueryInfo(display, DefaultRootWindow(display), info))
        return std::nullopt;
    return qint64(info->idle);
#else
    return std::nullopt;
#endif
}

} // namespace lanchat
