#pragma once

#include "ids.h"

#include <QObject>
#include <QPointer>

class QAbstractItemDelegate;
class QListView;
class QToolButton;

namespace lanchat {

class ChatClient;
class MessagesModel;
class UnreadDividerDelegate;

/**
 * Where a conversation opens and how the user gets around in it. When the conversation had unread messages on
 * opening, a "New messages" line (UnreadDividerDelegate) marks the first one until the conversation is left,
 * and the view is scrolled so that line is at the top (the view stays at the bottom when everything fits),
 * loading history page by page first when that message is not loaded yet. A floating "↑ N new messages" button
 * at the top jumps back there (loading history as needed) whenever the line is above the visible part, and a
 * floating "↓" button at the bottom jumps to the newest message whenever the view is not at the bottom.
 *
 * Installs UnreadDividerDelegate (wrapping @p messages) as the list's delegate. GUI thread only.
 */
class UnreadJumper : public QObject
{
    Q_OBJECT

public:
    /** @p client, @p list and @p messages must outlive this. */
    UnreadJumper(ChatClient* client, QListView* list, QAbstractItemDelegate* messages, QObject* parent = nullptr);
    ~UnreadJumper() override;

    /**
     * A conversation was opened in the list with @p model: @p readSeq is the user's read position then and
     * @p unread the number of unread messages (0: no line, no jump). Call before the list is first scrolled.
     */
    void open(ConversationId conversation, MessagesModel* model, Seq readSeq, int unread);
    /** True while the view is on its way to the line (history loading, rows not laid out yet). */
    bool isPositionPending() const { return m_pending; }
    /** The user went to another message (a search hit): the view stops moving to the line by itself. */
    void cancelPosition() { m_pending = false; }
    /** Scrolls to the line now if it is loaded and laid out; otherwise when it is (emits positioned()). */
    void jumpToFirstUnread();
    /**
     * The list's scroll range changed (rows laid out): scrolls to the line if that is still to do. Called by the
     * view after its own handling (keeping the visible message in place when history was inserted above).
     */
    void onRangeChanged();
    /** The message the line is above; 0 while it is not known (not loaded) or when there is no line. */
    Seq dividerSeq() const;
    /** The unread count when the conversation was opened. */
    int unreadAtOpen() const { return m_unread; }

    QToolButton* firstUnreadButton() const { return m_upButton; }
    QToolButton* bottomButton() const { return m_downButton; }

Q_SIGNALS:
    /** The view was scrolled to the line (it stays at the bottom if the rest fits below it). */
    void positioned();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslateUi();
    /** Finds the first unread message once history reaches back to it, else asks for the next older page. */
    void locateDivider();
    void tryPosition();
    void updateButtons();
    void placeButtons();
    void onRowsInserted(int first);

    ChatClient* m_client;
    QListView* m_list;
    UnreadDividerDelegate* m_divider;
    QToolButton* m_upButton;
    QToolButton* m_downButton;
    ConversationId m_conversation;
    QPointer<MessagesModel> m_model;
    Seq m_readSeq = 0;
    int m_unread = 0;
    bool m_pending = false;
};

} // namespace lanchat
