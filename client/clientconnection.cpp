#include "clientconnection.h"

#include "framecodec.h"
#include "logging.h"
#include "messages/authmessages.h"
#include "messages/chatmessages.h"
#include "protocol.h"
#include "reconnectbackoff.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QPointer>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTimer>

#include <algorithm>
#include <map>

namespace lanchat {

namespace {

constexpr int kDefaultPingIntervalMs = 30000;
constexpr int kDefaultSilenceLimitMs = 60000;
const QLatin1String kClientName("lanchat-client/0.1");
// What we accept from the (pinned) server. Larger than the 1 MiB the server accepts from clients because
// a history or sync page holds up to 100 messages of up to 64 KiB each and the relay does not split pages
// by size; still bounded, so a broken server cannot make us allocate without limit.
constexpr quint32 kMaxIncomingFrameBytes = 16 * 1024 * 1024;

QString normalizeFingerprint(const QString& hex)
{
    QString out;
    for (const QChar c : hex) {
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    }
    return out;
}

QCborMap timeoutReply()
{
    ErrorReply e;
    e.code = errorCodeName(ErrorCode::Timeout);
    e.message = QStringLiteral("connection closed before the reply");
    return e.encode();
}

} // namespace

class ClientConnection::Private
{
public:
    explicit Private(ClientConnection* q)
        : q(q)
        , codec(kMaxIncomingFrameBytes)
    {}

    void setState(State s);
    /** True (and the connection stopped, lastError set) when plaintext is asked for an endpoint with a pin. */
    bool refusePlaintext();
    void openSocket();
    void closeSocket();
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onSocketGone(const QString& reason);
    void dispatch(const QCborMap& map);
    void onWelcome(const QCborMap& map);
    void sendHello();
    void sendFrame(const QCborMap& map);
    void failPending();
    void scheduleReconnect();
    void onHeartbeat();

    ClientConnection* q;
    QPointer<QSslSocket> socket;
    FrameCodec codec;
    State state = State::Disconnected;
    QString host;
    quint16 port = 0;
    bool tls = true;
    bool wanted = false; // the owner wants a connection: reconnect after losses
    quint64 nextId = 1;
    quint64 helloId = 0;
    std::map<quint64, ReplyHandler> pending;
    quint32 maxFrame = protocol::kMaxFrameBytes;
    QString serverName;
    QStringList serverFeatures;
    QString serverRegistration;
    qint64 serverMaxFileBytes = 0;
    qint64 serverRecallWindow = 0;
    qint64 serverEditWindow = 0;
    QStringList features{QString::fromLatin1(protocol::kFeatureFileProof)};
    QString lastError;
    QString peerFingerprint;
    QHash<QString, QString> pins;
    ReconnectBackoff backoff;
    int pingIntervalMs = kDefaultPingIntervalMs;
    int silenceLimitMs = kDefaultSilenceLimitMs;
    QTimer reconnectTimer;
    QTimer heartbeatTimer;
    QElapsedTimer sinceLastFrame;
    QElapsedTimer sinceLastPing;
};

void ClientConnection::Private::setState(State s)
{
    if (state == s)
        return;
    state = s;
    Q_EMIT q->stateChanged(s);
}

bool ClientConnection::Private::refusePlaintext()
{
    const QString key = endpointKey(host, port);
    if (tls || !pins.contains(key))
        return false;
    // A pin means this endpoint spoke TLS with a known certificate: asking for plaintext now is a downgrade
    // (a forged discovery answer, a stale setting) that would skip the pin check and send the password in clear.
    qCWarning(lcClient) << "refusing a plaintext connection to" << key << "which has a pinned certificate";
    lastError = ClientConnection::tr("This server is known to use an encrypted connection; LanChat does not connect "
                                     "to it unencrypted.");
    wanted = false;
    closeSocket();
    failPending();
    setState(State::Disconnected);
    return true;
}

void ClientConnection::Private::openSocket()
{
    closeSocket();
    if (refusePlaintext())
        return;
    codec = FrameCodec(kMaxIncomingFrameBytes);
    peerFingerprint.clear();
    auto* s = new QSslSocket(q);
    socket = s;
    // The certificate is self-signed: chain validation would always fail, so it is switched off and
    // replaced by the fingerprint pin checked in onEncrypted() before any protocol byte is sent.
    s->setPeerVerifyMode(QSslSocket::VerifyNone);
    QObject::connect(s, &QSslSocket::connected, q, [this, s] {
        if (s == socket)
            onConnected();
    });
    QObject::connect(s, &QSslSocket::encrypted, q, [this, s] {
        if (s == socket)
            onEncrypted();
    });
    QObject::connect(s, &QSslSocket::readyRead, q, [this, s] {
        if (s == socket)
            onReadyRead();
    });
    QObject::connect(s, &QSslSocket::bytesWritten, q, [this, s](qint64 n) {
        if (s == socket)
            Q_EMIT q->bytesWritten(n);
    });
    QObject::connect(s, &QSslSocket::disconnected, q, [this, s] {
        if (s == socket)
            onSocketGone(s->errorString());
    });
    QObject::connect(s, &QSslSocket::errorOccurred, q, [this, s](QAbstractSocket::SocketError) {
        if (s == socket && s->state() != QAbstractSocket::ConnectedState)
            onSocketGone(s->errorString());
    });
    setState(State::Connecting);
    qCInfo(lcClient) << "connecting to" << host << port << (tls ? "(TLS)" : "(plaintext)");
    if (tls)
        s->connectToHostEncrypted(host, port);
    else
        s->connectToHost(host, port);
}

void ClientConnection::Private::closeSocket()
{
    heartbeatTimer.stop();
    if (!socket)
        return;
    QSslSocket* s = socket;
    socket = nullptr; // the lambdas compare against it: no callbacks from the old socket
    s->abort();
    s->deleteLater();
}

void ClientConnection::Private::onConnected()
{
    if (!tls)
        sendHello();
}

void ClientConnection::Private::onEncrypted()
{
    const QString presented = QString::fromLatin1(socket->peerCertificate().digest(QCryptographicHash::Sha256).toHex());
    peerFingerprint = presented;
    const QString key = endpointKey(host, port);
    const QString pinned = pins.value(key);
    if (pinned.isEmpty()) {
        pins.insert(key, presented);
        qCInfo(lcClient) << "pinned certificate of" << key << presented;
        Q_EMIT q->certificatePinned(host, port, presented);
    } else if (pinned != presented) {
        qCWarning(lcClient) << "certificate of" << key << "changed: pinned" << pinned << "presented" << presented;
        lastError = ClientConnection::tr("The server's certificate does not match the one pinned for it.");
        wanted = false; // retrying cannot help until the user decides
        closeSocket();
        failPending();
        setState(State::Disconnected);
        Q_EMIT q->disconnected();
        Q_EMIT q->certificateMismatch(host, port, pinned, presented);
        return;
    }
    sendHello();
}

void ClientConnection::Private::sendHello()
{
    Hello hello;
    hello.protocol = protocol::kVersion;
    hello.client = kClientName;
    hello.features = features;
    QCborMap map = hello.encode();
    helloId = nextId++;
    map.insert(QLatin1String("id"), qint64(helloId));
    setState(State::Handshaking);
    sinceLastFrame.start();
    sinceLastPing.start();
    // Ticks often enough to notice the silence limit within a quarter of it.
    heartbeatTimer.start(std::max(1, std::min(pingIntervalMs, silenceLimitMs / 4)));
    sendFrame(map);
}

void ClientConnection::Private::sendFrame(const QCborMap& map)
{
    if (socket)
        socket->write(FrameCodec::encode(map));
}

void ClientConnection::Private::onReadyRead()
{
    codec.append(socket->readAll());
    while (socket) {
        auto frame = codec.next();
        if (!frame)
            break;
        sinceLastFrame.restart();
        if (frame->rejected) {
            qCWarning(lcClient) << "dropping a frame from the server:" << frame->rejectReason;
            continue;
        }
        dispatch(frame->map);
    }
    if (socket && codec.hasError()) {
        qCWarning(lcClient) << "protocol error from server:" << codec.errorMessage();
        onSocketGone(ClientConnection::tr("The server sent data this program does not understand."));
    }
}

void ClientConnection::Private::dispatch(const QCborMap& map)
{
    const QString type = map.value(QLatin1String("t")).toString();
    const QCborValue idValue = map.value(QLatin1String("id"));
    if (state == State::Handshaking &&
        (type == QLatin1String(Welcome::kType) || idValue.toInteger() == qint64(helloId))) {
        onWelcome(map);
        return;
    }
    // Only ok/error carry a request's id: a push may have an `id` field of its own (a `user` push is
    // the user's fields inline, id included), which must not be taken for a reply.
    const bool isReply = type == QLatin1String(msgtype::kOk) || type == QLatin1String(msgtype::kError);
    if (isReply && idValue.isInteger()) {
        const auto it = pending.find(quint64(idValue.toInteger()));
        if (it != pending.end()) {
            ReplyHandler handler = std::move(it->second);
            pending.erase(it);
            if (handler)
                handler(map);
            return;
        }
        qCDebug(lcClient) << "reply to an unknown request id" << idValue.toInteger();
        return;
    }
    Q_EMIT q->pushReceived(map);
}

void ClientConnection::Private::onWelcome(const QCborMap& map)
{
    QString error;
    const auto welcome = Welcome::decode(map, &error);
    if (!welcome || welcome->protocol != protocol::kVersion) {
        const QString code = map.value(QLatin1String("code")).toString();
        qCWarning(lcClient) << "handshake refused:" << code << error << (welcome ? welcome->protocol : 0);
        if (code == errorCodeName(ErrorCode::UnsupportedProtocol) || welcome)
            wanted = false; // another protocol version: retrying cannot help, the program must be updated
        onSocketGone(ClientConnection::tr("The server speaks another version of the LanChat protocol."));
        return;
    }
    maxFrame = welcome->maxFrame;
    serverName = welcome->server;
    serverFeatures = welcome->features;
    serverRegistration = welcome->registration;
    serverMaxFileBytes = welcome->maxFileBytes;
    serverRecallWindow = welcome->recallWindowSeconds;
    serverEditWindow = welcome->editWindowSeconds;
    backoff.reset(); // a completed handshake resets the back-off
    lastError.clear();
    setState(State::Ready);
    qCInfo(lcClient) << "connected to" << serverName << "at" << host << port;
    Q_EMIT q->ready();
}

void ClientConnection::Private::failPending()
{
    // Handlers may send new requests (which fail fast while not ready), so detach the map first.
    std::map<quint64, ReplyHandler> handlers;
    handlers.swap(pending);
    const QCborMap reply = timeoutReply();
    for (auto& [id, handler] : handlers) {
        if (handler)
            handler(reply);
    }
}

void ClientConnection::Private::onSocketGone(const QString& reason)
{
    if (!socket)
        return;
    if (!reason.isEmpty())
        lastError = reason;
    qCInfo(lcClient) << "connection to" << host << port << "lost:" << reason;
    closeSocket();
    failPending();
    if (wanted)
        scheduleReconnect();
    else
        setState(State::Disconnected);
    Q_EMIT q->disconnected();
}

void ClientConnection::Private::scheduleReconnect()
{
    const int delay = backoff.next();
    reconnectTimer.start(delay);
    setState(State::Waiting);
    qCInfo(lcClient) << "reconnecting in" << delay << "ms";
}

void ClientConnection::Private::onHeartbeat()
{
    if (!socket)
        return;
    if (sinceLastFrame.elapsed() >= silenceLimitMs) {
        qCWarning(lcClient) << "no data from the server for" << sinceLastFrame.elapsed() << "ms; reconnecting";
        onSocketGone(ClientConnection::tr("The server stopped answering."));
        return;
    }
    if (state == State::Ready && sinceLastPing.elapsed() >= pingIntervalMs) {
        sinceLastPing.restart();
        q->request(emptyRequest(msgtype::kPing), {});
    }
}

ClientConnection::ClientConnection(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    d->reconnectTimer.setSingleShot(true);
    connect(&d->reconnectTimer, &QTimer::timeout, this, [this] {
        if (d->wanted)
            d->openSocket();
    });
    connect(&d->heartbeatTimer, &QTimer::timeout, this, [this] { d->onHeartbeat(); });
}

ClientConnection::~ClientConnection()
{
    d->wanted = false;
    d->closeSocket();
    d->pending.clear(); // owners are being destroyed too: no callbacks into them
}

bool ClientConnection::connectToServer(const QString& host, quint16 port, bool tls)
{
    if (d->host != host || d->port != port) {
        d->serverRegistration.clear(); // learnt again from this server's welcome
        d->serverMaxFileBytes = 0;
    }
    d->host = host;
    d->port = port;
    d->tls = tls;
    d->wanted = true;
    d->backoff.reset();
    d->reconnectTimer.stop();
    d->failPending();
    d->openSocket();
    return d->wanted;
}

void ClientConnection::disconnectFromServer()
{
    d->wanted = false;
    d->reconnectTimer.stop();
    const bool hadSocket = d->socket;
    if (hadSocket && d->state == State::Ready)
        d->socket->flush();
    d->closeSocket();
    d->failPending();
    d->setState(State::Disconnected);
    if (hadSocket)
        Q_EMIT disconnected();
}

void ClientConnection::abortConnection()
{
    if (d->socket)
        d->onSocketGone(tr("The connection was closed."));
}

quint64 ClientConnection::request(QCborMap map, ReplyHandler onReply)
{
    if (d->state != State::Ready || !d->socket)
        return 0;
    const quint64 id = d->nextId++;
    map.insert(QLatin1String("id"), qint64(id));
    d->pending.emplace(id, std::move(onReply));
    d->sendFrame(map);
    return id;
}

quint64 ClientConnection::notify(QCborMap map)
{
    if (d->state != State::Ready || !d->socket)
        return 0;
    const quint64 id = d->nextId++;
    map.insert(QLatin1String("id"), qint64(id));
    d->sendFrame(map);
    return id;
}

bool ClientConnection::isReady() const
{
    return d->state == State::Ready;
}

ClientConnection::State ClientConnection::state() const
{
    return d->state;
}

qint64 ClientConnection::bytesToWrite() const
{
    return d->socket ? d->socket->bytesToWrite() + d->socket->encryptedBytesToWrite() : 0;
}

quint32 ClientConnection::maxFrame() const
{
    return d->maxFrame;
}

QString ClientConnection::serverName() const
{
    return d->serverName;
}

QStringList ClientConnection::serverFeatures() const
{
    return d->serverFeatures;
}

QString ClientConnection::serverRegistration() const
{
    return d->serverRegistration;
}

qint64 ClientConnection::serverMaxFileBytes() const
{
    return d->serverMaxFileBytes;
}

qint64 ClientConnection::serverRecallWindowSeconds() const
{
    return d->serverRecallWindow;
}

qint64 ClientConnection::serverEditWindowSeconds() const
{
    return d->serverEditWindow;
}

void ClientConnection::setFeatures(const QStringList& features)
{
    d->features = features;
}

QString ClientConnection::host() const
{
    return d->host;
}

quint16 ClientConnection::port() const
{
    return d->port;
}

int ClientConnection::reconnectInMs() const
{
    return d->reconnectTimer.isActive() ? std::max(0, d->reconnectTimer.remainingTime()) : 0;
}

QString ClientConnection::lastError() const
{
    return d->lastError;
}

QString ClientConnection::peerFingerprint() const
{
    return d->peerFingerprint;
}

QString ClientConnection::pinnedFingerprint(const QString& host, quint16 port) const
{
    return d->pins.value(endpointKey(host, port));
}

void ClientConnection::setPinnedFingerprint(const QString& host, quint16 port, const QString& hexFingerprint)
{
    const QString key = endpointKey(host, port);
    const QString fp = normalizeFingerprint(hexFingerprint);
    if (fp.isEmpty())
        d->pins.remove(key);
    else
        d->pins.insert(key, fp);
}

void ClientConnection::setReconnectDelays(int firstMs, int maxMs)
{
    d->backoff.setDelays(firstMs, maxMs);
}

void ClientConnection::setHeartbeat(int intervalMs, int timeoutMs)
{
    d->pingIntervalMs = std::max(1, intervalMs);
    d->silenceLimitMs = std::max(d->pingIntervalMs, timeoutMs);
}

QString ClientConnection::endpointKey(const QString& host, quint16 port)
{
    return host.toLower() + QLatin1Char(':') + QString::number(port);
}

} // namespace lanchat
