#pragma once

#include "ids.h"

#include <QObject>
#include <QPersistentModelIndex>
#include <QPointer>

class QListView;
class QMenu;
class QTimer;

namespace lanchat {

class ChatClient;
class MessageDelegate;
class MessageInput;
class MessagesModel;
class ReplyBar;

/**
 * Replies in the open conversation: the "Reply" entry of a message's context menu (and Ctrl+R on the selected
 * message) shows the ReplyBar above the input; the next message sent answers that message (takeReplyTo()); Esc or
 * × cancels. Clicking a reply's quote (MessageDelegate::quoteClicked) scrolls to the original and highlights it
 * briefly, loading the history around it first when it is not loaded (ChatClient::loadAround()); while the model
 * then has a gap (MessagesModel::gapAfter()), scrolling down to it loads the newer pages until it joins the live
 * tail. Offered only when the server announced replies. GUI thread.
 */
class ReplyController : public QObject
{
    Q_OBJECT

public:
    /** All must outlive the controller; the bar is made as a child of @p barParent. */
    ReplyController(ChatClient* client, QListView* list, MessageInput* input, MessageDelegate* delegate,
                    QWidget* barParent);

    /** The bar to put above the input. */
    ReplyBar* bar() const { return m_bar; }
    /** Another conversation is shown (@p model may be null): a reply in progress is cancelled. */
    void setConversation(ConversationId conversation, MessagesModel* model);
    /** Adds "Reply" to the context menu of message @p index when it can be answered. */
    void addActions(QMenu& menu, const QModelIndex& index);
    /** Starts a reply to message @p index (shows the bar, focuses the input). */
    void startReply(const QModelIndex& index);
    /** Cancels the reply in progress, if any. */
    void cancel();
    /** The seq the message being sent answers (0: none); ends the reply. */
    Seq takeReplyTo();
    /** Scrolls to message @p seq of the open conversation and highlights it, loading it first when needed. */
    void jumpTo(Seq seq);

protected:
    /** Esc in the input while replying cancels; Ctrl+R in the list answers the current message. */
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool canReply(const QModelIndex& index) const;
    void onMessageLoaded(ConversationId conversation, Seq seq);
    void reveal(Seq seq);
    void loadNewerIfNearGap();

    ChatClient* m_client;
    QListView* m_list;
    MessageInput* m_input;
    ReplyBar* m_bar;
    QTimer* m_highlightEnd;
    ConversationId m_conversation;
    QPointer<MessagesModel> m_model;
    Seq m_replyTo = 0;
    Seq m_jumpTarget = 0;
};

} // namespace lanchat
