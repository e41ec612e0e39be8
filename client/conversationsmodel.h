#pragma once

#include "conversationinfo.h"
#include "ids.h"
#include "messagerecord.h"

#include <QAbstractListModel>
#include <QList>

#include <optional>

namespace lanchat {

class ContactsModel;

/**
 * The user's conversations (roles::Conversation in modelroles.h), newest activity first: ordered by the
 * seq of the newest message (seq is a server-wide total order, so it orders activity without trusting
 * clocks), then newest conversation first. A new message moves its row up with beginMoveRows.
 * Unread = messages from others with seq above the user's read position. Private conversations take
 * title and presence from ContactsModel. Lives in the ChatClient's thread.
 */
class ConversationsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    /** @p contacts must outlive the model. */
    explicit ConversationsModel(const ContactsModel* contacts, QObject* parent = nullptr);
    ~ConversationsModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setOwnUser(UserId user);
    /**
     * Replaces the list (reply to `conversations`), keeping previews, unread counts and read positions of
     * known ones (a re-added member's read position starts again at 0 on the server) and the groups the
     * user was removed from.
     */
    void setConversations(const QList<ConversationInfo>& conversations);
    /** Inserts or updates one conversation (reply to open_private/group_create, `conversation` push). */
    void upsert(const ConversationInfo& conversation);
    void remove(ConversationId id);
    /**
     * The user was removed from group @p id by @p by (invalid: by an administrator with the server's admin
     * command): the row stays, its history readable, with ConversationRemoved and ConversationRemovedBy set,
     * until the group comes back (upsert(), setConversations(): re-added) or remove(). A list fetched later
     * without it keeps it too. @p dissolved: the owner @p by dissolved the group (no way back; ConversationDissolved).
     */
    void markRemoved(ConversationId id, UserId by, bool dissolved = false);
    /** True once the user was removed from group @p id and until re-added; false for unknown ids. */
    bool isRemoved(ConversationId id) const;
    /** Who removed the user from @p id; invalid while the user is a member, when an admin did, or unknown. */
    UserId removedBy(ConversationId id) const;
    void clear();

    /**
     * A stored message of @p message.conversation was added: updates preview, activity and order;
     * @p unread adds one to the unread count. Unknown conversations are ignored (returns false).
     */
    bool noteMessage(const MessageRecord& message, bool unread);
    /** @p message was recalled or edited: the preview follows when it is the newest message (never the old text). */
    void updateLast(const MessageRecord& message);
    /** The user's read position and the resulting unread count. */
    void setRead(ConversationId id, Seq readSeq, int unread);
    /** Whether an unread message of @p id mentions the user or everyone (ConversationMentioned). */
    void setMentioned(ConversationId id, bool mentioned);
    bool isMentioned(ConversationId id) const;

    std::optional<ConversationInfo> conversation(ConversationId id) const;
    QList<ConversationId> ids() const;
    int unread(ConversationId id) const;
    /** Sum of all unread counts (tray tooltip, window title). */
    int totalUnread() const;
    int rowOf(ConversationId id) const;
    /** What ConversationTitle shows for @p id (translated for the announcement channel); empty if unknown. */
    QString titleOf(ConversationId id) const;
    /** The other member of a private conversation, invalid for groups. */
    UserId peerOf(const ConversationInfo& conversation) const;
    /** The private conversation with @p user, invalid if none is known. */
    ConversationId privateWith(UserId user) const;

Q_SIGNALS:
    void totalUnreadChanged(int total);

private:
    struct Entry
    {
        ConversationInfo info;
        int unread = 0;
        MessageRecord last; ///< the newest message, its text cut to kPreviewChars (the preview is worded on paint)
        qint64 lastTimestampMs = 0;
        bool removed = false;   ///< the user was removed from this group and not re-added
        UserId removedBy;       ///< who removed them; invalid when an administrator did
        bool dissolved = false; ///< removed because its owner (removedBy) dissolved the group
        bool mentioned = false; ///< an unread message mentions the user (SessionModels derives it)
    };

    QString title(const Entry& entry) const;
    int sortedRow(const Entry& entry, int excludeRow) const;
    void place(int row);
    void onUserChanged(UserId user);
    void emitTotal();

    const ContactsModel* m_contacts;
    UserId m_ownUser;
    QList<Entry> m_entries;
    int m_lastTotal = 0;
};

} // namespace lanchat
