#pragma once

#include "errorcode.h"
#include "framecodec.h"
#include "ids.h"
#include "net/connection.h"
#include "security/requestlimiter.h"

#include <QByteArray>
#include <QCborMap>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace lanchat {

class Router;

/**
 * One client connection: decodes frames from its Connection (FrameCodec), applies the protocol-level error
 * rules of docs/protocol.md ("Errors") and hands every request to the Router. Owns its connection.
 *
 * Closing rules: frame_too_large and malformed send an error frame and close; unknown_type and
 * invalid_argument keep the connection. Back-pressure: while more than maxPendingOutput bytes wait to be
 * written, the session stops reading (TCP flow control then pushes back on the peer; at most one read of
 * EventPoller::kReadChunkBytes plus one frame stays buffered), resuming when the output drains below half
 * the bound. Pushes still go out while paused (text keeps flowing); a peer whose backlog passes 16 times the
 * bound is disconnected (slow consumer).
 *
 * Deleted (deleteLater) after closed() is emitted. Lives on the server thread; not thread-safe.
 */
class Session : public QObject, private ConnectionHandler
{
    Q_OBJECT
public:
    /**
     * Takes ownership of @p connection and starts it (a failed start emits closed() from the event loop).
     * @p maxFrameBytes bounds received frames, @p maxPendingOutput is the back-pressure bound (bytes).
     */
    Session(std::unique_ptr<Connection> connection, const Router& router, quint32 maxFrameBytes,
            qint64 maxPendingOutput, QObject* parent = nullptr);
    ~Session() override;

    /**
     * Issue 6 limits, applied once right after construction (0 disables one): the first frame must arrive
     * within @p handshakeTimeoutMs (TLS handshake included), then the peer may stay silent at most
     * @p heartbeatTimeoutMs (else `error timeout` and close); requests go through @p limiter (rate_limited,
     * then close on sustained abuse). A session not logged in @p loginTimeoutMs after it connected (or after
     * its logout) is closed with `error timeout` whatever it sends: pings do not extend that deadline. The
     * deadlines are checked by SessionWatchdog, at its granularity.
     */
    void applyLimits(int handshakeTimeoutMs, int heartbeatTimeoutMs, int loginTimeoutMs,
                     std::optional<RequestLimiter> limiter);
    /** Closes with `error timeout` when a deadline has passed at @p nowMs (SessionWatchdog::nowMs()). */
    void checkDeadline(qint64 nowMs);

    /** Sends `ok` (or @p map's own `t` if it has one) with `id` = @p id (any unsigned 64-bit value). */
    void reply(quint64 id, QCborMap map);
    /** Sends `error {id, code, message}`; @p message is English, for logs and developers. */
    void replyError(quint64 id, ErrorCode code, const QString& message);
    /** Writes an already encoded frame (a push; the same QByteArray may go to many sessions). */
    void push(const QByteArray& encodedFrame);
    /** Sends `error {code, message}` without id, then closes the connection. */
    void closeWithError(ErrorCode code, const QString& message);
    /** Closes after the pending output is written; emits closed() once. */
    void close();
    /**
     * Handles no further request of this connection until resumeRequests(): for a request answered later from
     * another thread (login, register and change_password wait for the password hashing pool), so that the
     * requests pipelined behind it still run in order, after it. Input stops being read meanwhile (TCP flow
     * control bounds it), and the silence this causes does not count against the heartbeat. Not nested.
     */
    void holdRequests();
    /** Handles the requests held back by holdRequests(), then reads on. */
    void resumeRequests();

    /** The logged-in user; invalid before login and after logout. */
    UserId user() const { return m_user; }
    bool isAuthenticated() const { return m_user.isValid(); }
    /**
     * Set by the login handler (valid id) and logout (invalid id). Does not touch the registry. While the
     * connection is open, a change between logged in and not emits authenticationChanged(); a logout starts
     * the login deadline again.
     */
    void setUser(UserId user);

    /** The remembered device (device_tokens row) this session logged in with or was issued; 0 for none. */
    qint64 deviceToken() const { return m_deviceToken; }
    void setDeviceToken(qint64 device) { m_deviceToken = device; }

    /** The `client` text of hello (at most 256 bytes kept), for the account_sessions listing; empty before hello. */
    QString clientName() const { return m_clientName; }
    void setClientName(QString name) { m_clientName = std::move(name); }
    /** The remembered device's name (set with setDeviceToken by the login handlers); empty for none. */
    QString deviceName() const { return m_deviceName; }
    void setDeviceName(QString name) { m_deviceName = std::move(name); }
    /** When the session last logged in, ms since epoch UTC; 0 while it has not. */
    qint64 loggedInMs() const { return m_loggedInMs; }
    /** When the last frame arrived, ms since epoch UTC (wall clock, for people to read); 0 before the first. */
    qint64 lastHeardMs() const { return m_lastHeardMs; }

    /** Protocol version from hello; 0 before hello. */
    quint32 protocolVersion() const { return m_protocol; }
    void setProtocolVersion(quint32 version) { m_protocol = version; }
    /** The feature flags the peer announced in hello (docs/protocol.md 5); behaviour for old peers is gated on them. */
    void setFeatures(QStringList features) { m_features = std::move(features); }
    /** True if the peer's hello announced @p feature (e.g. protocol::kFeatureFileProof). */
    bool hasFeature(QLatin1StringView feature) const { return m_features.contains(feature); }

    /** Bytes written to the socket but not yet sent. */
    qint64 bytesToWrite() const;
    /** True while bytesToWrite() exceeds the back-pressure bound: pushing more only grows memory. */
    bool outputCongested() const;
    /** The peer's address (not the port): the key of per-address limits. */
    QHostAddress peerAddress() const;
    /** "address:port" of the peer, for logs. */
    QString peer() const { return m_peer; }
    bool isClosed() const { return m_closed; }
    /** Bytes of input buffered in the session's frame decoder (tests and stats). */
    qsizetype bufferedInputBytes() const { return m_codec.bufferedBytes(); }

signals:
    /** The connection ended (by either side). Emitted once; the session deletes itself afterwards. */
    void closed(lanchat::Session* session);
    /**
     * Pending output fell to half the back-pressure bound after exceeding the bound (once per such edge,
     * whether or not the session paused its input): senders of bulk data (file reads) go on then.
     */
    void outputDrained();
    /**
     * The session logged in (@p authenticated) or out, while its connection is open: per-address counts of
     * unauthenticated connections follow it. Not emitted while closing.
     */
    void authenticationChanged(lanchat::Session* session, bool authenticated);

private:
    void onBytesReceived(const char* data, qsizetype size) override;
    std::span<char> receiveSpace() override;
    void onBytesReceivedInPlace(qsizetype size) override;
    void onBytesWritten() override;
    void onConnectionClosed() override;
    void processFrames();
    void handleFrame(const FrameCodec::Frame& frame);
    void write(const QByteArray& frame);
    bool admitRequest(const QString& type, std::optional<quint64> id);
    void sendError(std::optional<quint64> id, ErrorCode code, const QString& message);
    void onSilence();
    void extendDeadline();

    std::unique_ptr<Connection> m_connection;
    const Router& m_router;
    FrameCodec m_codec;
    qint64 m_maxPendingOutput;
    QString m_peer;
    UserId m_user;
    qint64 m_deviceToken = 0;
    QString m_clientName;
    QString m_deviceName;
    qint64 m_loggedInMs = 0;
    qint64 m_lastHeardMs = 0;
    quint32 m_protocol = 0;
    QStringList m_features;
    bool m_paused = false;
    bool m_held = false;      ///< holdRequests() until resumeRequests()
    bool m_congested = false; ///< output passed the bound since the last outputDrained()
    bool m_closed = false;
    bool m_closedEmitted = false;
    bool m_processing = false; ///< inside processFrames(): a drain must not re-enter it
    // Issue 6 guards (server/security/).
    QElapsedTimer m_clock;
    std::optional<RequestLimiter> m_limiter;
    qint64 m_deadlineMs = 0; ///< SessionWatchdog::nowMs() after which the peer is silent too long; 0 = none
    int m_heartbeatTimeoutMs = 0;
    int m_loginTimeoutMs = 0;
    qint64 m_loginDeadlineMs = 0; ///< SessionWatchdog::nowMs() by which the session must be logged in; 0 = none
    bool m_heardFrame = false;
    quint64 m_rateLimited = 0; ///< requests answered rate_limited (logged every 1000th)
};

} // namespace lanchat
