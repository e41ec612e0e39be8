#pragma once

#include "ids.h"

#include <QWidget>

#include <functional>

class QLineEdit;
class QListView;
class QPoint;
class QPushButton;
class QTabWidget;

namespace lanchat {

class ChatClient;
class ConversationListDelegate;
class ContactFilterProxy;
class ConversationListProxy;
class OrganisationPage;
class ProfileLink;

/**
 * The left side of the main window: a search box, the conversation list (ConversationListDelegate,
 * pinned conversations first, then newest activity first, through ConversationListProxy; its context menu pins
 * and unpins, and shows a private chat's peer's profile) and the contacts list with presence (a click on an avatar,
 * Ctrl+I or the context menu shows the profile card; ProfileLink), and the buttons
 * "New chat" and "New group". The search filters both lists (title, user name, display name; by letters or pinyin).
 */
class Sidebar : public QWidget
{
    Q_OBJECT

public:
    explicit Sidebar(ChatClient* client, QWidget* parent = nullptr);

    QListView* conversationList() const { return m_conversations; }
    QListView* contactList() const { return m_contacts; }
    /**
     * The "Organisation" tab (shown only on a server with the directory). Its profileRequested(UserId) is the hook
     * for the profile card.
     */
    OrganisationPage* organisationPage() const { return m_organisation; }
    /** Shows the organisation tab (when the server has a directory). */
    void showOrganisation();
    /**
     * Selects the row of @p conversation, the one open in the chat view, in the list (without emitting
     * conversationActivated()); its row shows the last message rather than the draft being typed there.
     */
    void selectConversation(ConversationId conversation);
    /** Shows the contacts tab with the search box focused (the "New chat" action). */
    void showContacts();
    /** Tells the conversation list which conversations are muted (drawn greyed, no bold count). */
    void setMutedLookup(std::function<bool(ConversationId)> isMuted);
    /** Puts @p header (the own status button) above the search field; the sidebar takes ownership. */
    void setHeader(QWidget* header);

Q_SIGNALS:
    void conversationActivated(lanchat::ConversationId conversation);
    void contactActivated(lanchat::UserId user);
    void newGroupRequested();
    /**
     * Show the profile card of @p user near @p globalPos: a click on a contact's avatar, "View profile" (Ctrl+I) in
     * the contacts, the organisation's people and a private chat's context menu.
     */
    void profileRequested(lanchat::UserId user, const QPoint& globalPos);
    /** "Search messages for …" under the lists: search the messages for @p text (the search panel). */
    void messageSearchRequested(const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void refreshMessageSearch();
    void refreshOrganisationTab();
    /** The context menu of a conversation: pin to the top, or unpin. */
    void onConversationMenu(const QPoint& pos);
    /** The context menu of a contact: send a message, view the profile. */
    void onContactMenu(const QPoint& pos);

    QPushButton* m_searchMessages = nullptr;
    ChatClient* m_client;
    QLineEdit* m_search = nullptr;
    QTabWidget* m_tabs = nullptr;
    QListView* m_conversations = nullptr;
    QListView* m_contacts = nullptr;
    OrganisationPage* m_organisation = nullptr;
    ConversationListDelegate* m_conversationDelegate = nullptr;
    ConversationListProxy* m_conversationFilter = nullptr;
    ContactFilterProxy* m_contactFilter = nullptr;
    ProfileLink* m_conversationProfiles = nullptr;
    ProfileLink* m_contactProfiles = nullptr;
    QPushButton* m_newChat = nullptr;
    QPushButton* m_newGroup = nullptr;
};

} // namespace lanchat
