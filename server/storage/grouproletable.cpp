#include "grouproletable.h"

#include "sqlstatements.h"
#include "sqlwritescope.h"

#include <QSqlQuery>
#include <QVariant>

namespace lanchat {

namespace {

// Stored values of members.role (0014_group_roles.sql) and conversations.kind (0001_initial.sql).
constexpr int kMemberRole = 0;
constexpr int kAdminRole = 1;
constexpr int kGroupKind = 1;

} // namespace

GroupRoleTable::GroupRoleTable(SqlStatements& statements)
    : m_statements(statements)
{}

GroupRole GroupRoleTable::role(ConversationId group, UserId user)
{
    QSqlQuery* query = m_statements.run("SELECT c.owner, m.role FROM members m JOIN conversations c "
                                        "ON c.id = m.conversation WHERE m.conversation = ? AND m.user_id = ? "
                                        "AND c.kind = ?",
                                        {group.value(), user.value(), kGroupKind});
    if (!query || !query->next())
        return GroupRole::None;
    const bool owner = query->value(0).toLongLong() == user.value();
    const bool admin = query->value(1).toInt() == kAdminRole;
    query->finish();
    return owner ? GroupRole::Owner : admin ? GroupRole::Admin : GroupRole::Member;
}

QList<UserId> GroupRoleTable::admins(ConversationId group)
{
    QList<UserId> ids;
    QSqlQuery* query = m_statements.run("SELECT user_id FROM members WHERE conversation = ? AND role = ? "
                                        "ORDER BY joined_ms, user_id",
                                        {group.value(), kAdminRole});
    if (!query)
        return ids;
    while (query->next())
        ids.append(UserId(query->value(0).toLongLong()));
    query->finish();
    return ids;
}

bool GroupRoleTable::setRole(ConversationId group, UserId user, GroupRole role)
{
    if (role != GroupRole::Admin && role != GroupRole::Member)
        return false;
    // Never the owner's row: the owner is not "also an admin".
    return m_statements.change("UPDATE members SET role = ? WHERE conversation = ? AND user_id = ? AND conversation IN "
                               "(SELECT id FROM conversations WHERE kind = ? AND (owner IS NULL OR owner != ?))",
                               {role == GroupRole::Admin ? kAdminRole : kMemberRole, group.value(), user.value(),
                                kGroupKind, user.value()}) == 1;
}

bool GroupRoleTable::transfer(ConversationId group, UserId newOwner)
{
    if (role(group, newOwner) == GroupRole::None)
        return false;
    SqlWriteScope scope(m_statements);
    return scope.isOpen() && setOwner(group, newOwner) && scope.commit();
}

bool GroupRoleTable::dissolve(ConversationId group)
{
    // The conversation row and its history stay (the admin's audit and backups keep them); with no members left
    // no client sees it again.
    return m_statements.change("DELETE FROM members WHERE conversation = ? AND conversation IN "
                               "(SELECT id FROM conversations WHERE kind = ?)",
                               {group.value(), kGroupKind}) >= 0;
}

bool GroupRoleTable::reownGroupsOf(UserId user)
{
    QList<ConversationId> owned;
    QSqlQuery* query =
        m_statements.run("SELECT id FROM conversations WHERE kind = ? AND owner = ?", {kGroupKind, user.value()});
    if (!query)
        return false;
    while (query->next())
        owned.append(ConversationId(query->value(0).toLongLong()));
    query->finish();
    for (ConversationId group : owned) {
        if (!reownIfOwner(group, user))
            return false;
    }
    return true;
}

bool GroupRoleTable::reownIfOwner(ConversationId group, UserId user)
{
    QSqlQuery* next = m_statements.run("SELECT m.user_id FROM members m JOIN conversations c ON c.id = m.conversation "
                                       "WHERE c.id = ? AND c.kind = ? AND c.owner = ? AND m.user_id != c.owner "
                                       "ORDER BY m.role DESC, m.joined_ms, m.user_id LIMIT 1",
                                       {group.value(), kGroupKind, user.value()});
    if (!next)
        return false;
    const UserId heir(next->next() ? next->value(0).toLongLong() : 0);
    next->finish();
    return !heir.isValid() || setOwner(group, heir);
}

bool GroupRoleTable::setOwner(ConversationId group, UserId user)
{
    return m_statements.change("UPDATE conversations SET owner = ? WHERE id = ? AND kind = ?",
                               {user.value(), group.value(), kGroupKind}) == 1 &&
           m_statements.change("UPDATE members SET role = ? WHERE conversation = ? AND user_id = ?",
                               {kMemberRole, group.value(), user.value()}) == 1;
}

} // namespace lanchat
