#pragma once

#include "commitstats.h"
#include "storage/storage.h"

#include <QList>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace lanchat {

class WorkerThread;

/**
 * Group commit (design.md, "Storage"), pipelined: the writes of an event-loop turn share one transaction,
 * and its COMMIT (with synchronous=FULL, the WAL fsync) runs on a commit thread while this thread keeps
 * serving sockets. Requests arriving meanwhile gather into the next batch, which starts the moment the
 * running commit returns, so a busy server commits in large batches and an idle one at once.
 *
 * Two kinds of writes:
 * - append(): a chat message, executed on the commit thread inside the batch (Storage::detachCommit());
 *   its callback gets the seq and timestamp after the commit. The relay's hot path never waits.
 * - begin() + any other Storage write + afterCommit(): executed here, at once. If a commit is running,
 *   begin() waits for it (at most one commit, ~1 ms on an SSD) before opening the next transaction.
 *
 * Callbacks run on this thread after their batch's commit, in registration order, with the outcome: on a
 * failed commit the batch is rolled back and every callback gets false / nullopt (the handlers answer
 * `internal` and deliver nothing). Acks and deliveries therefore only ever describe data that is on disk.
 *
 * Usage: `if (!commits.begin()) { reply internal; return; }` → storage writes →
 * `commits.afterCommit([...](bool ok) { ... })`; or `commits.append(message, [...](auto result) { ... })`.
 * Lives on the server thread; not thread-safe. The storage must not be used by another thread meanwhile.
 */
class CommitQueue : public QObject
{
    Q_OBJECT
public:
    using Appended = std::function<void(const std::optional<AppendResult>& result)>;

    explicit CommitQueue(Storage& storage, QObject* parent = nullptr);
    /** Commits what is pending (drain()) and stops the commit thread. */
    ~CommitQueue() override;

    /**
     * Opens this thread's transaction for the next batch if none is open, waiting for a running commit
     * first, and schedules the batch. Returns false if the transaction could not be opened (answer `internal`).
     */
    bool begin();
    /** Runs @p callback after the next batch commits (true) or fails (false). Needs begin() first. */
    void afterCommit(std::function<void(bool committed)> callback);
    /**
     * Queues @p message for the next batch; @p done gets its AppendResult once committed, nullopt when the
     * batch failed or this message was refused (e.g. its conversation was deleted in the meantime).
     */
    void append(const NewMessage& message, Appended done);
    /** The end-of-turn call: starts the pending batch unless a commit is running (it follows that one). */
    void flush();
    /**
     * Waits for a running commit, then commits everything pending on this thread, delivering every callback
     * before returning (shutdown: the acks of the last requests go out before the goodbye).
     */
    void drain();

    /** Transactions committed since start (stats, tests). */
    qint64 commitCount() const { return m_stats.commits(); }
    /** True while a commit runs on the commit thread. */
    bool isCommitting() const { return m_inFlight != nullptr; }
    /** Batch sizes and commit times so far (the debug log `lanchat.storage` summarises them every 10 s). */
    const CommitStats& stats() const { return m_stats; }

signals:
    /** A batch of @p callbacks requests was committed (ok) or rolled back. */
    void flushed(bool ok, int callbacks);

private:
    struct Batch
    {
        QList<NewMessage> appends;
        QList<std::function<void(const DetachedCommit&)>> callbacks;
    };
    struct InFlight;

    void schedule();
    bool hasPending() const
    {
        return m_storage.inTransaction() || !m_pending.appends.isEmpty() || !m_pending.callbacks.isEmpty();
    }
    std::unique_ptr<DetachedCommit> takeBatch(Batch* batch);
    void start();
    void finishInFlight();
    /** Delivers @p batch's outcome; @p commit is null when there was nothing to write. */
    void finish(DetachedCommit* commit, Batch& batch, qint64 runNs);

    Storage& m_storage;
    Batch m_pending;
    std::shared_ptr<InFlight> m_inFlight;
    std::unique_ptr<WorkerThread> m_thread; ///< the commit thread: runs DetachedCommit::run() of each batch
    bool m_scheduled = false;
    CommitStats m_stats; ///< successful commits: count, batch sizes, run times
};

} // namespace lanchat
