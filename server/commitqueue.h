#pragma once

#include <QList>
#include <QObject>

#include <functional>

namespace lanchat {

class Storage;

/**
 * Group commit (design.md, "Storage"): the writes of one event-loop turn share one transaction, committed
 * when control returns to the event loop (a queued call posted by the first write of the turn). Callbacks
 * registered with afterCommit() run after the commit, with true when it succeeded; on failure the
 * transaction is rolled back and every callback gets false (the handlers answer `internal` and deliver
 * nothing). Acks and deliveries therefore only ever describe data that is on disk.
 *
 * Usage in a handler: `if (!commits.begin()) { reply internal; return; }` → storage writes →
 * `commits.afterCommit([...](bool ok) { ... })`. Not thread-safe; lives on the server thread.
 */
class CommitQueue : public QObject
{
    Q_OBJECT
public:
    explicit CommitQueue(Storage& storage, QObject* parent = nullptr);
    ~CommitQueue() override;

    /**
     * Opens the turn's transaction if none is open and schedules its commit. Returns false if the
     * transaction could not be opened (the caller answers `internal`).
     */
    bool begin();
    /** Runs @p callback after the current transaction commits (true) or fails (false). Needs begin() first. */
    void afterCommit(std::function<void(bool committed)> callback);
    /** Commits now if a transaction is open (used by stop() and at the end of each turn). */
    void flush();

    /** Transactions committed since start (stats, tests). */
    qint64 commitCount() const { return m_commits; }

signals:
    /** A transaction of @p callbacks requests was committed (ok) or rolled back. */
    void flushed(bool ok, int callbacks);

private:
    Storage& m_storage;
    QList<std::function<void(bool)>> m_callbacks;
    bool m_open = false;
    bool m_scheduled = false;
    qint64 m_commits = 0;
};

} // namespace lanchat
