#include "traycontroller.h"

#include "appsettings.h"
#include "icons.h"
#include "statusbadgepainter.h"

#include <QAction>
#include <QCoreApplication>
#include <QEvent>
#include <QIcon>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>

namespace lanchat {

TrayController::TrayController(QObject* parent)
    : QObject(parent)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
    , m_show(m_menu->addAction(QString()))
    , m_quit(nullptr)
{
    m_menu->addSeparator();
    m_quit = m_menu->addAction(QString());
    m_show->setIcon(Icons::icon(QStringLiteral("show-window")));
    m_quit->setIcon(Icons::icon(QStringLiteral("quit")));
    m_tray->setContextMenu(m_menu);
    m_tray->setIcon(QIcon(QStringLiteral(":/icons/lanchat.png")));
    connect(m_show, &QAction::triggered, this, &TrayController::showRequested);
    connect(m_quit, &QAction::triggered, this, &TrayController::quitRequested);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { Q_EMIT notificationClicked(m_lastNotified); });
    // The menu is no widget of a window, so it learns about language changes through the application.
    QCoreApplication::instance()->installEventFilter(this);
    retranslate();
    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_tray->show();
}

TrayController::~TrayController()
{
    delete m_menu;
}

bool TrayController::isAvailable() const
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

bool TrayController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void TrayController::retranslate()
{
    m_show->setText(tr("Show LanChat"));
    m_quit->setText(tr("Quit"));
    setUnreadCount(m_unread);
}

void TrayController::setUnreadCount(int unread)
{
    const bool iconChanges = (unread > 0) != (m_unread > 0);
    m_unread = unread;
    QString tip = unread > 0 ? tr("LanChat — %n unread message(s)", nullptr, unread) : tr("LanChat");
    if (m_dnd) {
        //: tray tooltip while the user's status is do-not-disturb; %1 is the usual tooltip
        tip = tr("%1 — do not disturb: only mentions of you notify").arg(tip);
    }
    m_tray->setToolTip(tip);
    if (iconChanges)
        updateIcon();
}

void TrayController::setDoNotDisturb(bool dnd)
{
    if (dnd == m_dnd)
        return;
    m_dnd = dnd;
    updateIcon();
    setUnreadCount(m_unread);
}

QIcon TrayController::icon() const
{
    return m_tray->icon();
}

void TrayController::updateIcon()
{
    const QString base =
        m_unread > 0 ? QStringLiteral(":/icons/lanchat-unread.png") : QStringLiteral(":/icons/lanchat.png");
    if (!m_dnd) {
        m_tray->setIcon(QIcon(base));
        return;
    }
    // The do-not-disturb mark over the bottom-right quarter, as the status dot sits on avatars.
    QPixmap pixmap(base);
    if (pixmap.isNull())
        pixmap = QPixmap(64, 64);
    QPainter painter(&pixmap);
    const qreal d = pixmap.width() * 0.5;
    const QRectF mark(pixmap.width() - d, pixmap.height() - d, d, d);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    painter.drawEllipse(mark.adjusted(-d * 0.08, -d * 0.08, d * 0.08, d * 0.08));
    StatusBadgePainter::paintMark(&painter, mark, QStringLiteral("dnd"));
    painter.end();
    m_tray->setIcon(QIcon(pixmap));
}

QString TrayController::toolTip() const
{
    return m_tray->toolTip();
}

QString TrayController::Notification::summary() const
{
    //: one-line form of a message notification: %1 is "Group — Sender" or "Sender", %2 the message
    return TrayController::tr("%1: %2").arg(title, body);
}

TrayController::Notification TrayController::messageNotification(const QString& groupName, const QString& sender,
                                                                 const QString& text)
{
    Notification n;
    //: notification title for a group message: %1 is the group's name, %2 the sender's
    n.title = groupName.isEmpty() ? sender : tr("%1 — %2").arg(groupName, sender);
    n.body = text.left(200);
    return n;
}

bool TrayController::showCloseHintOnce(AppSettings& settings)
{
    if (settings.trayHintShown())
        return false;
    settings.setTrayHintShown(true);
    Notification hint;
    hint.title = tr("LanChat is still running");
    hint.body = tr("LanChat keeps running in the tray so you still get messages. To quit, use Quit in the tray "
                   "icon's menu or in the LanChat menu.");
    m_lastNotification = hint;
    if (QSystemTrayIcon::supportsMessages() && m_tray->isVisible())
        m_tray->showMessage(hint.title, hint.body, QSystemTrayIcon::Information, 8000);
    return true;
}

void TrayController::notify(const Notification& notification, ConversationId conversation)
{
    m_lastNotified = conversation;
    m_lastNotification = notification;
    if (QSystemTrayIcon::supportsMessages() && m_tray->isVisible()) {
        m_tray->showMessage(notification.title, notification.body, QIcon(QStringLiteral(":/icons/lanchat.png")), 6000);
    }
}

} // namespace lanchat
