#include "benchconnection.h"

#include <QCborStreamReader>
#include <QCborValue>
#include <QHostAddress>
#include <QSslSocket>
#include <QtEndian>

#include <cstring>
#include <string_view>

namespace lanchat::bench {

BenchConnection::BenchConnection(bool tls, QObject* parent)
    : QObject(parent)
    , m_socket(new QSslSocket(this))
    , m_tls(tls)
{
    m_socket->setPeerVerifyMode(QSslSocket::VerifyNone);
    m_socket->setReadBufferSize(0);
    connect(m_socket, &QSslSocket::readyRead, this, &BenchConnection::onReadyRead);
    const auto onUp = [this] {
        m_connected = true;
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        Q_EMIT connected();
    };
    if (tls)
        connect(m_socket, &QSslSocket::encrypted, this, onUp);
    else
        connect(m_socket, &QSslSocket::connected, this, onUp);
    connect(m_socket, &QSslSocket::sslErrors, this, [this] { m_socket->ignoreSslErrors(); });
    connect(m_socket, &QSslSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError) { Q_EMIT failed(m_socket->errorString()); });
}

BenchConnection::~BenchConnection() = default;

void BenchConnection::connectTo(quint16 port)
{
    if (m_tls)
        m_socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    else
        m_socket->connectToHost(QHostAddress::LocalHost, port);
}

void BenchConnection::request(QCborMap map, ReplyHandler handler)
{
    const quint64 id = nextId();
    map.insert(QLatin1String("id"), qint64(id));
    sendRaw(FrameCodec::encode(map), id, std::move(handler));
}

void BenchConnection::sendRaw(const QByteArray& frame, quint64 id, ReplyHandler handler)
{
    if (handler)
        m_pending.insert(id, std::move(handler));
    m_socket->write(frame);
}

void BenchConnection::onReadyRead()
{
    m_buffer.append(m_socket->readAll());
    qsizetype pos = 0;
    while (m_buffer.size() - pos >= 4) {
        const quint32 len = qFromBigEndian<quint32>(m_buffer.constData() + pos);
        if (m_buffer.size() - pos - 4 < qsizetype(len))
            break;
        handleFrame(m_buffer.constData() + pos + 4, len);
        pos += 4 + len;
    }
    m_buffer.remove(0, pos);
}

void BenchConnection::handleFrame(const char* data, qsizetype size)
{
    const std::string_view view(data, size_t(size));
    const auto marker = view.find(kMarker);
    if (marker != std::string_view::npos && marker + sizeof(kMarker) - 1 + 16 <= view.size()) {
        // A delivered bench message: only the embedded send time matters.
        if (m_onDelivery) {
            const QByteArray hex(data + marker + sizeof(kMarker) - 1, 16);
            m_onDelivery(qint64(hex.toULongLong(nullptr, 16)));
        }
        return;
    }
    const QCborMap map = QCborValue::fromCbor(QByteArray::fromRawData(data, size)).toMap();
    const QCborValue id = map.value(QLatin1String("id"));
    if (!id.isInteger())
        return; // other pushes (presence, conversation) do not matter here
    const auto it = m_pending.find(quint64(id.toInteger()));
    if (it == m_pending.end())
        return;
    ReplyHandler handler = std::move(it.value());
    m_pending.erase(it);
    handler(map);
}

} // namespace lanchat::bench
