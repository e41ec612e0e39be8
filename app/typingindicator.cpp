#include "typingindicator.h"

#include "chatclient.h"
#include "contactsmodel.h"
#include "typingtracker.h"

#include <QEvent>
#include <QStringList>

namespace lanchat {

TypingIndicator::TypingIndicator(ChatClient* client, QLabel* subtitle, QWidget* parent)
    : QLabel(parent)
    , m_client(client)
    , m_subtitle(subtitle)
{
    setObjectName(QStringLiteral("typingIndicator"));
    hide();
    connect(m_client->typing(), &TypingTracker::typingChanged, this, [this](ConversationId conversation) {
        if (conversation == m_conversation)
            refresh();
    });
}

void TypingIndicator::setConversation(ConversationId conversation)
{
    m_conversation = conversation;
    refresh();
}

void TypingIndicator::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QLabel::changeEvent(event);
}

void TypingIndicator::refresh()
{
    QStringList names;
    for (UserId user : m_client->typing()->typingUsers(m_conversation))
        names.append(m_client->contacts()->displayName(user));
    if (names.isEmpty()) {
        clear();
        hide();
        m_subtitle->show();
        return;
    }
    //: conversation header while others type; %1 is one name, or several joined by ", "
    setText(names.size() == 1 ? tr("%1 is typing…").arg(names.first())
                              : tr("%1 are typing…").arg(names.join(QStringLiteral(", "))));
    setFont(m_subtitle->font()); // the header's font follows the user's message size
    m_subtitle->hide();
    show();
}

} // namespace lanchat
