#include "rawclient.h"

#include "protocol.h"

#include <QCborValue>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSslSocket>
#include <QTimer>
#include <QUuid>

namespace lanchat::test {

RawClient::RawClient(QObject* parent)
    : QObject(parent)
    , m_socket(new QSslSocket(this))
    , m_codec(64 * 1024 * 1024)
{
    connect(m_socket, &QSslSocket::readyRead, this, &RawClient::onReadyRead);
    connect(m_socket, &QSslSocket::sslErrors, m_socket, [this] { m_socket->ignoreSslErrors(); });
}

RawClient::~RawClient() = default;

bool RawClient::connectTo(quint16 port, bool tls, int timeoutMs)
{
    if (tls) {
        m_socket->setPeerVerifyMode(QSslSocket::VerifyNone);
        m_socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        return waitUntil([this] { return m_socket->isEncrypted(); }, timeoutMs);
    }
    m_socket->connectToHost(QHostAddress::LocalHost, port);
    return waitUntil([this] { return m_socket->state() == QAbstractSocket::ConnectedState; }, timeoutMs);
}

quint64 RawClient::send(QCborMap request)
{
    quint64 id = m_nextId++;
    if (request.contains(QLatin1String("id")))
        id = quint64(request.value(QLatin1String("id")).toInteger());
    else
        request.insert(QLatin1String("id"), qint64(id));
    sendRaw(FrameCodec::encode(request));
    return id;
}

void RawClient::sendRaw(const QByteArray& bytes)
{
    m_socket->write(bytes);
}

QCborMap RawClient::request(const QCborMap& request, int timeoutMs)
{
    return waitReply(send(request), timeoutMs);
}

QCborMap RawClient::waitReply(quint64 id, int timeoutMs)
{
    (void)waitUntil([this, id] { return m_replies.contains(id); }, timeoutMs);
    return m_replies.take(id);
}

QCborMap RawClient::waitPush(const QString& type, int timeoutMs)
{
    const auto find = [this, &type] {
        for (qsizetype i = 0; i < m_pushes.size(); ++i) {
            if (m_pushes.at(i).value(QLatin1String("t")).toString() == type)
                return i;
        }
        return qsizetype(-1);
    };
    (void)waitUntil([&find] { return find() >= 0; }, timeoutMs);
    const qsizetype i = find();
    return i >= 0 ? m_pushes.takeAt(i) : QCborMap();
}

bool RawClient::waitDisconnected(int timeoutMs)
{
    return waitUntil([this] { return m_socket->state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
}

bool RawClient::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void RawClient::setReading(bool reading)
{
    m_reading = reading;
    m_socket->setReadBufferSize(reading ? 0 : 4096);
    if (reading)
        onReadyRead();
}

void RawClient::abort()
{
    m_socket->abort();
}

void RawClient::onReadyRead()
{
    if (!m_reading)
        return;
    m_codec.append(m_socket->readAll());
    while (std::optional<FrameCodec::Frame> frame = m_codec.next()) {
        // frame->id, not the map's: it is exact for ids of 2^63 and above, which the map holds as doubles.
        if (frame->id)
            m_replies.insert(*frame->id, frame->map);
        else
            m_pushes.append(frame->map);
    }
}

QCborMap RawClient::hello()
{
    QCborMap m;
    m.insert(QLatin1String("t"), QLatin1String("hello"));
    m.insert(QLatin1String("protocol"), protocol::kVersion);
    m.insert(QLatin1String("client"), QLatin1String("rawclient"));
    return request(m);
}

QCborMap RawClient::registerUser(const QString& username, const QString& password, const QString& displayName)
{
    QCborMap m;
    m.insert(QLatin1String("t"), QLatin1String("register"));
    m.insert(QLatin1String("username"), username);
    m.insert(QLatin1String("password"), password);
    if (!displayName.isEmpty())
        m.insert(QLatin1String("display_name"), displayName);
    return request(m, 15000);
}

QCborMap RawClient::login(const QString& username, const QString& password)
{
    QCborMap m;
    m.insert(QLatin1String("t"), QLatin1String("login"));
    m.insert(QLatin1String("username"), username);
    m.insert(QLatin1String("password"), password);
    return request(m, 15000);
}

qint64 RawClient::signUp(const QString& username, const QString& password)
{
    hello();
    QCborMap reply = registerUser(username, password);
    if (errorCode(reply) == QLatin1String("username_taken"))
        reply = login(username, password);
    m_userId = reply.value(QLatin1String("user")).toMap().value(QLatin1String("id")).toInteger();
    return m_userId;
}

QCborMap RawClient::sendText(qint64 conversation, const QString& text, const QByteArray& clientMsgId)
{
    QCborMap m;
    m.insert(QLatin1String("t"), QLatin1String("send"));
    m.insert(QLatin1String("conversation"), conversation);
    m.insert(QLatin1String("client_msg_id"), clientMsgId.isEmpty() ? QUuid::createUuid().toRfc4122() : clientMsgId);
    m.insert(QLatin1String("text"), text);
    return request(m);
}

bool RawClient::waitUntil(const std::function<bool()>& predicate, int timeoutMs)
{
    QElapsedTimer elapsed;
    elapsed.start();
    QTimer tick; // bounds each blocking wait so the deadline is checked
    tick.start(20);
    while (!predicate()) {
        if (elapsed.elapsed() >= timeoutMs)
            return predicate();
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

QString RawClient::errorCode(const QCborMap& reply)
{
    if (reply.value(QLatin1String("t")).toString() != QLatin1String("error"))
        return {};
    return reply.value(QLatin1String("code")).toString();
}

} // namespace lanchat::test
