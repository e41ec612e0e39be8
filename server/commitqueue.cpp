#include "commitqueue.h"

#include "logging.h"
#include "workerthread.h"

#include <QElapsedTimer>

#include <condition_variable>
#include <mutex>

namespace lanchat {

/** A batch handed to the commit thread; done() is signalled from there when run() returned. */
struct CommitQueue::InFlight
{
    std::unique_ptr<DetachedCommit> commit;
    Batch batch;
    std::mutex mutex;
    std::condition_variable condition;
    bool ran = false;
    qint64 runNs = 0; ///< wall time of run() on the commit thread

    void markRan()
    {
        {
            std::lock_guard lock(mutex);
            ran = true;
        }
        condition.notify_all();
    }
    void awaitRan()
    {
        std::unique_lock lock(mutex);
        condition.wait(lock, [this] { return ran; });
    }
};

CommitQueue::CommitQueue(Storage& storage, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_thread(std::make_unique<WorkerThread>(QStringLiteral("lanchat-commit")))
{
    m_thread->start();
}

CommitQueue::~CommitQueue()
{
    drain();
    m_thread.reset(); // nothing is queued after drain(): joins the idle thread
}

bool CommitQueue::begin()
{
    if (!m_storage.inTransaction()) {
        // Waits inside the storage while a commit runs on the commit thread (it owns the connection).
        if (!m_storage.beginTransaction()) {
            qCWarning(lcServer) << "group commit: cannot open a transaction";
            return false;
        }
    }
    schedule();
    return true;
}

void CommitQueue::afterCommit(std::function<void(bool committed)> callback)
{
    m_pending.callbacks.append(
        [callback = std::move(callback)](const DetachedCommit& commit) { callback(commit.committed()); });
}

void CommitQueue::append(const NewMessage& message, Appended done)
{
    const qsizetype index = m_pending.appends.size();
    m_pending.appends.append(message);
    m_pending.callbacks.append([index, done = std::move(done)](const DetachedCommit& commit) {
        done(commit.committed() ? commit.results().value(index) : std::nullopt);
    });
    schedule();
}

void CommitQueue::schedule()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    // Runs when control returns to the event loop, after every frame already read in this turn.
    QMetaObject::invokeMethod(this, &CommitQueue::flush, Qt::QueuedConnection);
}

void CommitQueue::flush()
{
    m_scheduled = false;
    if (!m_inFlight && hasPending())
        start();
}

std::unique_ptr<DetachedCommit> CommitQueue::takeBatch(Batch* batch)
{
    *batch = std::exchange(m_pending, Batch());
    return m_storage.detachCommit(batch->appends); // takes the open transaction along
}

void CommitQueue::start()
{
    auto inFlight = std::make_shared<InFlight>();
    inFlight->commit = takeBatch(&inFlight->batch);
    if (!inFlight->commit) { // nothing to write: the callbacks only waited for the turn to end
        finish(nullptr, inFlight->batch, 0);
        return;
    }
    m_inFlight = inFlight;
    m_thread->post([this, inFlight] {
        QElapsedTimer timer;
        timer.start();
        inFlight->commit->run();
        inFlight->runNs = timer.nsecsElapsed();
        // Back on the server thread; a no-op if drain() already finished it there. Posted before markRan():
        // once drain() has seen the run finish, this thread no longer touches the queue, so it may be destroyed.
        QMetaObject::invokeMethod(
            this,
            [this, inFlight] {
                if (m_inFlight == inFlight)
                    finishInFlight();
            },
            Qt::QueuedConnection);
        inFlight->markRan();
    });
}

void CommitQueue::finishInFlight()
{
    const std::shared_ptr<InFlight> inFlight = std::exchange(m_inFlight, nullptr);
    inFlight->awaitRan();
    finish(inFlight->commit.get(), inFlight->batch, inFlight->runNs);
    // What gathered while that commit ran goes next, at once: that is the pipelining.
    if (!m_inFlight && hasPending())
        start();
}

void CommitQueue::finish(DetachedCommit* commit, Batch& batch, qint64 runNs)
{
    struct NothingToCommit final : DetachedCommit
    {
        NothingToCommit() { m_committed = true; }
        void run() override {}
    };
    NothingToCommit nothing;
    const DetachedCommit& outcome = commit ? *commit : nothing;
    if (commit)
        m_storage.attachCommit(*commit);
    const bool ok = outcome.committed();
    if (commit && ok)
        m_stats.record(batch.appends.size(), runNs);
    else if (!ok)
        qCWarning(lcServer) << "group commit failed:" << batch.callbacks.size() << "requests answered 'internal'";
    for (const auto& callback : std::as_const(batch.callbacks))
        callback(outcome);
    emit flushed(ok, int(batch.callbacks.size()));
}

void CommitQueue::drain()
{
    while (m_inFlight || hasPending()) {
        if (m_inFlight) {
            finishInFlight(); // may start the next batch on the commit thread
            continue;
        }
        Batch batch;
        std::unique_ptr<DetachedCommit> commit = takeBatch(&batch);
        QElapsedTimer timer;
        timer.start();
        if (commit)
            commit->run(); // here, on this thread: nothing else runs now
        finish(commit.get(), batch, timer.nsecsElapsed());
    }
}

} // namespace lanchat
