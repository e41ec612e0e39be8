#pragma once

#include <QSet>
#include <QSettings>
#include <QString>

namespace lanchat {

/**
 * Typed access to the desktop app's persistent settings (QSettings, organisation "LanChat", application
 * "lanchat": ~/.config/LanChat/lanchat.conf on Linux). Every window reads and writes settings through one
 * AppSettings passed by reference from main(); nothing reads QSettings directly.
 *
 * Neither the password nor a device token is ever stored here: "Stay logged in" keeps a device token in the system
 * keychain (TokenVault). A password left by an older version ("Remember password") and a device token left by the
 * versions that kept it in this file are deleted when the settings are opened, not moved.
 *
 * There is no TLS setting: the app always connects encrypted. The `server/tls` key of older versions (which
 * a forged discovery answer could set to false) is removed when the settings are opened.
 */
class AppSettings
{
public:
    /** Language choice of the Settings dialog. */
    enum class Language
    {
        System,  ///< follow the system locale (zh* → Chinese, anything else → English)
        Chinese, ///< 简体中文 (zh_CN)
        English, ///< English (source language)
    };

    /** Uses the default QSettings location. */
    AppSettings();
    /** Uses an INI file at @p iniPath (tests, portable installs). */
    explicit AppSettings(const QString& iniPath);

    QString lastHost() const;
    quint16 lastPort() const;
    void setLastServer(const QString& host, quint16 port);
    QString lastUsername() const;
    void setLastUsername(const QString& username);
    /** The "Stay logged in" choice of the login dialog (default false). */
    bool stayLoggedIn() const;
    /** Only the choice: the token itself lives in the keychain (TokenVault). */
    void setStayLoggedIn(bool stay);
    /** A short sound with each new-message notification (default true). */
    bool notificationSound() const;
    void setNotificationSound(bool enabled);
    /** Idle minutes after which the status becomes "away" by itself (default 10; 0: never), 0..240. */
    int autoAwayMinutes() const;
    void setAutoAwayMinutes(int minutes);

    /** Pinned TLS certificate fingerprint (hex SHA-256) of host:port, empty when never trusted. */
    QString pinnedFingerprint(const QString& host, quint16 port) const;
    void setPinnedFingerprint(const QString& host, quint16 port, const QString& hexFingerprint);

    /** Folder downloads are written to; defaults to ~/Downloads/LanChat. */
    QString downloadDirectory() const;
    void setDownloadDirectory(const QString& dir);
    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool enabled);
    /** Conversations (ids) whose new messages do not raise a desktop notification. */
    QSet<qint64> mutedConversations() const;
    void setConversationMuted(qint64 conversation, bool muted);
    bool startMinimised() const;
    void setStartMinimised(bool minimised);
    /** Closing the main window hides it to the tray instead of quitting (default true). */
    bool closeToTray() const;
    void setCloseToTray(bool toTray);
    /** True once the "still running in the tray" hint was shown: it is shown once per installation. */
    bool trayHintShown() const;
    void setTrayHintShown(bool shown);
    Language language() const;
    void setLanguage(Language language);
    /** Base font size in points for messages and lists; 0 means the system default. */
    int fontPointSize() const;
    void setFontPointSize(int points);

    QSettings& raw() { return m_settings; }

private:
    void migrate();

    mutable QSettings m_settings;
};

} // namespace lanchat
