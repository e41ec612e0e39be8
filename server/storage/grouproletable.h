#pragma once

#include "storage.h"

namespace lanchat {

class SqlStatements;

/**
 * The group roles behind SqliteStorage (schema 14, see Storage for the contracts): `members.role` (0 member,
 * 1 admin), `members.joined_ms`, and the owner in `conversations.owner`. Writes leave the member lists alone,
 * except dissolve(), after which the caller drops the member cache.
 */
class GroupRoleTable
{
public:
    explicit GroupRoleTable(SqlStatements& statements);

    GroupRole role(ConversationId group, UserId user);
    QList<UserId> admins(ConversationId group);
    bool setRole(ConversationId group, UserId user, GroupRole role);
    bool transfer(ConversationId group, UserId newOwner);
    bool dissolve(ConversationId group);
    /**
     * Gives every group @p user owns a new owner (its longest-standing admin, else its longest-standing member),
     * before the account is deleted; a group with no other member keeps none. Part of the caller's write scope.
     */
    bool reownGroupsOf(UserId user);
    /**
     * If @p user owns @p group, gives it to its longest-standing other admin, else member (none if there is no
     * other member); before @p user's membership goes. False on a database error.
     */
    bool reownIfOwner(ConversationId group, UserId user);

private:
    /** Makes @p user the owner of @p group with a plain row; false on failure. */
    bool setOwner(ConversationId group, UserId user);

    SqlStatements& m_statements;
};

} // namespace lanchat
