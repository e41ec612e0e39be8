#include "screenshottool.h"

#include "appsettings.h"
#include "captureoverlay.h"
#include "logging.h"

#include <QAbstractButton>
#include <QClipboard>
#include <QCursor>
#include <QGuiApplication>
#include <QKeySequence>
#include <QMessageBox>
#include <QPixmap>
#include <QScreen>
#include <QSettings>
#include <QShortcut>
#include <QTimer>
#include <QWidget>

namespace lanchat {

namespace {

// Time for the window manager to take the hidden window off the screen before it is grabbed; compositing
// window managers fade windows out in about 150–250 ms.
constexpr int kHideDelayMs = 300;

} // namespace

ScreenshotTool::ScreenshotTool(AppSettings& settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
{}

ScreenshotTool::ScreenshotTool(AppSettings& settings, QAbstractButton* trigger, QWidget* host)
    : ScreenshotTool(settings, host)
{
    connect(trigger, &QAbstractButton::clicked, this, [this, host] { start(host->window()); });
    // Ctrl+Alt+A: the screenshot shortcut of Chinese messengers, which users already have in their fingers.
    auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_A), host);
    connect(shortcut, &QShortcut::activated, trigger, [trigger] {
        if (trigger->isVisible())
            trigger->click(); // does nothing while disabled
    });
    connect(this, &ScreenshotTool::failed, host,
            [host](const QString& reason) { QMessageBox::information(host, tr("Screenshot"), reason); });
}

ScreenshotTool::~ScreenshotTool()
{
    delete m_overlay.data();
}

bool ScreenshotTool::hideWindow(AppSettings& settings)
{
    return settings.raw().value(QStringLiteral("screenshot/hide_window"), true).toBool();
}

void ScreenshotTool::setHideWindow(AppSettings& settings, bool hide)
{
    settings.raw().setValue(QStringLiteral("screenshot/hide_window"), hide);
}

void ScreenshotTool::start(QWidget* window)
{
    if (m_busy)
        return;
    // Under a Wayland session an X11 app (XWayland) grabs only its own windows and black elsewhere: say so
    // instead of showing a black screen to select from.
    const QString platform = QGuiApplication::platformName();
    if (platform == QLatin1String("wayland") ||
        (platform == QLatin1String("xcb") && qEnvironmentVariable("XDG_SESSION_TYPE") == QLatin1String("wayland"))) {
        Q_EMIT failed(waylandMessage());
        return;
    }
    m_busy = true;
    m_window = window;
    m_hidden = window && window->isVisible() && hideWindow(m_settings);
    if (m_hidden) {
        window->hide();
        QTimer::singleShot(kHideDelayMs, this, &ScreenshotTool::grab);
    } else {
        grab();
    }
}

void ScreenshotTool::grab()
{
    QScreen* screen = QGuiApplication::screenAt(QCursor::pos());
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    const QImage image = screen ? screen->grabWindow(0).toImage() : QImage();
    if (image.isNull()) {
        qCWarning(lcApp) << "screen grab failed on platform" << QGuiApplication::platformName();
        restoreWindow();
        m_busy = false;
        Q_EMIT failed(tr("The screen could not be captured."));
        return;
    }
    auto* overlay = new CaptureOverlay(image);
    overlay->setGeometry(screen->geometry());
    m_overlay = overlay;
    connect(overlay, &CaptureOverlay::finished, this,
            [this, overlay](CaptureOverlay::Action action, const QImage& result) {
                overlay->deleteLater();
                restoreWindow();
                m_busy = false;
                if (action == CaptureOverlay::Action::Copy)
                    QGuiApplication::clipboard()->setImage(result);
                else if (action == CaptureOverlay::Action::Send)
                    Q_EMIT captured(result);
            });
    overlay->showFullScreen();
    overlay->activateWindow();
    overlay->setFocus();
}

QString ScreenshotTool::waylandMessage()
{
    return tr("Wayland does not let applications take screenshots. Use your desktop's screenshot tool, then "
              "paste the picture into the chat.");
}

void ScreenshotTool::restoreWindow()
{
    if (m_hidden && m_window) {
        m_window->show();
        m_window->raise();
        m_window->activateWindow();
    }
    m_hidden = false;
}

} // namespace lanchat
