#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace lanchat {

/**
 * The emoji the picker offers: a curated set of about 170 common ones in four groups, as Unicode strings
 * (with the emoji variation selector where a character would otherwise be drawn as a plain symbol). They are
 * drawn with the system's colour emoji font (Debian: fonts-noto-color-emoji).
 */
class EmojiCatalog
{
    Q_DECLARE_TR_FUNCTIONS(EmojiCatalog)

public:
    enum class Group
    {
        Smileys,
        People,
        Objects,
        Symbols,
    };

    /** All groups, in the order the picker shows them. */
    static QList<Group> groups();
    /** The emoji of @p group. */
    static QStringList emoji(Group group);
    /** The group's tab title, translated. */
    static QString title(Group group);
    /** True when @p text is one of the catalogue's emoji (recently used lists are checked against it). */
    static bool contains(const QString& text);
};

} // namespace lanchat
