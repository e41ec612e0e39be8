#pragma once

#include "framecodec.h"

#include <QByteArray>
#include <QCborMap>
#include <QObject>

#include <functional>

class QSslSocket;

namespace lanchat::bench {

/**
 * The load generator's lean protocol client: one socket (TLS or plaintext), frames, request ids. Message
 * pushes are recognised by a byte marker in the payload instead of a full CBOR decode, so the generator spends
 * little CPU per delivery. Lives in the generator's single thread.
 */
class BenchConnection : public QObject
{
    Q_OBJECT
public:
    using ReplyHandler = std::function<void(const QCborMap& reply)>;
    /** Called for every push frame carrying the bench marker: @p sentNs is the send time embedded by the sender. */
    using DeliveryHandler = std::function<void(qint64 sentNs)>;

    BenchConnection(bool tls, QObject* parent = nullptr);
    ~BenchConnection() override;

    void connectTo(quint16 port);
    bool isConnected() const { return m_connected; }
    void request(QCborMap map, ReplyHandler handler = {});
    /** Sends an already encoded frame that carries the request id @p id (see encodeSend()). */
    void sendRaw(const QByteArray& frame, quint64 id, ReplyHandler handler);
    quint64 nextId() { return ++m_lastId; }
    void setDeliveryHandler(DeliveryHandler handler) { m_onDelivery = std::move(handler); }
    QSslSocket* socket() const { return m_socket; }

    /** Marker that precedes the 16 hex digits of the send time in bench message texts. */
    static constexpr char kMarker[] = "@@LCB";

Q_SIGNALS:
    void connected();
    void failed(const QString& why);

private:
    void onReadyRead();
    void handleFrame(const char* data, qsizetype size);

    QSslSocket* m_socket;
    bool m_tls;
    bool m_connected = false;
    QByteArray m_buffer;
    quint64 m_lastId = 0;
    QHash<quint64, ReplyHandler> m_pending;
    DeliveryHandler m_onDelivery;
};

} // namespace lanchat::bench
