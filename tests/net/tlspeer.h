#pragma once

#include "socketpeer.h"

#include <QByteArray>
#include <QString>

#include <memory>

class QSocketNotifier;

typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;

namespace lanchat {
class TlsContext;
}

namespace lanchat::test {

/**
 * The client end of a TLS connection for transport tests: OpenSSL in client mode on a non-blocking
 * SocketPeer, certificate not verified (the server's is a throw-away). Every call does what the socket
 * allows now and returns, so a test drives it from QTRY_* conditions while the server's EventPoller runs.
 */
class TlsPeer
{
public:
    /** A server context (TlsContext) with a freshly generated self-signed certificate; nullptr on failure. */
    static std::unique_ptr<TlsContext> serverContext(QString* error);

    explicit TlsPeer(SocketPeer socket);
    ~TlsPeer();
    TlsPeer(const TlsPeer&) = delete;
    TlsPeer& operator=(const TlsPeer&) = delete;

    /** Advances the handshake as far as the socket allows; true once it is complete. */
    bool handshake();
    /** Decrypts into received() whenever the socket is readable, from the event loop (after the handshake). */
    void readContinuously();
    /** Decrypts what has arrived into received(); returns received().size(). */
    qsizetype readAvailable();
    const QByteArray& received() const { return m_received; }
    /** The server's close_notify or the end of the TCP stream was read. */
    bool sawEndOfStream() const { return m_eof; }
    /** Encrypts and writes all of @p data (small amounts: the socket must take it now); false on error. */
    bool write(const QByteArray& data);
    SocketPeer& socket() { return m_socket; }

private:
    SocketPeer m_socket;
    std::unique_ptr<QSocketNotifier> m_notifier;
    SSL_CTX* m_ctx = nullptr;
    SSL* m_ssl = nullptr;
    QByteArray m_received;
    bool m_eof = false;
};

} // namespace lanchat::test
