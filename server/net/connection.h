#pragma once

#include "connectionstate.h"
#include "outputqueue.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <span>

typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;

namespace lanchat {

class EventPoller;

/**
 * What a Connection reports to its owner (the Session). Calls come from the poller's thread, never
 * re-entrantly from inside Connection::send().
 */
class ConnectionHandler
{
public:
    /** Plaintext bytes arrived (TLS already decrypted). @p data is valid only during the call. */
    virtual void onBytesReceived(const char* data, qsizetype size) = 0;
    /**
     * Where the next read may write directly (the rest of a large frame being assembled), or empty: then
     * the bytes go through the poller's shared buffer to onBytesReceived(). Bytes read into it are reported
     * with onBytesReceivedInPlace(); the room is asked for anew before every read.
     */
    virtual std::span<char> receiveSpace() = 0;
    /** @p size bytes (> 0) were read into the start of the last receiveSpace(). */
    virtual void onBytesReceivedInPlace(qsizetype size) = 0;
    /** Some queued output reached the kernel; Connection::bytesToWrite() is smaller than before. */
    virtual void onBytesWritten() = 0;
    /** The descriptor is closed (peer left, error, abort, or the end of a graceful close). Last call. */
    virtual void onConnectionClosed() = 0;

protected:
    ~ConnectionHandler() = default;
};

/**
 * One accepted TCP connection of the relay, optionally TLS (OpenSSL on the descriptor, sharing one
 * SSL_CTX from TlsContext), driven by EventPoller.
 *
 * Output: send() queues an encoded frame (implicitly shared: a fan-out frame is one allocation for every
 * recipient) and the poller flushes all queued connections once per event-loop turn, plaintext with one
 * sendmsg(2) of up to kMaxIovecs frames, TLS by packing small frames into records of up to 16 KiB.
 * Input: while reading is enabled, bytes are read into the poller's shared buffer and handed to the
 * handler, or, while the handler assembles a large frame (a file chunk), straight into its room for it
 * (ConnectionHandler::receiveSpace()); an idle connection holds no buffer (TLS: SSL_MODE_RELEASE_BUFFERS).
 *
 * Errors (ECONNRESET, EPIPE, a failed TLS handshake or record) close the connection; the reason is logged
 * under lanchat.server. Not thread-safe: poller thread only. Destroying a connection closes the descriptor
 * without a callback.
 */
class Connection
{
public:
    /** Frames passed to one sendmsg(2). */
    static constexpr int kMaxIovecs = 64;
    /** Largest plaintext packed into one TLS record (RFC 8446 §5.1: 2^14 bytes). */
    static constexpr qsizetype kTlsRecordBytes = 16 * 1024;

    /**
     * Takes ownership of the connected descriptor @p fd (made non-blocking, TCP_NODELAY). @p tls is the
     * shared server context, or nullptr for plaintext (--insecure-plaintext).
     */
    Connection(EventPoller& poller, int fd, SSL_CTX* tls);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /** Registers with the poller and starts the TLS handshake if any; false (descriptor closed) on failure. */
    bool start(ConnectionHandler* handler);

    /** Queues @p frame; it is written at the end of this event-loop turn. Dropped once closing or closed. */
    void send(const QByteArray& frame);
    /** Queued bytes not yet accepted by the kernel (TLS: plaintext bytes, plus a record OpenSSL holds). */
    qint64 bytesToWrite() const { return m_output.bytes(); }
    /** Stops (false) or resumes (true) reading: with reading stopped TCP flow control pushes back on the peer. */
    void setReadEnabled(bool enabled);
    /**
     * Graceful close: no more input is delivered, queued output is written, then (TLS close_notify and)
     * a FIN is sent and the connection closes when the peer closes its side. During a TLS handshake the close
     * waits for the handshake, so that queued frames (an error that explains the close) reach the peer.
     * The owner bounds the wait with abort().
     */
    void closeAfterFlush();
    /** Closes at once, dropping queued output; onConnectionClosed() follows synchronously. */
    void abort();

    /** Not yet Closed: the descriptor is open (it may be draining towards its close). */
    bool isOpen() const { return m_state != ConnectionState::Closed; }
    /** The TLS handshake has not finished yet (never true for plaintext). */
    bool isHandshaking() const
    {
        return m_state == ConnectionState::Handshaking || m_state == ConnectionState::HandshakingToClose;
    }
    /** Where the connection is in its life (see ConnectionState). */
    ConnectionState state() const { return m_state; }
    int descriptor() const { return m_fd; }
    QHostAddress peerAddress() const { return m_peerAddress; }
    quint16 peerPort() const { return m_peerPort; }

    // --- called by EventPoller
    /** epoll(7) readiness @p events for this descriptor. */
    void handleEvents(unsigned events);
    /** Writes what is queued (the poller's end-of-turn call). */
    void flush();
    bool flushQueued() const { return m_flushQueued; }
    void setFlushQueued(bool queued) { m_flushQueued = queued; }

private:
    /** Moves to @p next; every state change goes through here and is checked against isAllowedTransition(). */
    void setState(ConnectionState next);
    /** Queued output is written, the FIN not yet sent (Draining); input is no longer delivered. */
    bool isDraining() const { return m_state == ConnectionState::Draining; }
    /** closeAfterFlush() was called and the handshake is over: input is read only to be dropped. */
    bool isClosing() const { return m_state == ConnectionState::Draining || m_state == ConnectionState::HalfClosed; }

    void readPlain();
    void readTls();
    void continueHandshake();
    /** Where the next read goes: the handler's room for a large frame, or else the poller's shared buffer. */
    std::span<char> readTarget();
    /** Hands @p size bytes read at @p data (readTarget()) to the handler. */
    void deliver(const char* data, qsizetype size);
    /** Returns false when the connection was closed by an error. */
    bool writePlain();
    bool writeTls();
    void finishClosing();
    void updateInterest();
    void fail(const char* what, int error);
    void failTls(const char* what, int sslError);
    void closeNow();

    EventPoller& m_poller;
    int m_fd;
    SSL* m_ssl = nullptr;
    ConnectionHandler* m_handler = nullptr;
    ConnectionState m_state = ConnectionState::Open;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    OutputQueue m_output;
    unsigned m_interest = 0; ///< the epoll event mask registered now
    // What the descriptor waits for inside a state (readiness bookkeeping, not the connection's life):
    bool m_readEnabled = true;   ///< the owner's back-pressure switch (setReadEnabled())
    bool m_writeBlocked = false; ///< the kernel buffer is full: waiting for EPOLLOUT
    bool m_tlsWantsRead = false; ///< a TLS write needs input first (TLS record layer)
    bool m_readPending = false;  ///< TLS bytes decrypted but not delivered while reading was off
    bool m_flushQueued = false;  ///< in the poller's end-of-turn flush list
};

} // namespace lanchat
