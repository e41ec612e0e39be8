#pragma once

#include <QObject>

#include <memory>

class QWidget;

namespace lanchat {

class AppSettings;
class AutoAway;
class ChatClient;
class IdleSource;
class OwnStatus;
class StatusButton;
class TrayController;

/**
 * The own status in the desktop app (docs/protocol.md 16): OwnStatus, the StatusButton and its menu for the sidebar,
 * auto-away after AppSettings::autoAwayMinutes() of the desktop session's idle time (X11IdleSource, else the app's
 * own input, InputIdleSource), the tray's do-not-disturb badge, and the account dialog ("Account…").
 * wantsNotification() is the do-not-disturb rule of MainWindow's notifications. GUI thread.
 */
class StatusController : public QObject
{
    Q_OBJECT

public:
    /** @p client, @p settings and @p tray must outlive the controller; @p window parents its dialogs. */
    StatusController(ChatClient* client, AppSettings& settings, TrayController* tray, QWidget* window);
    ~StatusController() override;

    OwnStatus* ownStatus() const { return m_status; }
    AutoAway* autoAway() const { return m_autoAway; }
    /** The button for the top of the sidebar (ownership passes to whoever adds it to a layout). */
    StatusButton* button() const { return m_button; }
    /**
     * Replaces the idle source (tests feed times through one of their own; the controller does not own it then);
     * nullptr goes back to the desktop's. AutoAway asks it from the next poll on.
     */
    void setIdleSource(IdleSource* source);
    /** Takes the auto-away minutes from the settings again (after the settings dialog). */
    void applySettings();
    /**
     * Whether a message may pop up a notification and sound: always, unless the user is in do-not-disturb; then
     * only when it @p mentionsMe by name (an @all/everyone mention does not count: it does not break through).
     */
    bool wantsNotification(bool mentionsMe) const;

public Q_SLOTS:
    /** Shows the account dialog (password, sessions, devices). */
    void showAccount();

private:
    void updateTray();

    ChatClient* m_client;
    AppSettings& m_settings;
    TrayController* m_tray;
    QWidget* m_window;
    OwnStatus* m_status;
    std::unique_ptr<IdleSource> m_desktopIdle;
    std::unique_ptr<IdleSource> m_switch; ///< what AutoAway asks: m_desktopIdle, or a test's source
    AutoAway* m_autoAway;
    StatusButton* m_button;
};

} // namespace lanchat
