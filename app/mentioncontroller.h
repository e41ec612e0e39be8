#pragma once

#include "ids.h"
#include "mentions.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace lanchat {

class ChatClient;
class MentionCompleter;
class MentionMatcher;
class MessageInput;
struct MentionCandidate;

/**
 * @mentions and typing notices of the message input. In a group, typing `@` (at the start or after a space)
 * opens the MentionCompleter with the other members — and "everyone" for the group's owner — filtered by
 * what follows the `@` through a MentionMatcher (PinyinMentionMatcher unless replaced). Up/Down move, Enter or
 * Tab or a click insert `@Name ` and remember the member's id, Esc closes. takeMentions() then gives the ids
 * whose `@Name` is still in the text that is sent. Every key that types text also tells the client the user is
 * typing (ChatClient::noteTyping throttles it). GUI thread only.
 */
class MentionController : public QObject
{
    Q_OBJECT

public:
    /** @p client and @p input must outlive the controller; the completer is a child of the input's window. */
    MentionController(ChatClient* client, MessageInput* input, QObject* parent = nullptr);
    ~MentionController() override;

    /** The conversation the input writes into; forgets the mentions picked so far and closes the completer. */
    void setConversation(ConversationId conversation);
    /** Replaces how entries match the typed text (e.g. with pinyin); not null. */
    void setMatcher(std::unique_ptr<MentionMatcher> matcher);
    /** The mentions of @p text (about to be sent): the picked ones whose `@Name` it still holds. Forgets them. */
    Mentions takeMentions(const QString& text);

    MentionCompleter* completer() const { return m_completer; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Picked
    {
        QString token; ///< "@Name" as inserted
        UserId user;   ///< invalid for everyone
    };

    /** Opens, filters or closes the completer for the `@word` before the cursor. */
    void update();
    /** Start of the `@` of the word being typed at the cursor, -1 if there is none. */
    int mentionStart() const;
    QList<MentionCandidate> candidates() const;
    void accept(const MentionCandidate& candidate);
    void close();

    ChatClient* m_client;
    MessageInput* m_input;
    MentionCompleter* m_completer;
    std::unique_ptr<MentionMatcher> m_matcher;
    ConversationId m_conversation;
    QList<Picked> m_picked;
};

} // namespace lanchat
