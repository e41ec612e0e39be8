#pragma once

#include "captureoverlay.h"

#include <QImage>
#include <QObject>
#include <QPointer>

class QAbstractButton;
class QWidget;

namespace lanchat {

class AppSettings;

/**
 * The screenshot tool (Ctrl+Alt+A, or the scissors button by the message box): optionally hides the
 * LanChat window, grabs the screen under the mouse pointer (QScreen::grabWindow(0)), and shows it frozen in
 * a CaptureOverlay. Copy puts the result on the clipboard; Send hands it to captured() for the open chat.
 *
 * Grabbing needs X11 (or Windows/macOS): Wayland does not let an app read the screen, and then failed()
 * says so and nothing else happens. GUI thread only.
 */
class ScreenshotTool : public QObject
{
    Q_OBJECT

public:
    /** @p settings must outlive the tool. Call start() to capture. */
    explicit ScreenshotTool(AppSettings& settings, QObject* parent = nullptr);
    /**
     * As above, and @p trigger (a button in @p host) starts a capture of @p host's window when clicked, as
     * does Ctrl+Alt+A anywhere in that window while @p trigger is visible and enabled (the open chat takes
     * files). Why the screen could not be read is shown in a message box over @p host.
     */
    ScreenshotTool(AppSettings& settings, QAbstractButton* trigger, QWidget* host);
    ~ScreenshotTool() override;

    /**
     * Starts a capture; @p window (may be null) is hidden first when hideWindow() is on and shown again
     * afterwards. Does nothing while a capture is already open.
     */
    void start(QWidget* window);
    /** The open overlay, null when none (tests use it). */
    CaptureOverlay* overlay() const { return m_overlay; }

    /** Setting "screenshot/hide_window" (default true): hide the LanChat window while capturing. */
    static bool hideWindow(AppSettings& settings);
    static void setHideWindow(AppSettings& settings, bool hide);

Q_SIGNALS:
    /** The user pressed Send: @p image is the region with its marks, in device pixels. */
    void captured(const QImage& image);
    /** The screen could not be read; @p reason is a translated sentence for a message box. */
    void failed(const QString& reason);

private:
    void grab();
    static QString waylandMessage();
    void restoreWindow();

    AppSettings& m_settings;
    QPointer<QWidget> m_window;
    QPointer<CaptureOverlay> m_overlay;
    bool m_busy = false;
    bool m_hidden = false;
};

} // namespace lanchat
