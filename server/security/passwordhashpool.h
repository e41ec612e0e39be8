#pragma once

#include "passwordhasher.h"

#include <QHash>
#include <QMetaObject>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace lanchat {

/**
 * Runs password work (Argon2id through PasswordHasher: tens of ms of CPU and 19 MiB per job at the shipped cost)
 * on worker threads, so that it never blocks the socket thread: one login used to stall every connection for
 * its whole hash.
 *
 * Threads: QThread::idealThreadCount() workers, each kWorkerNice nice levels higher (a lower priority) than the thread
 * that created the pool (Linux setpriority on the thread, at most 19), so when every core is busy hashing the event
 * loop is still scheduled first and pings stay fast.
 *
 * Admission: at most maxPending jobs are queued or running in total and maxPendingPerAddress for one address
 * key (ConnectionLimiter::key); beyond either cap run() refuses the job (returns false, nothing is hashed) and the
 * caller answers rate_limited. 0 means no cap. Queued jobs cost only their arguments; running ones the Argon2id
 * memory, bounded by the thread count.
 *
 * Results: @p done runs on the pool's thread (the server thread) from its event loop. A job whose @p context is
 * destroyed before a worker picks it up is skipped and its @p done never runs (nobody is left to answer, and
 * skipping tells a client nothing); a job already running finishes and its @p done runs, so the caller still
 * sees the outcome (e.g. counts a failed login) and must itself check whether the session still exists.
 *
 * The destructor drops the queued jobs and waits for the running ones (at most one hash each). Lives on the
 * server thread; run() and the counters are not thread-safe, the hasher is.
 */
class PasswordHashPool : public QObject
{
    Q_OBJECT
public:
    /** Caps on jobs queued or running; 0 = no cap. */
    struct Limits
    {
        int maxPending = 1024;
        int maxPendingPerAddress = 32;
    };

    /** Nice levels added to the worker threads, relative to the thread that created the pool (the socket thread). */
    static constexpr int kWorkerNice = 10;

    PasswordHashPool(PasswordHasher::Cost cost, Limits limits, QObject* parent = nullptr);
    ~PasswordHashPool() override;

    /** The hasher the jobs use (thread-safe; valid as long as the pool). */
    const PasswordHasher& hasher() const { return m_hasher; }
    /** Worker threads. */
    int threadCount() const { return m_threads.maxThreadCount(); }
    /** Jobs queued or running, in total and for @p addressKey. */
    int pending() const { return m_pending; }
    int pending(const QString& addressKey) const { return m_perAddress.value(addressKey); }

    /**
     * Queues @p work (run on a worker thread; it must only touch its own captures and hasher()) and, when it
     * has run, calls @p done with its result on the server thread. Returns false, doing nothing, when a cap is
     * reached for @p addressKey or in total. @p context (e.g. the Session) must live on the server thread.
     */
    template <typename Result>
    bool run(const QString& addressKey, QObject* context, std::function<Result()> work,
             std::function<void(Result)> done)
    {
        auto result = std::make_shared<Result>();
        return enqueue(
            addressKey, context, [work = std::move(work), result] { *result = work(); },
            [done = std::move(done), result] { done(std::move(*result)); });
    }

private:
    struct Job
    {
        QString addressKey;
        std::shared_ptr<std::atomic<bool>> cancelled;
        QMetaObject::Connection contextWatch;
        std::function<void()> deliver;
    };

    bool enqueue(const QString& addressKey, QObject* context, std::function<void()> work,
                 std::function<void()> deliver);
    void finish(quint64 jobId, bool ran);

    PasswordHasher m_hasher;
    Limits m_limits;
    QThreadPool m_threads;
    QHash<quint64, Job> m_jobs;
    QHash<QString, int> m_perAddress;
    int m_pending = 0;
    quint64 m_nextJob = 1;
};

} // namespace lanchat
