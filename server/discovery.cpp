#include "discovery.h"

#include "logging.h"
#include "protocol.h"

#include <QCborMap>
#include <QCborValue>
#include <QNetworkDatagram>
#include <QUdpSocket>

namespace lanchat {

Discovery::Discovery(Announcement announcement, QObject* parent)
    : QObject(parent)
    , m_announcement(std::move(announcement))
    , m_socket(new QUdpSocket(this))
{
    connect(m_socket, &QUdpSocket::readyRead, this, &Discovery::onReadyRead);
}

bool Discovery::start(quint16 port, QString* error)
{
    // ShareAddress: several servers (or tests) on one host may all answer probes.
    if (!m_socket->bind(QHostAddress::Any, port, QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint)) {
        *error = QStringLiteral("discovery: cannot bind UDP port %1: %2").arg(port).arg(m_socket->errorString());
        return false;
    }
    qCInfo(lcServer) << "discovery: answering probes on UDP port" << m_socket->localPort();
    return true;
}

quint16 Discovery::port() const
{
    return m_socket->state() == QAbstractSocket::BoundState ? m_socket->localPort() : 0;
}

void Discovery::onReadyRead()
{
    while (m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket->receiveDatagram(kMaxProbeBytes);
        const QCborMap probe = QCborValue::fromCbor(datagram.data()).toMap();
        if (probe.value(QLatin1String("t")).toString() != QLatin1String("discover"))
            continue;
        QCborMap answer;
        answer.insert(QLatin1String("t"), QLatin1String("server"));
        answer.insert(QLatin1String("protocol"), protocol::kVersion);
        answer.insert(QLatin1String("name"), m_announcement.name);
        answer.insert(QLatin1String("port"), m_announcement.port);
        answer.insert(QLatin1String("tls"), m_announcement.tls);
        answer.insert(QLatin1String("fingerprint"), m_announcement.fingerprint);
        m_socket->writeDatagram(QCborValue(answer).toCbor(), datagram.senderAddress(), quint16(datagram.senderPort()));
    }
}

} // namespace lanchat
