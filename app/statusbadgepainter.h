#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QRect>
#include <QString>

class QPainter;

namespace lanchat {

/**
 * The status dot on a person's avatar and the words for a status (docs/protocol.md 16), one look for the contact
 * list, the chat list, the chat header, member lists, profiles and the status menu. Statuses are the wire names
 * ("online", "away", "busy", "dnd", "offline"; ContactsModel::statusOf() / roles::ContactStatus give them); an
 * unknown name paints and reads as "online". GUI thread.
 *
 * Usage in a delegate: `AvatarPainter::paint(painter, avatar, …); StatusBadgePainter::paint(painter, avatar,
 * index.data(roles::ContactStatus).toString());` — the dot sits at the avatar's bottom right, a quarter of its width.
 */
class StatusBadgePainter
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::StatusBadgePainter)

public:
    /** The dot's colour: green online, amber away, red busy and do-not-disturb, grey offline. */
    static QColor color(const QString& status);
    /**
     * Paints the dot at the bottom right of @p avatarRect, ringed in the panel colour so it reads on any avatar:
     * filled for online/away/busy, with a white bar across for do-not-disturb, a grey ring for offline.
     */
    static void paint(QPainter* painter, const QRect& avatarRect, const QString& status);
    /** The same mark alone, filling @p rect (menus and the tray: a square icon). */
    static void paintMark(QPainter* painter, const QRectF& rect, const QString& status);
    /** The status in words, translated: "Online", "Away", "Busy", "Do not disturb", "Offline". */
    static QString label(const QString& status);
    /** The chat-header line of a person: "Busy — 在开会，下午回复", or the label alone without text. */
    static QString headerLine(const QString& status, const QString& text);
};

} // namespace lanchat
