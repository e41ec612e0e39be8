#pragma once

#include "ids.h"
#include "noticeinfo.h"

#include <QList>

#include <optional>

namespace lanchat {

/**
 * The announcements of docs/protocol.md 19 (schema 15), part of Storage: a notice and its recipients, fixed when it
 * is posted, each with the time they acknowledged it and the time of their last reminder. Writes follow the
 * storage's transaction rules (inside the caller's transaction when one is open). Failures return 0 / false /
 * nullopt / empty and log to lanchat.storage. Same thread as the Storage it belongs to.
 */
class NoticeStore
{
public:
    virtual ~NoticeStore() = default;

    /**
     * Stores @p notice (its id, counts and per-viewer fields are ignored) with one row per user of @p recipients
     * (duplicates ignored); returns the new id, 0 on failure.
     */
    virtual qint64 post(const NoticeInfo& notice, const QList<UserId>& recipients) = 0;
    /** The notice in the author's view (counts, last reminder); nullopt if there is none. */
    virtual std::optional<NoticeInfo> notice(qint64 id) = 0;
    /** @p user's receipt of notice @p id; nullopt if they are not one of its recipients. */
    virtual std::optional<NoticeReceipt> receipt(qint64 id, UserId user) = 0;
    /** Every recipient of notice @p id, ordered by user id. */
    virtual QList<NoticeReceipt> receipts(qint64 id) = 0;
    /**
     * The notices @p user received, in the recipient's view: those not acknowledged first (oldest first), then the
     * acknowledged ones, newest first; at most @p limit.
     */
    virtual QList<NoticeInfo> receivedBy(UserId user, int limit) = 0;
    /** The notices @p author posted (invalid: the administrator's), in the author's view, newest first; at most @p
     * limit. */
    virtual QList<NoticeInfo> postedBy(UserId author, int limit) = 0;
    /** Every notice, in the author's view, newest first; at most @p limit (0: all). */
    virtual QList<NoticeInfo> all(int limit = 0) = 0;
    /**
     * Records that @p user acknowledged notice @p id at @p nowMs, unless they already had (the first time stays).
     * False if they are not a recipient or on a database error.
     */
    virtual bool acknowledge(qint64 id, UserId user, qint64 nowMs) = 0;
    /**
     * Marks the recipients of notice @p id who have not acknowledged it as reminded at @p nowMs, and the notice
     * itself; returns them, ordered by user id (empty also on failure).
     */
    virtual QList<UserId> remind(qint64 id, qint64 nowMs) = 0;
};

} // namespace lanchat
