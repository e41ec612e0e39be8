#pragma once

#include "errorcode.h"

#include <QCborMap>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace lanchat {

/**
 * One connection to a LanChat server: socket (QSslSocket, TLS or plaintext), framing, handshake,
 * request ids and reply dispatch, pushes, and reconnect with exponential back-off. Knows nothing about
 * chats or files: ChatClient and TransferManager build on it. Lives in the thread that created it.
 *
 * TLS: the server's self-signed certificate is accepted only by its SHA-256 fingerprint, trust on first
 * use as SSH and Mumble do: the first fingerprint seen for host:port is pinned (certificatePinned()
 * lets the owner persist it); a different one later aborts the connection before any byte of the
 * protocol is sent, emits certificateMismatch() and stops reconnecting. An endpoint with a pin is never
 * contacted in plaintext (see connectToServer()).
 *
 * Reconnect: after a lost connection or a failed attempt the next attempt follows after 1 s, doubling to
 * at most 30 s, each delay with ±20 % jitter so that a restarted server is not hit by every client at the
 * same instant; the delay resets after a completed handshake.
 *
 * Heartbeat: a `ping` every 30 s; when nothing at all was received for 60 s the connection is dropped
 * (and reconnected), so a dead peer or a silently broken route is noticed.
 */
class ClientConnection : public QObject
{
    Q_OBJECT

public:
    /** Called once per request with the reply map (`t` = ok | error | welcome). When the connection drops
     *  before the reply, called with a synthetic `{t: "error", code: "timeout"}`. */
    using ReplyHandler = std::function<void(const QCborMap& reply)>;

    enum class State
    {
        Disconnected, ///< idle: before connectToServer(), after disconnectFromServer() or a certificate mismatch
        Connecting,   ///< TCP/TLS connect in progress
        Handshaking,  ///< hello sent, waiting for welcome
        Ready,        ///< welcome received; request() works
        Waiting,      ///< connection lost or refused; next attempt in reconnectInMs()
    };
    Q_ENUM(State)

    explicit ClientConnection(QObject* parent = nullptr);
    ~ClientConnection() override;

    /**
     * Connects to host:port (closing any current connection) and keeps reconnecting until
     * disconnectFromServer(). With @p tls the certificate is checked against the pinned fingerprint.
     * Plaintext (@p tls false, for tests and the bench) is refused for an endpoint that has a pinned
     * fingerprint: nothing is sent, the state stays Disconnected, lastError() says why, and the result is false.
     * Returns true when the attempt started.
     */
    bool connectToServer(const QString& host, quint16 port, bool tls = true);
    /** Closes the connection and stops reconnecting. Pending requests get the synthetic timeout error. */
    void disconnectFromServer();
    /** Drops the socket as a network failure would (reconnect follows). For tests and "reconnect now". */
    void abortConnection();

    /** Sends a request (a map with `t`, without `id`): the id is assigned here. Returns the id, 0 if not connected. */
    quint64 request(QCborMap map, ReplyHandler onReply);
    /**
     * Sends a request that gets no reply (`typing`): an id is assigned as for request(), but no handler waits,
     * so nothing is kept per call; an error the server may still send for it is dropped. Returns the id, 0 if
     * not connected.
     */
    quint64 notify(QCborMap map);

    /** True once the handshake (hello/welcome) is done and until the socket closes. */
    bool isReady() const;
    State state() const;
    /** Bytes queued in the socket and not yet written; used for upload back-pressure. */
    qint64 bytesToWrite() const;
    /** max_frame announced by the server (bytes). */
    quint32 maxFrame() const;
    /** Server name from welcome. */
    QString serverName() const;
    /** The server's feature flags, from welcome (docs/protocol.md 5). */
    QStringList serverFeatures() const;
    /**
     * The server's self sign-up mode from its last welcome: "off", "open", "invite", or empty when not yet
     * known for this host:port or when the server is too old to say (docs/protocol.md 5). Kept after a
     * disconnect; cleared when connectToServer() goes to another host:port.
     */
    QString serverRegistration() const;
    /** The largest file the server accepts, bytes, from its last welcome; 0 when not known (an older server). */
    qint64 serverMaxFileBytes() const;
    /** The sender's recall and edit windows from the last welcome (feature `recall_edit`), seconds; 0 when not said. */
    qint64 serverRecallWindowSeconds() const;
    qint64 serverEditWindowSeconds() const;
    /**
     * Feature flags this connection announces in hello; by default every one this build implements
     * (protocol::kFeatureFileProof). Takes effect at the next handshake; tests play an older client with it.
     */
    void setFeatures(const QStringList& features);
    QString host() const;
    quint16 port() const;
    /** ms until the next reconnect attempt while Waiting, else 0. */
    int reconnectInMs() const;
    /** The last connection failure as a translated sentence (Qt's socket error text or ours), for the status bar. */
    QString lastError() const;

    /** Lowercase hex SHA-256 of the DER certificate presented on the current/last TLS connection. */
    QString peerFingerprint() const;
    /** The pinned fingerprint for host:port, empty if none. */
    QString pinnedFingerprint(const QString& host, quint16 port) const;
    /** Pins @p hexFingerprint (any case, ':' and spaces ignored) for host:port, replacing an older pin. */
    void setPinnedFingerprint(const QString& host, quint16 port, const QString& hexFingerprint);

    /** Reconnect back-off: first delay and cap in ms (defaults 1000 and 30000). */
    void setReconnectDelays(int firstMs, int maxMs);
    /** Heartbeat: ping interval and silence limit in ms (defaults 30000 and 60000). */
    void setHeartbeat(int intervalMs, int timeoutMs);

    /** "host:port" as used for pins and per-server settings. */
    static QString endpointKey(const QString& host, quint16 port);

Q_SIGNALS:
    /** Handshake completed (after every (re)connect). */
    void ready();
    /** A push (frame without id), e.g. `message`, `presence`. */
    void pushReceived(const QCborMap& push);
    /** The socket closed; reconnect is scheduled unless disconnectFromServer() was called. */
    void disconnected();
    /** Socket data was written (to resume paused uploads). */
    void bytesWritten(qint64 bytes);
    void stateChanged(lanchat::ClientConnection::State state);
    /** A first-seen certificate was pinned (trust on first use); the owner persists it. */
    void certificatePinned(const QString& host, quint16 port, const QString& fingerprint);
    /** The certificate does not match the pin; the connection was aborted and reconnecting stopped. */
    void certificateMismatch(const QString& host, quint16 port, const QString& pinned, const QString& presented);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace lanchat
