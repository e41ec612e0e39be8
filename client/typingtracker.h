#pragma once

#include "ids.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

namespace lanchat {

class ClientConnection;

/**
 * Typing indicators (docs/protocol.md, "Typing"), both ways. Out: noteOwnTyping() sends `typing {conversation}`
 * at most once per conversation every sendIntervalMs() (3 s) while the user types, and only to a server that
 * announced the `typing` feature. In: a `typing` push marks that user as typing in that conversation for
 * expiryMs() (6 s) after their last notice; their next message there ends it at once. Expiry runs on one
 * QTimer (no polling). Lives in the ChatClient's thread.
 */
class TypingTracker : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultSendIntervalMs = 3000;
    static constexpr int kDefaultExpiryMs = 6000;

    /** @p connection must outlive the tracker. */
    explicit TypingTracker(ClientConnection* connection, QObject* parent = nullptr);

    /** The user typed into @p conversation's input: sends a notice unless one went out less than the interval ago. */
    void noteOwnTyping(ConversationId conversation);
    /** A `typing` push: @p user is typing in @p conversation (now, and for expiryMs()). */
    void noteTyping(ConversationId conversation, UserId user);
    /** A message of @p user arrived in @p conversation: they are done typing it. */
    void noteMessage(ConversationId conversation, UserId user);
    /** Who is typing in @p conversation now, in the order they started. */
    QList<UserId> typingUsers(ConversationId conversation) const;
    /** Forgets everything (logout, lost connection: no more notices will come to end them). */
    void clear();

    int sendIntervalMs() const { return m_sendIntervalMs; }
    int expiryMs() const { return m_expiryMs; }
    /** For tests: how long a notice lasts, ms (default 6000). */
    void setExpiryMs(int ms) { m_expiryMs = ms; }
    /** For tests: the least time between two notices sent for one conversation, ms (default 3000). */
    void setSendIntervalMs(int ms) { m_sendIntervalMs = ms; }

Q_SIGNALS:
    /** typingUsers(@p conversation) changed. */
    void typingChanged(lanchat::ConversationId conversation);

private:
    struct Typist
    {
        UserId user;
        qint64 expiresAtMs = 0; ///< on m_clock
    };

    void expire();
    void scheduleExpiry();

    ClientConnection* m_connection;
    int m_sendIntervalMs = kDefaultSendIntervalMs;
    int m_expiryMs = kDefaultExpiryMs;
    QElapsedTimer m_clock;
    QTimer m_expiryTimer;
    QHash<ConversationId, QList<Typist>> m_typists;
    QHash<ConversationId, qint64> m_lastSentMs;
};

} // namespace lanchat
