#include "benchconnection.h"

#include "framecodec.h"
#include "tlscontext.h"

#include <QByteArray>
#include <QCborValue>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace lanchat::bench {

namespace {

constexpr std::size_t kInitialInput = 16 * 1024;
// Largest buffer a fast stream grows to by itself (a bigger frame still gets the room it needs): large enough
// for few read() calls, small enough that what one read brings is still in the L2 cache when it is parsed.
constexpr std::size_t kMaxInput = 128 * 1024;
// Room asked of every read: a whole 256 KiB file chunk reply fits in one read once the buffer has grown.
constexpr std::size_t kMinReadRoom = 8 * 1024;
constexpr std::size_t kInitialOutput = 4 * 1024;
// Larger frames than the server's maximum (1 MiB by default) mean a broken stream, not a big reply.
constexpr std::uint32_t kMaxFrame = 16 * 1024 * 1024;

std::uint32_t readBigEndian32(const char* p)
{
    std::uint32_t value;
    std::memcpy(&value, p, 4);
    return ntohl(value);
}

} // namespace

QCborMap BenchFrame::toMap() const
{
    return QCborValue::fromCbor(QByteArray(payload.data(), qsizetype(payload.size()))).toMap();
}

BenchConnection::BenchConnection(EventLoop& loop, const TlsContext* tls)
    : m_loop(loop)
    , m_tls(tls)
    , m_in(kInitialInput)
    , m_out(kInitialOutput)
{}

BenchConnection::~BenchConnection()
{
    close();
}

bool BenchConnection::connectTo(std::uint16_t port, std::uint32_t localAddress)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        fail(QStringLiteral("socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        return false;
    }
    // Small frames at window 1 must not wait for the previous segment's ack (Nagle).
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    if (!m_loop.add(m_fd, this)) {
        fail(QStringLiteral("epoll_ctl: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        return false;
    }
    if (localAddress != 0) {
        sockaddr_in local{};
        local.sin_family = AF_INET;
        local.sin_addr.s_addr = htonl(localAddress);
        if (::bind(m_fd, reinterpret_cast<const sockaddr*>(&local), sizeof(local)) != 0) {
            fail(QStringLiteral("bind: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
            return false;
        }
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    m_state = State::Connecting;
    if (::connect(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0 && errno != EINPROGRESS) {
        fail(QStringLiteral("connect: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        return false;
    }
    // Completion (immediate or not) arrives as EPOLLOUT: the socket was registered before connect().
    return true;
}

void BenchConnection::close()
{
    if (m_fd >= 0) {
        m_loop.remove(m_fd, this);
        ::close(m_fd);
        m_fd = -1;
    }
    if (m_ssl) {
        SSL_free(m_ssl);
        m_ssl = nullptr;
    }
    m_state = State::Closed;
    m_flushScheduled = false;
}

void BenchConnection::fail(const QString& reason)
{
    if (m_state == State::Closed)
        return;
    m_closeReason = reason;
    close();
    if (m_onClosed)
        m_onClosed(reason);
}

QString BenchConnection::tlsError(int result)
{
    const int error = SSL_get_error(m_ssl, result);
    char text[256] = {};
    const unsigned long queued = ERR_get_error();
    if (queued != 0)
        ERR_error_string_n(queued, text, sizeof(text));
    ERR_clear_error();
    if (error == SSL_ERROR_ZERO_RETURN)
        return QStringLiteral("closed by the server (TLS close_notify)");
    if (error == SSL_ERROR_SYSCALL && queued == 0)
        return errno != 0 ? QStringLiteral("TLS: %1").arg(QString::fromLocal8Bit(std::strerror(errno)))
                          : QStringLiteral("closed by the server");
    return QStringLiteral("TLS error %1: %2").arg(error).arg(QString::fromLatin1(text));
}

std::uint64_t BenchConnection::request(QCborMap map, FrameHandler onReply)
{
    const std::uint64_t id = nextId();
    map.insert(QLatin1String("id"), qint64(id));
    const QByteArray frame = FrameCodec::encode(map);
    queue(std::string_view(frame.constData(), std::size_t(frame.size())));
    if (onReply)
        m_pending.emplace(id, std::move(onReply));
    return id;
}

void BenchConnection::queue(std::string_view frame)
{
    std::memcpy(reserve(frame.size()), frame.data(), frame.size());
    commit(frame.size());
}

char* BenchConnection::reserve(std::size_t bytes)
{
    return m_out.reserve(bytes);
}

void BenchConnection::commit(std::size_t bytes)
{
    m_out.commit(bytes);
    scheduleFlush();
}

void BenchConnection::scheduleFlush()
{
    if (m_flushScheduled || m_state == State::Closed)
        return;
    m_flushScheduled = true;
    m_loop.scheduleTurnEnd(this);
}

void BenchConnection::onEvents(std::uint32_t events)
{
    if (m_state == State::Connecting) {
        int error = 0;
        socklen_t length = sizeof(error);
        ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length);
        if (error != 0) {
            fail(QStringLiteral("connect: %1").arg(QString::fromLocal8Bit(std::strerror(error))));
            return;
        }
        if (!(events & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
            return;
        onConnected();
    } else if (m_state == State::Handshaking) {
        handshake();
        // With read-ahead OpenSSL may already hold application data that raises no further edge.
        if (m_state == State::Open)
            events |= EPOLLIN;
    }
    if (m_state != State::Open)
        return;
    if (events & EPOLLOUT) {
        if (m_readWantsWrite) {
            m_readWantsWrite = false;
            readTls();
        }
        if (pendingOutput() > 0)
            scheduleFlush();
    }
    if (m_state == State::Open && (events & (EPOLLIN | EPOLLERR | EPOLLHUP | EPOLLRDHUP))) {
        if (m_writeWantsRead) {
            m_writeWantsRead = false;
            scheduleFlush();
        }
        if (m_ssl)
            readTls();
        else
            readPlain();
    }
}

void BenchConnection::onConnected()
{
    if (!m_tls) {
        becomeOpen();
        return;
    }
    m_ssl = m_tls->newSession(m_fd);
    if (!m_ssl) {
        fail(QStringLiteral("SSL_new failed"));
        return;
    }
    m_state = State::Handshaking;
    handshake();
}

void BenchConnection::handshake()
{
    const int result = SSL_connect(m_ssl);
    if (result == 1) {
        becomeOpen();
        return;
    }
    const int error = SSL_get_error(m_ssl, result);
    if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE)
        return; // edge-triggered: the next readable or writable edge calls handshake() again
    fail(QStringLiteral("TLS handshake: %1").arg(tlsError(result)));
}

void BenchConnection::becomeOpen()
{
    m_state = State::Open;
    if (pendingOutput() > 0)
        scheduleFlush();
}

char* BenchConnection::inputSpace(std::size_t* room)
{
    const std::size_t buffered = m_in.size();
    char* space = m_in.reserve(std::max(kMinReadRoom, m_inNeeded > buffered ? m_inNeeded - buffered : 0));
    *room = m_in.room();
    return space;
}

void BenchConnection::readPlain()
{
    while (m_state == State::Open) {
        std::size_t room = 0;
        char* space = inputSpace(&room);
        const ssize_t n = ::read(m_fd, space, room);
        if (n > 0) {
            m_in.commit(std::size_t(n));
            splitFrames(nowNs());
            // A buffer filled to the brim hints at a fast stream: grow it so later reads take more per call.
            if (std::size_t(n) == room && m_in.capacity() < kMaxInput)
                m_inNeeded = std::max(m_inNeeded, m_in.capacity() * 2);
            // A short read drained the socket; new data raises a new edge (as nginx assumes), so no read
            // that would only answer EAGAIN.
            if (std::size_t(n) < room)
                return;
            continue;
        }
        if (n == 0) {
            fail(QStringLiteral("closed by the server"));
            return;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            fail(QStringLiteral("read: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        return;
    }
}

void BenchConnection::readTls()
{
    while (m_state == State::Open) {
        std::size_t room = 0;
        char* space = inputSpace(&room);
        const int n = SSL_read(m_ssl, space, int(std::min<std::size_t>(room, 1 << 30)));
        if (n > 0) {
            m_in.commit(std::size_t(n));
            splitFrames(nowNs());
            continue; // OpenSSL hands out one record per call: read on until it wants more bytes
        }
        const int error = SSL_get_error(m_ssl, n);
        if (error == SSL_ERROR_WANT_READ)
            return;
        if (error == SSL_ERROR_WANT_WRITE) {
            m_readWantsWrite = true;
            return;
        }
        fail(tlsError(n));
        return;
    }
}

void BenchConnection::splitFrames(std::int64_t receivedNs)
{
    while (m_state != State::Closed && m_in.size() >= 4) {
        const std::uint32_t length = readBigEndian32(m_in.data());
        if (length == 0 || length > kMaxFrame) {
            fail(QStringLiteral("bad frame length %1 from the server").arg(length));
            return;
        }
        if (m_in.size() - 4 < length) {
            m_inNeeded = std::size_t(length) + 4;
            return;
        }
        // The payload stays valid during dispatch(): nothing reserves input room before it returns.
        const char* payload = m_in.data() + 4;
        m_in.consume(std::size_t(length) + 4);
        m_inNeeded = 0;
        dispatch(std::string_view(payload, length), receivedNs);
    }
}

void BenchConnection::dispatch(std::string_view payload, std::int64_t receivedNs)
{
    BenchFrame frame;
    frame.payload = payload;
    frame.receivedNs = receivedNs;
    // One pass over the top-level pairs: the two keys every frame is routed by, and the values the handlers
    // ask for next (BenchFrame::field() reads them from here).
    std::size_t pos = 0;
    CborItem map;
    if (!CborScanner::readHeader(payload, pos, &map) || map.kind != CborItem::Kind::Map) {
        fail(QStringLiteral("a frame that is not a CBOR map"));
        return;
    }
    for (std::uint64_t i = 0; i < map.value; ++i) {
        const std::size_t keyAt = pos;
        CborItem key;
        CborItem value;
        if (!CborScanner::read(payload, pos, &key) || !CborScanner::read(payload, pos, &value)) {
            fail(QStringLiteral("a truncated frame"));
            return;
        }
        if (key.kind != CborItem::Kind::Text)
            continue;
        if (frame.fieldCount < frame.keyAt.size())
            frame.keyAt[frame.fieldCount++] = std::uint32_t(keyAt);
        else
            frame.allFields = false;
        if (key.content == "t" && value.kind == CborItem::Kind::Text)
            frame.type = value.content;
        else if (key.content == "id" && value.kind == CborItem::Kind::Unsigned)
            frame.id = value.value;
    }
    if (frame.id && !m_pending.empty()) {
        const auto it = m_pending.find(*frame.id);
        if (it != m_pending.end()) {
            const FrameHandler handler = std::move(it->second);
            m_pending.erase(it);
            handler(frame);
            return;
        }
    }
    if (m_onFrame)
        m_onFrame(frame);
}

void BenchConnection::onTurnEnd()
{
    m_flushScheduled = false;
    if (m_state != State::Open || pendingOutput() == 0)
        return;
    if (m_ssl)
        flushTls();
    else
        flushPlain();
}

void BenchConnection::flushPlain()
{
    while (m_out.size() > 0) {
        const ssize_t n = ::send(m_fd, m_out.data(), m_out.size(), MSG_NOSIGNAL);
        if (n > 0) {
            m_out.consume(std::size_t(n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return; // the next EPOLLOUT edge schedules the rest
        fail(QStringLiteral("send: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        return;
    }
}

void BenchConnection::flushTls()
{
    while (m_out.size() > 0) {
        const int n = SSL_write(m_ssl, m_out.data(), int(std::min<std::size_t>(m_out.size(), 1 << 30)));
        if (n > 0) {
            m_out.consume(std::size_t(n));
            continue;
        }
        const int error = SSL_get_error(m_ssl, n);
        if (error == SSL_ERROR_WANT_WRITE)
            return;
        if (error == SSL_ERROR_WANT_READ) {
            m_writeWantsRead = true;
            return;
        }
        fail(tlsError(n));
        return;
    }
}

} // namespace lanchat::bench
