#pragma once

#include <Qt>

namespace lanchat {

/**
 * Item data roles of the client's models: the contract between client/ and app/ delegates.
 * Qt::DisplayRole is always a sensible one-line text.
 */
namespace roles {

/** ContactsModel: one row per user (the current user included), sorted online first, then by display name. */
enum Contact
{
    ContactUserId = Qt::UserRole + 1, ///< qint64
    ContactUsername,                  ///< QString
    ContactDisplayName,               ///< QString
    ContactOnline,                    ///< bool; false while presence is unknown (see ContactPresenceKnown)
    ContactPresenceKnown,             ///< bool: false while the client is not logged in (presence is not current)
    ContactStatus,     ///< QString: "online", "away", "busy", "dnd" or "offline" (also while presence is unknown)
    ContactStatusText, ///< QString: the user's status text (protocol.md 16), shown offline too; may be empty
    ContactDepartment = Qt::UserRole + 40, ///< qint64: the user's department (protocol.md 18); 0: none
    ContactTitle,                          ///< QString: the user's job title; empty: none
    ContactAvatar,                         ///< QByteArray: SHA-256 of the avatar picture (AvatarCache); empty = none
    ContactSignature,                      ///< QString: the one-line signature; empty = none
};

/** DirectoryModel: the department tree (protocol.md 18), children under their parent, siblings by name. */
enum Department
{
    DepartmentId = Qt::UserRole + 60, ///< qint64
    DepartmentName,                   ///< QString (also Qt::DisplayRole)
    DepartmentManagerId,              ///< qint64; 0: no manager
    DepartmentMembers,                ///< qint64: people placed directly in it
    DepartmentTotal,                  ///< qint64: people in it and every department below it
};

/** ConversationsModel: one row per conversation, newest activity first. */
enum Conversation
{
    ConversationId = Qt::UserRole + 100,     ///< qint64
    ConversationIsGroup,                     ///< bool
    ConversationTitle,                       ///< QString: group name, or the peer's display name
    ConversationPeerId,                      ///< qint64, private only
    ConversationPeerOnline,                  ///< bool, private only; false while presence is unknown
    ConversationLastText,                    ///< QString preview of the newest message ("[File] name" for files)
    ConversationLastActivity,                ///< QDateTime (local time) of the newest message
    ConversationUnread,                      ///< int
    ConversationMembers,                     ///< QList<qint64>
    ConversationOwnerId,                     ///< qint64, groups only
    ConversationPeerPresenceKnown,           ///< bool, private only: false while the client is not logged in
    ConversationRemovedBy,                   ///< qint64: who removed the user from this group (history stays readable,
                                             ///< nothing can be sent); 0 while a member or when an administrator did
    ConversationRemoved,                     ///< bool: the user was removed from this group (by a member or an admin)
    ConversationIsAnnouncements,             ///< bool: the server's announcement channel (read-only: only the
                                             ///< administrator posts; its notices count as unread and notify)
    ConversationAdminIds,                    ///< QList<qint64>: the group's admins (not the owner), groups only
    ConversationDissolved,                   ///< bool: the group's owner (ConversationRemovedBy) dissolved it; with
                                             ///< ConversationRemoved, the history stays readable
    ConversationPinned = Qt::UserRole + 180, ///< bool: pinned to the top (ConversationListProxy only)
    ConversationDraft,                       ///< QString: the unsent draft, empty if none (ConversationListProxy only)
    ConversationMentioned = Qt::UserRole + 190,  ///< bool: an unread message mentions the user or everyone (until read)
    ConversationPeerStatus = Qt::UserRole + 192, ///< QString, private only: the peer's ContactsModel::statusOf()
    ConversationPeerAvatar,                      ///< QByteArray, private only: SHA-256 of the peer's avatar picture
                                                 ///< (AvatarCache); empty = none (the initials are shown)
};

/** MessagesModel: one row per message of one conversation, oldest first (row 0 is the oldest loaded). */
enum Message
{
    MessageSeq = Qt::UserRole + 200, ///< qint64, 0 while pending
    MessageSenderId,                 ///< qint64
    MessageSenderName,               ///< QString display name
    MessageTimestamp,                ///< QDateTime (local time); local send time while pending
    MessageText,                     ///< QString
    MessageKind,                     ///< int: lanchat::MessageKind
    MessageIsOwn,                    ///< bool
    MessageDeliveryState,            ///< int: lanchat::DeliveryState
    MessageClientId,                 ///< QUuid
    MessageFileName,                 ///< QString, file messages
    MessageFileSize,                 ///< qint64 bytes, file messages
    MessageFileSha256,               ///< QByteArray (32 raw bytes), file messages
    MessageFileExpired,              ///< bool
    MessageReadCount,                ///< int: how many other members have read it (read receipts)
    MessageDeliveryError,            ///< int: lanchat::ErrorCode why it is Failed or Waiting, else ErrorCode::Unknown
    MessageIsAnnouncement,           ///< bool: a notice the administrator posted in the announcement channel
    MessageFileTransferState,    ///< int: lanchat::FileTransferState of a file message's bytes, as this user sees it
    MessageFileTransferProgress, ///< int 0..100: percent of the upload or download while it is not finished
    MessageFileTransferError,    ///< QString error code when FileTransferState::Failed (ErrorText translates it)
    MessageFileTransferKey,      ///< int: TransferManager row key of the transfer (pause, resume, retry), -1 none
    MessageReadTotal = Qt::UserRole + 290, ///< int: the members other than the sender (M of "N/M read"); 0 unknown
    MessageReaderNames,                    ///< QStringList: display names of the other members who have read it
    MessageNonReaderNames,                 ///< QStringList: display names of the other members who have not
    MessageRecalled = Qt::UserRole + 260,  ///< bool: the message was recalled (text and file gone; shown as a line)
    MessageRecalledBy,                     ///< qint64: who recalled it (0: an administrator); -1 when not recalled
    MessageEditedTime,                     ///< QDateTime (local time) of the latest edit; invalid when never edited
    MessageReEditText, ///< QString: the text of the user's own text message they recalled while this model held it
                       ///< ("Re-edit" puts it back into the input); empty otherwise. Never stored, never sent.
    MessageMentionsMe = Qt::UserRole + 280,   ///< bool: someone else's message mentions the user or everyone
    MessageMentionIds,                        ///< QList<qint64>: the ids it mentions (as the server kept them)
    MessageMentionAll,                        ///< bool: it mentions everyone (@all, from the group's owner)
    MessageMentionNames,                      ///< QStringList: display names of the mentioned users (highlighted)
    MessageMentionOwnName,                    ///< QString: the user's own display name if it mentions them by id
    MessageReplySeq = Qt::UserRole + 270,     ///< qint64: seq of the message this one answers, 0 when it is no reply
    MessageReplyState,                        ///< int: lanchat::ReplyQuoteState of the quote
    MessageReplySenderId,                     ///< qint64: the original's sender (0 unless ReplyQuoteState::Shown)
    MessageReplySenderName,                   ///< QString: the original's sender's display name ("System" for notices)
    MessageReplyText,                         ///< QString: one line: the excerpt, or "[File] name"; empty unless Shown
    MessageSenderAvatar = Qt::UserRole + 300, ///< QByteArray: SHA-256 of the sender's avatar picture
                                              ///< (AvatarCache); empty = none (the initials are shown)
};

/** SearchResultsModel: one row per search hit, newest first, in the order the server sent the pages. */
enum SearchHit
{
    SearchHitSeq = Qt::UserRole + 400, ///< qint64: the message's seq (open it with ChatClient::loadAround())
    SearchHitConversationId,           ///< qint64
    SearchHitConversationTitle,        ///< QString: group name, or the peer's display name
    SearchHitSenderId,                 ///< qint64
    SearchHitSenderName,               ///< QString display name
    SearchHitTimestamp,                ///< QDateTime (local time) of the message
    SearchHitKind,                     ///< int: lanchat::MessageKind (Text or File)
    SearchHitSnippet,                  ///< QStringList: excerpt pieces; odd indexes are the matched parts
    SearchHitFileName,                 ///< QString, file hits; empty otherwise
};

} // namespace roles

/**
 * Where the bytes of a file message are, for the chat bubble (FileTransferTracker). The sender's side: Queued,
 * Preparing (hashing), Uploading, Paused, Failed, then Sent. The receiver's side: NotDownloaded, Queued,
 * Downloading, Paused, Failed, Downloaded.
 */
enum class FileTransferState
{
    NotDownloaded, ///< receiver: nothing local yet ("Download")
    Queued,        ///< waiting for a free transfer slot
    Preparing,     ///< sender: hashing the file before the offer
    Uploading,     ///< sender: bytes going up (MessageFileTransferProgress)
    Downloading,   ///< receiver: bytes coming down (MessageFileTransferProgress)
    Paused,        ///< stopped by the user; resumes where it stopped
    Failed,        ///< stopped by an error (MessageFileTransferError); retry resumes where possible
    Sent,          ///< sender: the file message is stored on the server
    Downloaded,    ///< receiver: the file is on this computer (open, show in folder)
};

/** What the quote of a reply can show of the message it answers (MessageReplyState). */
enum class ReplyQuoteState
{
    None,     ///< the message is no reply
    Shown,    ///< sender and excerpt are known
    Recalled, ///< the original was recalled: show "recalled message", nothing of its content
    Removed,  ///< the original is gone (retention) or not known yet: show that it is unavailable
};

/** Delivery state of a message as the sender sees it. */
enum class DeliveryState
{
    Pending, ///< queued or sent, not yet acked
    Sent,    ///< acked: committed on the server
    Failed,  ///< refused by the server for good (error code kept); sent again only by an explicit retry
    Waiting, ///< not sent yet for a passing reason (offline, rate_limited, internal …); resent automatically
};

} // namespace lanchat
