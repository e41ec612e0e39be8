#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <utility>

namespace lanchat {

/**
 * The one way LanChat runs work on a dedicated thread (docs/architecture.md, "Threads"): a plain QThread running
 * its event loop, and one worker QObject moved to it that every job is queued to. Jobs therefore run one after
 * another in the order they were posted (Qt delivers the queued calls of one receiver in order), and a job gets
 * back to its owner's thread the same way, with QMetaObject::invokeMethod on an object of that thread.
 *
 * The thread starts with start() (jobs posted before wait for it), so an object that never has work costs no
 * thread. The destructor runs every job posted before it, then stops and joins the thread; a job may not post to
 * its own WorkerThread once destruction began (it would be dropped). Not copyable; post() and isCurrentThread() are
 * thread-safe once the thread is started, start() and the destructor belong to the owner's thread.
 */
class WorkerThread
{
public:
    /** @p name is the thread's name in `top -H`, gdb and the debug log (at most 15 characters on Linux). */
    explicit WorkerThread(const QString& name);
    ~WorkerThread();
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    /** Starts the thread if it is not running yet. */
    void start();
    /** Queues @p job (a callable without arguments) to run on the thread, after every job posted before it. */
    template <typename Job> void post(Job&& job)
    {
        QMetaObject::invokeMethod(m_worker, std::forward<Job>(job), Qt::QueuedConnection);
    }
    /** True when called from a job, i.e. on this thread. */
    bool isCurrentThread() const { return QThread::currentThread() == &m_thread; }
    /** The QThread itself (tests, thread names); not for quit() or terminate(). */
    const QThread* thread() const { return &m_thread; }

private:
    QThread m_thread;
    QObject* m_worker; ///< lives on m_thread; deleted there when it finishes
};

} // namespace lanchat
