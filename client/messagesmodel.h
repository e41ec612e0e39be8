#pragma once

#include "errorcode.h"
#include "ids.h"
#include "messagerecord.h"
#include "modelroles.h"
#include "readreceipts.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QUuid>

namespace lanchat {

class FileTransferTracker;
class ContactsModel;

/**
 * The messages of one conversation (roles::Message in modelroles.h), row 0 the oldest loaded. Stored
 * messages come first in seq order; the user's own pending, waiting and failed messages follow at the bottom in
 * send order until their ack moves them into seq order. Duplicates (the same message from sync, push,
 * history and an ack) are dropped by seq and client_msg_id.
 *
 * Rows are plain structs in one QList (no QObject per row): appending and seq-ordered insertion are
 * O(log n) to find plus a memmove, prependOlder() inserts a whole history page with one beginInsertRows
 * at row 0, so 100,000 rows stay fast.
 *
 * Jumping to a message that is not loaded (a reply's quote) loads a window around it (applyWindow()). When that
 * window does not reach what is held, the model holds two runs of messages with one gap between them: gapAfter()
 * is the newest seq below the gap, and applyNewer() fills it page by page until the window joins the live tail.
 * A second jump while a gap exists drops the older run first, so there is never more than one gap.
 * Owned by ChatClient; lives in its thread.
 */
class MessagesModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(bool atStart READ atStart NOTIFY atStartChanged)

public:
    /** What addMessage() did with a stored message. */
    enum class AddResult
    {
        Added,     ///< a new row
        Confirmed, ///< it matched one of our pending rows (by client_msg_id), now Sent
        Duplicate, ///< already held: nothing changed
    };

    /** @p contacts (for sender names) must outlive the model. */
    MessagesModel(ConversationId conversation, const ContactsModel* contacts, QObject* parent = nullptr);
    ~MessagesModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    ConversationId conversation() const { return m_conversation; }
    /**
     * The conversation is the announcement channel: its system messages are the administrator's notices
     * (MessageIsAnnouncement) and count as unread in countFromOthersAfter().
     */
    void setAnnouncementChannel(bool announcements);
    /** The logged-in user: decides MessageIsOwn and whose read receipts count. */
    void setOwnUser(UserId user);

    /** Adds a stored message (push, sync or history) at its seq position. Recall and Edit records: applyAction(). */
    AddResult addMessage(const MessageRecord& message);
    /**
     * Applies a Recall or Edit record to the message it targets: a recall empties its text and file and sets
     * MessageRecalled; an edit sets the text and MessageEditedTime (ignored on a recalled message, and when it is not
     * newer than the edit already shown). Returns the changed message, or nullptr when it is not loaded (history
     * brings it in its current state) or nothing changed.
     */
    const MessageRecord* applyAction(const MessageRecord& action);
    /**
     * Adds a history page (any order) older than everything held with one beginInsertRows at row 0;
     * messages that are not older go through addMessage(). Returns how many rows were added.
     */
    int prependOlder(QList<MessageRecord> page);

    /**
     * Appends the user's own message as Pending, at the bottom; @p localTimeMs ms since epoch, UTC. A reply carries
     * @p quote (quoteOf() of the original) until the server's copy replaces it.
     */
    void appendPending(const QUuid& clientMsgId, const QString& text, qint64 localTimeMs,
                       const std::optional<ReplyQuote>& quote = std::nullopt);
    /**
     * The quote a reply to the stored message @p seq shows, built from the row; a quote of @p seq alone (not
     * available) when that message is not loaded.
     */
    ReplyQuote quoteOf(Seq seq) const;

    /**
     * Merges a history page `around` a message that is not loaded (any order): the older run held below a gap
     * is dropped first; the page joins what is held when it reaches it or nothing newer exists (!@p moreAfter),
     * else a gap stays above it. atStart() becomes !@p moreBefore.
     */
    void applyWindow(QList<MessageRecord> page, bool moreBefore, bool moreAfter);
    /** Merges a page of history `after` gapAfter() (any order); the gap closes when the page reaches the next run. */
    void applyNewer(QList<MessageRecord> page, bool moreAfter);
    /** Newest seq below the gap of not-loaded messages; 0 when what is held is one run up to the live tail. */
    Seq gapAfter() const { return m_gapAfter; }
    /** True while a loadNewer request is in flight. */
    bool isLoadingNewer() const { return m_loadingNewer; }
    void setLoadingNewer(bool loading) { m_loadingNewer = loading; }
    /** Appends the user's own file message as Pending while its upload runs (FileTransferTracker). */
    void appendPendingFile(const QUuid& clientMsgId, const FileRef& file, qint64 localTimeMs);
    /** Removes a pending row (its upload was cancelled); nothing if it is stored or unknown. */
    void removePending(const QUuid& clientMsgId);
    /** Where file bytes are comes from @p tracker (not owned; may be null: then the roles read empty). */
    void setFileTransfers(const FileTransferTracker* tracker) { m_fileTransfers = tracker; }
    /** A transfer changed: the MessageFileTransfer* roles of every file row may read differently. */
    void refreshFileStates();
    /** The ack of a pending message: state Sent, seq and server time set, row moved to its seq place. */
    void markSent(const QUuid& clientMsgId, Seq seq, qint64 timestampMs);
    /** The server refused a pending message for good (@p code is kept); it stays at the bottom, retryable. */
    void markFailed(const QUuid& clientMsgId, ErrorCode code);
    /** A pending message is not delivered yet for the transient reason @p code; the client resends it itself. */
    void markWaiting(const QUuid& clientMsgId, ErrorCode code);
    /** A failed or waiting message is being sent (again). */
    void markPending(const QUuid& clientMsgId);
    /** Removes every row (another user logged in). */
    void clear();

    /**
     * A member (another one, or the user on another device) has read up to @p seq; positions only move forwards.
     * Updates MessageReadCount and the reader roles.
     */
    void setReadPosition(UserId user, Seq seq);
    /** The conversation's current members (the user included): who counts in MessageReadTotal and the names. */
    void setMembers(const QList<UserId>& members);
    /** Messages from others with seq > @p readSeq (the unread count); announcement channel: notices too. */
    int countFromOthersAfter(Seq readSeq) const;
    /** True if a stored message from someone else with seq > @p readSeq mentions the user or everyone. */
    bool mentionsOwnUserAfter(Seq readSeq) const;

    /** Newest stored seq, 0 if none. */
    Seq newestSeq() const;
    /** Oldest stored seq, 0 if none. */
    Seq oldestSeq() const;
    /** The newest stored message, or nullptr. */
    const MessageRecord* newestMessage() const;
    /** Stored rows (pending excluded). */
    int storedCount() const { return m_stored; }
    /** Row of a stored message, -1 if absent. */
    int rowOfSeq(Seq seq) const;
    /** Row of a message by client_msg_id (pending or stored), -1 if absent. */
    int rowOfClientId(const QUuid& clientMsgId) const;

    /** True when history paging reached the first message of the conversation. */
    bool atStart() const { return m_atStart; }
    void setAtStart(bool atStart);
    /** True while a loadOlder request is in flight (ChatClient sends at most one at a time). */
    bool isLoadingOlder() const { return m_loadingOlder; }
    void setLoadingOlder(bool loading) { m_loadingOlder = loading; }

    /**
     * Text of a message in the current UI language: its text, "[File] name", or the line of a system
     * message's event (SystemEventText, names from @p contacts, which may be null); a system message
     * without an event (older servers, admin broadcasts) keeps its text; a recalled message reads as RecallText's
     * line ("You recalled a message" when @p ownUser recalled it).
     */
    static QString displayText(const MessageRecord& message, const ContactsModel* contacts, UserId ownUser = {});

Q_SIGNALS:
    void atStartChanged(bool atStart);
    /** gapAfter() changed: 0 once a jumped-to window joined the live tail. */
    void gapChanged(lanchat::Seq gapAfter);

private:
    struct Row
    {
        MessageRecord message;
        DeliveryState state = DeliveryState::Sent;
        ErrorCode error = ErrorCode::Unknown;
        QString reEditText; // the user's own recalled text, kept in memory only for "Re-edit"
    };

    /** First stored row with seq >= @p seq. */
    int lowerBound(Seq seq) const;
    int pendingRow(const QUuid& clientMsgId) const;
    QStringList namesOf(const QList<UserId>& users) const;
    void receiptsChanged();
    void changed(int row);
    void onSenderChanged(UserId user);
    QVariant replyData(const MessageRecord& message, int role) const;
    void setGapAfter(Seq seq);

    ConversationId m_conversation;
    const ContactsModel* m_contacts;
    UserId m_ownUser;
    QList<Row> m_rows;
    int m_stored = 0; // rows [0, m_stored) are stored, ascending seq; the rest are pending/failed
    ReadReceipts m_receipts;
    bool m_atStart = false;
    bool m_announcementChannel = false;
    const FileTransferTracker* m_fileTransfers = nullptr;
    bool m_loadingOlder = false;
    bool m_loadingNewer = false;
    Seq m_gapAfter = 0;
};

} // namespace lanchat
