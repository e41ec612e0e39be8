#include "session.h"

#include "logging.h"
#include "messages/chatmessages.h"
#include "router.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

namespace lanchat {

namespace {

// Bytes read from the kernel per socket before Qt pauses reading: the frame decoder never holds much more
// than one maximum frame plus this, however fast the peer sends.
constexpr qint64 kReadBufferBytes = 256 * 1024;

QCborMap errorMap(ErrorCode code, const QString& message)
{
    return ErrorReply{errorCodeName(code), message}.encode();
}

// A peer whose unsent backlog exceeds this multiple of the back-pressure bound is disconnected.
constexpr qint64 kSlowConsumerFactor = 16;

// How long a closing session may take to flush its last frames before the socket is aborted.
constexpr int kCloseFlushMs = 5000;

} // namespace

Session::Session(QTcpSocket* socket, const Router& router, quint32 maxFrameBytes, qint64 maxPendingOutput,
                 QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_router(router)
    , m_codec(maxFrameBytes)
    , m_maxPendingOutput(maxPendingOutput)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kReadBufferBytes);
    // Small request/reply frames: Nagle + delayed ACK would add ~40 ms to every round trip.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_peer = QStringLiteral("%1:%2").arg(m_socket->peerAddress().toString()).arg(m_socket->peerPort());
    connect(m_socket, &QTcpSocket::readyRead, this, &Session::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &Session::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &Session::onDisconnected);
    m_ssl = qobject_cast<QSslSocket*>(socket);
    if (m_ssl) {
        // TLS encrypts at once into the plain socket's buffer: that buffer is where a slow reader's backlog grows.
        connect(m_ssl, &QSslSocket::encryptedBytesWritten, this, &Session::onBytesWritten);
    }
    qCInfo(lcServer) << "connect" << m_peer;
    // Bytes may have arrived with the handshake, before readyRead was connected.
    QMetaObject::invokeMethod(this, &Session::onReadyRead, Qt::QueuedConnection);
}

Session::~Session() = default;

void Session::applyLimits(int handshakeTimeoutMs, int heartbeatTimeoutMs, std::optional<RequestLimiter> limiter)
{
    m_clock.start();
    m_limiter = std::move(limiter);
    m_heartbeatTimeoutMs = heartbeatTimeoutMs;
    m_watchdog = new QTimer(this);
    m_watchdog->setSingleShot(true);
    connect(m_watchdog, &QTimer::timeout, this, &Session::onSilence);
    if (handshakeTimeoutMs > 0)
        m_watchdog->start(handshakeTimeoutMs);
}

void Session::onSilence()
{
    if (m_closed)
        return;
    if (m_paused) {
        // We stopped reading them (their output is congested): their silence is ours.
        m_watchdog->start(std::max(m_heartbeatTimeoutMs, 1000));
        return;
    }
    closeWithError(ErrorCode::Timeout, m_heardFrame ? QStringLiteral("nothing received within the heartbeat time")
                                                    : QStringLiteral("no request within the handshake time"));
}

bool Session::admitRequest(const QString& type, quint64 id)
{
    if (m_heartbeatTimeoutMs > 0 && m_watchdog) // any request, ping included, proves the peer alive
        m_watchdog->start(m_heartbeatTimeoutMs);
    else if (m_watchdog)
        m_watchdog->stop();
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
        QCborMap map = errorMap(ErrorCode::RateLimited, QStringLiteral("too many requests; slow down"));
        map.insert(QLatin1String("id"), qint64(id));
        write(FrameCodec::encode(map));
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
    map.insert(QLatin1String("id"), qint64(id));
    write(FrameCodec::encode(map));
}

void Session::replyError(quint64 id, ErrorCode code, const QString& message)
{
    QCborMap map = errorMap(code, message);
    map.insert(QLatin1String("id"), qint64(id));
    qCInfo(lcServer) << "error" << m_peer << errorCodeName(code) << message;
    write(FrameCodec::encode(map));
}

void Session::push(const QByteArray& encodedFrame)
{
    write(encodedFrame);
}

void Session::closeWithError(ErrorCode code, const QString& message)
{
    qCWarning(lcServer) << "error" << m_peer << errorCodeName(code) << message << "- closing";
    write(FrameCodec::encode(errorMap(code, message)));
    close();
}

void Session::close()
{
    if (m_closed)
        return;
    m_closed = true;
    m_socket->disconnectFromHost(); // flushes pending output first
    if (m_socket->state() == QAbstractSocket::UnconnectedState) {
        onDisconnected();
        return;
    }
    // A peer that never reads would keep the flush, and the session, alive forever.
    QTimer::singleShot(kCloseFlushMs, m_socket, &QTcpSocket::abort);
}

QHostAddress Session::peerAddress() const
{
    return m_socket->peerAddress();
}

qint64 Session::bytesToWrite() const
{
    return m_socket->bytesToWrite() + (m_ssl ? m_ssl->encryptedBytesToWrite() : 0);
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
        QMetaObject::invokeMethod(m_socket, &QTcpSocket::abort, Qt::QueuedConnection);
        return;
    }
    m_socket->write(frame);
}

void Session::onReadyRead()
{
    if (m_closed)
        return;
    // After the first frame, any bytes count as life (a large frame may take longer than the heartbeat).
    if (m_heardFrame && m_heartbeatTimeoutMs > 0 && m_watchdog)
        m_watchdog->start(m_heartbeatTimeoutMs);
    processFrames();
}

void Session::processFrames()
{
    while (!m_closed) {
        if (outputCongested()) {
            // Stop consuming input: the socket's bounded read buffer fills, Qt stops reading, and TCP
            // flow control pushes back on the peer.
            m_paused = true;
            return;
        }
        std::optional<FrameCodec::Frame> frame = m_codec.next();
        if (!frame) {
            if (m_codec.hasError()) {
                closeWithError(m_codec.error(), m_codec.errorMessage());
                return;
            }
            if (m_socket->bytesAvailable() == 0)
                return;
            m_codec.append(m_socket->read(kReadBufferBytes));
            continue;
        }
        handleFrame(*frame);
    }
}

void Session::onBytesWritten()
{
    if (m_paused && bytesToWrite() <= m_maxPendingOutput / 2) {
        m_paused = false;
        emit outputDrained();
        processFrames();
    }
}

void Session::handleFrame(const FrameCodec::Frame& frame)
{
    const QCborValue idValue = frame.map.value(QLatin1String("id"));
    const bool hasId = idValue.isInteger() && idValue.toInteger() >= 0;
    const quint64 id = hasId ? quint64(idValue.toInteger()) : 0;
    if (frame.rejected) {
        QCborMap map = errorMap(*frame.rejected, frame.rejectReason);
        if (hasId)
            map.insert(QLatin1String("id"), qint64(id));
        qCInfo(lcServer) << "error" << m_peer << errorCodeName(*frame.rejected) << frame.rejectReason;
        write(FrameCodec::encode(map));
        return;
    }
    if (!hasId) {
        qCInfo(lcServer) << "error" << m_peer << "request without id";
        write(FrameCodec::encode(
            errorMap(ErrorCode::InvalidArgument, QStringLiteral("request without an unsigned 'id'"))));
        return;
    }
    const QString type = frame.map.value(QLatin1String("t")).toString();
    if (!admitRequest(type, id))
        return;
    m_router.dispatch(*this, type, frame.map, id);
}

void Session::onDisconnected()
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
