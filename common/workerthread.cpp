#include "workerthread.h"

namespace lanchat {

WorkerThread::WorkerThread(const QString& name)
    : m_worker(new QObject)
{
    m_thread.setObjectName(name);
    m_worker->moveToThread(&m_thread);
    // QThread deletes DeferredDelete events for objects of a finishing thread on that thread, after its loop ended.
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
}

WorkerThread::~WorkerThread()
{
    if (!m_thread.isRunning()) {
        delete m_worker; // never started: the jobs posted so far were never meant to run without a start()
        return;
    }
    // Queued behind every job posted so far: they all run, then the loop ends.
    post([this] { m_thread.quit(); });
    m_thread.wait();
}

void WorkerThread::start()
{
    if (!m_thread.isRunning())
        m_thread.start();
}

} // namespace lanchat
