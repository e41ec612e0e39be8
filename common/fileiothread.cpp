#include "fileiothread.h"

#include <QMutexLocker>

namespace lanchat {

FileIoThread::FileIoThread(qint64 maxQueuedBytes, QObject* parent)
    : QThread(parent)
    , m_maxQueuedBytes(qMax<qint64>(1, maxQueuedBytes))
{
    setObjectName(QStringLiteral("file I/O"));
}

FileIoThread::~FileIoThread()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_hasWork.wakeAll();
    }
    wait();
}

void FileIoThread::post(Job job, qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    if (QThread::currentThread() != this) {
        // Let one job through however large when nothing waits, so a job above the bound cannot block forever.
        while (m_jobs > 0 && m_queuedBytes + bytes > m_maxQueuedBytes)
            m_hasRoom.wait(&m_mutex);
    }
    m_queue.push_back({std::move(job), bytes});
    m_queuedBytes += bytes;
    ++m_jobs;
    if (!isRunning() && !m_stopping)
        start();
    m_hasWork.wakeOne();
}

qint64 FileIoThread::queuedBytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_queuedBytes;
}

int FileIoThread::queuedJobs() const
{
    QMutexLocker lock(&m_mutex);
    return m_jobs;
}

void FileIoThread::run()
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        while (m_queue.empty() && !m_stopping)
            m_hasWork.wait(&m_mutex);
        if (m_queue.empty())
            return; // stopping, and every queued job has run
        Entry entry = std::move(m_queue.front());
        m_queue.pop_front();
        lock.unlock();
        entry.job();
        entry.job = nullptr; // release the job's captures (a chunk's bytes) before counting it done
        lock.relock();
        m_queuedBytes -= entry.bytes;
        --m_jobs;
        m_hasRoom.wakeAll();
    }
}

} // namespace lanchat
