#pragma once

#include "ids.h"

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace lanchat {

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

    bool isAvailable() const;
    void setUnreadCount(int unread);
    int unreadCount() const { return m_unread; }
    /** The tooltip text currently set (tests). */
    QString toolTip() const;
    /** Shows a desktop notification; clicking it emits notificationClicked(@p conversation). */
    void notify(const QString& title, const QString& text, ConversationId conversation);

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
    int m_unread = 0;
    ConversationId m_lastNotified;
};

} // namespace lanchat
