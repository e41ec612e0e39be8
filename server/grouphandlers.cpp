#include "grouphandlers.h"

#include "channelpolicy.h"
#include "chathandlers.h"
#include "commitqueue.h"
#include "framecodec.h"
#include "logging.h"
#include "messages/chatmessages.h"
#include "protocol.h"
#include "requestdecoder.h"
#include "router.h"
#include "session.h"
#include "sessionregistry.h"
#include "storage/storage.h"

#include <QPointer>

namespace lanchat {

namespace {

bool isValidGroupName(const QString& name)
{
    return !name.trimmed().isEmpty() && name.trimmed().size() <= protocol::kMaxNameChars;
}

SystemEvent eventOf(const GroupChange& change, UserId actor)
{
    if (change.type == QLatin1String(GroupChange::kAdd))
        return {SystemEvent::Type::MemberAdded, actor, change.user, {}};
    if (change.type == QLatin1String(GroupChange::kRemove))
        return {SystemEvent::Type::MemberRemoved, actor, change.user, {}};
    if (change.type == QLatin1String(GroupChange::kLeave))
        return {SystemEvent::Type::MemberLeft, actor, UserId(), {}};
    return {SystemEvent::Type::GroupRenamed, actor, UserId(), change.name.trimmed()};
}

} // namespace

GroupHandlers::GroupHandlers(Storage& storage, CommitQueue& commits, SessionRegistry& sessions, MessagePoster& poster)
    : m_storage(storage)
    , m_commits(commits)
    , m_sessions(sessions)
    , m_notices(storage, poster)
{}

void GroupHandlers::registerWith(Router& router)
{
    router.add(QLatin1String(GroupCreate::kType),
               [this](Session& s, const QCborMap& r, quint64 id) { create(s, r, id); });
    for (const char* type : {GroupChange::kAdd, GroupChange::kRemove, GroupChange::kLeave, GroupChange::kRename})
        router.add(QLatin1String(type), [this](Session& s, const QCborMap& r, quint64 id) { change(s, r, id); });
}

void GroupHandlers::setMemberRemovedHandler(std::function<void(ConversationId group, UserId user)> handler)
{
    m_memberRemoved = std::move(handler);
}

void GroupHandlers::create(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<GroupCreate>(session, request, id);
    if (!req)
        return;
    if (!isValidGroupName(req->name)) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("group name must be 1-64 characters"));
        return;
    }
    QList<UserId> members;
    for (UserId member : req->members) {
        const std::optional<UserRecord> user = m_storage.userById(member);
        if (!user || user->disabled) {
            session.replyError(id, ErrorCode::NotFound, QStringLiteral("no such user: %1").arg(member.value()));
            return;
        }
        if (member != session.user() && !members.contains(member))
            members.append(member);
    }
    const ConversationId group =
        m_commits.begin() ? m_storage.createGroup(req->name.trimmed(), session.user(), members) : ConversationId();
    if (!group.isValid()) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot create the group"));
        return;
    }
    qCInfo(lcServer) << "group_create" << group.value() << "by" << session.user().value();
    finish(session, group, UserId(), id);
    m_notices.post(group, SystemEvent{SystemEvent::Type::GroupCreated, session.user(), UserId(), req->name.trimmed()});
}

void GroupHandlers::change(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<GroupChange>(session, request, id);
    if (!req || !allowed(session, *req, id))
        return;
    // Adding a member again changes nothing: no system line for it.
    const bool noChange =
        req->type == QLatin1String(GroupChange::kAdd) && m_storage.isMember(req->conversation, req->user);
    if (!m_commits.begin() || !apply(*req, session.user())) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot change the group"));
        return;
    }
    const bool removes =
        req->type == QLatin1String(GroupChange::kRemove) || req->type == QLatin1String(GroupChange::kLeave);
    const UserId removed = req->type == QLatin1String(GroupChange::kLeave) ? session.user() : req->user;
    finish(session, req->conversation, removes ? removed : UserId(), id);
    if (!noChange)
        m_notices.post(req->conversation, eventOf(*req, session.user()));
}

bool GroupHandlers::allowed(Session& session, const GroupChange& change, quint64 id)
{
    if (!ChatHandlers::requireMember(m_storage, session, change.conversation, id) ||
        !ChannelPolicy::mayChangeGroup(m_storage, session, change.conversation, id))
        return false;
    const std::optional<ConversationInfo> info = m_storage.conversation(change.conversation, session.user());
    const auto refuse = [&](ErrorCode code, const QString& message) {
        session.replyError(id, code, message);
        return false;
    };
    if (!info || info->kind != ConversationKind::Group)
        return refuse(ErrorCode::InvalidArgument, QStringLiteral("not a group"));
    const GroupRole role = info->roleOf(session.user());
    if (change.type == QLatin1String(GroupChange::kLeave))
        return role == GroupRole::Owner ? refuse(ErrorCode::InvalidArgument,
                                                 QStringLiteral("the owner must transfer ownership before leaving"))
                                        : true;
    if (role < GroupRole::Admin)
        return refuse(ErrorCode::Forbidden, QStringLiteral("only the group's owner and admins may do this"));
    if (change.type == QLatin1String(GroupChange::kRename))
        return isValidGroupName(change.name)
                   ? true
                   : refuse(ErrorCode::InvalidArgument, QStringLiteral("group name must be 1-64 characters"));
    if (change.type == QLatin1String(GroupChange::kRemove))
        return mayRemove(session, *info, change.user, id);
    const std::optional<UserRecord> user = m_storage.userById(change.user);
    if (!user || user->disabled)
        return refuse(ErrorCode::NotFound, QStringLiteral("no such user"));
    if (info->members.size() >= protocol::kMaxGroupMembers && !info->members.contains(change.user))
        return refuse(ErrorCode::InvalidArgument, QStringLiteral("the group is full"));
    return true;
}

bool GroupHandlers::mayRemove(Session& session, const ConversationInfo& info, UserId user, quint64 id)
{
    const bool byOwner = info.roleOf(session.user()) == GroupRole::Owner;
    const GroupRole target = info.roleOf(user);
    if (target == GroupRole::Owner) {
        session.replyError(id, byOwner ? ErrorCode::InvalidArgument : ErrorCode::Forbidden,
                           QStringLiteral("the owner cannot be removed"));
        return false;
    }
    if (target == GroupRole::Admin && !byOwner) {
        session.replyError(id, ErrorCode::Forbidden, QStringLiteral("only the owner may remove an admin"));
        return false;
    }
    if (target == GroupRole::None) {
        session.replyError(id, ErrorCode::NotFound, QStringLiteral("not a member of this group"));
        return false;
    }
    return true;
}

bool GroupHandlers::apply(const GroupChange& change, UserId actor)
{
    if (change.type == QLatin1String(GroupChange::kAdd))
        return m_storage.isMember(change.conversation, change.user) ||
               m_storage.addMember(change.conversation, change.user);
    if (change.type == QLatin1String(GroupChange::kRemove))
        return m_storage.removeMember(change.conversation, change.user);
    if (change.type == QLatin1String(GroupChange::kLeave))
        return m_storage.removeMember(change.conversation, actor);
    return m_storage.renameGroup(change.conversation, change.name.trimmed());
}

void GroupHandlers::finish(Session& session, ConversationId group, UserId removed, quint64 id)
{
    QPointer<Session> guard(&session);
    const UserId actor = session.user();
    m_commits.afterCommit([this, guard, group, removed, actor, id](bool ok) {
        if (!ok) {
            if (guard)
                guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot change the group"));
            return;
        }
        if (guard) {
            const std::optional<ConversationInfo> info = m_storage.conversation(group, actor);
            guard->reply(id, info && info->members.contains(actor) ? ConversationOk{*info}.encode() : QCborMap());
        }
        pushState(group, removed, actor);
        if (removed.isValid())
            memberRemoved(group, removed);
    });
}

void GroupHandlers::memberRemoved(ConversationId group, UserId user)
{
    if (m_memberRemoved)
        m_memberRemoved(group, user); // e.g. their uploads into the group are dropped
}

void GroupHandlers::pushState(ConversationId group, UserId removed, UserId actor)
{
    // read_seq differs per member, so the conversation push is encoded per member (rare, small).
    for (UserId member : m_storage.members(group)) {
        if (const auto info = m_storage.conversation(group, member))
            m_sessions.pushToUsers({member}, FrameCodec::encode(ConversationOk{*info}.encode("conversation")));
    }
    if (removed.isValid()) {
        QCborMap push;
        push.insert(QLatin1String("t"), QLatin1String(msgtype::kConversationRemovedPush));
        push.insert(QLatin1String("conversation"), group.value());
        push.insert(QLatin1String("by"), actor.value()); // who removed them (themself when leaving), for the notice
        m_sessions.pushToUsers({removed}, FrameCodec::encode(push));
    }
}

} // namespace lanchat
