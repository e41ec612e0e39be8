#include "statushandler.h"

#include "commitqueue.h"
#include "framecodec.h"
#include "logging.h"
#include "messages/chatmessages.h"
#include "messages/statusmessages.h"
#include "requestdecoder.h"
#include "router.h"
#include "session.h"
#include "sessionregistry.h"
#include "storage/storage.h"
#include "userinfo.h"

#include <QDateTime>
#include <QPointer>

namespace lanchat {

StatusHandler::StatusHandler(Storage& storage, CommitQueue& commits, SessionRegistry& sessions)
    : m_storage(storage)
    , m_commits(commits)
    , m_sessions(sessions)
{}

void StatusHandler::registerWith(Router& router)
{
    router.add(QLatin1String(SetStatus::kType),
               [this](Session& s, const QCborMap& r, quint64 id) { setStatus(s, r, id); });
}

QByteArray StatusHandler::presenceFrame(UserId user, bool online)
{
    const UserStatusRecord record = m_storage.userStatuses().of(user);
    PresenceChange change{user, online};
    change.status = online ? record.status : QString::fromLatin1(status::kOffline);
    change.statusText = record.text;
    return FrameCodec::encode(change.encode());
}

void StatusHandler::fill(UserInfo& info, const UserStatusRecord& record)
{
    info.status = info.online ? record.status : QString::fromLatin1(status::kOffline);
    info.statusText = record.text;
}

void StatusHandler::setStatus(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<SetStatus>(session, request, id);
    if (!req)
        return;
    if (!status::isSettable(req->status)) {
        session.replyError(id, ErrorCode::InvalidArgument,
                           QStringLiteral("status must be one of online, away, busy, dnd"));
        return;
    }
    const QString text = req->statusText.trimmed();
    if (!status::isValidText(text)) {
        session.replyError(id, ErrorCode::InvalidArgument,
                           QStringLiteral("status_text must be at most 64 characters without control characters"));
        return;
    }
    const UserId user = session.user();
    if (!m_commits.begin() ||
        !m_storage.userStatuses().set(user, req->status, text, QDateTime::currentMSecsSinceEpoch())) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot store the status"));
        return;
    }
    QPointer<Session> guard(&session);
    m_commits.afterCommit([this, guard, id, user](bool ok) {
        if (ok && m_sessions.isOnline(user))
            m_sessions.pushToAuthenticated(presenceFrame(user, true));
        if (!guard)
            return;
        if (ok)
            guard->reply(id, {});
        else
            guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot store the status"));
    });
}

} // namespace lanchat
