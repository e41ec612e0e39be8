#include "usertable.h"

#include "sqlstatements.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace lanchat {

namespace {

UserRecord readUser(const QSqlQuery& query)
{
    UserRecord user;
    user.id = UserId(query.value(0).toLongLong());
    user.username = query.value(1).toString();
    user.displayName = query.value(2).toString();
    user.passwordHash = query.value(3).toByteArray();
    user.disabled = query.value(4).toBool();
    user.createdMs = query.value(5).toLongLong();
    return user;
}

} // namespace

UserTable::UserTable(SqlStatements& statements)
    : m_statements(statements)
{}

CreateUserResult UserTable::create(const QString& username, const QString& displayName, const QByteArray& passwordHash,
                                   UserId* id)
{
    QSqlQuery* query = m_statements.run(
        "INSERT INTO users (username, username_key, display_name, password_hash, disabled, created_ms) "
        "VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT (username_key) DO NOTHING",
        {username, usernameKey(username), displayName, passwordHash, QDateTime::currentMSecsSinceEpoch()});
    if (!query)
        return CreateUserResult::Failed;
    if (query->numRowsAffected() != 1)
        return CreateUserResult::UsernameTaken;
    if (id)
        *id = UserId(query->lastInsertId().toLongLong());
    return CreateUserResult::Created;
}

std::optional<UserRecord> UserTable::byName(const QString& username)
{
    return readOne(m_statements.run("SELECT id, username, display_name, password_hash, disabled, created_ms "
                                    "FROM users WHERE username_key = ?",
                                    {usernameKey(username)}));
}

std::optional<UserRecord> UserTable::byId(UserId id)
{
    return readOne(m_statements.run("SELECT id, username, display_name, password_hash, disabled, created_ms "
                                    "FROM users WHERE id = ?",
                                    {id.value()}));
}

QList<UserRecord> UserTable::all()
{
    QList<UserRecord> users;
    QSqlQuery* query = m_statements.run("SELECT id, username, display_name, password_hash, disabled, created_ms "
                                        "FROM users ORDER BY id",
                                        {});
    if (!query)
        return users;
    while (query->next())
        users.append(readUser(*query));
    query->finish();
    return users;
}

bool UserTable::setPasswordHash(UserId id, const QByteArray& hash)
{
    return m_statements.change("UPDATE users SET password_hash = ? WHERE id = ?", {hash, id.value()}) == 1;
}

bool UserTable::setDisabled(UserId id, bool disabled)
{
    return m_statements.change("UPDATE users SET disabled = ? WHERE id = ?", {disabled ? 1 : 0, id.value()}) == 1;
}

bool UserTable::setDisplayName(UserId id, const QString& displayName)
{
    return m_statements.change("UPDATE users SET display_name = ? WHERE id = ?", {displayName, id.value()}) == 1;
}

bool UserTable::rename(UserId id, const QString& newUsername)
{
    // Checked first so a taken name is an expected "no", not a logged constraint failure; the UNIQUE
    // index still guards against a concurrent admin command.
    const std::optional<UserRecord> holder = byName(newUsername);
    if (holder && holder->id != id)
        return false;
    return m_statements.change("UPDATE users SET username = ?, username_key = ? WHERE id = ?",
                               {newUsername, usernameKey(newUsername), id.value()}) == 1;
}

bool UserTable::remove(UserId id)
{
    // members and uploads go with it (ON DELETE CASCADE); messages keep the sender id.
    return m_statements.change("DELETE FROM users WHERE id = ?", {id.value()}) == 1;
}

std::optional<UserRecord> UserTable::readOne(QSqlQuery* query)
{
    if (!query)
        return std::nullopt;
    std::optional<UserRecord> user;
    if (query->next())
        user = readUser(*query);
    query->finish();
    return user;
}

} // namespace lanchat
