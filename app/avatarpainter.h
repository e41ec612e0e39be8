#pragma once

#include <QColor>
#include <QRect>
#include <QString>

class QPainter;

namespace lanchat {

/** Paints the round initials avatars and presence dots shared by the list and message delegates. */
class AvatarPainter
{
public:
    /** A stable, pleasant background colour derived from @p key (a user or conversation id). */
    static QColor colorFor(qint64 key);
    /** Circle of colorFor(@p key) in @p rect with up to two @p initials centred in white. */
    static void paint(QPainter* painter, const QRect& rect, const QString& initials, qint64 key);
    /** Presence dot at the bottom right of an avatar @p rect: green online, grey offline. */
    static void paintPresence(QPainter* painter, const QRect& avatarRect, bool online);
};

} // namespace lanchat
