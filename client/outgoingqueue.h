#pragma once

#include "errorcode.h"
#include "ids.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QUuid>

namespace lanchat {

class ClientConnection;

/**
 * The user's unacknowledged text messages. Each keeps its client_msg_id for life, so a resend after a
 * reconnect is deduplicated by the server (docs/protocol.md, "Delivery"): at-least-once on the wire,
 * exactly-once in the history. Sends only while active (logged in); a reply lost to a disconnect
 * (synthetic `timeout`) leaves the message queued for the next flush(); any other error marks it
 * failed until retry(). Lives in the ChatClient's thread. The queue itself is in memory; entries() and
 * restore() let the owner keep it across restarts (ChatClient stores it with SessionStore).
 */
class OutgoingQueue : public QObject
{
    Q_OBJECT

public:
    /** What survives a restart of the program: one unacknowledged message. */
    struct Entry
    {
        QUuid id;
        ConversationId conversation;
        QString text;
        qint64 createdMs = 0; ///< local time of sendText, ms since epoch, UTC
    };

    /** @p connection must outlive the queue. */
    explicit OutgoingQueue(ClientConnection* connection, QObject* parent = nullptr);
    ~OutgoingQueue() override;

    /** Queues @p text for @p conversation and sends it at once if active. Returns its client_msg_id. */
    QUuid enqueue(ConversationId conversation, const QString& text, qint64 createdMs);
    /** Queues a message saved by an earlier run (same client_msg_id); false if already queued. */
    bool restore(const Entry& entry);
    /** Every unacknowledged message, oldest first (failed ones included). */
    QList<Entry> entries() const;
    /** Logged in (true): sends every queued message not in flight, oldest first. */
    void setActive(bool active);
    /** Re-queues a failed message and sends it if active; false if unknown or not failed. */
    bool retry(const QUuid& clientMsgId);
    /** Drops a message the server is known to hold (seen in sync or a push). */
    void forget(const QUuid& clientMsgId);
    /** Drops everything (logout). */
    void clear();

    /** Messages not yet acked (failed ones included). */
    int size() const { return int(m_items.size()); }
    bool contains(const QUuid& clientMsgId) const;
    /** The conversation of a queued message, invalid if unknown. */
    ConversationId conversationOf(const QUuid& clientMsgId) const;

Q_SIGNALS:
    /** Committed on the server: @p seq and server time @p timestampMs (ms since epoch, UTC). */
    void acked(lanchat::ConversationId conversation, const QUuid& clientMsgId, lanchat::Seq seq, qint64 timestampMs);
    /** Refused by the server with @p code; kept for retry(). */
    void failed(lanchat::ConversationId conversation, const QUuid& clientMsgId, lanchat::ErrorCode code);

private:
    struct Item
    {
        Entry entry;
        bool inFlight = false;
        bool failed = false;
    };

    void flush();
    void send(Item& item);
    void onReply(const QUuid& id, const QCborMap& reply);
    int indexOf(const QUuid& id) const;

    ClientConnection* m_connection;
    QList<Item> m_items;
    bool m_active = false;
};

} // namespace lanchat
