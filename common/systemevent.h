#pragma once

#include "ids.h"

#include <QCborMap>
#include <QString>

#include <optional>

namespace lanchat {

class CborFrameWriter;

/**
 * What a system message records, so that every client words it in its own language (wire: the `event`
 * map of a `kind: "system"` message, `{type, actor, target?, name?}`, docs/protocol.md 8.3). The message's
 * `text` keeps an English sentence for clients that do not know the event.
 */
struct SystemEvent
{
    enum class Type
    {
        GroupCreated,     ///< wire "group_created": actor created the group, name = its name
        GroupRenamed,     ///< wire "group_renamed": actor renamed the group, name = the new name
        MemberAdded,      ///< wire "member_added": actor added target
        MemberRemoved,    ///< wire "member_removed": actor removed target
        MemberLeft,       ///< wire "member_left": actor left the group
        AdminAdded,       ///< wire "admin_added": actor (the owner) made target an admin
        AdminRemoved,     ///< wire "admin_removed": actor (the owner) made admin target a plain member again
        OwnerTransferred, ///< wire "owner_transferred": actor (the owner) made target the owner
        GroupDissolved,   ///< wire "group_dissolved": actor (the owner) dissolved the group
    };

    Type type = Type::GroupCreated;
    UserId actor;  ///< who did it
    UserId target; ///< whom it concerns (member_*, admin_*, owner_transferred); invalid otherwise
    QString name;  ///< group name (group_created, group_renamed); at most protocol::kMaxNameChars characters

    /** The wire name of @p type ("member_added" …). */
    static QLatin1String typeName(Type type);
    /** The type of wire name @p name; nullopt for a name this build does not know (a newer server's event). */
    static std::optional<Type> typeFromName(QStringView name);

    QCborMap toCbor() const;
    /** Number of map entries write() emits (CborFrameWriter needs it up front). */
    int fieldCount() const;
    /** Writes the map's entries (not the map head) to @p writer. */
    void write(CborFrameWriter& writer) const;
    /** Nullopt for a malformed map or an unknown type: the client then shows the message's English text. */
    static std::optional<SystemEvent> fromCbor(const QCborMap& map);
    bool operator==(const SystemEvent&) const = default;
};

} // namespace lanchat
