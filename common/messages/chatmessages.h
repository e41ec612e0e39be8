#pragma once

// The catalogue of conversation, message, presence and group messages (docs/protocol.md).
// Requests without fields (`logout`, `ping`, `users`, `conversations`) are built with
// emptyRequest() and need no struct.

#include "../conversationinfo.h"
#include "../messagerecord.h"
#include "../userinfo.h"

#include <QCborMap>
#include <QList>

#include <optional>

namespace lanchat {

namespace msgtype {
inline constexpr const char* kOk = "ok";
inline constexpr const char* kError = "error";
inline constexpr const char* kLogout = "logout";
inline constexpr const char* kPing = "ping";
inline constexpr const char* kUsers = "users";
inline constexpr const char* kConversations = "conversations";
// pushes (no id)
inline constexpr const char* kMessagePush = "message";
inline constexpr const char* kPresencePush = "presence";
inline constexpr const char* kUserPush = "user";
inline constexpr const char* kConversationPush = "conversation";
inline constexpr const char* kConversationRemovedPush = "conversation_removed";
inline constexpr const char* kReadReceiptPush = "read_receipt";
inline constexpr const char* kShutdownPush = "shutdown";
inline constexpr const char* kTypingPush = "typing";
} // namespace msgtype

/** A map with only `t`, for requests that carry no fields. */
QCborMap emptyRequest(const char* type);

/** `open_private {user}` → ConversationOk: the private conversation with @p user, created on first use. */
struct OpenPrivate
{
    static constexpr const char* kType = "open_private";
    UserId user;
    QCborMap encode() const;
    static std::optional<OpenPrivate> decode(const QCborMap& map, QString* error);
};

/**
 * `send {conversation, client_msg_id, text, mentions?, mention_all?, reply_to?}` → SendAck. Errors: forbidden (also
 * `mention_all` from anyone but the group's owner), not_found, invalid_argument (also for a reply_to that is no
 * message of this conversation).
 */
struct SendText
{
    static constexpr const char* kType = "send";
    ConversationId conversation;
    QUuid clientMsgId;
    QString text;           ///< 1 .. 64 KiB of UTF-8
    Mentions mentions = {}; ///< optional; non-members are dropped by the server
    Seq replyTo = 0;        ///< the seq of the message of this conversation it answers; 0 (not sent) = none
    QCborMap encode() const;
    static std::optional<SendText> decode(const QCborMap& map, QString* error);
};

/** `ok {seq, ts}`: sent only after the message is committed; a resend gets the original values. */
struct SendAck
{
    Seq seq = 0;
    qint64 timestampMs = 0;
    QCborMap encode() const;
    /** The whole reply frame `ok {id, seq, ts}` (CborFrameWriter: the relay sends one per chat message). */
    QByteArray encodeFrame(quint64 id) const;
    static std::optional<SendAck> decode(const QCborMap& map, QString* error);
};

/**
 * `history {conversation, before | after | around, limit}` → MessagesPage, always newest first: below `before`
 * (0 = from the newest), the oldest ones above `after`, or a window on both sides of the message `around`
 * (which must exist in the conversation, else invalid_argument). At most one of the three is set.
 */
struct History
{
    static constexpr const char* kType = "history";
    ConversationId conversation;
    Seq before = 0;
    int limit = 0;  ///< 1..500, 0 = default 100
    Seq after = 0;  ///< 0 = not sent (last: older aggregate initialisations keep their meaning)
    Seq around = 0; ///< 0 = not sent
    QCborMap encode() const;
    static std::optional<History> decode(const QCborMap& map, QString* error);
};

/** `sync {since, limit}` → MessagesPage: every message of every conversation of the user with seq > since, ascending.
 */
struct Sync
{
    static constexpr const char* kType = "sync";
    Seq since = 0;
    int limit = 0; ///< 1..500, 0 = default 100
    QCborMap encode() const;
    static std::optional<Sync> decode(const QCborMap& map, QString* error);
};

/**
 * `ok {messages, more, more_before?, more_after?}`: history is newest first, sync oldest first; `more` says a
 * further page exists (older ones for history before, newer ones for history after and sync). A history page
 * `around` or `after` a seq also says on which side further messages exist.
 */
struct MessagesPage
{
    QList<MessageRecord> messages;
    bool more = false;
    /** history around only: older messages exist below the oldest returned. */
    std::optional<bool> moreBefore = std::nullopt;
    /** history around and after only: newer messages exist above the newest returned. */
    std::optional<bool> moreAfter = std::nullopt;
    QCborMap encode() const;
    static std::optional<MessagesPage> decode(const QCborMap& map, QString* error);
};

/** `read {conversation, seq}` → ok: the user has read up to seq; members get a read_receipt push. */
struct MarkRead
{
    static constexpr const char* kType = "read";
    ConversationId conversation;
    Seq seq = 0;
    QCborMap encode() const;
    static std::optional<MarkRead> decode(const QCborMap& map, QString* error);
};

/** Push `read_receipt {conversation, user, seq}`. */
struct ReadReceipt
{
    ConversationId conversation;
    UserId user;
    Seq seq = 0;
    QCborMap encode() const;
    static std::optional<ReadReceipt> decode(const QCborMap& map, QString* error);
};

/**
 * `typing {conversation}`: the user is typing there. No reply, not even an error (docs/protocol.md, "Typing"):
 * the server relays it as a Typing push to the other online members, at most one per session and conversation
 * every protocol::kTypingIntervalMs, and drops the rest silently.
 */
struct TypingNotice
{
    static constexpr const char* kType = "typing";
    ConversationId conversation;
    QCborMap encode() const;
    static std::optional<TypingNotice> decode(const QCborMap& map, QString* error);
};

/** Push `typing {conversation, user}`: @p user is typing in @p conversation; never stored. */
struct TypingPush
{
    ConversationId conversation;
    UserId user;
    QCborMap encode() const;
    static std::optional<TypingPush> decode(const QCborMap& map, QString* error);
};

/**
 * Push `presence {user, online, status?, status_text?}`: on a user's first login and last logout, and (servers with
 * the `status` feature, protocol.md 16) whenever they set their status.
 */
struct PresenceChange
{
    UserId user;
    bool online = false;
    QString status = {};     ///< as UserInfo::status; empty: not sent (an older server)
    QString statusText = {}; ///< as UserInfo::statusText
    QCborMap encode() const;
    static std::optional<PresenceChange> decode(const QCborMap& map, QString* error);
};

/** `ok {users}`: the reply to `users`, every enabled account with presence. */
struct UsersOk
{
    QList<UserInfo> users;
    QCborMap encode() const;
    static std::optional<UsersOk> decode(const QCborMap& map, QString* error);
};

/** `ok {conversations}`: the reply to `conversations`. */
struct ConversationsOk
{
    QList<ConversationInfo> conversations;
    QCborMap encode() const;
    static std::optional<ConversationsOk> decode(const QCborMap& map, QString* error);
};

/** `ok {conversation}` reply and `conversation {conversation}` push (created or changed). */
struct ConversationOk
{
    ConversationInfo conversation;
    QCborMap encode(const char* type = "ok") const;
    static std::optional<ConversationOk> decode(const QCborMap& map, QString* error);
};

/** `group_create {name, members}` → ConversationOk; the creator is owner and member. */
struct GroupCreate
{
    static constexpr const char* kType = "group_create";
    QString name;
    QList<UserId> members;
    QCborMap encode() const;
    static std::optional<GroupCreate> decode(const QCborMap& map, QString* error);
};

/**
 * `group_add`, `group_remove` {conversation, user} (owner only), `group_leave {conversation}`,
 * `group_rename {conversation, name}` (owner only) → ok. One struct: they share the fields.
 */
struct GroupChange
{
    static constexpr const char* kAdd = "group_add";
    static constexpr const char* kRemove = "group_remove";
    static constexpr const char* kLeave = "group_leave";
    static constexpr const char* kRename = "group_rename";
    QString type;
    ConversationId conversation;
    UserId user;  ///< add/remove
    QString name; ///< rename
    QCborMap encode() const;
    static std::optional<GroupChange> decode(const QCborMap& map, QString* error);
};

/** Error reply or push: `error {code, message}` (with `id` when it answers a request). */
struct ErrorReply
{
    QString code;    ///< snake_case, see ErrorCode
    QString message; ///< English, for logs only
    QCborMap encode() const;
    static std::optional<ErrorReply> decode(const QCborMap& map, QString* error);
};

} // namespace lanchat
