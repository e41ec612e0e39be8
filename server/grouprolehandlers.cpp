#include "grouprolehandlers.h"

#include "channelpolicy.h"
#include "chathandlers.h"
#include "commitqueue.h"
#include "framecodec.h"
#include "grouphandlers.h"
#include "logging.h"
#include "messages/chatmessages.h"
#include "messages/grouprolemessages.h"
#include "protocol.h"
#include "requestdecoder.h"
#include "router.h"
#include "session.h"
#include "sessionregistry.h"
#include "storage/storage.h"

#include <QPointer>

namespace lanchat {

GroupRoleHandlers::GroupRoleHandlers(Storage& storage, CommitQueue& commits, GroupHandlers& groups,
                                     SessionRegistry& sessions, MessagePoster& poster)
    : m_storage(storage)
    , m_commits(commits)
    , m_groups(groups)
    , m_sessions(sessions)
    , m_notices(storage, poster)
{}

void GroupRoleHandlers::registerWith(Router& router)
{
    for (const char* type : {GroupRoleRequest::kSetRole, GroupRoleRequest::kTransfer, GroupRoleRequest::kDissolve})
        router.add(QLatin1String(type), [this](Session& s, const QCborMap& r, quint64 id) { handle(s, r, id); });
}

void GroupRoleHandlers::handle(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<GroupRoleRequest>(session, request, id);
    if (!req || !ChatHandlers::requireMember(m_storage, session, req->conversation, id) ||
        !ChannelPolicy::mayChangeGroup(m_storage, session, req->conversation, id))
        return;
    const std::optional<ConversationInfo> info = m_storage.conversation(req->conversation, session.user());
    if (!info || !allowed(session, *info, *req, id))
        return;
    if (req->type == QLatin1String(GroupRoleRequest::kDissolve)) {
        dissolve(session, *info, id);
        return;
    }
    const bool transfer = req->type == QLatin1String(GroupRoleRequest::kTransfer);
    const bool toAdmin = req->role == QLatin1String(GroupRoleRequest::kAdmin);
    // Appointing an admin again (or demoting a plain member) changes nothing: no system line for it.
    const bool noChange = !transfer && (info->roleOf(req->user) == GroupRole::Admin) == toAdmin;
    const bool applied =
        m_commits.begin() && (transfer ? m_storage.transferGroup(req->conversation, req->user)
                                       : m_storage.setGroupRole(req->conversation, req->user,
                                                                toAdmin ? GroupRole::Admin : GroupRole::Member));
    if (!applied) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot change the group"));
        return;
    }
    qCInfo(lcServer) << req->type << req->conversation.value() << req->user.value() << "by" << session.user().value();
    QPointer<Session> guard(&session);
    const ConversationId group = req->conversation;
    const UserId actor = session.user();
    m_commits.afterCommit([this, guard, group, actor, id](bool ok) {
        if (!ok) {
            if (guard)
                guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot change the group"));
            return;
        }
        if (guard) {
            const std::optional<ConversationInfo> now = m_storage.conversation(group, actor);
            guard->reply(id, now ? ConversationOk{*now}.encode() : QCborMap());
        }
        m_groups.pushState(group, UserId(), actor);
    });
    if (noChange)
        return;
    const SystemEvent::Type type = transfer  ? SystemEvent::Type::OwnerTransferred
                                   : toAdmin ? SystemEvent::Type::AdminAdded
                                             : SystemEvent::Type::AdminRemoved;
    m_notices.post(group, SystemEvent{type, actor, req->user, {}});
}

bool GroupRoleHandlers::allowed(Session& session, const ConversationInfo& info, const GroupRoleRequest& request,
                                quint64 id)
{
    const auto refuse = [&](ErrorCode code, const QString& message) {
        session.replyError(id, code, message);
        return false;
    };
    if (info.kind != ConversationKind::Group)
        return refuse(ErrorCode::InvalidArgument, QStringLiteral("not a group"));
    if (info.roleOf(session.user()) != GroupRole::Owner)
        return refuse(ErrorCode::Forbidden, QStringLiteral("only the group's owner may do this"));
    if (request.type == QLatin1String(GroupRoleRequest::kDissolve))
        return true;
    if (request.user == info.owner)
        return refuse(ErrorCode::InvalidArgument, QStringLiteral("the owner's role cannot change this way"));
    if (!info.members.contains(request.user))
        return refuse(ErrorCode::NotFound, QStringLiteral("not a member of this group"));
    return true;
}

void GroupRoleHandlers::dissolve(Session& session, const ConversationInfo& info, quint64 id)
{
    // One transaction: the memberships go now, the system line is appended at the batch's commit, into the history
    // that stays on the server; with no members left it is delivered to nobody.
    if (!m_commits.begin() || !m_storage.dissolveGroup(info.id)) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot dissolve the group"));
        return;
    }
    const UserId actor = session.user();
    qCInfo(lcServer) << "group_dissolve" << info.id.value() << "by" << actor.value();
    QPointer<Session> guard(&session);
    const ConversationId group = info.id;
    const QList<UserId> members = info.members;
    m_commits.afterCommit([this, guard, group, members, actor, id](bool ok) {
        if (!ok) {
            if (guard)
                guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot dissolve the group"));
            return;
        }
        if (guard)
            guard->reply(id, QCborMap());
        QCborMap push;
        push.insert(QLatin1String("t"), QLatin1String(msgtype::kConversationRemovedPush));
        push.insert(QLatin1String("conversation"), group.value());
        push.insert(QLatin1String("by"), actor.value());
        push.insert(QLatin1String("dissolved"), true); // not "removed by the owner": the group is gone
        m_sessions.pushToUsers(members, FrameCodec::encode(push));
        for (UserId member : members)
            m_groups.memberRemoved(group, member);
    });
    m_notices.post(group, SystemEvent{SystemEvent::Type::GroupDissolved, actor, UserId(), {}});
}

} // namespace lanchat
