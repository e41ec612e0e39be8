#pragma once

#include "errorcode.h"

#include <QCborMap>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace lanchat {

/**
 * One connection to a LanChat server: socket (QSslSocket, TLS or plaintext), framing, handshake,
 * request ids and reply dispatch, pushes, and reconnect with exponential back-off. Knows nothing about
 * chats or files: ChatClient and TransferManager build on it. Lives in the thread that created it.
 */
class ClientConnection : public QObject
{
    Q_OBJECT

public:
    /** Called once per request with the reply map (`t` = ok | error | welcome). When the connection drops
     *  before the reply, called with a synthetic `{t: "error", code: "timeout"}`. */
    using ReplyHandler = std::function<void(const QCborMap& reply)>;

    explicit ClientConnection(QObject* parent = nullptr);
    ~ClientConnection() override;

    /** Sends a request (a map with `t`, without `id`): the id is assigned here. Returns the id, 0 if not connected. */
    quint64 request(QCborMap map, ReplyHandler onReply);

    /** True once the handshake (hello/welcome) is done and until the socket closes. */
    bool isReady() const;
    /** Bytes queued in the socket and not yet written; used for upload back-pressure. */
    qint64 bytesToWrite() const;
    /** max_frame announced by the server (bytes). */
    quint32 maxFrame() const;

Q_SIGNALS:
    /** Handshake completed (after every (re)connect). */
    void ready();
    /** A push (frame without id), e.g. `message`, `presence`. */
    void pushReceived(const QCborMap& push);
    /** The socket closed; reconnect is scheduled unless disconnectFromServer() was called. */
    void disconnected();
    /** Socket data was written (to resume paused uploads). */
    void bytesWritten(qint64 bytes);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace lanchat
