#pragma once

#include "workerthread.h"

#include <QString>

#include <atomic>
#include <memory>

struct sqlite3;

namespace lanchat {

/**
 * Copies the WAL back into the database file on a thread and connection of its own, so that the relay's
 * commits never run a checkpoint (https://sqlite.org/wal.html, "Checkpointing": a checkpoint by another
 * connection with SQLITE_CHECKPOINT_PASSIVE never blocks writers or readers).
 *
 * Why: with SQLite's automatic checkpoint, the commit that crosses wal_autocheckpoint pages also copies up
 * to that many pages into the database and fsyncs it; under a chat burst that made one commit in a few
 * hundred take hundreds of ms, and every ack of that batch waited for it (p99.9 latency).
 *
 * Installs a sqlite3_wal_hook on the writer connection (replacing its automatic checkpoint); after a
 * commit leaves at least @p thresholdPages pages in the WAL the hook posts one job to the thread (a WorkerThread,
 * "lanchat-wal"; further commits post nothing until that job has run), which runs a
 * passive checkpoint (the bulk, blocking nobody), then a RESTART checkpoint for the pages committed meanwhile
 * (it holds the next commit off for those only, at most kRestartWaitMs waiting for the running one), after
 * which the next commit rewinds the WAL, so it stays near the threshold in size. synchronous=FULL: the
 * database file is fsynced before SQLite reuses the WAL.
 * The destructor stops the thread and gives the writer its automatic checkpoint back.
 */
class WalCheckpointer
{
public:
    /** Longest wait of the RESTART step for a running commit, ms (SQLite's busy handler). */
    static constexpr int kRestartWaitMs = 100;

    /**
     * Starts checkpointing @p path for @p writer (its connection's raw handle). nullptr with @p error set
     * when the second connection cannot be opened; the writer then keeps SQLite's automatic checkpoint.
     */
    static std::unique_ptr<WalCheckpointer> start(const QString& path, sqlite3* writer, int thresholdPages,
                                                  QString* error);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    /** Passive checkpoints run so far (tests, stats). */
    int checkpoints() const;

private:
    WalCheckpointer(sqlite3* own, sqlite3* writer, int thresholdPages);
    static int onCommit(void* self, sqlite3* db, const char* schema, int walPages);
    /** One checkpoint, on the thread. */
    void checkpoint();

    std::unique_ptr<sqlite3, int (*)(sqlite3*)> m_db; ///< the checkpoint connection, used by m_thread's jobs only
    sqlite3* m_writer;
    int m_thresholdPages;
    std::atomic<bool> m_wanted = false; ///< a checkpoint job is queued or running: commits need not post another
    std::atomic<bool> m_stopping = false;
    std::atomic<int> m_checkpoints = 0;
    WorkerThread m_thread; ///< last: destroyed (joined) first, while the members its job uses exist
};

} // namespace lanchat
