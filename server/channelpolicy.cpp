#include "channelpolicy.h"

#include "errorcode.h"
#include "session.h"
#include "storage.h"

namespace lanchat {

bool ChannelPolicy::mayPost(Storage& storage, Session& session, ConversationId conversation, quint64 id)
{
    if (!storage.isAnnouncementChannel(conversation))
        return true;
    session.replyError(id, ErrorCode::Forbidden,
                       QStringLiteral("only administrators post in the announcement channel"));
    return false;
}

bool ChannelPolicy::mayChangeGroup(Storage& storage, Session& session, ConversationId conversation, quint64 id)
{
    // Every account is a member by design: leaving would only last until the next broadcast adds it again.
    if (!storage.isAnnouncementChannel(conversation))
        return true;
    session.replyError(id, ErrorCode::Forbidden,
                       QStringLiteral("the announcement channel is managed by the server administrator"));
    return false;
}

} // namespace lanchat
