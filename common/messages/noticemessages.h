#pragma once

// Announcements that recipients may have to acknowledge (docs/protocol.md 19).

#include "../ids.h"
#include "../noticeinfo.h"

#include <QCborMap>
#include <QList>
#include <QString>

#include <optional>

namespace lanchat {

/** `notice_post {conversation, text, must_ack?}` → NoticeOk: a group's owner announces to its other members. */
struct NoticePost
{
    static constexpr const char* kType = "notice_post";
    ConversationId conversation;
    QString text; ///< 1 .. protocol::kMaxNoticeTextBytes UTF-8 bytes, not blank
    bool mustAck = false;
    QCborMap encode() const;
    static std::optional<NoticePost> decode(const QCborMap& map, QString* error);
};

/** The requests that name one notice: `notice_ack`, `notice_status`, `notice_remind` `{notice}`. */
struct NoticeRequest
{
    static constexpr const char* kAck = "notice_ack";
    static constexpr const char* kStatus = "notice_status";
    static constexpr const char* kRemind = "notice_remind";
    QString type; ///< one of the three above
    qint64 notice = 0;
    QCborMap encode() const;
    static std::optional<NoticeRequest> decode(const QCborMap& map, QString* error);
};

/**
 * `ok {notice}` of `notice_post` and `notice_ack`, and the push `notice {notice, reminder?}` (type "notice"): a
 * new notice for a recipient, a reminder (@p reminder), or an acknowledgement made on another device.
 */
struct NoticeOk
{
    static constexpr const char* kPush = "notice";
    NoticeInfo notice;
    bool reminder = false;
    QCborMap encode(const char* type = "ok") const;
    static std::optional<NoticeOk> decode(const QCborMap& map, QString* error);
};

/** `notice_list {}` → `ok {received, posted}` (docs/protocol.md 19.2). */
struct NoticeList
{
    static constexpr const char* kType = "notice_list";
    QList<NoticeInfo> received; ///< the requester's notices: not acknowledged first (oldest first), then newest first
    QList<NoticeInfo> posted;   ///< the notices they posted, newest first, with counts
    QCborMap encode() const;    ///< the request (no fields)
    QCborMap encodeOk() const;
    static std::optional<NoticeList> decodeOk(const QCborMap& map, QString* error);
};

/** `ok {notice, receipts}` of `notice_status`: every recipient, in user id order. */
struct NoticeStatus
{
    NoticeInfo notice;
    QList<NoticeReceipt> receipts;
    QCborMap encode() const;
    static std::optional<NoticeStatus> decode(const QCborMap& map, QString* error);
};

/**
 * Push `notice_progress {notice, user, acked_ms, acknowledged, recipients}` to the author's sessions: @p user
 * acknowledged; the counts are the notice's totals after it.
 */
struct NoticeProgress
{
    static constexpr const char* kPush = "notice_progress";
    qint64 notice = 0;
    UserId user;
    qint64 ackedMs = 0;
    int acknowledged = 0;
    int recipients = 0;
    QCborMap encode() const;
    static std::optional<NoticeProgress> decode(const QCborMap& map, QString* error);
};

} // namespace lanchat
