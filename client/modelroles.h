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
    ContactInitials,                  ///< QString, 1–2 characters for the avatar
    ContactSearchText,                ///< QString: username, display name and pinyin-free lowercase forms for filtering
    ContactPresenceKnown,             ///< bool: false while the client is not logged in (presence is not current)
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
    ConversationInitials,                    ///< QString for the avatar
    ConversationPeerPresenceKnown,           ///< bool, private only: false while the client is not logged in
    ConversationRemovedBy,                   ///< qint64: who removed the user from this group (history stays readable,
                                             ///< nothing can be sent); 0 while a member
    ConversationPinned = Qt::UserRole + 180, ///< bool: pinned to the top (ConversationListProxy only)
    ConversationDraft,                       ///< QString: the unsent draft, empty if none (ConversationListProxy only)
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
};

} // namespace roles

/** Delivery state of a message as the sender sees it. */
enum class DeliveryState
{
    Pending, ///< queued or sent, not yet acked
    Sent,    ///< acked: committed on the server
    Failed,  ///< refused by the server for good (error code kept); sent again only by an explicit retry
    Waiting, ///< not sent yet for a passing reason (offline, rate_limited, internal …); resent automatically
};

} // namespace lanchat
