#pragma once

#include "ids.h"

#include <QCborMap>
#include <QList>
#include <QString>

#include <optional>

namespace lanchat {

/** Who a notice was posted to (wire `audience`). */
enum class NoticeAudience
{
    Everyone,    ///< wire "all": every enabled account when it was posted (server administrator only)
    Group,       ///< wire "group": the members of one group when it was posted, the author excepted
    Departments, ///< wire "departments": the members of departments and their sub-departments (administrator)
};

/**
 * An announcement (docs/protocol.md 19), as one user sees it. Wire:
 * `{id, author, audience, conversation?, departments?, text, must_ack, created_ms, acked_ms?, recipients?,
 * acknowledged?, reminded_ms?}`. The recipient's view carries `acked_ms`; the author's view (and the
 * administrator's) carries the counts `recipients`, `acknowledged` and the last reminder `reminded_ms`.
 */
struct NoticeInfo
{
    qint64 id = 0;
    UserId author; ///< invalid (wire 0): the server administrator (`lanchat-server notice post`)
    NoticeAudience audience = NoticeAudience::Group;
    ConversationId conversation; ///< the group of a Group notice; invalid otherwise
    QList<qint64> departments;   ///< the department ids of a Departments notice
    QString text;                ///< 1 .. protocol::kMaxNoticeTextBytes UTF-8 bytes
    bool mustAck = false;        ///< recipients are asked to acknowledge ("I have read this") until they do
    qint64 createdMs = 0;        ///< ms since epoch, UTC
    qint64 ackedMs = 0;          ///< recipient's view: when they acknowledged (or dismissed) it; 0 = not yet
    int recipients = -1;         ///< author's view: how many received it; -1 = not in this view
    int acknowledged = 0;        ///< author's view: how many of them acknowledged
    qint64 remindedMs = 0;       ///< author's view: the last reminder, ms since epoch UTC; 0 = none

    QCborMap toCbor() const;
    static std::optional<NoticeInfo> fromCbor(const QCborMap& map, QString* error = nullptr);
    static QString audienceName(NoticeAudience audience);
};

/** One recipient of a notice in the author's status view (wire `{user, acked_ms?, reminded_ms?}`). */
struct NoticeReceipt
{
    UserId user;
    qint64 ackedMs = 0;    ///< ms since epoch UTC; 0 = has not acknowledged
    qint64 remindedMs = 0; ///< the last reminder sent to them, ms since epoch UTC; 0 = none

    QCborMap toCbor() const;
    static std::optional<NoticeReceipt> fromCbor(const QCborMap& map, QString* error = nullptr);
};

} // namespace lanchat
