#pragma once

#include "filebubblepainter.h"

#include <QCache>
#include <QPixmap>
#include <QStyledItemDelegate>
#include <QUrl>
#include <QUuid>

class QTextDocument;

namespace lanchat {

class AvatarPixmaps;
class TextSelection;
class TransferManager;

/**
 * Paints one message of a MessagesModel row (client/modelroles.h) in a QListView, so a conversation of
 * 100,000 messages costs no widget per message: day separators, sender and time at the start of a group
 * of consecutive messages (same sender, less than 5 minutes apart), own messages right-aligned in a
 * coloured bubble, delivery state (sending / waiting / read receipt / "Not sent: reason · Retry" under the
 * bubble), file cards with
 * Download / Open / Show in folder, inline thumbnails of downloaded images, and clickable links.
 * Text heights are cached per (message, width). GUI thread only.
 */
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    /** @p transfers (may be null) tells which files are downloaded; it must outlive the delegate. */
    explicit MessageDelegate(TransferManager* transfers, QObject* parent = nullptr);
    ~MessageDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

    /** Drops cached sizes and thumbnails (font, language or width change). */
    void clearCaches();
    /** The open conversation is a group: a `forbidden` refusal then reads "not a member of this group". */
    void setGroupConversation(bool group) { m_group = group; }
    bool isGroupConversation() const { return m_group; }
    /**
     * The delivery line of an own message as shown: "Sending…", "Waiting to send…" (a transient failure
     * the client resends by itself), "Not sent: <reason>" (refused for good; "Retry" is drawn after it),
     * the read receipt (ReadReceiptLabel: "Read", "Sent", "N/M read"), or empty.
     */
    QString statusText(const QModelIndex& index) const;
    /** Where the "N/M read" link of @p index is (item coordinates); empty when it has none. */
    QRect readLabelRect(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    /**
     * Enter or a double-click on message @p index laid out in @p option: a file message does what its first link
     * offers (Download, Resume, Retry, Open, …), so the keyboard reaches every file action. False when the
     * message has no such action.
     */
    bool activate(const QStyleOptionViewItem& option, const QModelIndex& index);
    /**
     * Where the sender of @p index is drawn: the avatar and, on others' messages, the name before the time, at the
     * start of a group of messages (item coordinates); null on rows that show no sender (a continuation, a system
     * line). Clicking there opens the sender's profile card.
     */
    QRect senderRect(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    /** Where the text of a text message is drawn (selection hit-testing); null for other messages. */
    QRect textRect(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    /** The document a text message is drawn from, laid out by the caller at textRect()'s width. */
    void prepareDocument(QTextDocument& doc, const QModelIndex& index, const QFont& font) const;
    /** @p selection (may be null, not owned) highlights the part of a text the user selected. */
    void setTextSelection(const TextSelection* selection) { m_selection = selection; }
    /** @p avatars (may be null, not owned) gives senders' pictures; without it every sender shows initials. */
    void setAvatars(AvatarPixmaps* avatars) { m_avatars = avatars; }

Q_SIGNALS:
    void downloadRequested(const QModelIndex& index);
    void openRequested(const QString& localPath);
    void showInFolderRequested(const QString& localPath);
    void retryRequested(const QUuid& clientMsgId);
    void linkActivated(const QUrl& url);
    /** The "N/M read" label of @p index at @p labelRect (viewport coordinates) was clicked: list who has read it. */
    void readersRequested(const QModelIndex& index, const QRect& labelRect);
    /** The "Re-edit" link of the user's own recalled message was clicked. */
    void reEditRequested(const QModelIndex& index);
    /** The quote of reply @p index was clicked: show the original (ReplyController). */
    void quoteClicked(const QModelIndex& index);

private:
    struct Layout;
    Layout layoutFor(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    QString downloadedPath(const QModelIndex& index) const;
    /** Runs @p action on the file of @p index; false for Action::None. */
    bool fileAction(FileBubblePainter::Action action, const QModelIndex& index, const QString& path);
    const QPixmap* thumbnail(const QString& path) const;
    void paintFileCard(QPainter* painter, const Layout& layout, const QModelIndex& index,
                       const QStyleOptionViewItem& option) const;
    void paintStatus(QPainter* painter, const Layout& layout, const QModelIndex& index,
                     const QStyleOptionViewItem& option) const;

    TransferManager* m_transfers;
    AvatarPixmaps* m_avatars = nullptr;
    bool m_group = false;
    const TextSelection* m_selection = nullptr;
    mutable QCache<QString, QSize> m_textSizes;
    mutable QCache<QString, QPixmap> m_thumbnails;
};

} // namespace lanchat
