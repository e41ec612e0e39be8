#pragma once

#include "ids.h"
#include "messagerecord.h"
#include "messages/receiptmessages.h"

#include <QCborMap>
#include <QHash>
#include <QList>
#include <QObject>
#include <QUuid>

namespace lanchat {

class ContactsModel;
class FileTransferTracker;
class ConversationsModel;
class MessagesModel;
struct ConversationInfo;
struct UserInfo;

/**
 * The models of one session and the rules that keep them consistent: a stored message goes into its
 * conversation's MessagesModel (deduplicated), updates the conversation's preview, order and unread
 * count, and is announced when it is someone else's and unread; pushes (`message`, `presence`, `user`,
 * `conversation`, `conversation_removed`, `read_receipt`, `shutdown`) are applied here; a group the user was
 * removed from by someone else stays listed, read-only (ConversationsModel::markRemoved()). Owns every model;
 * MessagesModels are created on first use and live as long as this object (views may hold them).
 * Lives in the ChatClient's thread.
 */
class SessionModels : public QObject
{
    Q_OBJECT

public:
    explicit SessionModels(QObject* parent = nullptr);
    ~SessionModels() override;

    ContactsModel* contacts() const { return m_contacts; }
    ConversationsModel* conversations() const { return m_conversations; }
    /** The model of @p conversation, created empty on first use. */
    MessagesModel* messages(ConversationId conversation);
    /** The model of @p conversation if it exists, else nullptr. */
    MessagesModel* existingMessages(ConversationId conversation) const;

    UserId ownUser() const { return m_ownUser; }
    /** Sets the logged-in user; a different user than before empties every model first. */
    void setOwnUser(UserId user);
    /** Gives every MessagesModel, existing and future, @p tracker for its file rows (not owned). */
    void setFileTransfers(const FileTransferTracker* tracker);

    /** A stored message from a push or sync. Returns true unless it was a duplicate. */
    bool applyMessage(const MessageRecord& message);
    /** A `history` page of @p conversation; @p more false means the conversation's start was reached. */
    void applyHistory(ConversationId conversation, const QList<MessageRecord>& page, bool more);
    void applyUsers(const QList<UserInfo>& users);
    void applyConversations(const QList<ConversationInfo>& conversations);
    void applyConversation(const ConversationInfo& conversation);
    /** The user (@p user == ownUser(), from any device) or another member read @p conversation up to @p seq. */
    void applyRead(ConversationId conversation, UserId user, Seq seq);
    /** A `read_positions` reply: every member's position in @p conversation, the user's own included. */
    void applyReadPositions(ConversationId conversation, const QList<ReadPosition>& positions);
    /** Applies a push frame; returns false for a type it does not know (ignored, as the protocol requires). */
    bool applyPush(const QCborMap& push);

Q_SIGNALS:
    /** Someone else's message arrived that the user has not read. */
    void messageReceived(const lanchat::MessageRecord& message);
    /** A stored message carried the client_msg_id of one of our pending messages. */
    void ownMessageConfirmed(const QUuid& clientMsgId);
    /** A message or read receipt named a conversation the list does not hold yet. */
    void unknownConversation(lanchat::ConversationId conversation);
    void serverShuttingDown();

private:
    /** Preview and unread count of @p conversation recomputed from its MessagesModel. */
    void refresh(ConversationId conversation);
    bool applyMessagePush(const QCborMap& push);

    ContactsModel* m_contacts;
    ConversationsModel* m_conversations;
    QHash<ConversationId, MessagesModel*> m_messages;
    UserId m_ownUser;
    const FileTransferTracker* m_fileTransfers = nullptr;
};

} // namespace lanchat
