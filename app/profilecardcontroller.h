#pragma once

#include "ids.h"
#include "profilecard.h"

#include <QObject>
#include <QPointer>

class QPoint;
class QWidget;

namespace lanchat {

class ChatClient;

/**
 * Opens profile cards (ProfileCard) for the main window, one at a time, and carries out what they ask: "Send message"
 * opens (creating on the server if needed) the private chat and tells chatOpened() when it is there, as a double click
 * in the contacts does; "Edit my profile…" opens the ProfileDialog. GUI thread.
 */
class ProfileCardController : public QObject
{
    Q_OBJECT

public:
    /** @p client must outlive the controller; @p window parents the profile dialog and, by default, the cards. */
    ProfileCardController(ChatClient* client, QWidget* window);

    /**
     * Shows the card of @p user near @p globalPos (a null point: at the mouse pointer), over the window of
     * @p anchor (null: the main window), replacing a card still open. Invalid @p user: nothing.
     */
    void show(lanchat::UserId user, const QPoint& globalPos = {}, QWidget* anchor = nullptr);
    /** The card shown now, or null. */
    ProfileCard* card() const { return m_card; }
    /** Opens the dialog that edits the user's own profile (also the LanChat menu's "Edit my profile…"). */
    void editProfile();

Q_SIGNALS:
    /** "Send message" was chosen on the card of @p user (the dialog the card was opened from may close). */
    void chatRequested(lanchat::UserId user);
    /** The private chat asked for with "Send message" is open: show it and put the cursor into its input. */
    void chatOpened(lanchat::ConversationId conversation);

private:
    ChatClient* m_client;
    QWidget* m_window;
    QPointer<ProfileCard> m_card;
    UserId m_pendingChat;
};

} // namespace lanchat
