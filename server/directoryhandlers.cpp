#include "directoryhandlers.h"

#include "commitqueue.h"
#include "directorytree.h"
#include "framecodec.h"
#include "logging.h"
#include "messages/chatmessages.h"
#include "messages/directorymessages.h"
#include "protocol.h"
#include "requestdecoder.h"
#include "router.h"
#include "session.h"
#include "sessionregistry.h"
#include "storage/storage.h"

#include <QPointer>

namespace lanchat {

DirectoryHandlers::DirectoryHandlers(Storage& storage, CommitQueue& commits, SessionRegistry& sessions,
                                     MessagePoster& poster)
    : m_storage(storage)
    , m_commits(commits)
    , m_sessions(sessions)
    , m_notices(storage, poster)
{}

void DirectoryHandlers::registerWith(Router& router)
{
    router.add(QLatin1String(msgtype::kDirectory),
               [this](Session& s, const QCborMap&, quint64 id) { directory(s, id); });
    router.add(QLatin1String(DepartmentGroup::kType),
               [this](Session& s, const QCborMap& r, quint64 id) { departmentGroup(s, r, id); });
}

void DirectoryHandlers::pushTree(Storage& storage, SessionRegistry& sessions)
{
    sessions.pushToAuthenticated(
        FrameCodec::encode(DirectoryOk{DirectoryTree::read(storage)}.encode(msgtype::kDirectory)));
}

void DirectoryHandlers::directory(Session& session, quint64 id)
{
    session.reply(id, DirectoryOk{DirectoryTree::read(m_storage)}.encode());
}

void DirectoryHandlers::departmentGroup(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<DepartmentGroup>(session, request, id);
    if (!req)
        return;
    const std::optional<DepartmentRecord> department = m_storage.directory().department(req->department);
    if (!department) {
        session.replyError(id, ErrorCode::NotFound, QStringLiteral("no such department"));
        return;
    }
    const UserId me = session.user();
    if (department->manager != me) {
        session.replyError(id, ErrorCode::Forbidden, QStringLiteral("only the department's manager may do this"));
        return;
    }
    QList<UserId> members = m_storage.directory().people(department->id, true);
    members.removeAll(me);
    if (members.size() + 1 > protocol::kMaxGroupMembers) {
        session.replyError(id, ErrorCode::InvalidArgument,
                           QStringLiteral("the department has more than %1 people").arg(protocol::kMaxGroupMembers));
        return;
    }
    const ConversationId group =
        m_commits.begin() ? m_storage.createGroup(department->name, me, members) : ConversationId();
    if (!group.isValid()) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot create the group"));
        return;
    }
    qCInfo(lcServer) << "department_group" << department->id.value() << "->" << group.value() << "by" << me.value();
    QPointer<Session> guard(&session);
    m_commits.afterCommit([this, guard, group, me, id](bool ok) {
        if (!ok) {
            if (guard)
                guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot create the group"));
            return;
        }
        if (guard) {
            if (const std::optional<ConversationInfo> info = m_storage.conversation(group, me))
                guard->reply(id, ConversationOk{*info}.encode());
        }
        // read_seq differs per member, so the conversation push is encoded per member.
        for (UserId member : m_storage.members(group)) {
            if (const auto info = m_storage.conversation(group, member))
                m_sessions.pushToUsers({member}, FrameCodec::encode(ConversationOk{*info}.encode("conversation")));
        }
    });
    m_notices.post(group, SystemEvent{SystemEvent::Type::GroupCreated, me, UserId(), department->name});
}

} // namespace lanchat
