#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

class QWidget;

namespace lanchat {
class AppSettings;
class LanguageManager;
} // namespace lanchat

namespace lanchat::test {

class TestServer;

/**
 * What every desktop-app test stands on: a temporary folder, the in-process relay (TestServer), the app's
 * settings in that folder and the language manager with English applied. Closing to the tray is off, so a
 * window a test closes really goes. Owned by the test class; GUI thread only.
 */
class AppDesk
{
public:
    AppDesk();
    ~AppDesk();

    /** Starts the relay (@p tls) and creates the settings file `<dir>/settingsFile`; false (with a warning) on failure.
     */
    bool start(bool tls, const QString& settingsFile = QStringLiteral("lanchat.ini"));
    /**
     * Saves @p widget as `<name>-zh.png` and `<name>-en.png` (Chinese, then English applied) into the folder named by
     * the environment variable LANCHAT_SHOTS_DIR, for a person to look at; does nothing when it is not set.
     */
    void shoot(QWidget* widget, const QString& name);

    QTemporaryDir dir;
    std::unique_ptr<TestServer> relay;
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<LanguageManager> languages;
};

} // namespace lanchat::test
