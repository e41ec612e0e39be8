#include "passwordhashpool.h"

#include "logging.h"

#include <QThread>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/resource.h>
#include <unistd.h>
#include <utility>

namespace lanchat {

namespace {

/** Lowers the calling worker thread's priority once (a pool thread runs many jobs; threads expire and are new). */
void lowerWorkerPriority()
{
    thread_local bool lowered = false;
    if (std::exchange(lowered, true))
        return;
    // Linux keeps a nice value per thread (PRIO_PROCESS with a thread id affects that thread only), inherited from
    // the thread that started it: the server thread. Relative, so a server started under `nice` keeps the gap.
    const id_t self = id_t(gettid());
    errno = 0;
    const int current = getpriority(PRIO_PROCESS, self);
    if (errno == 0 && setpriority(PRIO_PROCESS, self, std::min(19, current + PasswordHashPool::kWorkerNice)) == 0)
        return;
    qCWarning(lcServer) << "cannot lower the priority of a password hashing thread:" << strerror(errno);
}

} // namespace

PasswordHashPool::PasswordHashPool(PasswordHasher::Cost cost, Limits limits, QObject* parent)
    : QObject(parent)
    , m_hasher(cost)
    , m_limits(limits)
{
    m_threads.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
}

PasswordHashPool::~PasswordHashPool()
{
    m_threads.clear();
    m_threads.waitForDone();
    // Results the finished jobs posted to us are discarded with this object.
    for (const Job& job : std::as_const(m_jobs))
        disconnect(job.contextWatch);
}

bool PasswordHashPool::enqueue(const QString& addressKey, QObject* context, std::function<void()> work,
                               std::function<void()> deliver)
{
    if (m_limits.maxPending > 0 && m_pending >= m_limits.maxPending)
        return false;
    int& perAddress = m_perAddress[addressKey];
    if (m_limits.maxPendingPerAddress > 0 && perAddress >= m_limits.maxPendingPerAddress) {
        if (perAddress == 0)
            m_perAddress.remove(addressKey);
        return false;
    }
    ++perAddress;
    ++m_pending;
    const quint64 id = m_nextJob++;
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    Job job{addressKey, cancelled, {}, std::move(deliver)};
    if (context)
        job.contextWatch = connect(context, &QObject::destroyed, this, [cancelled] { *cancelled = true; });
    m_jobs.insert(id, std::move(job));
    m_threads.start([this, id, cancelled, work = std::move(work)] {
        const bool run = !cancelled->load();
        if (run) {
            lowerWorkerPriority();
            work();
        }
        QMetaObject::invokeMethod(
            this, [this, id, run] { finish(id, run); }, Qt::QueuedConnection);
    });
    return true;
}

void PasswordHashPool::finish(quint64 jobId, bool ran)
{
    const Job job = m_jobs.take(jobId);
    disconnect(job.contextWatch);
    --m_pending;
    const auto it = m_perAddress.find(job.addressKey);
    if (it != m_perAddress.end() && --*it <= 0)
        m_perAddress.erase(it);
    if (ran)
        job.deliver();
}

} // namespace lanchat
