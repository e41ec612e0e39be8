#include "eventpoller.h"

#include "connection.h"
#include "netlogging.h"

#include <QSocketNotifier>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/epoll.h>
#include <unistd.h>

namespace lanchat {

EventPoller::EventPoller(QObject* parent)
    : QObject(parent)
    , m_readBuffer(size_t(kReadChunkBytes))
    , m_writeStage(size_t(Connection::kTlsRecordBytes))
{
    // A write to a socket the peer has reset would otherwise kill the process (OpenSSL's socket BIO uses
    // write(2), which cannot take MSG_NOSIGNAL); errors arrive as EPIPE instead.
    std::signal(SIGPIPE, SIG_IGN);
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0) {
        qCCritical(lcNet) << "epoll_create1 failed:" << std::strerror(errno);
        return;
    }
    m_notifier = new QSocketNotifier(qintptr(m_epoll), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &EventPoller::onActivated);
}

EventPoller::~EventPoller()
{
    delete m_notifier;
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool EventPoller::add(Connection* connection, unsigned events)
{
    if (m_epoll < 0)
        return false;
    epoll_event event{};
    event.events = events;
    event.data.ptr = connection;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, connection->descriptor(), &event) != 0)
        return false;
    ++m_registered;
    return true;
}

bool EventPoller::modify(Connection* connection, unsigned events)
{
    epoll_event event{};
    event.events = events;
    event.data.ptr = connection;
    return epoll_ctl(m_epoll, EPOLL_CTL_MOD, connection->descriptor(), &event) == 0;
}

void EventPoller::remove(Connection* connection)
{
    epoll_event unused{}; // kernels before 2.6.9 required a non-null pointer
    if (epoll_ctl(m_epoll, EPOLL_CTL_DEL, connection->descriptor(), &unused) == 0)
        --m_registered;
    cancelFlush(connection);
}

void EventPoller::scheduleFlush(Connection* connection)
{
    if (connection->flushQueued())
        return;
    connection->setFlushQueued(true);
    m_dirty.push_back(connection);
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        // Posted behind this turn's work (frames being handled, the group commit's queued flush), so the
        // acks and pushes of a whole turn leave in one write per connection.
        QMetaObject::invokeMethod(this, &EventPoller::flushAll, Qt::QueuedConnection);
    }
}

void EventPoller::cancelFlush(Connection* connection)
{
    if (!connection->flushQueued())
        return;
    connection->setFlushQueued(false);
    const auto it = std::find(m_dirty.begin(), m_dirty.end(), connection);
    if (it != m_dirty.end())
        *it = nullptr; // erased lazily: flushAll() may be iterating
}

void EventPoller::flushAll()
{
    m_flushScheduled = false;
    // Flushing may queue more output (a drained session resumes reading and answers): that lands in the
    // next batch, scheduled anew by scheduleFlush().
    std::vector<Connection*> batch;
    batch.swap(m_dirty);
    for (Connection* connection : batch) {
        if (!connection)
            continue;
        connection->setFlushQueued(false);
        connection->flush();
    }
    if (m_dirty.empty() && batch.capacity() > m_dirty.capacity()) {
        batch.clear();
        m_dirty.swap(batch); // keep the grown capacity instead of reallocating every turn
    }
}

void EventPoller::onActivated()
{
    epoll_event events[kMaxEvents];
    for (int round = 0; round < kMaxRounds; ++round) {
        const int n = epoll_wait(m_epoll, events, kMaxEvents, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        // Connections closed while handling this batch stay allocated until the next turn (their sessions are
        // deleted with deleteLater), so their stale events here are safe and ignored by handleEvents().
        for (int i = 0; i < n; ++i)
            static_cast<Connection*>(events[i].data.ptr)->handleEvents(events[i].events);
        if (n < kMaxEvents)
            return;
    }
}

} // namespace lanchat
