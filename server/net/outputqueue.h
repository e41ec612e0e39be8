#pragma once

#include <QByteArray>
#include <QList>

struct iovec;

namespace lanchat {

/**
 * The frames a Connection has yet to write, in order, with how much of the first one went out. Frames are
 * implicitly shared QByteArrays: a fan-out frame queued for many connections is one allocation, and each
 * queue drops its reference as soon as the frame is written. An empty queue holds no memory (an idle
 * connection keeps no output buffer). Not thread-safe; the poller's thread.
 */
class OutputQueue
{
public:
    void append(const QByteArray& frame);
    /** Unsent bytes. */
    qint64 bytes() const { return m_bytes; }
    bool isEmpty() const { return m_bytes == 0; }

    /** Points up to @p max entries of @p iov at the unsent bytes, in order; returns how many (plaintext sendmsg). */
    int gather(iovec* iov, int max) const;
    /**
     * The next bytes to hand to one TLS write: the rest of the first frame itself when it is at least
     * @p recordBytes long or the only one, else as many frames as fit packed into @p stage (@p recordBytes
     * of room). Depends only on the queue's content, so a retry after SSL_ERROR_WANT_WRITE passes the same
     * bytes again, or more of them. Returns the length and sets @p data.
     */
    qsizetype front(char* stage, qsizetype recordBytes, const char** data) const;
    /** @p count bytes from the front were written. */
    void consume(qsizetype count);
    /** Drops everything (the connection closed). */
    void clear();

private:
    QList<QByteArray> m_frames;
    qsizetype m_head = 0;   ///< index of the first unsent frame
    qsizetype m_offset = 0; ///< bytes of m_frames[m_head] already written
    qint64 m_bytes = 0;
};

} // namespace lanchat
