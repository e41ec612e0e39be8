#pragma once

#include <QColor>
#include <QRect>
#include <QString>

class QImage;
class QPainter;

namespace lanchat {

/** Paints the round initials avatars and presence dots shared by the list and message delegates. */
class AvatarPainter
{
public:
    /** Whether an avatar stands for one person or for a group (the initials convention differs). */
    enum class Kind
    {
        Person,
        Group,
    };

    /**
     * The 1–2 characters of the avatar of @p name, the one rule for the conversation list, the contacts,
     * the message bubbles and the member lists. A name with Han characters shows Han characters only, as
     * Chinese messengers do: a person the last two (the given name: "王小明" → "小明", "张伟" → "张伟"), a
     * group the first ("项目组 Alpha" → "项"). Other names: the upper-cased first letters of the first two
     * words ("Amy Pond" → "AP"), or the first letter of a one-word name ("alice" → "A"). "?" when empty.
     */
    static QString initials(const QString& name, Kind kind);
    /** A stable, pleasant background colour derived from @p key (a user or conversation id). */
    static QColor colorFor(qint64 key);
    /** Circle of colorFor(@p key) in @p rect with @p initials (from initials()) centred in white. */
    static void paint(QPainter* painter, const QRect& rect, const QString& initials, qint64 key);
    /** @p photo (square) clipped to the circle of @p rect: the user's avatar picture where they set one. */
    static void paintPhoto(QPainter* painter, const QRect& rect, const QImage& photo);
};

} // namespace lanchat
