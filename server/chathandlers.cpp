#include "chathandlers.h"

#include "channelpolicy.h"
#include "commitqueue.h"
#include "framecodec.h"
#include "logging.h"
#include "mentionpolicy.h"
#include "messageposter.h"
#include "messages/chatmessages.h"
#include "protocol.h"
#include "requestdecoder.h"
#include "router.h"
#include "session.h"
#include "sessionregistry.h"
#include "statushandler.h"
#include "storage/storage.h"
#include "userinfofactory.h"

#include <QHash>
#include <QPointer>

#include <algorithm>

namespace lanchat {

ChatHandlers::ChatHandlers(Storage& storage, CommitQueue& commits, SessionRegistry& sessions, MessagePoster& poster)
    : m_storage(storage)
    , m_commits(commits)
    , m_sessions(sessions)
    , m_poster(poster)
    , m_history(storage)
{}

void ChatHandlers::registerWith(Router& router)
{
    router.add(QLatin1String(msgtype::kUsers), [this](Session& s, const QCborMap&, quint64 id) { users(s, id); });
    router.add(QLatin1String(msgtype::kConversations),
               [this](Session& s, const QCborMap&, quint64 id) { conversations(s, id); });
    router.add(QLatin1String(OpenPrivate::kType),
               [this](Session& s, const QCborMap& r, quint64 id) { openPrivate(s, r, id); });
    router.add(QLatin1String(SendText::kType), [this](Session& s, const QCborMap& r, quint64 id) { send(s, r, id); });
    router.add(QLatin1String(History::kType), [this](Session& s, const QCborMap& r, quint64 id) { history(s, r, id); });
    router.add(QLatin1String(Sync::kType), [this](Session& s, const QCborMap& r, quint64 id) { sync(s, r, id); });
    router.add(QLatin1String(MarkRead::kType),
               [this](Session& s, const QCborMap& r, quint64 id) { markRead(s, r, id); });
}

bool ChatHandlers::requireMember(Storage& storage, Session& session, ConversationId conversation, quint64 id)
{
    if (conversation.isValid() && storage.isMember(conversation, session.user()))
        return true;
    if (conversation.isValid() && storage.conversation(conversation, session.user()))
        session.replyError(id, ErrorCode::Forbidden, QStringLiteral("not a member of this conversation"));
    else
        session.replyError(id, ErrorCode::NotFound, QStringLiteral("no such conversation"));
    return false;
}

void ChatHandlers::users(Session& session, quint64 id)
{
    UsersOk ok;
    QHash<UserId, Placement> placed;
    for (const Placement& p : m_storage.directory().placements())
        placed.insert(p.user, p);
    const QHash<UserId, UserStatusRecord> statuses = m_storage.userStatuses().all();
    const QHash<UserId, UserProfile> profiles = m_storage.userProfiles();
    for (const UserRecord& u : m_storage.users()) {
        if (u.disabled)
            continue;
        UserInfo info = UserInfoFactory::make(u, profiles.value(u.id), m_sessions.isOnline(u.id));
        info.department = placed.value(u.id).department;
        info.title = placed.value(u.id).title;
        StatusHandler::fill(info, statuses.value(u.id));
        ok.users.append(info);
    }
    session.reply(id, ok.encode());
}

void ChatHandlers::conversations(Session& session, quint64 id)
{
    session.reply(id, ConversationsOk{m_storage.conversationsOf(session.user())}.encode());
}

void ChatHandlers::openPrivate(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<OpenPrivate>(session, request, id);
    if (!req)
        return;
    const UserId me = session.user();
    if (req->user == me) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("cannot open a conversation with yourself"));
        return;
    }
    const std::optional<UserRecord> peer = m_storage.userById(req->user);
    if (!peer || peer->disabled) {
        session.replyError(id, ErrorCode::NotFound, QStringLiteral("no such user"));
        return;
    }
    ConversationId existing = m_storage.privateConversation(me, req->user, false);
    if (existing.isValid()) {
        session.reply(id, ConversationOk{*m_storage.conversation(existing, me)}.encode());
        return;
    }
    const ConversationId created =
        m_commits.begin() ? m_storage.privateConversation(me, req->user, true) : ConversationId();
    if (!created.isValid()) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot create the conversation"));
        return;
    }
    QPointer<Session> guard(&session);
    m_commits.afterCommit([this, guard, created, me, peerId = req->user, id](bool ok) {
        if (guard && !ok)
            guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot create the conversation"));
        if (!ok)
            return;
        if (guard)
            guard->reply(id, ConversationOk{*m_storage.conversation(created, me)}.encode());
        // Both sides learn about it at once (the creator's other devices too).
        for (UserId member : {me, peerId}) {
            if (const auto info = m_storage.conversation(created, member))
                m_sessions.pushToUsers({member}, FrameCodec::encode(ConversationOk{*info}.encode("conversation")),
                                       guard.data());
        }
    });
}

void ChatHandlers::send(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<SendText>(session, request, id);
    if (!req)
        return;
    if (req->text.isEmpty() || req->clientMsgId.isNull()) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("empty text or null client_msg_id"));
        return;
    }
    if (!requireMember(m_storage, session, req->conversation, id) ||
        !ChannelPolicy::mayPost(m_storage, session, req->conversation, id))
        return;
    const std::optional<Mentions> mentions =
        MentionPolicy::filter(m_storage, session, req->conversation, req->mentions, id);
    if (!mentions)
        return;
    // Checked after membership, and the same answer for a missing seq and another conversation's: nothing leaks.
    if (req->replyTo > 0 && !m_storage.message(req->conversation, req->replyTo)) {
        session.replyError(id, ErrorCode::InvalidArgument,
                           QStringLiteral("reply_to is not a message of this conversation"));
        return;
    }
    NewMessage message;
    message.conversation = req->conversation;
    message.sender = session.user();
    message.clientMsgId = req->clientMsgId;
    message.kind = MessageKind::Text;
    message.text = req->text;
    message.mentions = *mentions;
    message.replyTo = req->replyTo;
    QPointer<Session> guard(&session);
    m_poster.post(message, &session, [guard, id](const std::optional<AppendResult>& result) {
        if (!guard)
            return;
        if (!result)
            guard->replyError(id, ErrorCode::Internal, QStringLiteral("the message could not be stored"));
        else if (result->idTaken)
            guard->replyError(id, ErrorCode::InvalidArgument,
                              QStringLiteral("client_msg_id is already used by another sender's message"));
        else
            guard->push(SendAck{result->seq, result->timestampMs}.encodeFrame(id));
    });
}

void ChatHandlers::history(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<History>(session, request, id);
    if (!req || !requireMember(m_storage, session, req->conversation, id))
        return;
    QString error;
    if (const std::optional<MessagesPage> page = m_history.read(*req, &error))
        session.reply(id, page->encode());
    else
        session.replyError(id, ErrorCode::InvalidArgument, error);
}

void ChatHandlers::sync(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<Sync>(session, request, id);
    if (!req)
        return;
    session.reply(id, m_history.sync(session.user(), req->since, req->limit).encode());
}

void ChatHandlers::markRead(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<MarkRead>(session, request, id);
    if (!req || !requireMember(m_storage, session, req->conversation, id))
        return;
    // A position past the newest message would mark messages read before they exist.
    const std::optional<ConversationInfo> info = m_storage.conversation(req->conversation, session.user());
    const Seq seq = info ? std::min(req->seq, info->lastSeq) : req->seq;
    if (!m_commits.begin() || !m_storage.setReadSeq(req->conversation, session.user(), seq)) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot store the read position"));
        return;
    }
    QPointer<Session> guard(&session);
    const ReadReceipt receipt{req->conversation, session.user(), seq};
    m_commits.afterCommit([this, guard, receipt, id](bool ok) {
        if (guard) {
            if (ok)
                guard->reply(id, {});
            else
                guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot store the read position"));
        }
        if (ok)
            m_sessions.pushToUsers(m_storage.members(receipt.conversation), FrameCodec::encode(receipt.encode()),
                                   guard.data());
    });
}

} // namespace lanchat
