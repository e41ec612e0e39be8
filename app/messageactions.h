#pragma once

#include "errorcode.h"
#include "forwarddialog.h"
#include "ids.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QUuid>

class QListView;
class QMenu;
class QModelIndex;
class QWidget;

namespace lanchat {

class ChatClient;

/**
 * The message list's context-menu entries beyond Copy: "Forward…" for the selected messages (or the one
 * right-clicked when it is not selected), which asks for the target in a ForwardDialog and sends `forward`;
 * failures are said in a message box in the user's language; success is confirmed briefly beside the list. Text
 * and file messages that are stored on the server (not pending, not an expired file) can be forwarded, at most 50
 * at a time, in the order they were sent. GUI thread only.
 */
class MessageActions : public QObject
{
    Q_OBJECT

public:
    /** @p client and @p list must outlive this object (make it a child of the list's window). */
    MessageActions(ChatClient* client, QListView* list, QObject* parent = nullptr);

    /** Adds the entries that apply to the menu opened on @p clicked. */
    void addTo(QMenu& menu, const QModelIndex& clicked);
    /** Asks for a target and forwards the selected messages (the ones addTo() offered). */
    void forwardSelection();
    /** The dialog asking for the target while it is open (tests), else null. */
    ForwardDialog* dialog() const { return m_dialog; }

private:
    /** seqs of the messages "Forward…" would send, oldest first. */
    QList<Seq> forwardableSelection() const;
    void onForwarded(const QUuid& request, ConversationId target);
    void onFailed(const QString& request, ErrorCode code);
    static QString failureText(ErrorCode code);
    void showFailure(const QString& text);

    ChatClient* m_client;
    QListView* m_list;
    QPointer<ForwardDialog> m_dialog;
    QUuid m_pending;
    QString m_pendingTitle;
};

} // namespace lanchat
