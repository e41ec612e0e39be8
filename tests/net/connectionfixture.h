#pragma once

#include "net/connection.h"
#include "net/eventpoller.h"
#include "recordinghandler.h"
#include "socketpeer.h"
#include "tlspeer.h"

#include <QByteArray>

#include <memory>

namespace lanchat::test {

/**
 * One Connection under test: an EventPoller, the Connection on the near end of a fresh socket pair, the
 * RecordingHandler it reports to, and the far end, a SocketPeer (plaintext) or a TlsPeer (when @p tls is given).
 * Poller thread only; everything is driven through the event loop (QTRY_*, spinEventLoop()).
 */
class ConnectionFixture
{
public:
    enum class Link
    {
        Unix, ///< socketpair(AF_UNIX): fast, no TCP behaviour
        Tcp,  ///< loopback TCP: resets, FIN, TCP send buffers
    };

    /**
     * Makes the pair; @p sendBufferBytes > 0 shrinks the Connection's kernel send buffer so that writes stop
     * part way. @p tls is the server context (TlsContext::handle()) or nullptr for plaintext.
     */
    ConnectionFixture(Link link, SSL_CTX* tls, int sendBufferBytes = 0);
    ~ConnectionFixture();
    ConnectionFixture(const ConnectionFixture&) = delete;
    ConnectionFixture& operator=(const ConnectionFixture&) = delete;

    /** Connection::start() with the handler; false when the pair could not be made or start failed. */
    bool start();

    EventPoller& poller() { return m_poller; }
    RecordingHandler& handler() { return m_handler; }
    Connection& connection() { return *m_connection; }
    /** The far end's socket (for TLS: under the TlsPeer). */
    SocketPeer& peer() { return m_tls ? m_tls->socket() : m_plain; }
    /** The far end's TLS client; only when made with a context. */
    TlsPeer& tlsPeer() { return *m_tls; }

private:
    EventPoller m_poller;
    RecordingHandler m_handler;
    SocketPeer m_plain;
    std::unique_ptr<TlsPeer> m_tls;
    std::unique_ptr<Connection> m_connection;
};

/** Frame @p index of a test stream: @p size bytes that differ by position and by frame. */
QByteArray patternFrame(int index, qsizetype size);
/** Lets the poller handle whatever is ready now: for checking that something does NOT happen. */
void spinEventLoop();

} // namespace lanchat::test
