#pragma once

#include <QCborMap>
#include <QHostAddress>
#include <QObject>
#include <QUdpSocket>

namespace lanchat {

/**
 * Plays a server's LAN discovery responder on @p address (a loopback address, UDP port 0): answers every
 * probe it receives with answer(), from its own address, and remembers where the probe came from, so a test
 * can also send datagrams (forged answers) to that ServerFinder. Not the real server's Discovery: a test
 * sets any content, `tls: false` included.
 */
class DiscoveryAnswerer : public QObject
{
public:
    explicit DiscoveryAnswerer(const QHostAddress& address = QHostAddress::LocalHost);

    bool isBound() const { return m_socket.state() == QAbstractSocket::BoundState; }
    /** The UDP port probes must go to (ServerFinder::setProbePort()). */
    quint16 port() const { return m_socket.localPort(); }
    /** `{t: server, protocol, name, port, tls, fingerprint}`, as docs/protocol.md describes the answer. */
    static QCborMap answerMap(const QString& name, quint16 port, bool tls, const QString& fingerprint);
    void setAnswer(const QCborMap& answer) { m_answer = answer; }
    /** The finder's address and port, known after its first probe arrived (port 0 before). */
    QHostAddress finderAddress() const { return m_finderAddress; }
    quint16 finderPort() const { return m_finderPort; }
    /** Sends @p map to the finder from this answerer's address. */
    void sendToFinder(const QCborMap& map) { send(map, m_finderAddress, m_finderPort); }
    /** Sends @p map as one datagram to @p address:@p port from this answerer's address. */
    void send(const QCborMap& map, const QHostAddress& address, quint16 port);

private:
    void onReadyRead();

    QUdpSocket m_socket;
    QCborMap m_answer;
    QHostAddress m_finderAddress;
    quint16 m_finderPort = 0;
};

} // namespace lanchat
