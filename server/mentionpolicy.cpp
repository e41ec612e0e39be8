#include "mentionpolicy.h"

#include "conversationinfo.h"
#include "errorcode.h"
#include "session.h"
#include "storage/storage.h"

namespace lanchat {

std::optional<Mentions> MentionPolicy::filter(Storage& storage, Session& session, ConversationId conversation,
                                              const Mentions& requested, quint64 id)
{
    if (requested.isEmpty())
        return Mentions{};
    const std::optional<ConversationInfo> info = storage.conversation(conversation, session.user());
    if (!info || info->kind != ConversationKind::Group)
        return Mentions{};
    if (requested.all && info->roleOf(session.user()) < GroupRole::Admin) {
        session.replyError(id, ErrorCode::Forbidden,
                           QStringLiteral("only the group's owner and admins may mention everyone"));
        return std::nullopt;
    }
    Mentions kept;
    kept.all = requested.all;
    for (UserId user : requested.users) {
        if (user != session.user() && info->members.contains(user))
            kept.users.append(user);
    }
    return kept;
}

} // namespace lanchat
