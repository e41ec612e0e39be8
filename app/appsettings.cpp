#include "appsettings.h"

#include "protocol.h"

#include <QDir>
#include <QStandardPaths>

namespace lanchat {

namespace {

QString pinKey(const QString& host, quint16 port)
{
    // QSettings treats '/' and '\' specially; host names and IPv6 literals contain neither after this.
    QString key = host.toLower() + QLatin1Char('_') + QString::number(port);
    key.replace(QLatin1Char(':'), QLatin1Char('.'));
    return QStringLiteral("pins/") + key;
}

} // namespace

AppSettings::AppSettings()
    : m_settings(QStringLiteral("LanChat"), QStringLiteral("lanchat"))
{
    migrate();
}

AppSettings::AppSettings(const QString& iniPath)
    : m_settings(iniPath, QSettings::IniFormat)
{
    migrate();
}

void AppSettings::migrate()
{
    // Plaintext is no longer offered by the app; a stored "tls=false" must not survive to mean anything.
    m_settings.remove(QStringLiteral("server/tls"));
    // Older versions kept the password here in plain text ("Remember password"); a device token replaces it.
    // Versions before the keychain kept the device token here: deleted, not moved, since a file readable by a backup
    // or another admin may have leaked it already; the next login with the password issues a fresh one.
    bool removed = false;
    for (const QString& key : {QStringLiteral("login/password"), QStringLiteral("login/deviceToken")}) {
        if (m_settings.contains(key)) {
            m_settings.remove(key);
            removed = true;
        }
    }
    if (removed)
        m_settings.sync();
}

QString AppSettings::lastHost() const
{
    return m_settings.value(QStringLiteral("server/host")).toString();
}

quint16 AppSettings::lastPort() const
{
    return quint16(m_settings.value(QStringLiteral("server/port"), protocol::kDefaultPort).toUInt());
}

void AppSettings::setLastServer(const QString& host, quint16 port)
{
    m_settings.setValue(QStringLiteral("server/host"), host);
    m_settings.setValue(QStringLiteral("server/port"), port);
}

QString AppSettings::lastUsername() const
{
    return m_settings.value(QStringLiteral("login/username")).toString();
}

void AppSettings::setLastUsername(const QString& username)
{
    m_settings.setValue(QStringLiteral("login/username"), username);
}

bool AppSettings::stayLoggedIn() const
{
    return m_settings.value(QStringLiteral("login/remember"), false).toBool();
}

void AppSettings::setStayLoggedIn(bool stay)
{
    m_settings.setValue(QStringLiteral("login/remember"), stay);
}

QString AppSettings::pinnedFingerprint(const QString& host, quint16 port) const
{
    return m_settings.value(pinKey(host, port)).toString();
}

void AppSettings::setPinnedFingerprint(const QString& host, quint16 port, const QString& hexFingerprint)
{
    m_settings.setValue(pinKey(host, port), hexFingerprint);
}

QString AppSettings::downloadDirectory() const
{
    const QString fallback =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation)).filePath(QStringLiteral("LanChat"));
    return m_settings.value(QStringLiteral("files/downloadDir"), fallback).toString();
}

void AppSettings::setDownloadDirectory(const QString& dir)
{
    m_settings.setValue(QStringLiteral("files/downloadDir"), dir);
}

bool AppSettings::notificationsEnabled() const
{
    return m_settings.value(QStringLiteral("notify/enabled"), true).toBool();
}

void AppSettings::setNotificationsEnabled(bool enabled)
{
    m_settings.setValue(QStringLiteral("notify/enabled"), enabled);
}

bool AppSettings::notificationSound() const
{
    return m_settings.value(QStringLiteral("notify/sound"), true).toBool();
}

void AppSettings::setNotificationSound(bool enabled)
{
    m_settings.setValue(QStringLiteral("notify/sound"), enabled);
}

int AppSettings::autoAwayMinutes() const
{
    return qBound(0, m_settings.value(QStringLiteral("status/autoAwayMinutes"), 10).toInt(), 240);
}

void AppSettings::setAutoAwayMinutes(int minutes)
{
    m_settings.setValue(QStringLiteral("status/autoAwayMinutes"), qBound(0, minutes, 240));
}

QSet<qint64> AppSettings::mutedConversations() const
{
    QSet<qint64> muted;
    const QStringList ids = m_settings.value(QStringLiteral("notify/muted")).toStringList();
    for (const QString& id : ids)
        muted.insert(id.toLongLong());
    return muted;
}

void AppSettings::setConversationMuted(qint64 conversation, bool muted)
{
    QSet<qint64> set = mutedConversations();
    if (muted)
        set.insert(conversation);
    else
        set.remove(conversation);
    QStringList ids;
    for (qint64 id : set)
        ids.append(QString::number(id));
    m_settings.setValue(QStringLiteral("notify/muted"), ids);
}

bool AppSettings::startMinimised() const
{
    return m_settings.value(QStringLiteral("window/startMinimised"), false).toBool();
}

void AppSettings::setStartMinimised(bool minimised)
{
    m_settings.setValue(QStringLiteral("window/startMinimised"), minimised);
}

bool AppSettings::closeToTray() const
{
    return m_settings.value(QStringLiteral("window/closeToTray"), true).toBool();
}

void AppSettings::setCloseToTray(bool toTray)
{
    m_settings.setValue(QStringLiteral("window/closeToTray"), toTray);
}

bool AppSettings::trayHintShown() const
{
    return m_settings.value(QStringLiteral("window/trayHintShown"), false).toBool();
}

void AppSettings::setTrayHintShown(bool shown)
{
    m_settings.setValue(QStringLiteral("window/trayHintShown"), shown);
}

AppSettings::Language AppSettings::language() const
{
    const QString value = m_settings.value(QStringLiteral("ui/language")).toString();
    if (value == QLatin1String("zh_CN"))
        return Language::Chinese;
    if (value == QLatin1String("en"))
        return Language::English;
    return Language::System;
}

void AppSettings::setLanguage(Language language)
{
    QString value = QStringLiteral("system");
    if (language == Language::Chinese)
        value = QStringLiteral("zh_CN");
    else if (language == Language::English)
        value = QStringLiteral("en");
    m_settings.setValue(QStringLiteral("ui/language"), value);
}

int AppSettings::fontPointSize() const
{
    return m_settings.value(QStringLiteral("ui/fontSize"), 0).toInt();
}

void AppSettings::setFontPointSize(int points)
{
    m_settings.setValue(QStringLiteral("ui/fontSize"), points);
}

} // namespace lanchat
