#pragma once

#include <QObject>

#include <vector>

class QSocketNotifier;

namespace lanchat {

class Connection;

/**
 * The relay's socket readiness loop: one Linux epoll set (epoll(7), level-triggered) holding every client
 * socket, watched by Qt's event loop through a single QSocketNotifier on the epoll descriptor.
 *
 * Why not one QTcpSocket per client: each costs two socket notifiers that Qt's dispatcher passes to poll()
 * on every loop turn (O(connections) per turn), a 16 KiB read and a 16 KiB write ring buffer that stay
 * allocated while the connection idles, and for TLS a private SSL_CTX per socket; at 5,000 connections that
 * measured 51 KiB (plaintext) and 101 KiB (TLS) of server memory per idle connection. Here an idle
 * connection holds no buffer at all.
 *
 * Output is coalesced per loop turn: Connection::send() queues a frame and marks the connection dirty; one
 * queued call per turn (posted after the handlers and the group commit of that turn) flushes every dirty
 * connection with one writev (or one TLS record batch) each.
 *
 * Lives on the thread that created it (the server thread); not thread-safe. Linux only.
 */
class EventPoller : public QObject
{
    Q_OBJECT
public:
    /** Bytes read from one socket per readiness event; also the size of the shared read buffer. */
    static constexpr qsizetype kReadChunkBytes = 256 * 1024;
    /** Events taken from the kernel per epoll_wait(2) call. */
    static constexpr int kMaxEvents = 256;
    /**
     * epoll_wait rounds per activation of the notifier: bounds one activation so that timers, posted events
     * (the group commit) and the listener are served between rounds of a busy socket set.
     */
    static constexpr int kMaxRounds = 4;

    explicit EventPoller(QObject* parent = nullptr);
    ~EventPoller() override;

    /** False when epoll_create1 failed (out of descriptors); every add() then fails. */
    bool isValid() const { return m_epoll >= 0; }

    /** Registers @p connection's descriptor for the events it wants; false with errno set on failure. */
    bool add(Connection* connection, unsigned events);
    /** Changes the event mask of a registered descriptor. */
    bool modify(Connection* connection, unsigned events);
    /** Unregisters (before close(2); a closed descriptor leaves the set by itself, but explicitly is clearer). */
    void remove(Connection* connection);

    /** Queues @p connection for the end-of-turn flush (idempotent while it is queued). */
    void scheduleFlush(Connection* connection);
    /** Drops @p connection from the flush queue (it is closing or being destroyed). */
    void cancelFlush(Connection* connection);
    /** Flushes every queued connection now (the end-of-turn call; also used by stop()). */
    void flushAll();

    /** Scratch buffer that every connection reads into (kReadChunkBytes); valid on the poller's thread. */
    char* readBuffer() { return m_readBuffer.data(); }
    /** Scratch buffer of Connection::kTlsRecordBytes where small frames are packed into one TLS record. */
    char* writeStage() { return m_writeStage.data(); }

    /** Registered connections (tests, stats). */
    int connectionCount() const { return m_registered; }

private:
    void onActivated();

    int m_epoll = -1;
    QSocketNotifier* m_notifier = nullptr;
    std::vector<Connection*> m_dirty;
    bool m_flushScheduled = false;
    std::vector<char> m_readBuffer;
    std::vector<char> m_writeStage;
    int m_registered = 0;
};

} // namespace lanchat
