#pragma once

#include <QObject>
#include <QString>

class QUdpSocket;

namespace lanchat {

/**
 * LAN discovery (docs/protocol.md, "Discovery"): a UDP socket on the discovery port (default 7412) that
 * answers a probe datagram — one CBOR map `{t: "discover", protocol: 1}` — with one datagram
 * `{t: "server", protocol, name, port, tls, fingerprint}` sent unicast to the prober's address and port.
 * Datagrams are plain CBOR (no length prefix); anything else (other `t`, not CBOR, over 512 bytes) is
 * ignored. Lives on the server thread.
 */
class Discovery : public QObject
{
    Q_OBJECT
public:
    /** What the server announces. */
    struct Announcement
    {
        QString name;
        quint16 port = 0;
        bool tls = true;
        QString fingerprint; ///< hex SHA-256 of the certificate; empty in plaintext mode
    };

    explicit Discovery(Announcement announcement, QObject* parent = nullptr);

    /** Binds every interface on @p port (0 = any free port). False with @p error when the port is taken. */
    bool start(quint16 port, QString* error);
    /** The bound UDP port, 0 if not bound. */
    quint16 port() const;

    /** Largest probe datagram read, bytes. */
    static constexpr qint64 kMaxProbeBytes = 512;

private:
    void onReadyRead();

    Announcement m_announcement;
    QUdpSocket* m_socket;
};

} // namespace lanchat
