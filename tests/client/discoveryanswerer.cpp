#include "discoveryanswerer.h"

#include "protocol.h"

#include <QCborValue>
#include <QNetworkDatagram>

namespace lanchat {

DiscoveryAnswerer::DiscoveryAnswerer(const QHostAddress& address)
{
    m_socket.bind(address, 0);
    connect(&m_socket, &QUdpSocket::readyRead, this, &DiscoveryAnswerer::onReadyRead);
}

QCborMap DiscoveryAnswerer::answerMap(const QString& name, quint16 port, bool tls, const QString& fingerprint)
{
    QCborMap map;
    map.insert(QStringLiteral("t"), QStringLiteral("server"));
    map.insert(QStringLiteral("protocol"), qint64(protocol::kVersion));
    map.insert(QStringLiteral("name"), name);
    map.insert(QStringLiteral("port"), qint64(port));
    map.insert(QStringLiteral("tls"), tls);
    map.insert(QStringLiteral("fingerprint"), fingerprint);
    return map;
}

void DiscoveryAnswerer::send(const QCborMap& map, const QHostAddress& address, quint16 port)
{
    m_socket.writeDatagram(map.toCborValue().toCbor(), address, port);
}

void DiscoveryAnswerer::onReadyRead()
{
    while (m_socket.hasPendingDatagrams()) {
        const QNetworkDatagram probe = m_socket.receiveDatagram();
        if (QCborValue::fromCbor(probe.data()).toMap().value(QStringLiteral("t")).toString() !=
            QLatin1String("discover"))
            continue;
        m_finderAddress = probe.senderAddress();
        m_finderPort = quint16(probe.senderPort());
        if (!m_answer.isEmpty())
            sendToFinder(m_answer);
    }
}

} // namespace lanchat
