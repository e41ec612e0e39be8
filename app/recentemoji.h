#pragma once

#include <QString>
#include <QStringList>

namespace lanchat {

class AppSettings;

/**
 * The emoji a user picked lately, most recent first, at most kMax, kept in the app settings per user name
 * (`emoji/recent/<username>`), so each account on a shared computer has its own row.
 */
class RecentEmoji
{
public:
    static constexpr int kMax = 24;

    /** @p settings must outlive this. */
    explicit RecentEmoji(AppSettings& settings);

    /** The recently used emoji of @p username, most recent first; only catalogue emoji are returned. */
    QStringList list(const QString& username) const;
    /** Moves (or adds) @p emoji to the front of @p username's list, dropping the oldest beyond kMax. */
    void use(const QString& username, const QString& emoji);

private:
    static QString key(const QString& username);

    AppSettings& m_settings;
};

} // namespace lanchat
