#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <initializer_list>
#include <mutex>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace lanchat {

/**
 * Owns one named QtSql connection and a cache of its prepared statements, so each SQL text is
 * prepared once and then only re-bound and re-executed (the append path runs ~100k times per second).
 *
 * Not thread-safe: a QSqlDatabase connection belongs to the thread that opened it. The one exception is a
 * detached commit (SqliteCommit): between detach() and release() another thread uses the raw handle, and
 * every method here first waits for release() (SQLite itself is built thread-safe, "serialized", on Debian).
 */
class SqlStatements
{
public:
    /** Takes over the already opened connection @p connectionName and removes it on destruction. */
    explicit SqlStatements(const QString& connectionName);
    ~SqlStatements();
    SqlStatements(const SqlStatements&) = delete;
    SqlStatements& operator=(const SqlStatements&) = delete;

    QSqlDatabase database() const { return m_db; }

    /**
     * The cached prepared statement for @p sql, prepared on first use; nullptr (and a log line) when
     * it does not prepare. @p sql must be a string literal: its address is the cache key.
     * Bind positionally (bindValue(0, …)); call finish() after reading a SELECT so no read
     * statement stays open across a COMMIT.
     */
    QSqlQuery* prepared(const char* sql);

    /** prepared(@p sql), bound positionally to @p values and executed; nullptr on failure (logged). */
    QSqlQuery* run(const char* sql, std::initializer_list<QVariant> values);

    /** Runs a write through run(); rows changed, or -1 on failure. */
    int change(const char* sql, std::initializer_list<QVariant> values);

    /** Executes a cached statement; logs the error (never the bound values) and returns false on failure. */
    bool exec(QSqlQuery& query);

    /** Runs a one-off statement (PRAGMA, DDL, transaction control) without caching it. */
    bool execDirect(const QString& sql, QString* error = nullptr);

    /** Single-value read of a one-off statement (PRAGMA user_version …); invalid QVariant on failure. */
    QVariant scalarDirect(const QString& sql);

    /**
     * Writes a consistent copy of the database to the new file @p path (`VACUUM INTO`), readable by the
     * owner only (it holds password hashes and chat history). Fails if @p path exists. Not inside a
     * transaction. On failure returns false, sets @p error and leaves no file behind.
     */
    bool vacuumInto(const QString& path, QString* error);

    /** The connection's SQLite handle, for the C API (SqliteCommit, MessageWriter). */
    sqlite3* handle() const { return m_handle; }
    /**
     * Hands the connection, and the open transaction if any, to a detached commit: afterwards
     * inTransaction() is false and every access waits until release(). Owner thread.
     */
    void detach();
    /** The detached commit is done with the connection (any thread). */
    void release();
    /** True between detach() and release(). */
    bool isDetached() const { return m_detached.load(std::memory_order_acquire); }
    /** Blocks while detached (a commit runs on another thread); every access calls it first. */
    void awaitAttached();
    /**
     * `PRAGMA data_version` through the C API (a cached statement, no QVariant): changes when another
     * connection committed. -1 on failure. Waits while detached.
     */
    qint64 dataVersion();

    /** True while a BEGIN … COMMIT/ROLLBACK opened through begin() is open. */
    bool inTransaction() const { return m_inTransaction; }
    /** BEGIN IMMEDIATE: takes the write lock now, so a concurrent admin command waits (busy_timeout) instead of failing
     * later. */
    bool begin();
    /**
     * COMMIT; with synchronous=FULL it returns once the WAL is fsynced. The hook set by setBeforeCommit() runs first,
     * in the transaction; when it fails, the transaction is rolled back and commit() returns false.
     */
    bool commit();
    /** Work every transaction ends with (the search index's flush); empty: none. */
    void setBeforeCommit(std::function<bool()> hook) { m_beforeCommit = std::move(hook); }
    void rollback();

private:
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unordered_map<const char*, QSqlQuery> m_cache;
    bool m_inTransaction = false;
    std::function<bool()> m_beforeCommit;
    sqlite3* m_handle = nullptr;
    sqlite3_stmt* m_dataVersion = nullptr;
    std::atomic<bool> m_detached{false};
    std::mutex m_detachMutex;
    std::condition_variable m_released;
};

} // namespace lanchat
