#include "noticehandlers.h"

#include "chathandlers.h"
#include "commitqueue.h"
#include "framecodec.h"
#include "logging.h"
#include "messages/noticemessages.h"
#include "protocol.h"
#include "requestdecoder.h"
#include "router.h"
#include "session.h"
#include "sessionregistry.h"
#include "storage/storage.h"

#include <QDateTime>
#include <QPointer>

namespace lanchat {

NoticeHandlers::NoticeHandlers(Storage& storage, CommitQueue& commits, SessionRegistry& sessions)
    : m_storage(storage)
    , m_commits(commits)
    , m_sessions(sessions)
{}

void NoticeHandlers::registerWith(Router& router)
{
    router.add(QLatin1String(NoticePost::kType), [this](Session& s, const QCborMap& r, quint64 id) { post(s, r, id); });
    router.add(QLatin1String(NoticeList::kType), [this](Session& s, const QCborMap&, quint64 id) { list(s, id); });
    router.add(QLatin1String(NoticeRequest::kAck),
               [this](Session& s, const QCborMap& r, quint64 id) { acknowledge(s, r, id); });
    router.add(QLatin1String(NoticeRequest::kStatus),
               [this](Session& s, const QCborMap& r, quint64 id) { status(s, r, id); });
    router.add(QLatin1String(NoticeRequest::kRemind),
               [this](Session& s, const QCborMap& r, quint64 id) { remind(s, r, id); });
}

bool NoticeHandlers::mayPost(Storage& storage, ConversationId group, UserId user)
{
    const GroupRole role = storage.groupRole(group, user);
    return role == GroupRole::Owner || role == GroupRole::Admin;
}

void NoticeHandlers::post(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<NoticePost>(session, request, id);
    if (!req)
        return;
    if (req->text.trimmed().isEmpty()) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("text is empty"));
        return;
    }
    if (!ChatHandlers::requireMember(m_storage, session, req->conversation, id))
        return;
    const std::optional<ConversationInfo> info = m_storage.conversation(req->conversation, session.user());
    if (!info || info->kind != ConversationKind::Group) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("not a group"));
        return;
    }
    if (!mayPost(m_storage, req->conversation, session.user())) {
        session.replyError(id, ErrorCode::Forbidden,
                           QStringLiteral("only the group's owner and admins may post a notice"));
        return;
    }
    QList<UserId> recipients = info->members;
    recipients.removeAll(session.user());
    if (recipients.isEmpty()) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("the group has no other members"));
        return;
    }
    NoticeInfo notice;
    notice.author = session.user();
    notice.audience = NoticeAudience::Group;
    notice.conversation = req->conversation;
    notice.text = req->text;
    notice.mustAck = req->mustAck;
    notice.createdMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 noticeId = m_commits.begin() ? m_storage.notices().post(notice, recipients) : 0;
    if (noticeId == 0) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot store the notice"));
        return;
    }
    QPointer<Session> guard(&session);
    m_commits.afterCommit([this, guard, noticeId, id](bool ok) {
        const std::optional<NoticeInfo> stored = ok ? m_storage.notices().notice(noticeId) : std::nullopt;
        if (!stored) {
            if (guard)
                guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot store the notice"));
            return;
        }
        qCInfo(lcServer) << "notice" << noticeId << "posted by" << stored->author.value() << "to" << stored->recipients;
        if (guard)
            guard->reply(id, NoticeOk{*stored}.encode());
        // The author's other devices list it among theirs (author's view).
        m_sessions.pushToUsers({stored->author}, FrameCodec::encode(NoticeOk{*stored}.encode(NoticeOk::kPush)), guard);
        deliver(noticeId, false);
    });
}

void NoticeHandlers::list(Session& session, quint64 id)
{
    NoticeList answer;
    answer.received = m_storage.notices().receivedBy(session.user(), protocol::kMaxNoticeList);
    answer.posted = m_storage.notices().postedBy(session.user(), protocol::kMaxNoticeList);
    session.reply(id, answer.encodeOk());
}

void NoticeHandlers::acknowledge(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<NoticeRequest>(session, request, id);
    if (!req)
        return;
    std::optional<NoticeInfo> notice = m_storage.notices().notice(req->notice);
    if (!notice) {
        session.replyError(id, ErrorCode::NotFound, QStringLiteral("no such notice"));
        return;
    }
    const std::optional<NoticeReceipt> receipt = m_storage.notices().receipt(req->notice, session.user());
    if (!receipt) {
        session.replyError(id, ErrorCode::Forbidden, QStringLiteral("you did not receive this notice"));
        return;
    }
    // The recipient's view: no counts of the others.
    notice->recipients = -1;
    notice->remindedMs = 0;
    if (receipt->ackedMs > 0) {
        notice->ackedMs = receipt->ackedMs; // again: the first acknowledgement stays
        session.reply(id, NoticeOk{*notice}.encode());
        return;
    }
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (!m_commits.begin() || !m_storage.notices().acknowledge(req->notice, session.user(), nowMs)) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot store the acknowledgement"));
        return;
    }
    notice->ackedMs = nowMs;
    QPointer<Session> guard(&session);
    const UserId user = session.user();
    m_commits.afterCommit([this, guard, acked = *notice, user, id](bool ok) {
        if (!ok) {
            if (guard)
                guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot store the acknowledgement"));
            return;
        }
        if (guard)
            guard->reply(id, NoticeOk{acked}.encode());
        // Their other devices drop the banner too.
        m_sessions.pushToUsers({user}, FrameCodec::encode(NoticeOk{acked}.encode(NoticeOk::kPush)), guard);
        pushProgress(acked, user, acked.ackedMs);
    });
}

void NoticeHandlers::status(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<NoticeRequest>(session, request, id);
    if (!req)
        return;
    const std::optional<NoticeInfo> notice = requireAuthor(session, req->notice, id);
    if (!notice)
        return;
    session.reply(id, NoticeStatus{*notice, m_storage.notices().receipts(req->notice)}.encode());
}

void NoticeHandlers::remind(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<NoticeRequest>(session, request, id);
    if (!req)
        return;
    const std::optional<NoticeInfo> notice = requireAuthor(session, req->notice, id);
    if (!notice)
        return;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (notice->remindedMs > 0 && nowMs - notice->remindedMs < protocol::kNoticeRemindIntervalMs) {
        session.replyError(
            id, ErrorCode::RateLimited,
            QStringLiteral("reminded less than %1 minutes ago").arg(protocol::kNoticeRemindIntervalMs / 60000));
        return;
    }
    if (!m_commits.begin()) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot store the reminder"));
        return;
    }
    const QList<UserId> users = m_storage.notices().remind(req->notice, nowMs);
    QPointer<Session> guard(&session);
    m_commits.afterCommit([this, guard, noticeId = req->notice, users, id](bool ok) {
        if (!ok) {
            if (guard)
                guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot store the reminder"));
            return;
        }
        if (guard) {
            QCborMap answer;
            answer.insert(QLatin1String("t"), QLatin1String("ok"));
            answer.insert(QLatin1String("reminded"), users.size());
            guard->reply(id, answer);
        }
        if (const std::optional<NoticeInfo> notice = m_storage.notices().notice(noticeId))
            pushTo(users, *notice, true, nullptr);
    });
}

std::optional<NoticeInfo> NoticeHandlers::requireAuthor(Session& session, qint64 notice, quint64 id)
{
    std::optional<NoticeInfo> found = m_storage.notices().notice(notice);
    if (!found) {
        session.replyError(id, ErrorCode::NotFound, QStringLiteral("no such notice"));
        return std::nullopt;
    }
    if (found->author != session.user()) {
        session.replyError(id, ErrorCode::Forbidden, QStringLiteral("only the author may do this"));
        return std::nullopt;
    }
    return found;
}

int NoticeHandlers::deliver(qint64 id, bool reminder)
{
    const std::optional<NoticeInfo> notice = m_storage.notices().notice(id);
    if (!notice)
        return -1;
    QList<UserId> pending;
    for (const NoticeReceipt& receipt : m_storage.notices().receipts(id)) {
        if (receipt.ackedMs == 0)
            pending.append(receipt.user);
    }
    return pushTo(pending, *notice, reminder, nullptr);
}

int NoticeHandlers::pushTo(const QList<UserId>& users, const NoticeInfo& notice, bool reminder, const Session* except)
{
    NoticeInfo view = notice; // the recipient's view of someone who has not acknowledged yet
    view.recipients = -1;
    view.remindedMs = 0;
    view.ackedMs = 0;
    NoticeOk push{view, reminder};
    const QByteArray frame = FrameCodec::encode(push.encode(NoticeOk::kPush));
    int online = 0;
    for (UserId user : users) {
        if (m_sessions.isOnline(user))
            ++online;
    }
    m_sessions.pushToUsers(users, frame, except);
    return online;
}

void NoticeHandlers::pushProgress(const NoticeInfo& notice, UserId user, qint64 ackedMs)
{
    if (!notice.author.isValid())
        return; // the administrator follows with `lanchat-server notice status`
    const std::optional<NoticeInfo> totals = m_storage.notices().notice(notice.id);
    if (!totals)
        return;
    const NoticeProgress progress{notice.id, user, ackedMs, totals->acknowledged, totals->recipients};
    m_sessions.pushToUsers({notice.author}, FrameCodec::encode(progress.encode()));
}

} // namespace lanchat
