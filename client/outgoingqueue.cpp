#include "outgoingqueue.h"

#include "clientconnection.h"
#include "logging.h"
#include "messages/chatmessages.h"
#include "uuidv7.h"

#include <algorithm>

namespace lanchat {

namespace {

constexpr int kFirstRetryMs = 1000;
constexpr int kMaxRetryMs = 30000;

} // namespace

OutgoingQueue::OutgoingQueue(ClientConnection* connection, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_nextRetryMs(kFirstRetryMs)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_active)
            flush();
    });
}

OutgoingQueue::~OutgoingQueue() = default;

QUuid OutgoingQueue::enqueue(ConversationId conversation, const QString& text, qint64 createdMs,
                             const Mentions& mentions, Seq replyTo)
{
    Item item;
    // Time-ordered ids keep the server's (sender, client_msg_id) index appends local.
    item.entry = Entry{createUuidV7(), conversation, text, createdMs, std::nullopt, mentions, replyTo};
    item.waiting = !m_active;
    m_items.append(item);
    if (m_active)
        send(m_items.last());
    return item.entry.id;
}

bool OutgoingQueue::restore(const Entry& entry)
{
    if (entry.id.isNull() || indexOf(entry.id) >= 0)
        return false;
    m_items.append(Item{entry, false, !entry.refusal});
    if (m_active && !entry.refusal)
        send(m_items.last());
    return true;
}

QList<OutgoingQueue::Entry> OutgoingQueue::entries() const
{
    QList<Entry> out;
    out.reserve(m_items.size());
    for (const Item& item : m_items)
        out.append(item.entry);
    return out;
}

void OutgoingQueue::setActive(bool active)
{
    m_active = active;
    if (active) {
        m_retryTimer.stop();
        m_nextRetryMs = kFirstRetryMs;
        flush();
    }
}

bool OutgoingQueue::retry(const QUuid& clientMsgId)
{
    const int i = indexOf(clientMsgId);
    if (i < 0 || !m_items.at(i).entry.refusal)
        return false;
    m_items[i].entry.refusal.reset();
    m_items[i].waiting = true;
    if (m_active)
        send(m_items[i]);
    return true;
}

void OutgoingQueue::forget(const QUuid& clientMsgId)
{
    const int i = indexOf(clientMsgId);
    if (i >= 0)
        m_items.removeAt(i);
}

void OutgoingQueue::clear()
{
    m_items.clear();
}

bool OutgoingQueue::contains(const QUuid& clientMsgId) const
{
    return indexOf(clientMsgId) >= 0;
}

ConversationId OutgoingQueue::conversationOf(const QUuid& clientMsgId) const
{
    const int i = indexOf(clientMsgId);
    return i < 0 ? ConversationId() : m_items.at(i).entry.conversation;
}

bool OutgoingQueue::isTransient(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Timeout:
    case ErrorCode::RateLimited:
    case ErrorCode::Internal:
    case ErrorCode::ServerShutdown:
        return true;
    default:
        return false;
    }
}

void OutgoingQueue::flush()
{
    for (Item& item : m_items) {
        if (!item.inFlight && !item.entry.refusal)
            send(item);
    }
}

void OutgoingQueue::scheduleRetry()
{
    // One timer for the whole queue: a burst refused with rate_limited is resent as one burst, later.
    if (m_retryTimer.isActive())
        return;
    m_retryTimer.start(m_nextRetryMs);
    m_nextRetryMs = std::min(kMaxRetryMs, m_nextRetryMs * 2);
}

void OutgoingQueue::send(Item& item)
{
    SendText msg;
    msg.conversation = item.entry.conversation;
    msg.clientMsgId = item.entry.id;
    msg.mentions = item.entry.mentions;
    msg.text = item.entry.text;
    msg.replyTo = item.entry.replyTo;
    const QUuid id = item.entry.id;
    const quint64 requestId =
        m_connection->request(msg.encode(), [this, id](const QCborMap& reply) { onReply(id, reply); });
    item.inFlight = requestId != 0;
    if (item.inFlight && item.waiting) {
        item.waiting = false;
        Q_EMIT sending(item.entry.conversation, id);
    }
}

void OutgoingQueue::onReply(const QUuid& id, const QCborMap& reply)
{
    const int i = indexOf(id);
    if (i < 0)
        return; // forgotten or cleared meanwhile
    Item& item = m_items[i];
    item.inFlight = false;
    const ConversationId conversation = item.entry.conversation;
    QString error;
    if (reply.value(QLatin1String("t")).toString() == QLatin1String(msgtype::kOk)) {
        const auto ack = SendAck::decode(reply, &error);
        if (ack) {
            m_nextRetryMs = kFirstRetryMs;
            m_items.removeAt(i);
            Q_EMIT acked(conversation, id, ack->seq, ack->timestampMs);
            return;
        }
        qCWarning(lcClient) << "malformed send ack:" << error;
        return; // stays queued; the next flush resends and the server answers with the original ack
    }
    const ErrorCode code = errorCodeFromName(reply.value(QLatin1String("code")).toString());
    if (isTransient(code)) {
        item.waiting = true;
        // A lost connection resends after the next login; the others also while still connected.
        if (code != ErrorCode::Timeout)
            scheduleRetry();
        Q_EMIT waiting(conversation, id, code);
        return;
    }
    item.entry.refusal = code;
    qCInfo(lcClient) << "message" << id << "refused:" << errorCodeName(code);
    Q_EMIT failed(conversation, id, code);
}

int OutgoingQueue::indexOf(const QUuid& id) const
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).entry.id == id)
            return i;
    }
    return -1;
}

} // namespace lanchat
