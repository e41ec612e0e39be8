#pragma once

#include "storage.h"

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace lanchat {

/**
 * Appends messages through SQLite's C API on a connection's raw handle: the relay's hottest write (one per
 * chat message). Compared with QtSql's QSqlQuery::bindValue (a QVariant per column, measured at 13 % of the
 * relay's CPU under load) it binds values directly and reuses persistent prepared statements.
 *
 * Rows are the same as MessageTable reads (0001_initial.sql, 0003): `INSERT … ON CONFLICT (client_msg_id) DO
 * NOTHING`, and on a conflict the original row's seq and ts when the same sender sent it (a resend:
 * exactly-once history), or idTaken when another sender did.
 * Usable from whichever thread currently owns the connection (the storage's thread, or the commit thread of
 * a DetachedCommit); one thread at a time.
 */
class MessageWriter
{
public:
    explicit MessageWriter(sqlite3* db);
    ~MessageWriter();
    MessageWriter(const MessageWriter&) = delete;
    MessageWriter& operator=(const MessageWriter&) = delete;

    /**
     * Inserts @p message with timestamp @p nowMs (ms since epoch, UTC). Returns the new seq, the original
     * seq/ts with duplicate set, or idTaken; nullopt on an SQLite error (logged to lanchat.storage: a constraint such
     * as a deleted conversation, or I/O) — the statement is undone, an enclosing transaction stays usable.
     */
    std::optional<AppendResult> append(const NewMessage& message, qint64 nowMs);
    /** Runs BEGIN IMMEDIATE, COMMIT or ROLLBACK (@p sql must be a string literal); false on failure (logged). */
    bool execute(const char* sql);
    /** While on, flushSearchIndex() indexes the queued messages (the server's `search_index`); off by default. */
    void setSearchIndexed(bool on) { m_searchIndexed = on; }
    /**
     * Before a COMMIT: indexes the messages the search index's triggers queued in this transaction, in one FTS5
     * write (SearchIndex::kFlushIndexSql). True when done or when the index is off; false on an SQLite error
     * (logged): the caller rolls back, as for a failed append.
     */
    bool flushSearchIndex();

    /** The stored value of messages.kind for @p kind (0001_initial.sql), shared with MessageTable's reads. */
    static int kindColumn(MessageKind kind);

private:
    sqlite3_stmt* statement(sqlite3_stmt*& slot, const char* sql);
    /** Steps the statement @p sql (prepared once into @p slot) to completion; false on an error (logged). */
    bool run(sqlite3_stmt*& slot, const char* sql);
    std::optional<AppendResult> original(const NewMessage& message);

    sqlite3* m_db;
    sqlite3_stmt* m_insert = nullptr;
    sqlite3_stmt* m_original = nullptr;
    sqlite3_stmt* m_begin = nullptr;
    sqlite3_stmt* m_commit = nullptr;
    sqlite3_stmt* m_rollback = nullptr;
    sqlite3_stmt* m_flushIndex = nullptr;
    sqlite3_stmt* m_flushQueue = nullptr;
    bool m_searchIndexed = false;
};

} // namespace lanchat
