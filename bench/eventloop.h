#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <vector>

namespace lanchat::bench {

/** Nanoseconds on the steady clock (latency stamps: sender and receiver share this process). */
inline std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

/**
 * The load generator's one event loop: an edge-triggered epoll set of non-blocking sockets and a list of
 * handlers to call once at the end of the current turn. The turn-end call is what coalesces output: every
 * frame a connection queues while the turn's events are handled leaves in one write when the turn ends.
 * Not thread-safe; the generator runs it on its main thread only.
 */
class EventLoop
{
public:
    /** A socket owner. Must stay alive until remove() (the loop keeps raw pointers). */
    class Handler
    {
    public:
        virtual ~Handler() = default;
        /** epoll events (EPOLLIN, EPOLLOUT, EPOLLERR, EPOLLHUP, EPOLLRDHUP) of the handler's socket. */
        virtual void onEvents(std::uint32_t events) = 0;
        /** Called once per scheduleTurnEnd(), after the turn's events were handled. */
        virtual void onTurnEnd() = 0;
    };

    EventLoop();
    ~EventLoop();
    EventLoop(const EventLoop&) = delete;
    EventLoop& operator=(const EventLoop&) = delete;

    /** Watches @p fd for input and output (edge-triggered, registered once). False if epoll refuses it. */
    bool add(int fd, Handler* handler);
    /** Stops watching @p fd and forgets any turn-end call of @p handler. Call before closing fd. */
    void remove(int fd, Handler* handler);
    /** Asks for one onTurnEnd() call of @p handler; the caller keeps it from asking twice per turn. */
    void scheduleTurnEnd(Handler* handler) { m_turnEnd.push_back(handler); }

    /** One turn: pending turn-end calls, one epoll_wait of at most @p timeoutMs, its events, turn-end calls. */
    void turn(int timeoutMs);
    /** Turns until @p done returns true or @p timeoutMs pass; returns done(). */
    bool runUntil(const std::function<bool()>& done, int timeoutMs);
    /** Turns for @p ms milliseconds (lets pushes drain, lets the server settle). */
    void runFor(int ms);

private:
    void runTurnEnd();

    int m_epoll = -1;
    std::vector<Handler*> m_turnEnd;
    std::vector<Handler*> m_running;
};

} // namespace lanchat::bench
