#pragma once

#include "conversationinfo.h"
#include "devicetokenstore.h"
#include "directorystore.h"
#include "fileref.h"
#include "ids.h"
#include "ldaplinkstore.h"
#include "messagerecord.h"
#include "messages/receiptmessages.h"
#include "messages/searchmessages.h"
#include "noticestore.h"
#include "userstatusstore.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <memory>
#include <optional>
#include <tuple>

namespace lanchat {

/** An account row. */
struct UserRecord
{
    UserId id;
    QString username; ///< as registered (case kept); uniqueness is case-insensitive
    QString displayName;
    QByteArray passwordHash; ///< PHC string from PasswordHasher (Argon2id)
    bool disabled = false;
    qint64 createdMs = 0; ///< ms since epoch, UTC
};

/**
 * The profile of an account beyond its names (schema 11). Empty text means "not set". Limits are checked by the
 * relay (docs/protocol.md 15), not here: an import or the admin CLI goes through the same checks.
 */
struct UserProfile
{
    QString phone;           ///< free text, at most protocol::kMaxPhoneChars characters
    QString email;           ///< at most protocol::kMaxEmailChars characters
    QString signature;       ///< one line, at most protocol::kMaxSignatureChars characters
    QByteArray avatar;       ///< SHA-256 (32 bytes) of the avatar picture in the file store; empty = none
    bool nameLocked = false; ///< the administrator locked the display name: the user may not change it

    bool operator==(const UserProfile&) const = default;
};

/** A message to append; seq and timestamp are assigned by the storage. */
struct NewMessage
{
    ConversationId conversation;
    UserId sender;     ///< invalid for system messages
    QUuid clientMsgId; ///< null for system messages (no dedup)
    MessageKind kind = MessageKind::Text;
    QString text;
    std::optional<FileRef> file;
    std::optional<SystemEvent> event = std::nullopt; ///< system messages about a group change
    Seq target = 0;                                  ///< Recall and Edit records: the seq of the message they change
    Mentions mentions = {}; ///< text messages: whom it mentions, already filtered to members (schema 9)
    Seq replyTo = 0;        ///< the seq of the message (of the same conversation) it answers; 0 = none
};

/**
 * One row of the audit table (schema 7): a message as it was before it was recalled or edited. Read only by the
 * admin CLI (`lanchat-server audit`), never sent to clients.
 */
struct AuditEntry
{
    qint64 id = 0;
    ConversationId conversation;
    Seq seq = 0;         ///< the message recalled or edited
    QString action;      ///< "recall" or "edit"
    UserId actor;        ///< who recalled or edited it; UserId(0): an administrator
    qint64 actionMs = 0; ///< when, ms since epoch UTC
    UserId sender;       ///< who sent the message
    qint64 sentMs = 0;   ///< when it was sent, ms since epoch UTC
    MessageKind kind = MessageKind::Text;
    QString text;                ///< the text before the action (an edit: the version it replaced)
    std::optional<FileRef> file; ///< the file it carried (a recall of a file message)
    qint64 previousEditedMs = 0; ///< when the replaced version was itself made by an edit; 0 = the original
};

/** Result of appendMessage(). */
struct AppendResult
{
    Seq seq = 0;
    qint64 timestampMs = 0;
    bool duplicate = false; ///< (sender, client_msg_id) existed: seq/ts are the original ones, nothing inserted
    /**
     * The client_msg_id belongs to another sender's message (client_msg_id is unique across senders, schema 3):
     * nothing inserted, seq/ts are 0. The relay answers `invalid_argument`.
     */
    bool idTaken = false;
};

/** An upload in progress, kept across reconnects and restarts for resume. */
struct UploadRecord
{
    TransferId id;
    UserId sender;
    ConversationId conversation;
    QUuid clientMsgId;
    QString name;
    qint64 size = 0;
    QByteArray sha256;
    qint64 createdMs = 0;
};

/**
 * One group commit run off the storage's own thread (CommitQueue's commit thread): the message appends
 * of a batch, then COMMIT of the transaction they share with the batch's other writes, so the socket
 * thread keeps reading and writing while the database writes and fsyncs.
 *
 * Made by Storage::detachCommit() on the storage's thread; run() exactly once, on any thread; then
 * Storage::attachCommit() back on the storage's thread. Until run() has returned, every other call on the
 * storage waits for it (it owns the database connection meanwhile).
 */
class DetachedCommit
{
public:
    virtual ~DetachedCommit() = default;
    /** Appends, then commits (synchronous=FULL: on disk when it returns); rolls everything back on failure. */
    virtual void run() = 0;
    /** After run(): true when the transaction, and with it every result below, is on disk. */
    bool committed() const { return m_committed; }
    /**
     * After run(): one entry per append, in order; nullopt where that append alone failed (a constraint,
     * e.g. the conversation was deleted meanwhile). Meaningless unless committed().
     */
    const QList<std::optional<AppendResult>>& results() const { return m_results; }

protected:
    bool m_committed = false;
    QList<std::optional<AppendResult>> m_results;
};

enum class CreateUserResult
{
    Created,
    UsernameTaken,
    Failed,
};

/**
 * Persistent state of the relay: users, conversations, members, messages, file blobs and uploads.
 * One implementation today (SqliteStorage); a PostgreSQL one may follow, so callers use only this
 * interface and every implementation passes the same contract tests (tests/storage/tst_sqlitestorage).
 *
 * Transactions: writes happen inside beginTransaction()/commitTransaction() when the caller opens one
 * (group commit: the relay opens one per event-loop turn), else each write commits on its own.
 * Durability: commitTransaction() returns true only once the data is on disk (synchronous=FULL).
 * Failures return false / nullopt / empty and log to lanchat.storage; the relay answers `internal`.
 * Not thread-safe: use from the thread that opened it.
 */
class Storage
{
public:
    virtual ~Storage() = default;

    virtual bool beginTransaction() = 0;
    virtual bool commitTransaction() = 0;
    virtual void rollbackTransaction() = 0;
    virtual bool inTransaction() const = 0;
    /**
     * Moves the open transaction (if any) and @p appends into a DetachedCommit to run on another thread;
     * with no transaction open, the commit begins one itself. Returns nullptr when there is nothing to commit
     * (no transaction, no appends). The storage is busy until the commit's run() returns (see DetachedCommit).
     */
    virtual std::unique_ptr<DetachedCommit> detachCommit(QList<NewMessage> appends) = 0;
    /** On the storage's thread after @p commit ran: drops cached state a rollback made untrue. */
    virtual void attachCommit(DetachedCommit& commit) = 0;

    // --- administration
    /**
     * Writes a consistent copy of the whole database to @p path (a new file; fails if it exists),
     * while other connections may keep writing. Not inside a transaction. False with @p error set on failure.
     */
    virtual bool backupTo(const QString& path, QString* error) = 0;
    /** Structural check (SQLite integrity_check + foreign_key_check); one line per problem, empty when healthy. */
    virtual QStringList checkIntegrity() = 0;

    // --- users
    virtual CreateUserResult createUser(const QString& username, const QString& displayName,
                                        const QByteArray& passwordHash, UserId* id) = 0;
    /** Case-insensitive lookup. */
    virtual std::optional<UserRecord> userByName(const QString& username) = 0;
    virtual std::optional<UserRecord> userById(UserId id) = 0;
    /** All accounts, disabled ones included, ordered by id. */
    virtual QList<UserRecord> users() = 0;
    virtual bool setPasswordHash(UserId id, const QByteArray& hash) = 0;
    virtual bool setUserDisabled(UserId id, bool disabled) = 0;
    virtual bool setDisplayName(UserId id, const QString& displayName) = 0;
    /** Fails (false) if the new name is taken. */
    virtual bool renameUser(UserId id, const QString& newUsername) = 0;
    /**
     * Removes the account and its memberships; its messages stay, attributed to the id. In the same transaction
     * every group it owned gets a new owner: its longest-standing admin, else its longest-standing member (by
     * joined time, then user id); only a group with no other member is left without one.
     */
    virtual bool deleteUser(UserId id) = 0;

    // --- profiles (schema 11)
    /** The profile of @p id; nullopt if there is no such account or on a database error. */
    virtual std::optional<UserProfile> userProfile(UserId id) = 0;
    /** The profile of every account (disabled ones included), by id; empty on a database error. */
    virtual QHash<UserId, UserProfile> userProfiles() = 0;
    /**
     * Replaces every profile field of @p id (read with userProfile() first to change one). False if there is no
     * such account or on a database error. Does not check limits nor that the avatar blob exists.
     */
    virtual bool setUserProfile(UserId id, const UserProfile& profile) = 0;
    /** True if some account's avatar is the blob @p sha256 (retention keeps it; anyone may download it). */
    virtual bool isAvatar(const QByteArray& sha256) = 0;
    /** The remembered devices of every account ("stay logged in"), owned by the storage. */
    virtual DeviceTokenStore& deviceTokens() = 0;
    /** The announcements and their recipients (docs/protocol.md 19, schema 15), owned by the storage. */
    virtual NoticeStore& notices() = 0;
    /** The department directory (departments, each account's department and title; schema 13). */
    virtual DirectoryStore& directory() = 0;
    /** The status and status text each user chose (schema 12, docs/protocol.md 16), owned by the storage. */
    virtual UserStatusStore& userStatuses() = 0;
    /** Which accounts belong to LDAP / Active Directory entries (sign-in through the directory), owned by the storage.
     */
    virtual LdapLinkStore& ldapLinks() = 0;

    // --- conversations
    /** The private conversation of a and b (a != b), created when @p create and missing; invalid if none. */
    virtual ConversationId privateConversation(UserId a, UserId b, bool create) = 0;
    /** A new group; owner is added as member. */
    virtual ConversationId createGroup(const QString& name, UserId owner, const QList<UserId>& members) = 0;
    /** Info as seen by @p viewer (readSeq is the viewer's). nullopt if it does not exist. */
    virtual std::optional<ConversationInfo> conversation(ConversationId id, UserId viewer) = 0;
    /** Every conversation @p user is a member of, as seen by them. */
    virtual QList<ConversationInfo> conversationsOf(UserId user) = 0;
    /** Ids of every group (admin listing). */
    virtual QList<ConversationInfo> groups() = 0;
    virtual bool isMember(ConversationId conversation, UserId user) = 0;
    virtual QList<UserId> members(ConversationId conversation) = 0;
    /** True if @p user is a member of the group afterwards (already being one is fine); false for private
     * conversations. */
    virtual bool addMember(ConversationId group, UserId user) = 0;
    /**
     * True if a membership of the group was removed; false if there was none or it is a private conversation.
     * Removing the owner (only the admin CLI does) gives the group to its longest-standing admin, else member, in
     * the same transaction, as deleteUser() does.
     */
    virtual bool removeMember(ConversationId group, UserId user) = 0;
    virtual bool renameGroup(ConversationId group, const QString& name) = 0;

    // --- group roles (schema 14, docs/protocol.md 9)
    /**
     * The role of @p user in group @p group: Owner (the group's owner), Admin, Member; None when they are not a
     * member or it is not a group. Reads the database (not cached): asked per group request, not per post.
     */
    virtual GroupRole groupRole(ConversationId group, UserId user) = 0;
    /**
     * Makes member @p user of @p group an admin (@p role Admin) or a plain member (@p role Member). False for any
     * other role, for the owner, for a non-member or a private conversation, or on a database error. Setting the
     * role a member already has is true and changes nothing.
     */
    virtual bool setGroupRole(ConversationId group, UserId user, GroupRole role) = 0;
    /**
     * Makes member @p newOwner the owner of @p group; the previous owner stays as a plain member, and so does the
     * new owner's row (an owner is not also an admin). Atomic; false if @p newOwner is not a member.
     */
    virtual bool transferGroup(ConversationId group, UserId newOwner) = 0;
    /**
     * Dissolves @p group: removes every membership; the conversation and its history stay on the server (audit,
     * backups) but no client sees it again. False if it is not a group or on a database error.
     */
    virtual bool dissolveGroup(ConversationId group) = 0;
    virtual bool deleteConversation(ConversationId conversation) = 0;
    /**
     * True if @p conversation is the announcement channel (ConversationInfo::announcements): clients may not
     * post into it. Cheap (cached): asked for every post.
     */
    virtual bool isAnnouncementChannel(ConversationId conversation) = 0;
    /** The announcement channel (the oldest if several); invalid if there is none yet. */
    virtual ConversationId announcementChannel() = 0;
    /** Makes group @p group the announcement channel; false if it is not a group or on a database error. */
    virtual bool setAnnouncementChannel(ConversationId group) = 0;
    /** Moves the member's read position forward to @p seq (never backwards). False if not a member. */
    virtual bool setReadSeq(ConversationId conversation, UserId user, Seq seq) = 0;
    /**
     * The read position of every current member of @p conversation (0 for one who has read nothing), ordered by
     * user id; empty if it does not exist or on a database error.
     */
    virtual QList<ReadPosition> readPositions(ConversationId conversation) = 0;

    // --- messages
    /** Appends, or finds the earlier message of (sender, clientMsgId). nullopt on failure. */
    virtual std::optional<AppendResult> appendMessage(const NewMessage& message) = 0;
    /**
     * Up to @p limit messages with seq < before (before = 0: newest), newest first. Here and in every read below, a
     * reply's MessageRecord::reply holds only the original's seq (available = false): the relay fills the quote.
     */
    virtual QList<MessageRecord> history(ConversationId conversation, Seq before, int limit) = 0;
    /** Up to @p limit messages with seq > after, the oldest of them, oldest first. */
    virtual QList<MessageRecord> historyAfter(ConversationId conversation, Seq after, int limit) = 0;
    /** The message @p seq if it belongs to @p conversation; nullopt otherwise (or on failure). */
    virtual std::optional<MessageRecord> message(ConversationId conversation, Seq seq) = 0;
    /** Up to @p limit messages with seq > since in conversations @p user is a member of, oldest first. */
    virtual QList<MessageRecord> messagesSince(UserId user, Seq since, int limit) = 0;
    /** Highest seq stored, 0 when empty. */
    virtual Seq lastSeq() = 0;
    virtual qint64 messageCount(qint64 sinceMs = 0) = 0;
    /**
     * Deletes messages older than @p beforeMs, and the audit rows of messages sent before then; returns how many
     * messages.
     */
    virtual qint64 deleteMessagesBefore(qint64 beforeMs) = 0;

    // --- recall and edit (schema 7)
    /** The stored message or record @p seq in its current state; nullopt if there is none. */
    virtual std::optional<MessageRecord> message(Seq seq) = 0;
    /** The Recall and Edit records that target @p seq, oldest first. */
    virtual QList<MessageRecord> actionsOn(Seq seq) = 0;
    /**
     * Copies message @p seq as it is to the audit table (action "recall", by @p actor at @p nowMs), then clears its
     * text and file and marks it recalled by @p actor (UserId(0): an administrator); the text of the Edit records
     * that target it is cleared too. Atomic; false on a database error or if there is no such message. The caller
     * appends the Recall record (appendMessage or MessagePoster) in the same transaction.
     */
    virtual bool recallMessage(Seq seq, UserId actor, qint64 nowMs) = 0;
    /**
     * Copies message @p seq's current text to the audit table (action "edit"), then sets its text to @p text and
     * its edited time to @p nowMs; the Edit records that target it carry @p text from then on. Atomic; false on a
     * database error or if there is no such message.
     */
    virtual bool editMessage(Seq seq, UserId actor, const QString& text, qint64 nowMs) = 0;
    /** True if a file message with this content was recalled in @p conversation (file_read answers `recalled`). */
    virtual bool fileRecalled(ConversationId conversation, const QByteArray& sha256) = 0;
    /**
     * Audit rows, oldest action first: of @p conversation (invalid: every conversation), made at or after
     * @p sinceMs, at most @p limit (0: all).
     */
    virtual QList<AuditEntry> audit(ConversationId conversation, qint64 sinceMs, int limit = 0) = 0;

    // --- search (schema 10)
    /**
     * Full-text search (docs/protocol.md 14) over the messages of the conversations @p requester is a member of
     * now (only @p request.conversation when it is valid): text messages by their current text, file messages by
     * their file name (only those when request.filesOnly); never recalled messages, system events or Recall/Edit
     * records. Filters sender, sinceMs/untilMs (ts, ms since epoch UTC), before (seq) as in the request; at most
     * request.limit hits (0: protocol::kDefaultSearchLimit; clamped to 1..protocol::kMaxSearchLimit), newest
     * (highest seq) first, each with its excerpt split into plain/matched pieces. SearchPage::more is true when
     * older hits may exist. The messages are as history() returns them (a reply's quote not filled in).
     *
     * The caller validates the request first (a non-blank query, until after since) and checks that
     * request.conversation exists and @p requester is a member (`not_found`/`forbidden`); here a query without a
     * letter, digit or ideograph, or a conversation the requester is not in, is simply an empty page.
     * nullopt on a database error, or when the index is off (see searchIndexEnabled()). Storage thread.
     */
    virtual std::optional<SearchPage> search(UserId requester, const SearchMessages& request) = 0;
    /**
     * True when the search index is kept (server config `search_index`, default true); when false no index is
     * maintained, search() returns nullopt and the relay does not announce the `search` feature.
     */
    virtual bool searchIndexEnabled() const = 0;

    // --- files
    virtual bool hasBlob(const QByteArray& sha256) = 0;
    /** Records a blob (size in bytes, created now); true also if it was already recorded. */
    virtual bool addBlob(const QByteArray& sha256, qint64 size) = 0;
    /** True if the record existed and was removed; file messages that refer to it then read as expired. */
    virtual bool removeBlob(const QByteArray& sha256) = 0;
    /** sha256 → size of every blob, with the time it was stored (ms UTC). */
    virtual QList<std::tuple<QByteArray, qint64, qint64>> blobs() = 0;
    virtual qint64 blobBytes() = 0;
    /** True if a file message with this content exists in the conversation. */
    virtual bool conversationHasFile(ConversationId conversation, const QByteArray& sha256) = 0;
    /**
     * True if @p user posted a file message with this content (in any conversation): the server then knows they
     * had its bytes (uploaded or proved, docs/protocol.md 10.2a) and lets them post it again without a proof.
     */
    virtual bool userPostedFile(UserId user, const QByteArray& sha256) = 0;
    /**
     * True if a file message with this content was posted in a conversation @p user is a member of now: only then
     * may the relay reveal that it holds the content (a proof-of-possession challenge, docs/protocol.md 10.2a).
     */
    virtual bool memberSeesFile(UserId user, const QByteArray& sha256) = 0;
    /** Creates an upload record; returns its id (invalid on failure). */
    virtual TransferId createUpload(const UploadRecord& upload) = 0;
    /** The pending upload of the same sender, conversation and sha256, for resume. */
    virtual std::optional<UploadRecord> findUpload(UserId sender, ConversationId conversation,
                                                   const QByteArray& sha256) = 0;
    virtual std::optional<UploadRecord> upload(TransferId id) = 0;
    virtual QList<UploadRecord> uploads() = 0;
    /** The unfinished uploads of @p sender, ordered by id. */
    virtual QList<UploadRecord> uploadsOf(UserId sender) = 0;
    /** Sum of the announced sizes of every unfinished upload, bytes (reserved against the store quota). */
    virtual qint64 uploadBytes() = 0;
    virtual bool deleteUpload(TransferId id) = 0;
};

} // namespace lanchat
