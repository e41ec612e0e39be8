#include "outgoingqueue.h"

#include "clientconnection.h"
#include "logging.h"
#include "messages/chatmessages.h"
#include "uuidv7.h"

namespace lanchat {

OutgoingQueue::OutgoingQueue(ClientConnection* connection, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
{}

OutgoingQueue::~OutgoingQueue() = default;

QUuid OutgoingQueue::enqueue(ConversationId conversation, const QString& text, qint64 createdMs)
{
    Item item;
    // Time-ordered ids keep the server's (sender, client_msg_id) index appends local.
    item.entry = Entry{createUuidV7(), conversation, text, createdMs};
    m_items.append(item);
    if (m_active)
        send(m_items.last());
    return item.entry.id;
}

bool OutgoingQueue::restore(const Entry& entry)
{
    if (entry.id.isNull() || indexOf(entry.id) >= 0)
        return false;
    m_items.append(Item{entry});
    if (m_active)
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
    if (active)
        flush();
}

bool OutgoingQueue::retry(const QUuid& clientMsgId)
{
    const int i = indexOf(clientMsgId);
    if (i < 0 || !m_items.at(i).failed)
        return false;
    m_items[i].failed = false;
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

void OutgoingQueue::flush()
{
    for (Item& item : m_items) {
        if (!item.inFlight && !item.failed)
            send(item);
    }
}

void OutgoingQueue::send(Item& item)
{
    SendText msg;
    msg.conversation = item.entry.conversation;
    msg.clientMsgId = item.entry.id;
    msg.text = item.entry.text;
    const QUuid id = item.entry.id;
    const quint64 requestId =
        m_connection->request(msg.encode(), [this, id](const QCborMap& reply) { onReply(id, reply); });
    item.inFlight = requestId != 0;
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
            m_items.removeAt(i);
            Q_EMIT acked(conversation, id, ack->seq, ack->timestampMs);
            return;
        }
        qCWarning(lcClient) << "malformed send ack:" << error;
        return; // stays queued; the next flush resends and the server answers with the original ack
    }
    const ErrorCode code = errorCodeFromName(reply.value(QLatin1String("code")).toString());
    if (code == ErrorCode::Timeout)
        return; // connection lost: resent after the next login
    item.failed = true;
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
