#include "messageposter.h"

#include "commitqueue.h"
#include "framecodec.h"
#include "logging.h"
#include "messages/chatmessages.h"
#include "session.h"
#include "sessionregistry.h"

#include <QPointer>

namespace lanchat {

MessagePoster::MessagePoster(Storage& storage, CommitQueue& commits, SessionRegistry& sessions)
    : m_storage(storage)
    , m_commits(commits)
    , m_sessions(sessions)
    , m_quoter(storage)
{}

void MessagePoster::post(const NewMessage& message, const Session* origin, Done done)
{
    // Last line of defence: callers check membership, but a file message is posted long after its offer.
    if (message.sender.isValid() && !m_storage.isMember(message.conversation, message.sender)) {
        qCWarning(lcServer) << "not posting a message of user" << message.sender.value() << "into conversation"
                            << message.conversation.value() << ": not a member";
        done(std::nullopt);
        return;
    }
    // The origin may close before the commit; compare against a guarded pointer, never dereference it.
    QPointer<const Session> guard(origin);
    m_commits.append(message,
                     [this, message, guard, done = std::move(done)](const std::optional<AppendResult>& result) {
                         done(result);
                         if (!result || result->duplicate || result->idTaken)
                             return;
                         MessageRecord record;
                         record.seq = result->seq;
                         record.conversation = message.conversation;
                         record.sender = message.sender;
                         record.timestampMs = result->timestampMs;
                         record.clientMsgId = message.clientMsgId;
                         record.kind = message.kind;
                         record.text = message.text;
                         record.file = message.file;
                         record.event = message.event;
                         record.target = message.target;
                         record.mentions = message.mentions;
                         if (message.replyTo > 0) {
                             record.reply = ReplyQuote::seqOnly(message.replyTo);
                             m_quoter.fill(record);
                         }
                         QCborMap push = record.toCbor();
                         push.insert(QLatin1String("t"), QLatin1String(msgtype::kMessagePush));
                         const QByteArray frame = FrameCodec::encode(push);
                         m_sessions.pushToUsers(m_storage.members(message.conversation), frame, guard.data());
                     });
}

} // namespace lanchat
