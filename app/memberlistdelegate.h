#pragma once

#include "itembackgrounddelegate.h"

namespace lanchat {

class AvatarPixmaps;

/**
 * Paints one member of a group's member list (GroupDialog): the member's photo or initials (AvatarPixmaps) with
 * the status dot (StatusBadgePainter), the display name, the user name, and the member's role in the group on the
 * right: an "Owner" or "Admin" badge, a quiet "Member". Reads the item data roles below; the display name is
 * Qt::DisplayRole.
 */
class MemberListDelegate : public ItemBackgroundDelegate
{
    Q_OBJECT

public:
    /** Item data roles of a member row. */
    enum Role
    {
        UserIdRole = Qt::UserRole + 1, ///< qint64
        UsernameRole,                  ///< QString, shown as "@name"
        OnlineRole,                    ///< bool
        PresenceKnownRole,             ///< bool: false while offline ourselves (no dot then)
        GroupRoleRole,                 ///< int: MemberListDelegate::GroupRole
        StatusRole,                    ///< QString: "online", "away", "busy", "dnd" or "offline" (protocol.md 16)
        AvatarRole,                    ///< QByteArray: SHA-256 of the member's picture (AvatarCache); empty = none
    };

    /** A member's role in the group (docs/protocol.md 9): one owner, any number of admins. */
    enum class GroupRole
    {
        Member,
        Owner,
        Admin,
    };

    explicit MemberListDelegate(QObject* parent = nullptr);

    /** The translated name of @p role ("Owner", "Admin", "Member"). */
    static QString roleText(GroupRole role);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    /** @p avatars (may be null, not owned) gives members' pictures; without it every member shows initials. */
    void setAvatars(AvatarPixmaps* avatars) { m_avatars = avatars; }

private:
    AvatarPixmaps* m_avatars = nullptr;
};

} // namespace lanchat
