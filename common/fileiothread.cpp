#include "fileiothread.h"

#include <QMutexLocker>

namespace lanchat {

FileIoThread::FileIoThread(qint64 maxQueuedBytes, QObject* parent)
    : QObject(parent)
    , m_maxQueuedBytes(qMax<qint64>(1, maxQueuedBytes))
    , m_thread(QStringLiteral("lanchat-file-io"))
{}

FileIoThread::~FileIoThread() = default;

void FileIoThread::post(Job job, qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    if (!m_thread.isCurrentThread()) {
        // Let one job through however large when nothing waits, so a job above the bound cannot block forever.
        while (m_jobs > 0 && m_queuedBytes + bytes > m_maxQueuedBytes)
            m_hasRoom.wait(&m_mutex);
    }
    m_queuedBytes += bytes;
    ++m_jobs;
    m_thread.start(); // under the lock: of two first posts from different threads, one starts it
    m_thread.post([this, job = std::move(job), bytes]() mutable {
        job();
        job = nullptr; // release the job's captures (a chunk's bytes) before counting it done
        QMutexLocker done(&m_mutex);
        m_queuedBytes -= bytes;
        --m_jobs;
        m_hasRoom.wakeAll();
    });
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

} // namespace lanchat
