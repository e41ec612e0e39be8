#pragma once

#include "ids.h"

#include <QWidget>

#include <functional>

class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;

namespace lanchat {

class ChatClient;
class ConversationListDelegate;

/**
 * The left side of the main window: a search box, the conversation list (ConversationListDelegate,
 * newest activity first, as the model orders it) and the contacts list with presence, and the buttons
 * "New chat" and "New group". The search filters both lists (title, user name, display name).
 */
class Sidebar : public QWidget
{
    Q_OBJECT

public:
    explicit Sidebar(ChatClient* client, QWidget* parent = nullptr);

    QListView* conversationList() const { return m_conversations; }
    QListView* contactList() const { return m_contacts; }
    /** Selects the row of @p conversation in the list (without emitting conversationActivated()). */
    void selectConversation(ConversationId conversation);
    /** Shows the contacts tab with the search box focused (the "New chat" action). */
    void showContacts();
    /** Tells the conversation list which conversations are muted (drawn greyed, no bold count). */
    void setMutedLookup(std::function<bool(ConversationId)> isMuted);

Q_SIGNALS:
    void conversationActivated(lanchat::ConversationId conversation);
    void contactActivated(lanchat::UserId user);
    void newGroupRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    ChatClient* m_client;
    QLineEdit* m_search = nullptr;
    QTabWidget* m_tabs = nullptr;
    QListView* m_conversations = nullptr;
    QListView* m_contacts = nullptr;
    ConversationListDelegate* m_conversationDelegate = nullptr;
    QSortFilterProxyModel* m_conversationFilter = nullptr;
    QSortFilterProxyModel* m_contactFilter = nullptr;
    QPushButton* m_newChat = nullptr;
    QPushButton* m_newGroup = nullptr;
};

} // namespace lanchat
