#pragma once

// Group roles (docs/protocol.md 9, feature `group_roles`).

#include "../ids.h"

#include <QCborMap>
#include <QString>

#include <optional>

namespace lanchat {

/**
 * `group_set_role {conversation, user, role}` (role "admin" | "member"), `group_transfer {conversation, user}`,
 * `group_dissolve {conversation}`: the owner's requests (anyone else: `forbidden`). set_role and transfer answer
 * `{conversation: Conversation}` like the other group changes; dissolve answers `{}`. One struct: they share the
 * fields. Rules and errors: docs/protocol.md 9.
 */
struct GroupRoleRequest
{
    static constexpr const char* kSetRole = "group_set_role";
    static constexpr const char* kTransfer = "group_transfer";
    static constexpr const char* kDissolve = "group_dissolve";
    /** Wire values of `role`. */
    static constexpr const char* kAdmin = "admin";
    static constexpr const char* kMember = "member";

    QString type;
    ConversationId conversation;
    UserId user;  ///< set_role, transfer
    QString role; ///< set_role: kAdmin or kMember (anything else does not decode: `invalid_argument`)
    QCborMap encode() const;
    static std::optional<GroupRoleRequest> decode(const QCborMap& map, QString* error);
};

} // namespace lanchat
