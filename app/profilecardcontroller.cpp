#include "profilecardcontroller.h"

#include "chatclient.h"
#include "conversationsmodel.h"
#include "profilecard.h"
#include "profiledialog.h"

#include <QCursor>
#include <QWidget>

namespace lanchat {

ProfileCardController::ProfileCardController(ChatClient* client, QWidget* window)
    : QObject(window)
    , m_client(client)
    , m_window(window)
{
    connect(m_client, &ChatClient::conversationOpened, this, [this](ConversationId conversation) {
        // Only the chat the card asked for: a group created meanwhile is no answer to "Send message".
        if (!m_pendingChat.isValid())
            return;
        const auto info = m_client->conversations()->conversation(conversation);
        if (!info || info->kind != ConversationKind::Private || !info->members.contains(m_pendingChat))
            return;
        m_pendingChat = {};
        Q_EMIT chatOpened(conversation);
    });
}

void ProfileCardController::show(UserId user, const QPoint& globalPos, QWidget* anchor)
{
    if (!user.isValid())
        return;
    if (m_card)
        m_card->close();
    QWidget* over = anchor ? anchor->window() : m_window;
    m_card = new ProfileCard(m_client, user, over);
    connect(m_card, &ProfileCard::messageRequested, this, [this](UserId peer) {
        m_pendingChat = peer;
        Q_EMIT chatRequested(peer);
        m_client->openPrivate(peer);
    });
    connect(m_card, &ProfileCard::editProfileRequested, this, &ProfileCardController::editProfile);
    m_card->popup(globalPos.isNull() ? QCursor::pos() : globalPos);
}

void ProfileCardController::editProfile()
{
    auto* dialog = new ProfileDialog(m_client, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace lanchat
