#include "notificationsound.h"

#include "appsettings.h"
#include "logging.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

namespace lanchat {

NotificationSound::NotificationSound(AppSettings& settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
{}

bool NotificationSound::play()
{
    if (!m_settings.notificationSound())
        return false;
    if (m_sinceLast.isValid() && m_sinceLast.elapsed() < m_minGapMs)
        return false;
    m_sinceLast.start();
    ++m_played;
    Q_EMIT played();
    const QString file = soundFile();
    for (const char* player : {"pw-play", "paplay", "aplay"}) {
        const QString program = QStandardPaths::findExecutable(QLatin1String(player));
        if (program.isEmpty() || file.isEmpty())
            continue;
        QStringList arguments{file};
        if (qstrcmp(player, "aplay") == 0)
            arguments.prepend(QStringLiteral("-q"));
        if (QProcess::startDetached(program, arguments))
            return true;
    }
    QApplication::beep();
    return true;
}

QString NotificationSound::soundFile()
{
    if (!m_file.isEmpty() && QFile::exists(m_file))
        return m_file;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (dir.isEmpty() || !QDir().mkpath(dir))
        return {};
    const QString path = QDir(dir).filePath(QStringLiteral("chime.wav"));
    QFile::remove(path); // a copy from an older version may differ
    if (!QFile::copy(QStringLiteral(":/sounds/chime.wav"), path)) {
        qCWarning(lcApp) << "cannot write the notification sound to" << path;
        return {};
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    m_file = path;
    return m_file;
}

} // namespace lanchat
