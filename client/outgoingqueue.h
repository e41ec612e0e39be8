#pragma once

#include "errorcode.h"
#include "ids.h"
#include "mentions.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUuid>

#include <optional>

namespace lanchat {

class ClientConnection;

/**
 * The user's unacknowledged text messages. Each keeps its client_msg_id for life, so a resend after a
 * reconnect is deduplicated by the server (docs/protocol.md, "Delivery"): at-least-once on the wire,
 * exactly-once in the history. Sends only while active (logged in).
 *
 * Two kinds of failure: a transient one (isTransient(): the connection was lost, `rate_limited`, `internal`,
 * `server_shutdown`) leaves the message waiting, and it is sent again by itself, after the next login or
 * after a back-off of 1 s doubling to 30 s; any other error (`forbidden`, `not_found`, `invalid_argument` …)
 * refuses it for good: it is kept, shown as failed, and sent again only by retry(), after a reconnect and
 * after a restart alike (the refusal is part of Entry). Lives in the ChatClient's thread. The queue itself is
 * in memory; entries() and restore() let the owner keep it across restarts (ChatClient stores it with
 * SessionStore).
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
        /** Set when the server refused it for good: never sent again without retry(). */
        std::optional<ErrorCode> refusal;
        Mentions mentions = {}; ///< whom it mentions (sent as `mentions`/`mention_all`)
        Seq replyTo = 0;        ///< the seq of the message it answers (`send {reply_to}`), 0 for none
    };

    /** @p connection must outlive the queue. */
    explicit OutgoingQueue(ClientConnection* connection, QObject* parent = nullptr);
    ~OutgoingQueue() override;

    /**
     * Queues @p text for @p conversation, mentioning @p mentions and answering the message @p replyTo (0: none),
     * and sends it at once if active. Returns its client_msg_id.
     */
    QUuid enqueue(ConversationId conversation, const QString& text, qint64 createdMs, const Mentions& mentions = {},
                  Seq replyTo = 0);
    /**
     * Queues a message saved by an earlier run (same client_msg_id); false if already queued. One with a
     * refusal stays failed until retry().
     */
    bool restore(const Entry& entry);
    /** Every unacknowledged message, oldest first (failed ones included, with their refusal). */
    QList<Entry> entries() const;
    /** Logged in (true): sends every queued message not in flight, oldest first. */
    void setActive(bool active);
    /** Re-queues a message refused for good and sends it if active; false if unknown or not refused. */
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

    /**
     * True for errors that say nothing against the message itself (timeout i.e. connection lost,
     * rate_limited, internal, server_shutdown): it is sent again automatically.
     */
    static bool isTransient(ErrorCode code);

Q_SIGNALS:
    /** Committed on the server: @p seq and server time @p timestampMs (ms since epoch, UTC). */
    void acked(lanchat::ConversationId conversation, const QUuid& clientMsgId, lanchat::Seq seq, qint64 timestampMs);
    /** Refused by the server for good with @p code; kept for retry(). */
    void failed(lanchat::ConversationId conversation, const QUuid& clientMsgId, lanchat::ErrorCode code);
    /** Not delivered for the transient reason @p code (ErrorCode::Timeout: no connection); resent by itself. */
    void waiting(lanchat::ConversationId conversation, const QUuid& clientMsgId, lanchat::ErrorCode code);
    /** A waiting or retried message went out to the server again. */
    void sending(lanchat::ConversationId conversation, const QUuid& clientMsgId);

private:
    struct Item
    {
        Entry entry;
        bool inFlight = false;
        bool waiting = false; // a transient error or no connection: the next flush() sends it
    };

    void flush();
    void send(Item& item);
    void scheduleRetry();
    void onReply(const QUuid& id, const QCborMap& reply);
    int indexOf(const QUuid& id) const;

    ClientConnection* m_connection;
    QList<Item> m_items;
    bool m_active = false;
    QTimer m_retryTimer;
    int m_nextRetryMs; // back-off of the automatic resend after rate_limited, internal, server_shutdown
};

} // namespace lanchat
