#pragma once

#include "ids.h"
#include "noticeinfo.h"

#include <QCborMap>
#include <QList>

namespace lanchat {

class CommitQueue;
class Router;
class Session;
class SessionRegistry;
class Storage;

/**
 * Announcements (docs/protocol.md 19): `notice_post` (a group's owner or admins to the group's other members),
 * `notice_list`, `notice_ack`, `notice_status` and `notice_remind` (the author only; at most once per
 * protocol::kNoticeRemindIntervalMs per notice, sooner is `rate_limited`). Every handler starts with its gate:
 * decoding (`invalid_argument`), then the notice exists (`not_found`), then the requester's right to it
 * (`forbidden`). Writes go through the CommitQueue; answers and pushes (`notice`, `notice_progress`) follow the
 * commit. deliver() serves the administrator's notices (AdminChannel). Lives on the server thread.
 */
class NoticeHandlers
{
public:
    /** Every part must outlive the handlers. */
    NoticeHandlers(Storage& storage, CommitQueue& commits, SessionRegistry& sessions);

    /** Registers the five requests, Authenticated. */
    void registerWith(Router& router);

    /**
     * Pushes notice @p id (`notice`, with `reminder` when @p reminder) to the online sessions of its recipients who
     * have not acknowledged it; returns how many of them are online, -1 if there is no such notice.
     */
    int deliver(qint64 id, bool reminder);
    /** True if @p user may post a notice to @p group (its owner or an admin). */
    static bool mayPost(Storage& storage, ConversationId group, UserId user);

private:
    void post(Session& session, const QCborMap& request, quint64 id);
    void list(Session& session, quint64 id);
    void acknowledge(Session& session, const QCborMap& request, quint64 id);
    void status(Session& session, const QCborMap& request, quint64 id);
    void remind(Session& session, const QCborMap& request, quint64 id);
    /** The author's notice @p notice, or nullopt after answering `not_found` / `forbidden`. */
    std::optional<NoticeInfo> requireAuthor(Session& session, qint64 notice, quint64 id);
    int pushTo(const QList<UserId>& users, const NoticeInfo& notice, bool reminder, const Session* except);
    void pushProgress(const NoticeInfo& notice, UserId user, qint64 ackedMs);

    Storage& m_storage;
    CommitQueue& m_commits;
    SessionRegistry& m_sessions;
};

} // namespace lanchat
