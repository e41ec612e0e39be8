#include "sqlstatements.h"

#include "logging.h"

#include <QFile>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <sqlite3.h>

namespace lanchat {

SqlStatements::SqlStatements(const QString& connectionName)
    : m_connectionName(connectionName)
    , m_db(QSqlDatabase::database(connectionName, false))
{
    // Qt's QSQLITE driver on Debian links the system libsqlite3, the same library we call directly.
    const QVariant handle = m_db.driver() ? m_db.driver()->handle() : QVariant();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        m_handle = *static_cast<sqlite3* const*>(handle.constData());
}

void SqlStatements::detach()
{
    std::lock_guard lock(m_detachMutex);
    m_inTransaction = false;
    m_detached.store(true, std::memory_order_release);
}

void SqlStatements::release()
{
    {
        std::lock_guard lock(m_detachMutex);
        m_detached.store(false, std::memory_order_release);
    }
    m_released.notify_all();
}

qint64 SqlStatements::dataVersion()
{
    awaitAttached();
    if (!m_dataVersion &&
        (!m_handle || sqlite3_prepare_v3(m_handle, "PRAGMA data_version", -1, SQLITE_PREPARE_PERSISTENT, &m_dataVersion,
                                         nullptr) != SQLITE_OK))
        return -1;
    const qint64 version = sqlite3_step(m_dataVersion) == SQLITE_ROW ? sqlite3_column_int64(m_dataVersion, 0) : -1;
    sqlite3_reset(m_dataVersion);
    return version;
}

void SqlStatements::awaitAttached()
{
    if (!m_detached.load(std::memory_order_acquire))
        return;
    std::unique_lock lock(m_detachMutex);
    m_released.wait(lock, [this] { return !m_detached.load(std::memory_order_acquire); });
}

SqlStatements::~SqlStatements()
{
    awaitAttached();
    if (m_inTransaction)
        rollback();
    // Every QSqlQuery and QSqlDatabase handle must be gone before removeDatabase(), else Qt warns
    // that the connection is still in use and keeps it alive.
    m_cache.clear();
    sqlite3_finalize(m_dataVersion);
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlQuery* SqlStatements::prepared(const char* sql)
{
    awaitAttached();
    auto it = m_cache.find(sql);
    if (it != m_cache.end())
        return &it->second;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(QString::fromUtf8(sql))) {
        qCWarning(lcStorage) << "cannot prepare statement:" << query.lastError().text() << "SQL:" << sql;
        return nullptr;
    }
    return &m_cache.emplace(sql, std::move(query)).first->second;
}

QSqlQuery* SqlStatements::run(const char* sql, std::initializer_list<QVariant> values)
{
    QSqlQuery* query = prepared(sql);
    if (!query)
        return nullptr;
    int index = 0;
    for (const QVariant& value : values)
        query->bindValue(index++, value);
    return exec(*query) ? query : nullptr;
}

int SqlStatements::change(const char* sql, std::initializer_list<QVariant> values)
{
    QSqlQuery* query = run(sql, values);
    return query ? query->numRowsAffected() : -1;
}

bool SqlStatements::exec(QSqlQuery& query)
{
    awaitAttached();
    if (query.exec())
        return true;
    qCWarning(lcStorage) << "statement failed:" << query.lastError().text() << "SQL:" << query.lastQuery();
    return false;
}

bool SqlStatements::execDirect(const QString& sql, QString* error)
{
    awaitAttached();
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    const QString text = query.lastError().text();
    qCWarning(lcStorage) << "statement failed:" << text << "SQL:" << sql;
    if (error)
        *error = text;
    return false;
}

QVariant SqlStatements::scalarDirect(const QString& sql)
{
    awaitAttached();
    QSqlQuery query(m_db);
    if (!query.exec(sql) || !query.next()) {
        qCWarning(lcStorage) << "query failed:" << query.lastError().text() << "SQL:" << sql;
        return {};
    }
    return query.value(0);
}

bool SqlStatements::vacuumInto(const QString& path, QString* error)
{
    awaitAttached();
    // Created empty and owner-only first, so the copy is never readable by others, not even briefly;
    // VACUUM INTO accepts an empty target file.
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        *error = QStringLiteral("cannot create %1: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.close();
    QSqlQuery query(m_db);
    if (query.prepare(QStringLiteral("VACUUM INTO ?"))) {
        query.bindValue(0, path);
        if (query.exec())
            return true;
    }
    *error = QStringLiteral("cannot copy the database to %1: %2").arg(path, query.lastError().text());
    QFile::remove(path);
    return false;
}

bool SqlStatements::begin()
{
    awaitAttached();
    if (m_inTransaction) {
        qCWarning(lcStorage) << "beginTransaction() while a transaction is open";
        return false;
    }
    QSqlQuery* query = prepared("BEGIN IMMEDIATE");
    m_inTransaction = query && exec(*query);
    return m_inTransaction;
}

bool SqlStatements::commit()
{
    awaitAttached();
    if (!m_inTransaction)
        return false;
    QSqlQuery* query = prepared("COMMIT");
    if ((!m_beforeCommit || m_beforeCommit()) && query && exec(*query)) {
        m_inTransaction = false;
        return true;
    }
    // A failed hook or COMMIT (disk full, I/O error) leaves the transaction open in SQLite; roll it back so
    // the caller sees a clean state and never acks what is not on disk.
    rollback();
    return false;
}

void SqlStatements::rollback()
{
    awaitAttached();
    if (!m_inTransaction)
        return;
    QSqlQuery* query = prepared("ROLLBACK");
    if (query)
        exec(*query);
    m_inTransaction = false;
}

} // namespace lanchat
