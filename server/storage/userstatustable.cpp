#include "userstatustable.h"

#include "sqlstatements.h"

#include <QSqlQuery>
#include <QVariant>

namespace lanchat {

UserStatusTable::UserStatusTable(SqlStatements& statements)
    : m_statements(statements)
{}

UserStatusRecord UserStatusTable::of(UserId user)
{
    UserStatusRecord record;
    QSqlQuery* query =
        m_statements.run("SELECT status, status_text, updated_ms FROM user_status WHERE user_id = ?", {user.value()});
    if (!query)
        return record;
    if (query->next()) {
        record.status = query->value(0).toString();
        record.text = query->value(1).toString();
        record.updatedMs = query->value(2).toLongLong();
    }
    query->finish();
    return record;
}

QHash<UserId, UserStatusRecord> UserStatusTable::all()
{
    QHash<UserId, UserStatusRecord> records;
    QSqlQuery* query = m_statements.run("SELECT user_id, status, status_text, updated_ms FROM user_status", {});
    if (!query)
        return records;
    while (query->next()) {
        records.insert(
            UserId(query->value(0).toLongLong()),
            UserStatusRecord{query->value(1).toString(), query->value(2).toString(), query->value(3).toLongLong()});
    }
    query->finish();
    return records;
}

bool UserStatusTable::set(UserId user, const QString& status, const QString& text, qint64 nowMs)
{
    return m_statements.change("INSERT INTO user_status (user_id, status, status_text, updated_ms) VALUES (?, ?, ?, ?) "
                               "ON CONFLICT (user_id) DO UPDATE SET status = excluded.status, "
                               "status_text = excluded.status_text, updated_ms = excluded.updated_ms",
                               {user.value(), status, text, nowMs}) == 1;
}

} // namespace lanchat
