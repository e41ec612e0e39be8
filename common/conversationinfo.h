#pragma once

#include "ids.h"

#include <QCborMap>
#include <QList>
#include <QString>

#include <optional>

namespace lanchat {

enum class ConversationKind
{
    Private, ///< wire "private": exactly two members, no owner, no name
    Group,   ///< wire "group": a name, an owner, 1..1000 members
};

/**
 * A member's role in a group (docs/protocol.md 9, feature `group_roles`). The owner and admins add and remove
 * members, rename and mention everyone; only the owner appoints admins, transfers ownership and dissolves.
 * Ordered: a higher role may do everything a lower one may.
 */
enum class GroupRole
{
    None,   ///< not a member (or not a group)
    Member, ///< a plain member
    Admin,  ///< wire: listed in `admins`
    Owner,  ///< wire: `owner`
};

/**
 * A conversation the requesting user belongs to
 * (wire: `{id, kind, name, owner, admins, members, last_seq, read_seq, channel, read_only}`; name/owner only for
 * groups; admins only for a group that has any; channel/read_only only for an announcement channel).
 */
struct ConversationInfo
{
    ConversationId id;
    ConversationKind kind = ConversationKind::Private;
    QString name;          ///< group name; empty for private conversations
    UserId owner;          ///< group owner; invalid for private conversations
    QList<UserId> admins;  ///< group admins (never the owner), longest-standing first; empty: none
    QList<UserId> members; ///< all members, the requester included
    Seq lastSeq = 0;       ///< seq of the newest message, 0 if none
    Seq readSeq = 0;       ///< the requesting user's read position (`read`), 0 if none
    /**
     * The group is the server's announcement channel (wire `channel: "announcements"`, `read_only: true`):
     * members read it, only the admin's `lanchat-server broadcast` posts; a post from a client is `forbidden`.
     */
    bool announcements = false;

    /** The role of @p user here: Owner, Admin, Member, or None when not a member (always None in a private chat). */
    GroupRole roleOf(UserId user) const;

    QCborMap toCbor() const;
    static std::optional<ConversationInfo> fromCbor(const QCborMap& map, QString* error = nullptr);
    bool operator==(const ConversationInfo&) const = default;
};

} // namespace lanchat
