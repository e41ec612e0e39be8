#include "connection.h"

#include "eventpoller.h"
#include "netlogging.h"
#include "tlscontext.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace lanchat {

namespace {

QHostAddress peerOf(int fd, quint16* port)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&storage), &length) != 0)
        return {};
    QHostAddress address(reinterpret_cast<const sockaddr*>(&storage));
    if (storage.ss_family == AF_INET6)
        *port = ntohs(reinterpret_cast<const sockaddr_in6*>(&storage)->sin6_port);
    else if (storage.ss_family == AF_INET)
        *port = ntohs(reinterpret_cast<const sockaddr_in*>(&storage)->sin_port);
    // A dual-stack listener sees IPv4 peers as ::ffff:a.b.c.d; per-address limits must count them as a.b.c.d.
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

} // namespace

Connection::Connection(EventPoller& poller, int fd, SSL_CTX* tls)
    : m_poller(poller)
    , m_fd(fd)
{
    const int flags = fcntl(fd, F_GETFL);
    fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    // Small request/reply frames: Nagle plus delayed ACK would add ~40 ms to every round trip.
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    m_peerAddress = peerOf(fd, &m_peerPort);
    if (tls) {
        m_ssl = SSL_new(tls);
        m_state = ConnectionState::Handshaking;
        if (m_ssl && SSL_set_fd(m_ssl, fd) == 1) {
            SSL_set_accept_state(m_ssl);
        } else {
            SSL_free(m_ssl);
            m_ssl = nullptr; // handshaking without a TLS session: start() refuses it
        }
    }
}

Connection::~Connection()
{
    m_handler = nullptr;
    closeNow();
}

bool Connection::start(ConnectionHandler* handler)
{
    m_handler = handler;
    if (m_state == ConnectionState::Handshaking && !m_ssl) {
        qCWarning(lcNet) << "error" << m_peerAddress.toString()
                         << "cannot create a TLS session:" << TlsContext::lastError(0);
        m_handler = nullptr;
        closeNow();
        return false;
    }
    m_interest = EPOLLIN | EPOLLRDHUP;
    if (!m_poller.add(this, m_interest)) {
        qCWarning(lcNet) << "error" << m_peerAddress.toString() << "epoll_ctl:" << std::strerror(errno);
        m_handler = nullptr;
        ::close(m_fd);
        m_fd = -1;
        setState(ConnectionState::Closed);
        return false;
    }
    if (m_state == ConnectionState::Handshaking)
        continueHandshake();
    return isOpen();
}

void Connection::send(const QByteArray& frame)
{
    // Queued during the handshake too: written once it is done.
    if ((m_state != ConnectionState::Open && m_state != ConnectionState::Handshaking) || frame.isEmpty())
        return;
    m_output.append(frame);
    m_poller.scheduleFlush(this);
}

void Connection::setReadEnabled(bool enabled)
{
    if (m_readEnabled == enabled)
        return;
    m_readEnabled = enabled;
    if (!isOpen())
        return;
    updateInterest();
    // Records OpenSSL already read from the kernel raise no epoll event: deliver them from the next flush.
    if (enabled && m_ssl && (m_readPending || SSL_has_pending(m_ssl))) {
        m_readPending = true;
        m_poller.scheduleFlush(this);
    }
}

void Connection::closeAfterFlush()
{
    if (m_state == ConnectionState::Handshaking) {
        setState(ConnectionState::HandshakingToClose);
        return;
    }
    if (m_state != ConnectionState::Open)
        return;
    setState(ConnectionState::Draining);
    updateInterest();
    m_poller.scheduleFlush(this);
}

void Connection::abort()
{
    closeNow();
}

void Connection::handleEvents(unsigned events)
{
    if (!isOpen())
        return;
    if (events & EPOLLERR) {
        int error = 0;
        socklen_t length = sizeof error;
        getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length);
        fail("socket error", error);
        return;
    }
    if (isHandshaking()) {
        continueHandshake();
        return;
    }
    if (events & EPOLLOUT) {
        m_writeBlocked = false;
        flush();
        if (!isOpen())
            return;
    }
    const bool readable = events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP);
    if (readable && (m_readEnabled || isClosing())) {
        if (m_ssl && !isClosing())
            readTls();
        else
            readPlain();
    } else if (events & EPOLLHUP) {
        closeNow(); // both directions are gone while we were not reading: nobody is left to answer
    } else if ((events & EPOLLOUT) && m_ssl && m_readEnabled) {
        readTls(); // a TLS read that needed to write first can go on
    }
}

std::span<char> Connection::readTarget()
{
    if (m_handler && !isClosing()) {
        if (const std::span<char> room = m_handler->receiveSpace(); !room.empty())
            return room.first(std::min<size_t>(room.size(), INT_MAX)); // SSL_read takes an int
    }
    return {m_poller.readBuffer(), size_t(EventPoller::kReadChunkBytes)};
}

void Connection::readPlain()
{
    const std::span<char> target = readTarget();
    const ssize_t n = ::recv(m_fd, target.data(), target.size(), 0);
    if (n > 0) {
        if (!isClosing())
            deliver(target.data(), n);
        return;
    }
    if (n == 0) {
        closeNow(); // the peer closed its side
        return;
    }
    if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
        fail("read", errno);
}

void Connection::readTls()
{
    // Bounded per event so one fast sender cannot hold the loop; what OpenSSL still holds is read on from
    // the next flush (it raises no epoll event).
    qint64 budget = 4 * EventPoller::kReadChunkBytes;
    while (m_readEnabled && m_state == ConnectionState::Open) {
        const std::span<char> target = readTarget();
        ERR_clear_error();
        const int n = SSL_read(m_ssl, target.data(), int(target.size()));
        if (n > 0) {
            deliver(target.data(), n);
            budget -= n;
            if (budget <= 0 && isOpen() && SSL_has_pending(m_ssl)) {
                m_readPending = true;
                m_poller.scheduleFlush(this);
                return;
            }
            continue;
        }
        const int error = SSL_get_error(m_ssl, n);
        if (error == SSL_ERROR_WANT_READ) {
            if (m_tlsWantsRead) {
                m_tlsWantsRead = false;
                flush();
            }
            return;
        }
        if (error == SSL_ERROR_WANT_WRITE) {
            m_writeBlocked = true;
            updateInterest();
            return;
        }
        if (error == SSL_ERROR_ZERO_RETURN || (error == SSL_ERROR_SYSCALL && ERR_peek_error() == 0 && errno == 0)) {
            closeNow(); // close_notify, or the peer closed the TCP connection without one
            return;
        }
        failTls("read", error);
        return;
    }
    if (isOpen() && !m_readEnabled && SSL_has_pending(m_ssl))
        m_readPending = true;
}

void Connection::continueHandshake()
{
    ERR_clear_error();
    const int result = SSL_accept(m_ssl);
    if (result == 1) {
        setState(m_state == ConnectionState::HandshakingToClose ? ConnectionState::Draining : ConnectionState::Open);
        m_writeBlocked = false;
        updateInterest();
        if (m_state == ConnectionState::Open)
            readTls(); // the client's first frame may have come with its Finished message
        if (isOpen() && (!m_output.isEmpty() || isDraining()))
            m_poller.scheduleFlush(this);
        return;
    }
    const int error = SSL_get_error(m_ssl, result);
    if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
        m_writeBlocked = error == SSL_ERROR_WANT_WRITE;
        updateInterest();
        return;
    }
    qCInfo(lcNet) << "TLS handshake failed" << m_peerAddress.toString() << TlsContext::lastError(error);
    closeNow();
}

void Connection::deliver(const char* data, qsizetype size)
{
    if (!m_handler)
        return;
    if (data != m_poller.readBuffer())
        m_handler->onBytesReceivedInPlace(size);
    else
        m_handler->onBytesReceived(data, size);
}

void Connection::flush()
{
    if (!isOpen())
        return;
    if (m_readPending && m_readEnabled && m_state == ConnectionState::Open) {
        m_readPending = false;
        readTls();
        if (!isOpen())
            return;
    }
    if (isHandshaking() || m_writeBlocked || m_tlsWantsRead)
        return;
    const qint64 before = m_output.bytes();
    if (!(m_ssl ? writeTls() : writePlain()))
        return; // closed by a write error
    if (m_output.bytes() < before && m_handler)
        m_handler->onBytesWritten();
    if (isDraining() && m_output.isEmpty())
        finishClosing();
}

bool Connection::writePlain()
{
    while (!m_output.isEmpty()) {
        iovec iov[kMaxIovecs];
        msghdr message{};
        message.msg_iov = iov;
        message.msg_iovlen = size_t(m_output.gather(iov, kMaxIovecs));
        const ssize_t n = ::sendmsg(m_fd, &message, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                m_writeBlocked = true;
                updateInterest();
                return true;
            }
            fail("write", errno);
            return false;
        }
        m_output.consume(n);
    }
    updateInterest();
    return true;
}

bool Connection::writeTls()
{
    while (!m_output.isEmpty()) {
        // Small frames packed into one record: one encryption and one syscall instead of one per frame.
        // SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER lets a retry pass the same bytes from another address.
        const char* data = nullptr;
        const qsizetype length =
            std::min<qsizetype>(m_output.front(m_poller.writeStage(), kTlsRecordBytes, &data), 1 << 20);
        ERR_clear_error();
        const int n = SSL_write(m_ssl, data, int(length));
        if (n > 0) {
            m_output.consume(n);
            continue;
        }
        const int error = SSL_get_error(m_ssl, n);
        if (error == SSL_ERROR_WANT_WRITE) {
            m_writeBlocked = true;
            updateInterest();
            return true;
        }
        if (error == SSL_ERROR_WANT_READ) {
            m_tlsWantsRead = true;
            return true;
        }
        failTls("write", error);
        return false;
    }
    updateInterest();
    return true;
}

void Connection::finishClosing()
{
    setState(ConnectionState::HalfClosed);
    if (m_ssl) {
        ERR_clear_error();
        SSL_shutdown(m_ssl); // close_notify, best effort: we do not wait for the peer's
    }
    // Half-close and wait for the peer's FIN: closing with unread input would send a RST that can make
    // the peer drop our last frames (the error that explains why we close) before reading them.
    ::shutdown(m_fd, SHUT_WR);
    updateInterest();
}

void Connection::updateInterest()
{
    if (!isOpen())
        return;
    unsigned wanted = 0;
    if (isHandshaking())
        wanted = EPOLLIN;
    else if (m_readEnabled || isClosing())
        wanted = EPOLLIN | EPOLLRDHUP;
    if (m_writeBlocked && m_state != ConnectionState::HalfClosed)
        wanted |= EPOLLOUT;
    if (wanted != m_interest && m_poller.modify(this, wanted))
        m_interest = wanted;
}

void Connection::setState(ConnectionState next)
{
    Q_ASSERT_X(isAllowedTransition(m_state, next), "Connection::setState", stateName(next));
    if (!isAllowedTransition(m_state, next)) {
        qCWarning(lcNet) << "connection" << m_peerAddress.toString() << "refused state change" << stateName(m_state)
                         << "->" << stateName(next);
        return;
    }
    m_state = next;
}

void Connection::fail(const char* what, int error)
{
    if (error == ECONNRESET || error == EPIPE)
        qCDebug(lcNet) << "connection reset" << m_peerAddress.toString() << what;
    else
        qCInfo(lcNet) << "connection error" << m_peerAddress.toString() << what << std::strerror(error);
    closeNow();
}

void Connection::failTls(const char* what, int sslError)
{
    qCInfo(lcNet) << "TLS error" << m_peerAddress.toString() << what << TlsContext::lastError(sslError);
    closeNow();
}

void Connection::closeNow()
{
    if (!isOpen())
        return;
    setState(ConnectionState::Closed);
    m_poller.remove(this);
    if (m_ssl) {
        SSL_free(m_ssl);
        m_ssl = nullptr;
    }
    ::close(m_fd);
    m_fd = -1;
    m_output.clear();
    if (ConnectionHandler* handler = std::exchange(m_handler, nullptr))
        handler->onConnectionClosed();
}

} // namespace lanchat
