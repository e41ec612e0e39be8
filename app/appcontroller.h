#pragma once

#include <QObject>

#include <memory>

namespace lanchat {

class AppSettings;
class ChatClient;
class LanguageManager;
class LoginDialog;
class MainWindow;
class ServerFinder;
class TokenVault;

/**
 * Wires the desktop app together for main(): settings, language, stylesheet, the ChatClient, LAN
 * discovery, the device token in the system keychain (TokenVault), the login dialog and the main window, and the
 * way back to the login dialog after logout. Nothing waits in a nested event loop: each step follows the signal of
 * the one before. Owns everything it creates; GUI thread only.
 */
class AppController : public QObject
{
    Q_OBJECT

public:
    explicit AppController(QObject* parent = nullptr);
    /** With the settings of @p settings (tests, portable installs) instead of the default location. */
    explicit AppController(std::unique_ptr<AppSettings> settings, QObject* parent = nullptr);
    ~AppController() override;

    /**
     * Applies language and stylesheet and reads the keychain; then logs in with the stored device token ("Stay logged
     * in") without showing the login dialog, or shows it (also when the token is refused, saying why). Returns at
     * once: windowShown() follows a login, quitRequested() the user's "Quit" in the login dialog.
     */
    void start();

    /** The client, the main window (null before the first login) and the login dialog while one exists, for tests. */
    ChatClient* client() const { return m_client; }
    MainWindow* window() const { return m_window.get(); }
    LoginDialog* loginDialog() const { return m_login; }

    /** Loads resources/style.qss (compiled in) into the application, in the Theme's colours. */
    static void applyStyleSheet();

Q_SIGNALS:
    /** A login succeeded and the main window is up (or hidden to the tray when starting minimised). */
    void windowShown();
    /** The user closed the login dialog: the application should end. */
    void quitRequested();

private:
    /** @p reason (may be empty) is shown in the dialog, e.g. why the session ended. */
    void showLogin(const QString& reason = {}, bool tryToken = false);
    void onLoginFinished(int result);
    void showWindow();

    std::unique_ptr<AppSettings> m_settings;
    LanguageManager* m_languages;
    ChatClient* m_client;
    ServerFinder* m_finder;
    TokenVault* m_vault;
    LoginDialog* m_login = nullptr; ///< the dialog of the login under way; deleted once it finished
    std::unique_ptr<MainWindow> m_window;
};

} // namespace lanchat
