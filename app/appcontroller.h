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

/**
 * Wires the desktop app together for main(): settings, language, stylesheet, the ChatClient, LAN
 * discovery, the login dialog and the main window, and the way back to the login dialog after logout.
 * Owns everything it creates; GUI thread only.
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
     * Applies language and stylesheet, then logs in with the stored device token ("Stay logged in") without showing
     * the login dialog, or shows it (also when the token is refused, saying why); returns false when the user quit.
     */
    bool start();

    /** The client and the main window (null before the first login), for tests. */
    ChatClient* client() const { return m_client; }
    MainWindow* window() const { return m_window.get(); }

    /** Loads resources/style.qss (compiled in) into the application, in the Theme's colours. */
    static void applyStyleSheet();

private:
    /** @p reason (may be empty) is shown in the dialog, e.g. why the session ended. */
    bool showLogin(const QString& reason = {}, bool tryToken = false);

    std::unique_ptr<AppSettings> m_settings;
    LanguageManager* m_languages;
    ChatClient* m_client;
    ServerFinder* m_finder;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace lanchat
