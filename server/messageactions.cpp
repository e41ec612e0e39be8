#include "messageactions.h"

#include "messages/chatmessages.h"
#include "messages/editmessages.h"
#include "requestdecoder.h"
#include "router.h"
#include "serverconfig.h"
#include "session.h"

#include <QDateTime>
#include <QPointer>

namespace lanchat {

MessageActions::MessageActions(const ServerConfig& config, Storage& storage, CommitQueue& commits,
                               MessagePoster& poster)
    : m_config(config)
    , m_storage(storage)
    , m_editor(storage, commits, poster)
{}

void MessageActions::registerWith(Router& router)
{
    router.add(QLatin1String(RecallRequest::kType),
               [this](Session& s, const QCborMap& r, quint64 id) { recall(s, r, id); });
    router.add(QLatin1String(EditRequest::kType),
               [this](Session& s, const QCborMap& r, quint64 id) { edit(s, r, id); });
}

std::optional<MessageRecord> MessageActions::target(Session& session, ConversationId conversation, Seq seq, quint64 id)
{
    // Unlike history, an unknown conversation is `forbidden` too: a guessed id must not tell whether it exists.
    if (!conversation.isValid() || !m_storage.isMember(conversation, session.user())) {
        session.replyError(id, ErrorCode::Forbidden, QStringLiteral("not a member of this conversation"));
        return std::nullopt;
    }
    std::optional<MessageRecord> message = m_storage.message(seq);
    if (!message || message->conversation != conversation || message->isAction()) {
        session.replyError(id, ErrorCode::NotFound, QStringLiteral("no such message in this conversation"));
        return std::nullopt;
    }
    return message;
}

bool MessageActions::withinWindow(const MessageRecord& message, int windowSeconds)
{
    return QDateTime::currentMSecsSinceEpoch() - message.timestampMs <= qint64(windowSeconds) * 1000;
}

MessageEditor::Done MessageActions::replyWhenDone(Session& session, quint64 id)
{
    QPointer<Session> guard(&session);
    return [guard, id](const std::optional<AppendResult>& result) {
        if (!guard)
            return;
        if (!result)
            guard->replyError(id, ErrorCode::Internal, QStringLiteral("the change could not be stored"));
        else
            guard->push(SendAck{result->seq, result->timestampMs}.encodeFrame(id));
    };
}

void MessageActions::recall(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<RecallRequest>(session, request, id);
    if (!req)
        return;
    const std::optional<MessageRecord> message = target(session, req->conversation, req->seq, id);
    if (!message)
        return;
    const UserId me = session.user();
    const std::optional<ConversationInfo> info = m_storage.conversation(req->conversation, me);
    const bool owner = info && info->kind == ConversationKind::Group && info->owner == me;
    if (message->sender != me && !owner) {
        session.replyError(id, ErrorCode::Forbidden, QStringLiteral("only the sender or the group's owner may recall"));
        return;
    }
    if (message->kind == MessageKind::System) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("a system message cannot be recalled"));
        return;
    }
    if (message->recalledBy) {
        // Recalling twice changes nothing: the answer is the first recall's record.
        for (const MessageRecord& action : m_storage.actionsOn(message->seq)) {
            if (action.kind == MessageKind::Recall) {
                session.reply(id, SendAck{action.seq, action.timestampMs}.encode());
                return;
            }
        }
    }
    if (!owner && !withinWindow(*message, m_config.recallWindowSeconds)) {
        session.replyError(id, ErrorCode::WindowExpired, QStringLiteral("the recall window has passed"));
        return;
    }
    m_editor.recall(*message, me, &session, replyWhenDone(session, id));
}

void MessageActions::edit(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<EditRequest>(session, request, id);
    if (!req)
        return;
    if (req->text.trimmed().isEmpty()) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("empty text"));
        return;
    }
    const std::optional<MessageRecord> message = target(session, req->conversation, req->seq, id);
    if (!message)
        return;
    if (message->sender != session.user()) {
        session.replyError(id, ErrorCode::Forbidden, QStringLiteral("only the sender may edit a message"));
        return;
    }
    if (message->recalledBy) {
        session.replyError(id, ErrorCode::Recalled, QStringLiteral("the message was recalled"));
        return;
    }
    if (message->kind != MessageKind::Text) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("only text messages can be edited"));
        return;
    }
    if (!withinWindow(*message, m_config.editWindowSeconds)) {
        session.replyError(id, ErrorCode::WindowExpired, QStringLiteral("the edit window has passed"));
        return;
    }
    m_editor.edit(*message, session.user(), req->text, &session, replyWhenDone(session, id));
}

} // namespace lanchat
