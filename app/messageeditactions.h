#pragma once

#include "ids.h"

#include <QObject>
#include <QPersistentModelIndex>

class QLabel;
class QMenu;
class QModelIndex;
class QWidget;

namespace lanchat {

class ChatClient;
class MessageInput;

/**
 * The recall and edit actions of the conversation view: the context menu entries "Recall" (own message within the
 * server's recall window, or any message of a group the user owns; no confirmation, as in WeChat), "Edit" (own text
 * message within the edit window) and "Re-edit" (own recalled text back into the input), and the editing mode: the
 * message's text in the input under a bar "Editing message · Esc to cancel"; Enter saves, Esc or the bar's
 * button cancels, switching conversations cancels. Failures come back through ChatClient::requestFailed (the main
 * window shows them). Owned by ConversationView; GUI thread only.
 */
class MessageEditActions : public QObject
{
    Q_OBJECT

public:
    /** @p input is the view's text box; the bar is created as a child of @p barParent (place it above the input). */
    MessageEditActions(ChatClient* client, MessageInput* input, QWidget* barParent, QObject* parent = nullptr);

    /** The "Editing message" bar, hidden while not editing. */
    QWidget* bar() const { return m_bar; }
    /** The conversation shown changed: any edit in progress is cancelled. */
    void setConversation(ConversationId conversation);
    /** Adds the entries that apply to the message at @p index to @p menu. */
    void addTo(QMenu& menu, const QModelIndex& index);
    /** Called with the input's text on Enter or Send: true if it saved an edit (then the caller sends nothing). */
    bool submit(const QString& text);
    bool isEditing() const { return m_editing.isValid(); }

    bool mayRecall(const QModelIndex& index) const;
    bool mayEdit(const QModelIndex& index) const;
    void recall(const QModelIndex& index);
    void startEdit(const QModelIndex& index);
    /** Puts the user's own recalled text back into the input (a new message, not an edit). */
    void reEdit(const QModelIndex& index);
    void cancelEdit();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslateUi();
    /** The message is stored, not recalled, and younger than @p windowSeconds. */
    static bool storedWithin(const QModelIndex& index, qint64 windowSeconds);
    /** Leaves the editing mode and gives the input back what it held before. */
    void endEdit();

    ChatClient* m_client;
    MessageInput* m_input;
    ConversationId m_conversation;
    QPersistentModelIndex m_editing;
    QString m_draftBeforeEdit; // what the input held when the edit began; back in the input when it ends
    QWidget* m_bar;
    QLabel* m_barLabel;
    QWidget* m_cancelButton;
};

} // namespace lanchat
