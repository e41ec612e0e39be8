#include "serverfinder.h"

#include "logging.h"
#include "protocol.h"

#include <QCborMap>
#include <QCborValue>
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QSet>
#include <QUdpSocket>

#include <algorithm>

namespace lanchat {

ServerFinder::ServerFinder(QObject* parent)
    : QObject(parent)
    , m_socket(new QUdpSocket(this))
    , m_probePort(protocol::kDiscoveryPort)
{
    m_timer.setInterval(3000);
    connect(&m_timer, &QTimer::timeout, this, &ServerFinder::probe);
    connect(m_socket, &QUdpSocket::readyRead, this, &ServerFinder::onReadyRead);
}

ServerFinder::~ServerFinder() = default;

void ServerFinder::setIntervalMs(int ms)
{
    m_timer.setInterval(qMax(100, ms));
}

void ServerFinder::start()
{
    if (m_socket->state() != QAbstractSocket::BoundState &&
        !m_socket->bind(QHostAddress::AnyIPv4, 0, QUdpSocket::DefaultForPlatform)) {
        qCWarning(lcClient) << "discovery: cannot bind a UDP socket:" << m_socket->errorString();
        return;
    }
    probe();
    m_timer.start();
}

void ServerFinder::stop()
{
    m_timer.stop();
    m_socket->close();
}

void ServerFinder::probe()
{
    expire();
    if (m_socket->state() != QAbstractSocket::BoundState)
        return;
    QCborMap map;
    map.insert(QStringLiteral("t"), QStringLiteral("discover"));
    map.insert(QStringLiteral("protocol"), qint64(protocol::kVersion));
    const QByteArray datagram = map.toCborValue().toCbor();

    QSet<QHostAddress> targets{QHostAddress(QHostAddress::Broadcast), QHostAddress(QHostAddress::LocalHost)};
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface& iface : interfaces) {
        if (!(iface.flags() & QNetworkInterface::IsUp) || !(iface.flags() & QNetworkInterface::CanBroadcast))
            continue;
        for (const QNetworkAddressEntry& entry : iface.addressEntries()) {
            if (!entry.broadcast().isNull())
                targets.insert(entry.broadcast());
        }
    }
    for (const QHostAddress& target : std::as_const(targets)) {
        // Failing targets (no route, broadcast refused) are normal on some networks; the others still work.
        if (m_socket->writeDatagram(datagram, target, m_probePort) < 0)
            qCDebug(lcClient) << "discovery: probe to" << target << "failed:" << m_socket->errorString();
    }
}

void ServerFinder::onReadyRead()
{
    bool changed = false;
    while (m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket->receiveDatagram(kMaxAnswerBytes);
        const QCborValue value = QCborValue::fromCbor(datagram.data());
        const QCborMap map = value.toMap();
        if (!value.isMap() || map.value(QStringLiteral("t")).toString() != QLatin1String("server") ||
            map.value(QStringLiteral("protocol")).toInteger() != protocol::kVersion) {
            continue;
        }
        const qint64 port = map.value(QStringLiteral("port")).toInteger();
        if (port <= 0 || port > 65535)
            continue;
        Server server;
        server.name = map.value(QStringLiteral("name")).toString().left(protocol::kMaxNameChars);
        bool ok = false;
        const QHostAddress v4(datagram.senderAddress().toIPv4Address(&ok));
        server.address = ok ? v4 : datagram.senderAddress();
        server.port = quint16(port);
        server.tls = map.value(QStringLiteral("tls")).toBool(true);
        server.fingerprint = map.value(QStringLiteral("fingerprint")).toString().toLower();
        server.lastSeen = QDateTime::currentDateTimeUtc();
        // Anyone on the LAN can send an answer, with any content and any (spoofed) source address, and a
        // server's fingerprint is public. So an answer only ever refreshes the entry of the address it came
        // from, a second address with a known fingerprint is not listed twice but changes nothing, and no
        // answer ever lowers an entry from TLS to plaintext: TLS stays the default choice whatever is announced.
        const auto sameEndpoint = [&](const Server& s) { return s.port == server.port && s.address == server.address; };
        const auto sameCert = [&](const Server& s) {
            return s.port == server.port && !s.fingerprint.isEmpty() && s.fingerprint == server.fingerprint;
        };
        auto it = std::find_if(m_servers.begin(), m_servers.end(), sameEndpoint);
        if (it == m_servers.end()) {
            if (std::any_of(m_servers.cbegin(), m_servers.cend(), sameCert))
                continue; // the same server on another of its addresses (loopback and LAN), or a forgery of it
            if (!server.tls)
                server.fingerprint.clear();
            m_servers.append(server);
            changed = true;
            continue;
        }
        if (!server.tls) {
            server.tls = it->tls;
            server.fingerprint = it->fingerprint;
        }
        changed = changed || it->name != server.name || it->fingerprint != server.fingerprint || it->tls != server.tls;
        *it = server;
    }
    if (changed)
        Q_EMIT serversChanged();
}

void ServerFinder::expire()
{
    const QDateTime limit = QDateTime::currentDateTimeUtc().addMSecs(-3 * qint64(m_timer.interval()));
    const auto removed = m_servers.removeIf([&](const Server& s) { return s.lastSeen < limit; });
    if (removed > 0)
        Q_EMIT serversChanged();
}

} // namespace lanchat
