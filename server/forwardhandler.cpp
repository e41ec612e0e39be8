#include "forwardhandler.h"

#include "channelpolicy.h"
#include "logging.h"
#include "messageposter.h"
#include "messages/forwardmessages.h"
#include "requestdecoder.h"
#include "router.h"
#include "session.h"
#include "storage/storage.h"

#include <QPointer>
#include <QSet>

#include <limits>
#include <memory>

namespace lanchat {

namespace {

/** The copies of one request, collected until the last one's commit callback answers. */
struct PendingForward
{
    QList<Seq> seqs;
    int outstanding = 0;
    bool failed = false;
    bool idTaken = false;
};

/** A recalled message is readable by nobody, so it cannot be forwarded either. */
bool isRecalled(const MessageRecord& original)
{
    return original.recalledBy.has_value();
}

} // namespace

ForwardHandler::ForwardHandler(Storage& storage, MessagePoster& poster)
    : m_storage(storage)
    , m_poster(poster)
{}

void ForwardHandler::registerWith(Router& router)
{
    router.add(QLatin1String(ForwardMessages::kType),
               [this](Session& s, const QCborMap& r, quint64 id) { forward(s, r, id); });
}

bool ForwardHandler::requireMember(Session& session, ConversationId conversation, quint64 id, const char* which)
{
    if (conversation.isValid() && m_storage.isMember(conversation, session.user()))
        return true;
    session.replyError(id, ErrorCode::Forbidden,
                       QStringLiteral("not a member of the %1 conversation").arg(QLatin1String(which)));
    return false;
}

std::optional<MessageRecord> ForwardHandler::original(ConversationId conversation, Seq seq)
{
    if (seq <= 0 || seq == std::numeric_limits<Seq>::max())
        return std::nullopt;
    // The newest message below seq + 1 is seq itself when it exists in this conversation.
    const QList<MessageRecord> rows = m_storage.history(conversation, seq + 1, 1);
    if (rows.isEmpty() || rows.first().seq != seq)
        return std::nullopt;
    return rows.first();
}

QString ForwardHandler::refusal(const MessageRecord& original)
{
    if (isRecalled(original))
        return QStringLiteral("the message was recalled");
    if (original.kind == MessageKind::System || original.isAction())
        return QStringLiteral("a system message cannot be forwarded");
    if (original.kind == MessageKind::File && (!original.file || original.file->expired))
        return QStringLiteral("the file has expired");
    return {};
}

void ForwardHandler::forward(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<ForwardMessages>(session, request, id);
    if (!req)
        return;
    if (req->seqs.isEmpty() || req->clientMsgId.isNull()) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("empty seqs or null client_msg_id"));
        return;
    }
    if (QSet<Seq>(req->seqs.cbegin(), req->seqs.cend()).size() != req->seqs.size()) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("field 'seqs': a seq appears twice"));
        return;
    }
    if (!requireMember(session, req->from, id, "source") || !requireMember(session, req->conversation, id, "target") ||
        !ChannelPolicy::mayPost(m_storage, session, req->conversation, id))
        return;
    QList<NewMessage> copies;
    copies.reserve(req->seqs.size());
    for (qsizetype i = 0; i < req->seqs.size(); ++i) {
        const std::optional<MessageRecord> source = original(req->from, req->seqs[i]);
        const QString problem =
            source ? refusal(*source) : QStringLiteral("no message %1 in the source conversation").arg(req->seqs[i]);
        if (!problem.isEmpty()) {
            session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("seqs[%1]: %2").arg(i).arg(problem));
            return;
        }
        NewMessage copy;
        copy.conversation = req->conversation;
        copy.sender = session.user();
        copy.clientMsgId = ForwardMessages::itemClientMsgId(req->clientMsgId, int(i));
        copy.kind = source->kind;
        copy.text = source->text;
        copy.file = source->file;
        copies.append(copy);
    }
    auto pending = std::make_shared<PendingForward>();
    pending->seqs.resize(copies.size());
    pending->outstanding = int(copies.size());
    QPointer<Session> guard(&session);
    for (qsizetype i = 0; i < copies.size(); ++i) {
        // No origin: the forwarder's session has no pending rows for the copies, so it gets the pushes too.
        m_poster.post(copies[i], nullptr, [pending, guard, id, i](const std::optional<AppendResult>& result) {
            if (!result)
                pending->failed = true;
            else if (result->idTaken)
                pending->idTaken = true;
            else
                pending->seqs[i] = result->seq;
            if (--pending->outstanding > 0 || !guard)
                return;
            if (pending->failed)
                guard->replyError(id, ErrorCode::Internal, QStringLiteral("the messages could not all be stored"));
            else if (pending->idTaken)
                guard->replyError(id, ErrorCode::InvalidArgument,
                                  QStringLiteral("client_msg_id is already used by another sender's message"));
            else
                guard->reply(id, ForwardOk{pending->seqs}.encode());
        });
    }
}

} // namespace lanchat
