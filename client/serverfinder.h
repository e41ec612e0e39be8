#pragma once

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

class QUdpSocket;

namespace lanchat {

/**
 * Client side of LAN discovery (docs/protocol.md, "Discovery"): broadcasts the probe datagram
 * `{t: "discover", protocol: 1}` (plain CBOR, no length prefix) to 255.255.255.255, to the broadcast
 * address of every IPv4 interface and to 127.0.0.1 (a server on this machine), on the discovery port
 * (default protocol::kDiscoveryPort = 7412), and collects the `{t: "server", protocol, name, port, tls,
 * fingerprint}` answers. Probes again every intervalMs(); a server not heard from for three intervals is
 * dropped. Answers of another protocol version or malformed ones are ignored. No QtWidgets; lives in the
 * thread that created it.
 *
 * Answers are unauthenticated (any host can send one, from any source address): an entry is updated only by
 * answers from its own address and port, an answer from another address announcing a fingerprint already
 * listed for that port is ignored, and no answer turns an entry's `tls` from true to false. Nothing here is
 * a reason to trust a server; the certificate pin is (ClientConnection).
 */
class ServerFinder : public QObject
{
    Q_OBJECT

public:
    /** One answering server. */
    struct Server
    {
        QString name;
        QHostAddress address; ///< where the answer came from (IPv4-mapped addresses unmapped)
        quint16 port = 0;     ///< TCP port of the chat service
        bool tls = true;      ///< as first announced; later answers may raise it to true, never lower it
        QString fingerprint;  ///< lowercase hex SHA-256 of the certificate; empty without TLS
        QDateTime lastSeen;   ///< UTC
    };

    explicit ServerFinder(QObject* parent = nullptr);
    ~ServerFinder() override;

    /** UDP port probes are sent to (tests use the server's actual discoveryPort()). */
    void setProbePort(quint16 port) { m_probePort = port; }
    quint16 probePort() const { return m_probePort; }
    /** Probe interval in ms (default 3000). */
    void setIntervalMs(int ms);
    int intervalMs() const { return m_timer.interval(); }

    /** Binds an ephemeral UDP port, probes at once and then every intervalMs(). */
    void start();
    void stop();
    /** Sends one round of probes now. */
    void probe();

    /** The servers heard recently, in order of first answer. */
    QList<Server> servers() const { return m_servers; }

    /** Largest answer datagram accepted, bytes. */
    static constexpr qint64 kMaxAnswerBytes = 2048;

Q_SIGNALS:
    /** A server appeared, changed or disappeared. */
    void serversChanged();

private:
    void onReadyRead();
    void expire();

    QUdpSocket* m_socket;
    QTimer m_timer;
    quint16 m_probePort;
    QList<Server> m_servers;
};

} // namespace lanchat
