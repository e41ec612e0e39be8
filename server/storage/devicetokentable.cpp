#include "devicetokentable.h"

#include "sqlstatements.h"

#include <QSqlQuery>
#include <QVariant>

namespace lanchat {

namespace {

DeviceTokenRecord readToken(const QSqlQuery& query)
{
    DeviceTokenRecord token;
    token.id = query.value(0).toLongLong();
    token.user = UserId(query.value(1).toLongLong());
    token.tokenHash = query.value(2).toByteArray();
    token.deviceName = query.value(3).toString();
    token.createdMs = query.value(4).toLongLong();
    token.lastUsedMs = query.value(5).toLongLong();
    return token;
}

} // namespace

DeviceTokenTable::DeviceTokenTable(SqlStatements& statements)
    : m_statements(statements)
{}

qint64 DeviceTokenTable::add(UserId user, const QByteArray& tokenHash, const QString& deviceName, qint64 nowMs)
{
    QSqlQuery* query = m_statements.run("INSERT INTO device_tokens (user_id, token_hash, device_name, created_ms, "
                                        "last_used_ms) VALUES (?, ?, ?, ?, ?)",
                                        {user.value(), tokenHash, deviceName, nowMs, nowMs});
    if (!query || query->numRowsAffected() != 1)
        return 0;
    return query->lastInsertId().toLongLong();
}

std::optional<DeviceTokenRecord> DeviceTokenTable::byHash(const QByteArray& tokenHash)
{
    QSqlQuery* query = m_statements.run("SELECT id, user_id, token_hash, device_name, created_ms, last_used_ms "
                                        "FROM device_tokens WHERE token_hash = ?",
                                        {tokenHash});
    if (!query)
        return std::nullopt;
    std::optional<DeviceTokenRecord> token;
    if (query->next())
        token = readToken(*query);
    query->finish();
    return token;
}

bool DeviceTokenTable::rotate(qint64 id, const QByteArray& newTokenHash, qint64 nowMs)
{
    return m_statements.change("UPDATE device_tokens SET token_hash = ?, last_used_ms = ? WHERE id = ?",
                               {newTokenHash, nowMs, id}) == 1;
}

QList<DeviceTokenRecord> DeviceTokenTable::of(UserId user)
{
    QList<DeviceTokenRecord> tokens;
    QSqlQuery* query = m_statements.run("SELECT id, user_id, token_hash, device_name, created_ms, last_used_ms "
                                        "FROM device_tokens WHERE user_id = ? ORDER BY id",
                                        {user.value()});
    if (!query)
        return tokens;
    while (query->next())
        tokens.append(readToken(*query));
    query->finish();
    return tokens;
}

bool DeviceTokenTable::remove(qint64 id)
{
    return m_statements.change("DELETE FROM device_tokens WHERE id = ?", {id}) == 1;
}

int DeviceTokenTable::removeAll(UserId user)
{
    return m_statements.change("DELETE FROM device_tokens WHERE user_id = ?", {user.value()});
}

int DeviceTokenTable::removeUnusedSince(qint64 beforeMs)
{
    return m_statements.change("DELETE FROM device_tokens WHERE last_used_ms < ?", {beforeMs});
}

} // namespace lanchat
