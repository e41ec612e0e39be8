#pragma once

#include "storage.h"

#include <QHash>

#include <optional>

namespace lanchat {

class SqlStatements;

/** The profile columns of `users` (schema 11) behind SqliteStorage's profile methods (see Storage). */
class ProfileTable
{
public:
    explicit ProfileTable(SqlStatements& statements);

    std::optional<UserProfile> byId(UserId id);
    QHash<UserId, UserProfile> all();
    bool set(UserId id, const UserProfile& profile);
    bool isAvatar(const QByteArray& sha256);

private:
    SqlStatements& m_statements;
};

} // namespace lanchat
