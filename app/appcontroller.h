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
    ~AppController() override;

    /** Applies language and stylesheet and shows the login dialog; returns false when the user quit. */
    bool start();

    /** Loads resources/style.qss (compiled in) into the application, in the Theme's colours. */
    static void applyStyleSheet();

private:
    /** @p reason (may be empty) is shown in the dialog, e.g. why the session ended. */
    bool showLogin(const QString& reason = {});

    std::unique_ptr<AppSettings> m_settings;
    LanguageManager* m_languages;
    ChatClient* m_client;
    ServerFinder* m_finder;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace lanchat
