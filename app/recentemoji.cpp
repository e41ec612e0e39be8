#include "recentemoji.h"

#include "appsettings.h"
#include "emojicatalog.h"

namespace lanchat {

RecentEmoji::RecentEmoji(AppSettings& settings)
    : m_settings(settings)
{}

QString RecentEmoji::key(const QString& username)
{
    // QSettings reads '/' and '\' as group separators.
    QString user = username.toLower();
    user.replace(QLatin1Char('/'), QLatin1Char('_'));
    user.replace(QLatin1Char('\\'), QLatin1Char('_'));
    return QStringLiteral("emoji/recent/") + user;
}

QStringList RecentEmoji::list(const QString& username) const
{
    QStringList out;
    for (const QString& emoji : m_settings.raw().value(key(username)).toStringList()) {
        // The file is the user's to edit: keep only what the picker can show, once each.
        if (EmojiCatalog::contains(emoji) && !out.contains(emoji) && out.size() < kMax)
            out.append(emoji);
    }
    return out;
}

void RecentEmoji::use(const QString& username, const QString& emoji)
{
    QStringList recent = list(username);
    recent.removeAll(emoji);
    recent.prepend(emoji);
    while (recent.size() > kMax)
        recent.removeLast();
    m_settings.raw().setValue(key(username), recent);
}

} // namespace lanchat
