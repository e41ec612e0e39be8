#include "session.h"

#include "logging.h"
#include "logthrottle.h"
#include "messages/chatmessages.h"
#include "router.h"
#include "sessionwatchdog.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>

namespace lanchat {

namespace {

QCborMap errorMap(ErrorCode code, const QString& message)
{
    return ErrorReply{errorCodeName(code), message}.encode();
}

// A peer whose unsent backlog exceeds this multiple of the back-pressure bound is disconnected.
constexpr qint64 kSlowConsumerFactor = 16;

// How long a closing session may take to flush its last frames before the socket is aborted.
constexpr int kCloseFlushMs = 5000;

// Error lines are logged once per refused request, and a peer chooses how many it sends: the first lines of
// a minute are enough to diagnose, the rest are counted.
constexpr int kErrorLogBurst = 20;
constexpr qint64 kErrorLogIntervalMs = 60 * 1000;

LogThrottle& requestErrorLog()
{
    static LogThrottle throttle(kErrorLogBurst, kErrorLogIntervalMs);
    return throttle;
}

LogThrottle& closeLog()
{
    static LogThrottle throttle(kErrorLogBurst, kErrorLogIntervalMs);
    return throttle;
}

} // namespace

Session::Session(std::unique_ptr<Connection> connection, const Router& router, quint32 maxFrameBytes,
                 qint64 maxPendingOutput, QObject* parent)
    : QObject(parent)
    , m_connection(std::move(connection))
    , m_router(router)
    , m_codec(maxFrameBytes)
    , m_maxPendingOutput(maxPendingOutput)
{
    m_peer = QStringLiteral("%1:%2").arg(m_connection->peerAddress().toString()).arg(m_connection->peerPort());
    qCInfo(lcServer) << "connect" << m_peer;
    if (!m_connection->start(this)) {
        // Reported from the event loop: whoever created us connects to closed() first.
        m_closed = true;
        QMetaObject::invokeMethod(this, &Session::onConnectionClosed, Qt::QueuedConnection);
    }
}

Session::~Session() = default;

void Session::applyLimits(int handshakeTimeoutMs, int heartbeatTimeoutMs, int loginTimeoutMs,
                          std::optional<RequestLimiter> limiter)
{
    m_clock.start();
    m_limiter = std::move(limiter);
    m_heartbeatTimeoutMs = heartbeatTimeoutMs;
    // The TLS handshake started in the constructor may already have finished and delivered frames (the server was
    // descheduled inside SSL_accept while the client answered): the handshake deadline is then over, and keeping
    // it would drop a logged-in, quiet client after handshakeTimeoutMs.
    if (m_heardFrame)
        extendDeadline();
    else
        m_deadlineMs = handshakeTimeoutMs > 0 ? SessionWatchdog::nowMs() + handshakeTimeoutMs : 0;
    m_loginTimeoutMs = loginTimeoutMs;
    m_loginDeadlineMs = loginTimeoutMs > 0 && !isAuthenticated() ? SessionWatchdog::nowMs() + loginTimeoutMs : 0;
}

void Session::setUser(UserId user)
{
    const bool was = isAuthenticated();
    m_user = user;
    if (isAuthenticated())
        m_loggedInMs = QDateTime::currentMSecsSinceEpoch();
    if (m_closed || was == isAuthenticated())
        return;
    m_loginDeadlineMs = !isAuthenticated() && m_loginTimeoutMs > 0 ? SessionWatchdog::nowMs() + m_loginTimeoutMs : 0;
    emit authenticationChanged(this, isAuthenticated());
}

void Session::extendDeadline()
{
    m_deadlineMs = m_heartbeatTimeoutMs > 0 ? SessionWatchdog::nowMs() + m_heartbeatTimeoutMs : 0;
}

void Session::checkDeadline(qint64 nowMs)
{
    if (m_closed)
        return;
    if (m_loginDeadlineMs > 0 && nowMs >= m_loginDeadlineMs && !isAuthenticated()) {
        // Not onSilence(): a peer that keeps pinging without logging in holds a slot all the same.
        if (m_connection->isHandshaking()) {
            m_connection->abort(); // no TLS session to carry an error frame
            return;
        }
        closeWithError(ErrorCode::Timeout, QStringLiteral("not logged in within the login time"));
        return;
    }
    if (m_deadlineMs > 0 && nowMs >= m_deadlineMs)
        onSilence();
}

void Session::onSilence()
{
    if (m_closed)
        return;
    if (m_paused || m_held) {
        // We stopped reading them (their output is congested, or a request of theirs waits): their silence is ours.
        m_deadlineMs = SessionWatchdog::nowMs() + std::max(m_heartbeatTimeoutMs, 1000);
        return;
    }
    if (!m_heardFrame && m_connection->isHandshaking()) {
        qCInfo(lcServer) << "error" << m_peer << "timeout: TLS handshake not finished - closing";
        m_connection->abort(); // no TLS session to carry an error frame
        return;
    }
    closeWithError(ErrorCode::Timeout, m_heardFrame ? QStringLiteral("nothing received within the heartbeat time")
                                                    : QStringLiteral("no request within the handshake time"));
}

bool Session::admitRequest(const QString& type, std::optional<quint64> id)
{
    extendDeadline(); // any request, ping included, proves the peer alive
    m_heardFrame = true;
    if (!m_limiter)
        return true;
    switch (m_limiter->admit(type, m_clock.elapsed())) {
    case RequestLimiter::Verdict::Admit:
        return true;
    case RequestLimiter::Verdict::Reject: {
        // Not replyError(): one log line per rejected request would let a flood fill the disk.
        if (m_rateLimited++ % 1000 == 0)
            qCWarning(lcServer) << "error" << m_peer << "rate_limited:" << m_rateLimited << "requests rejected so far";
        const QCborMap map = errorMap(ErrorCode::RateLimited, QStringLiteral("too many requests; slow down"));
        write(id ? FrameCodec::encode(map, *id) : FrameCodec::encode(map));
        return false;
    }
    case RequestLimiter::Verdict::Close:
        closeWithError(ErrorCode::RateLimited, QStringLiteral("sustained request flood"));
        return false;
    }
    return false;
}

void Session::reply(quint64 id, QCborMap map)
{
    if (!map.contains(QLatin1String("t")))
        map.insert(QLatin1String("t"), QLatin1String(msgtype::kOk));
    write(FrameCodec::encode(map, id));
}

void Session::replyError(quint64 id, ErrorCode code, const QString& message)
{
    sendError(id, code, message);
}

void Session::sendError(std::optional<quint64> id, ErrorCode code, const QString& message)
{
    if (const std::optional<quint64> dropped = requestErrorLog().admit()) {
        qCInfo(lcServer) << "error" << m_peer << errorCodeName(code) << logText(message, 2 * kLogTextChars)
                         << qUtf8Printable(LogThrottle::summary(*dropped));
    }
    const QCborMap map = errorMap(code, message);
    write(id ? FrameCodec::encode(map, *id) : FrameCodec::encode(map));
}

void Session::push(const QByteArray& encodedFrame)
{
    write(encodedFrame);
}

void Session::closeWithError(ErrorCode code, const QString& message)
{
    if (const std::optional<quint64> dropped = closeLog().admit()) {
        qCWarning(lcServer) << "error" << m_peer << errorCodeName(code) << logText(message, 2 * kLogTextChars)
                            << "- closing" << qUtf8Printable(LogThrottle::summary(*dropped));
    }
    write(FrameCodec::encode(errorMap(code, message)));
    close();
}

void Session::close()
{
    if (m_closed)
        return;
    m_closed = true;
    m_deadlineMs = 0;
    m_connection->closeAfterFlush(); // flushes pending output first
    if (!m_connection->isOpen())
        return;
    // A peer that never reads would keep the flush, and the session, alive forever.
    QTimer::singleShot(kCloseFlushMs, this, [this] { m_connection->abort(); });
}

void Session::holdRequests()
{
    m_held = true;
}

void Session::resumeRequests()
{
    if (!std::exchange(m_held, false) || m_closed)
        return;
    processFrames(); // what arrived behind the held request
    if (!m_paused && !m_held && !m_closed)
        m_connection->setReadEnabled(true);
}

QHostAddress Session::peerAddress() const
{
    return m_connection->peerAddress();
}

qint64 Session::bytesToWrite() const
{
    return m_connection->bytesToWrite();
}

bool Session::outputCongested() const
{
    return bytesToWrite() > m_maxPendingOutput;
}

void Session::write(const QByteArray& frame)
{
    if (m_closed)
        return;
    if (bytesToWrite() > m_maxPendingOutput * kSlowConsumerFactor) {
        // Pushes are not throttled by our input pause: a peer that stops reading altogether would make its
        // backlog grow without end. Drop it; it syncs what it missed after reconnecting.
        qCWarning(lcServer) << "error" << m_peer << "slow consumer:" << bytesToWrite() << "bytes unsent - closing";
        m_closed = true;
        // Deferred: we may be inside a fan-out loop over the registry.
        QMetaObject::invokeMethod(
            this, [this] { m_connection->abort(); }, Qt::QueuedConnection);
        return;
    }
    m_connection->send(frame);
    if (bytesToWrite() > m_maxPendingOutput)
        m_congested = true;
}

void Session::onBytesReceived(const char* data, qsizetype size)
{
    if (m_closed)
        return;
    // After the first frame, any bytes count as life (a large frame may take longer than the heartbeat).
    if (m_heardFrame)
        extendDeadline();
    m_codec.append(data, size);
    processFrames();
}

std::span<char> Session::receiveSpace()
{
    return m_closed ? std::span<char>() : m_codec.inPlaceSpace();
}

void Session::onBytesReceivedInPlace(qsizetype size)
{
    if (m_closed)
        return;
    if (m_heardFrame)
        extendDeadline();
    m_codec.appendedInPlace(size);
    processFrames();
}

void Session::processFrames()
{
    if (m_processing)
        return;
    m_processing = true;
    while (!m_closed) {
        if (m_held) {
            // The frames behind a request answered later wait in the decoder (and the kernel) until it is done.
            m_connection->setReadEnabled(false);
            break;
        }
        if (outputCongested()) {
            // Stop reading: the kernel's receive buffer fills and TCP flow control pushes back on the peer.
            m_paused = true;
            m_connection->setReadEnabled(false);
            break;
        }
        std::optional<FrameCodec::Frame> frame = m_codec.next();
        if (!frame) {
            if (m_codec.hasError())
                closeWithError(m_codec.error(), m_codec.errorMessage());
            break;
        }
        handleFrame(*frame);
    }
    m_processing = false;
}

void Session::onBytesWritten()
{
    if (bytesToWrite() > m_maxPendingOutput / 2)
        return;
    if (std::exchange(m_congested, false))
        emit outputDrained();
    if (m_paused) {
        m_paused = false;
        processFrames(); // what was decoded but held back
        if (!m_paused && !m_held && !m_closed)
            m_connection->setReadEnabled(true);
    }
}

void Session::handleFrame(const FrameCodec::Frame& frame)
{
    // Refused frames count against the rate limit like any request, before they are answered: otherwise a
    // flood of them is never slowed down nor closed. Only a well-formed request can be of an exempt type.
    const QString type = frame.rejected || !frame.id ? QString() : frame.map.value(QLatin1String("t")).toString();
    m_lastHeardMs = QDateTime::currentMSecsSinceEpoch();
    if (!admitRequest(type, frame.id))
        return;
    if (frame.rejected) {
        sendError(frame.id, *frame.rejected, frame.rejectReason);
        return;
    }
    if (!frame.id) {
        sendError(std::nullopt, ErrorCode::InvalidArgument, QStringLiteral("request without an unsigned 'id'"));
        return;
    }
    m_router.dispatch(*this, type, frame.map, *frame.id);
}

void Session::onConnectionClosed()
{
    m_closed = true;
    if (m_closedEmitted)
        return;
    m_closedEmitted = true;
    qCInfo(lcServer) << "disconnect" << m_peer << (m_user.isValid() ? m_user.value() : 0);
    emit closed(this);
    deleteLater();
}

} // namespace lanchat
