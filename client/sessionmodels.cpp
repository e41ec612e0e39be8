#include "sessionmodels.h"

#include "contactsmodel.h"
#include "conversationsmodel.h"
#include "logging.h"
#include "messages/chatmessages.h"
#include "messagesmodel.h"

#include <algorithm>

namespace lanchat {

namespace {

/** Pushes carry their object either nested under @p key or as the push map itself. */
QCborMap nestedOrSelf(const QCborMap& push, const char* key)
{
    const QCborValue v = push.value(QLatin1String(key));
    return v.isMap() ? v.toMap() : push;
}

} // namespace

SessionModels::SessionModels(QObject* parent)
    : QObject(parent)
    , m_contacts(new ContactsModel(this))
    , m_conversations(new ConversationsModel(m_contacts, this))
{}

SessionModels::~SessionModels() = default;

MessagesModel* SessionModels::messages(ConversationId conversation)
{
    MessagesModel*& model = m_messages[conversation];
    if (!model) {
        model = new MessagesModel(conversation, m_contacts, this);
        model->setOwnUser(m_ownUser);
        model->setFileTransfers(m_fileTransfers);
        if (const auto info = m_conversations->conversation(conversation)) {
            model->setAnnouncementChannel(info->announcements);
            model->setMembers(info->members);
        }
    }
    return model;
}

MessagesModel* SessionModels::existingMessages(ConversationId conversation) const
{
    return m_messages.value(conversation);
}

void SessionModels::setOwnUser(UserId user)
{
    if (user == m_ownUser)
        return;
    if (m_ownUser.isValid()) {
        m_contacts->clear();
        m_conversations->clear();
        for (MessagesModel* model : std::as_const(m_messages))
            model->clear();
    }
    m_ownUser = user;
    m_conversations->setOwnUser(user);
    for (MessagesModel* model : std::as_const(m_messages))
        model->setOwnUser(user);
}

void SessionModels::setFileTransfers(const FileTransferTracker* tracker)
{
    m_fileTransfers = tracker;
    for (MessagesModel* model : std::as_const(m_messages))
        model->setFileTransfers(tracker);
}

bool SessionModels::applyMessage(const MessageRecord& message)
{
    if (!message.conversation.isValid())
        return false;
    if (message.isAction()) {
        // It changes a message the user may have seen; it is not news of its own: no unread count, no notification.
        MessagesModel* model = messages(message.conversation);
        const MessageRecord* changed = model->applyAction(message);
        if (!changed)
            return true;
        m_conversations->updateLast(*changed);
        // A recalled message that was still unread no longer counts, nor calls the user's attention.
        const auto info = m_conversations->conversation(message.conversation);
        if (changed->recalledBy && info && changed->sender != m_ownUser && changed->seq > info->readSeq) {
            m_conversations->setRead(message.conversation, info->readSeq, model->countFromOthersAfter(info->readSeq));
            m_conversations->setMentioned(message.conversation, model->mentionsOwnUserAfter(info->readSeq));
        }
        return true;
    }
    const auto result = messages(message.conversation)->addMessage(message);
    if (result == MessagesModel::AddResult::Duplicate)
        return false;
    if (result == MessagesModel::AddResult::Confirmed) {
        Q_EMIT ownMessageConfirmed(message.clientMsgId);
        m_conversations->noteMessage(message, false);
        return true;
    }
    const auto info = m_conversations->conversation(message.conversation);
    // The administrator's notices are the point of the announcement channel: they count and notify.
    const bool fromOther =
        message.sender != m_ownUser && (message.kind != MessageKind::System || (info && info->announcements));
    // One that arrives already recalled (a later sync) is no news either.
    const bool unread = fromOther && info && message.seq > info->readSeq && !message.recalledBy;
    if (!m_conversations->noteMessage(message, unread)) {
        // A conversation we have not heard of yet (its `conversation` push is late): the message is new
        // to us, so it is announced; the unread count follows when the list is fetched.
        Q_EMIT unknownConversation(message.conversation);
        if (fromOther && !message.recalledBy)
            Q_EMIT messageReceived(message);
        return true;
    }
    if (unread && !message.recalledBy && message.mentions.includes(m_ownUser))
        m_conversations->setMentioned(message.conversation, true);
    // A message that arrives already recalled (a later sync) is never announced: there is nothing to show.
    if (unread && !message.recalledBy)
        Q_EMIT messageReceived(message);
    return true;
}

void SessionModels::applyHistory(ConversationId conversation, const QList<MessageRecord>& page, bool more)
{
    MessagesModel* model = messages(conversation);
    model->prependOlder(page);
    model->setAtStart(!more);
    refresh(conversation);
}

void SessionModels::applyUsers(const QList<UserInfo>& users)
{
    m_contacts->setUsers(users);
}

void SessionModels::applyConversations(const QList<ConversationInfo>& conversations)
{
    m_conversations->setConversations(conversations);
    for (const ConversationInfo& c : conversations)
        refresh(c.id);
}

void SessionModels::applyConversation(const ConversationInfo& conversation)
{
    m_conversations->upsert(conversation);
    refresh(conversation.id);
}

void SessionModels::applyRead(ConversationId conversation, UserId user, Seq seq)
{
    if (user == m_ownUser) {
        // Another device's position (a push, or read_positions) may be older than what this one has read.
        const auto info = m_conversations->conversation(conversation);
        const Seq read = std::max(seq, info ? info->readSeq : 0);
        MessagesModel* model = existingMessages(conversation);
        m_conversations->setRead(conversation, read, model ? model->countFromOthersAfter(read) : 0);
        m_conversations->setMentioned(conversation, model && model->mentionsOwnUserAfter(read));
        if (model)
            model->setReadPosition(user, read);
        return;
    }
    messages(conversation)->setReadPosition(user, seq);
}

void SessionModels::applyReadPositions(ConversationId conversation, const QList<ReadPosition>& positions)
{
    for (const ReadPosition& p : positions)
        applyRead(conversation, p.user, p.seq);
}

bool SessionModels::applyPush(const QCborMap& push)
{
    const QString type = push.value(QLatin1String("t")).toString();
    QString error;
    if (type == QLatin1String(msgtype::kMessagePush))
        return applyMessagePush(push);
    if (type == QLatin1String(msgtype::kPresencePush)) {
        if (const auto p = PresenceChange::decode(push, &error)) {
            m_contacts->setOnline(p->user, p->online);
            if (!p->status.isEmpty())
                m_contacts->setStatus(p->user, p->status, p->statusText);
        }
    } else if (type == QLatin1String(msgtype::kUserPush)) {
        if (const auto u = UserInfo::fromCbor(nestedOrSelf(push, "user"), &error))
            m_contacts->upsert(*u);
    } else if (type == QLatin1String(msgtype::kConversationPush)) {
        if (const auto c = ConversationOk::decode(push, &error))
            applyConversation(c->conversation);
    } else if (type == QLatin1String(msgtype::kConversationRemovedPush)) {
        const QCborValue v = push.value(QLatin1String("conversation"));
        const ConversationId id(v.isMap() ? v.toMap().value(QLatin1String("id")).toInteger() : v.toInteger());
        const UserId by(push.value(QLatin1String("by")).toInteger());
        const auto info = m_conversations->conversation(id);
        // Removed by someone else (by 0: an administrator; also an older server that does not say): the chat
        // stays, read-only, and says so. Left by oneself: gone.
        if (by != m_ownUser && info && info->kind == ConversationKind::Group)
            m_conversations->markRemoved(id, by, push.value(QLatin1String("dissolved")).toBool());
        else
            m_conversations->remove(id);
    } else if (type == QLatin1String(msgtype::kReadReceiptPush)) {
        if (const auto r = ReadReceipt::decode(push, &error))
            applyRead(r->conversation, r->user, r->seq);
    } else if (type == QLatin1String(msgtype::kShutdownPush)) {
        Q_EMIT serverShuttingDown();
    } else if (type == QLatin1String(msgtype::kError)) {
        qCWarning(lcClient) << "error from server:" << push.value(QLatin1String("code")).toString()
                            << push.value(QLatin1String("message")).toString();
    } else {
        return false;
    }
    if (!error.isEmpty())
        qCWarning(lcClient) << "malformed" << type << "push:" << error;
    return true;
}

bool SessionModels::applyMessagePush(const QCborMap& push)
{
    QString error;
    const auto message = MessageRecord::fromCbor(nestedOrSelf(push, "message"), &error);
    if (!message) {
        qCWarning(lcClient) << "malformed message push:" << error;
        return true;
    }
    applyMessage(*message);
    return true;
}

void SessionModels::refresh(ConversationId conversation)
{
    MessagesModel* model = existingMessages(conversation);
    const auto info = m_conversations->conversation(conversation);
    if (!model || !info)
        return;
    model->setAnnouncementChannel(info->announcements);
    model->setMembers(info->members);
    if (const MessageRecord* newest = model->newestMessage())
        m_conversations->noteMessage(*newest, false);
    m_conversations->setRead(conversation, info->readSeq, model->countFromOthersAfter(info->readSeq));
    m_conversations->setMentioned(conversation, model->mentionsOwnUserAfter(info->readSeq));
}

} // namespace lanchat
