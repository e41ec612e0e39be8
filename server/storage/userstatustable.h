#pragma once

#include "userstatusstore.h"

namespace lanchat {

class SqlStatements;

/** The `user_status` table (schema 12) behind SqliteStorage::userStatuses(); see UserStatusStore. */
class UserStatusTable : public UserStatusStore
{
public:
    explicit UserStatusTable(SqlStatements& statements);

    UserStatusRecord of(UserId user) override;
    QHash<UserId, UserStatusRecord> all() override;
    bool set(UserId user, const QString& status, const QString& text, qint64 nowMs) override;

private:
    SqlStatements& m_statements;
};

} // namespace lanchat
