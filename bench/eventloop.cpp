#include "eventloop.h"

#include <algorithm>
#include <cerrno>
#include <sys/epoll.h>
#include <unistd.h>

namespace lanchat::bench {

namespace {

constexpr int kMaxEvents = 512;

std::int64_t nowMs()
{
    return nowNs() / 1000000;
}

} // namespace

EventLoop::EventLoop()
    : m_epoll(::epoll_create1(EPOLL_CLOEXEC))
{}

EventLoop::~EventLoop()
{
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool EventLoop::add(int fd, Handler* handler)
{
    // Edge-triggered with output always watched: no epoll_ctl per write, and an EPOLLOUT that arrives while
    // nothing is queued costs one ignored wake-up.
    epoll_event event{};
    event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
    event.data.ptr = handler;
    return ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) == 0;
}

void EventLoop::remove(int fd, Handler* handler)
{
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
    std::erase(m_turnEnd, handler);
    std::replace(m_running.begin(), m_running.end(), handler, static_cast<Handler*>(nullptr));
}

void EventLoop::runTurnEnd()
{
    // A turn-end call may schedule further ones (a flush that completes a handshake queues output), so
    // swap the list out and repeat until it stays empty.
    while (!m_turnEnd.empty()) {
        m_running.swap(m_turnEnd);
        for (Handler* handler : m_running) {
            if (handler)
                handler->onTurnEnd();
        }
        m_running.clear();
    }
}

void EventLoop::turn(int timeoutMs)
{
    runTurnEnd();
    epoll_event events[kMaxEvents];
    const int n = ::epoll_wait(m_epoll, events, kMaxEvents, std::max(0, timeoutMs));
    for (int i = 0; i < n; ++i)
        static_cast<Handler*>(events[i].data.ptr)->onEvents(events[i].events);
    runTurnEnd();
}

bool EventLoop::runUntil(const std::function<bool()>& done, int timeoutMs)
{
    const std::int64_t deadline = nowMs() + timeoutMs;
    while (!done()) {
        const std::int64_t left = deadline - nowMs();
        if (left <= 0)
            return done();
        // A bounded wait so that a condition set outside socket events (none today) is still seen.
        turn(int(std::min<std::int64_t>(left, 100)));
    }
    return true;
}

void EventLoop::runFor(int ms)
{
    const std::int64_t deadline = nowMs() + ms;
    for (std::int64_t left = ms; left > 0; left = deadline - nowMs())
        turn(int(left));
}

} // namespace lanchat::bench
