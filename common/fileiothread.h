#pragma once

#include "workerthread.h"

#include <QMutex>
#include <QObject>
#include <QWaitCondition>

#include <functional>

namespace lanchat {

/**
 * A thread for file I/O and hashing, after the FileManager of Qt's torrent example: jobs run one after another
 * in the order they were posted (FIFO), so the jobs of one file need no locking among themselves, and results
 * go back to the owner's thread (the one that created this object) through deliver(). The thread is a
 * WorkerThread ("lanchat-file-io"); this class adds the bound on queued bytes.
 *
 * Used by the relay's file store (part-file writes with incremental SHA-256, blob reads) and by the client's
 * transfers (chunk reads, part writes), so neither the socket thread nor the GUI thread waits for the disk.
 *
 * Bounded: post() counts each job's payload bytes (a chunk's size); while more than maxQueuedBytes() wait,
 * post() blocks its caller until the worker has caught up. A producer faster than the disk is slowed to the
 * disk's pace instead of growing memory. Callers also bound themselves (windows, per-connection limits), so
 * the wait is the exception.
 *
 * Rules for jobs: they run on the worker thread, so they capture values and state that only jobs touch
 * (std::shared_ptr), never objects of the owner's thread; deliver() is the way back. The thread starts with the
 * first post(). Destroying the object runs the jobs still queued, then joins the thread; deliveries that have
 * not run yet are dropped with the object, so they never reach a destroyed owner.
 */
class FileIoThread : public QObject
{
    Q_OBJECT

public:
    using Job = std::function<void()>;

    /** @p maxQueuedBytes: payload bytes that may wait before post() blocks (> 0). */
    explicit FileIoThread(qint64 maxQueuedBytes, QObject* parent = nullptr);
    ~FileIoThread() override;

    /**
     * Queues @p job; @p bytes is its payload, counted against the bound until the job has run. Blocks while the
     * queue already holds more than maxQueuedBytes() (never when called from a job, which would deadlock).
     * Thread-safe.
     */
    void post(Job job, qint64 bytes = 0);

    /** Runs @p function later in the owner's thread; callable from jobs. Dropped if this object is gone first. */
    template <typename Function> void deliver(Function&& function)
    {
        QMetaObject::invokeMethod(this, std::forward<Function>(function), Qt::QueuedConnection);
    }

    qint64 maxQueuedBytes() const { return m_maxQueuedBytes; }
    /** Payload bytes of the jobs waiting or running. Thread-safe. */
    qint64 queuedBytes() const;
    /** Jobs waiting or running. Thread-safe. */
    int queuedJobs() const;
    /** The thread the jobs run on (tests). */
    const QThread* workerThread() const { return m_thread.thread(); }

private:
    const qint64 m_maxQueuedBytes;
    mutable QMutex m_mutex;
    QWaitCondition m_hasRoom;
    qint64 m_queuedBytes = 0; ///< of the jobs waiting and the running one
    int m_jobs = 0;           ///< waiting plus running
    WorkerThread m_thread;    ///< last: destroyed first, running the queued jobs while the counters above exist
};

} // namespace lanchat
