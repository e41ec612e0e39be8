#pragma once

#include "devicetokenstore.h"

class QSqlQuery;

namespace lanchat {

class SqlStatements;

/** The `device_tokens` table (schema 6) behind SqliteStorage::deviceTokens(); see DeviceTokenStore. */
class DeviceTokenTable : public DeviceTokenStore
{
public:
    explicit DeviceTokenTable(SqlStatements& statements);

    qint64 add(UserId user, const QByteArray& tokenHash, const QString& deviceName, qint64 nowMs) override;
    std::optional<DeviceTokenRecord> byHash(const QByteArray& tokenHash) override;
    bool rotate(qint64 id, const QByteArray& newTokenHash, qint64 nowMs) override;
    QList<DeviceTokenRecord> of(UserId user) override;
    bool remove(qint64 id) override;
    int removeAll(UserId user) override;
    int removeUnusedSince(qint64 beforeMs) override;

private:
    SqlStatements& m_statements;
};

} // namespace lanchat
