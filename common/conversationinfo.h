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
 * A conversation the requesting user belongs to
 * (wire: `{id, kind, name, owner, members, last_seq, read_seq, channel, read_only}`; name/owner only for
 * groups; channel/read_only only for an announcement channel).
 */
struct ConversationInfo
{
    ConversationId id;
    ConversationKind kind = ConversationKind::Private;
    QString name;          ///< group name; empty for private conversations
    UserId owner;          ///< group owner; invalid for private conversations
    QList<UserId> members; ///< all members, the requester included
    Seq lastSeq = 0;       ///< seq of the newest message, 0 if none
    Seq readSeq = 0;       ///< the requesting user's read position (`read`), 0 if none
    /**
     * The group is the server's announcement channel (wire `channel: "announcements"`, `read_only: true`):
     * members read it, only the admin's `lanchat-server broadcast` posts; a post from a client is `forbidden`.
     */
    bool announcements = false;

    QCborMap toCbor() const;
    static std::optional<ConversationInfo> fromCbor(const QCborMap& map, QString* error = nullptr);
    bool operator==(const ConversationInfo&) const = default;
};

} // namespace lanchat
