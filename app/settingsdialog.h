#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace lanchat {

class AppSettings;

/**
 * Settings: server (host:port, used at the next login), download folder, notifications and their sound, start
 * with the system (Autostart, written at once on OK; hidden where unsupported), start minimised, close to tray,
 * language (follow system / 简体中文 / English, applied at once), theme (follow system / light / dark, applied at
 * once), hiding the window for screenshots and font size. Writes
 * AppSettings on OK and emits applied() so the main window re-applies language and font.
 */
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(AppSettings& settings, QWidget* parent = nullptr);

    /** Stores the edited values into AppSettings and emits applied(). */
    void apply();

Q_SIGNALS:
    void applied();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void load();

    AppSettings& m_settings;
    QLabel* m_serverLabel = nullptr;
    QLineEdit* m_server = nullptr;
    QLabel* m_folderLabel = nullptr;
    QLineEdit* m_folder = nullptr;
    QPushButton* m_browse = nullptr;
    QCheckBox* m_notify = nullptr;
    QCheckBox* m_sound = nullptr;
    QLabel* m_autoAwayLabel = nullptr;
    QSpinBox* m_autoAway = nullptr;   ///< idle minutes before "away", 0 = never
    QCheckBox* m_autostart = nullptr; ///< hidden where Autostart is not supported
    QCheckBox* m_startMinimised = nullptr;
    QCheckBox* m_closeToTray = nullptr;
    QLabel* m_languageLabel = nullptr;
    QComboBox* m_language = nullptr;
    QLabel* m_themeLabel = nullptr;
    QComboBox* m_theme = nullptr;
    QCheckBox* m_hideForScreenshot = nullptr;
    QLabel* m_fontLabel = nullptr;
    QSpinBox* m_fontSize = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace lanchat
