#pragma once

#include "storage.h"

#include <QList>

#include <optional>

class QSqlQuery;

namespace lanchat {

class SqlStatements;

/** The `users` table behind SqliteStorage's account methods (see Storage for their contracts). */
class UserTable
{
public:
    explicit UserTable(SqlStatements& statements);

    CreateUserResult create(const QString& username, const QString& displayName, const QByteArray& passwordHash,
                            UserId* id);
    std::optional<UserRecord> byName(const QString& username);
    std::optional<UserRecord> byId(UserId id);
    QList<UserRecord> all();
    bool setPasswordHash(UserId id, const QByteArray& hash);
    bool setDisabled(UserId id, bool disabled);
    bool setDisplayName(UserId id, const QString& displayName);
    bool rename(UserId id, const QString& newUsername);
    bool remove(UserId id);

    /** The case-insensitive uniqueness key of a username. */
    static QString usernameKey(const QString& username) { return username.toCaseFolded(); }

private:
    std::optional<UserRecord> readOne(QSqlQuery* query);

    SqlStatements& m_statements;
};

} // namespace lanchat
