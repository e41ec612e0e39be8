#pragma once

#include "ids.h"

#include <QObject>
#include <QString>

class QAction;
class QIcon;
class QMenu;
class QSystemTrayIcon;

namespace lanchat {

class AppSettings;

/**
 * The system tray icon: tooltip with the unread count, an icon with a red dot while anything is unread,
 * desktop notifications for new messages (the caller decides focus and mute), and a menu to show the
 * window or quit. Does nothing visible where the platform has no tray.
 */
class TrayController : public QObject
{
    Q_OBJECT

public:
    explicit TrayController(QObject* parent = nullptr);
    ~TrayController() override;

    /** What a message notification says: title in bold, body below. */
    struct Notification
    {
        QString title; ///< "Group — Sender" for a group, "Sender" for a private chat
        QString body;  ///< the message preview, at most 200 characters
        /** One line as read aloud: "Group — Sender: text" or "Sender: text". */
        QString summary() const;
        bool operator==(const Notification&) const = default;
    };

    /**
     * The notification of a message from @p sender in @p groupName (empty for a private chat), with the
     * preview @p text: a group's name comes first, so one can tell where to answer before opening it.
     */
    static Notification messageNotification(const QString& groupName, const QString& sender, const QString& text);

    bool isAvailable() const;
    void setUnreadCount(int unread);
    /**
     * Do-not-disturb is on (OwnStatus::isDoNotDisturb()): the icon carries a red bar badge and the tooltip says so.
     * The caller still decides which messages notify (mentions of oneself do).
     */
    void setDoNotDisturb(bool dnd);
    bool doNotDisturb() const { return m_dnd; }
    /** The icon currently set (tests and screenshots). */
    QIcon icon() const;
    int unreadCount() const { return m_unread; }
    /** The tooltip text currently set (tests). */
    QString toolTip() const;
    /** Shows a desktop notification; clicking it emits notificationClicked(@p conversation). */
    void notify(const Notification& notification, ConversationId conversation);
    /**
     * The window was just closed to the tray: the first time on this installation (@p settings remembers it)
     * shows a balloon saying LanChat keeps running in the tray, and returns true; afterwards does nothing.
     */
    bool showCloseHintOnce(AppSettings& settings);
    /** The last notification passed to notify(), shown or not (tests, and platforms without a tray). */
    Notification lastNotification() const { return m_lastNotification; }

Q_SIGNALS:
    void showRequested();
    void quitRequested();
    void notificationClicked(lanchat::ConversationId conversation);

private:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void retranslate();

    QSystemTrayIcon* m_tray;
    QMenu* m_menu;
    QAction* m_show;
    QAction* m_quit;
    void updateIcon();

    int m_unread = 0;
    bool m_dnd = false;
    ConversationId m_lastNotified;
    Notification m_lastNotification;
};

} // namespace lanchat
