#pragma once

#include "ids.h"

#include <QLabel>

namespace lanchat {

class ChatClient;

/**
 * The "Bob is typing…" line of the conversation header: while someone else types in the open conversation it
 * stands in for the header's subtitle (presence or member count), which comes back when they stop (the
 * client's TypingTracker expires a notice after 6 s, or ends it when their message arrives). In a group it
 * names everyone typing: "Alice, Bob are typing…". GUI thread only.
 */
class TypingIndicator : public QLabel
{
    Q_OBJECT

public:
    /** @p client must outlive the label; @p subtitle is the line it stands in for. */
    TypingIndicator(ChatClient* client, QLabel* subtitle, QWidget* parent = nullptr);

    void setConversation(ConversationId conversation);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    ChatClient* m_client;
    QLabel* m_subtitle;
    ConversationId m_conversation;
};

} // namespace lanchat
