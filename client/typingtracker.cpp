#include "typingtracker.h"

#include "clientconnection.h"
#include "messages/chatmessages.h"
#include "protocol.h"

#include <algorithm>
#include <limits>

namespace lanchat {

TypingTracker::TypingTracker(ClientConnection* connection, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
{
    m_clock.start();
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, &TypingTracker::expire);
}

void TypingTracker::noteOwnTyping(ConversationId conversation)
{
    if (!conversation.isValid() || !m_connection->isReady() ||
        !m_connection->serverFeatures().contains(QLatin1String(protocol::kFeatureTyping)))
        return;
    const qint64 now = m_clock.elapsed();
    const auto last = m_lastSentMs.constFind(conversation);
    if (last != m_lastSentMs.constEnd() && now - *last < m_sendIntervalMs)
        return;
    if (m_connection->notify(TypingNotice{conversation}.encode()) != 0)
        m_lastSentMs.insert(conversation, now);
}

void TypingTracker::noteTyping(ConversationId conversation, UserId user)
{
    if (!conversation.isValid() || !user.isValid())
        return;
    QList<Typist>& typists = m_typists[conversation];
    const qint64 expires = m_clock.elapsed() + m_expiryMs;
    const auto it = std::find_if(typists.begin(), typists.end(), [user](const Typist& t) { return t.user == user; });
    const bool isNew = it == typists.end();
    if (isNew)
        typists.append(Typist{user, expires});
    else
        it->expiresAtMs = expires;
    scheduleExpiry();
    if (isNew)
        Q_EMIT typingChanged(conversation);
}

void TypingTracker::noteMessage(ConversationId conversation, UserId user)
{
    const auto found = m_typists.find(conversation);
    if (found == m_typists.end())
        return;
    const qsizetype removed = found->removeIf([user](const Typist& t) { return t.user == user; });
    if (found->isEmpty())
        m_typists.erase(found);
    if (removed > 0)
        Q_EMIT typingChanged(conversation);
}

QList<UserId> TypingTracker::typingUsers(ConversationId conversation) const
{
    QList<UserId> users;
    for (const Typist& t : m_typists.value(conversation))
        users.append(t.user);
    return users;
}

void TypingTracker::clear()
{
    const QList<ConversationId> conversations = m_typists.keys();
    m_typists.clear();
    m_lastSentMs.clear();
    m_expiryTimer.stop();
    for (ConversationId conversation : conversations)
        Q_EMIT typingChanged(conversation);
}

void TypingTracker::expire()
{
    const qint64 now = m_clock.elapsed();
    QList<ConversationId> changed;
    for (auto it = m_typists.begin(); it != m_typists.end();) {
        if (it->removeIf([now](const Typist& t) { return t.expiresAtMs <= now; }) > 0)
            changed.append(it.key());
        it = it->isEmpty() ? m_typists.erase(it) : std::next(it);
    }
    scheduleExpiry();
    for (ConversationId conversation : std::as_const(changed))
        Q_EMIT typingChanged(conversation);
}

void TypingTracker::scheduleExpiry()
{
    qint64 next = std::numeric_limits<qint64>::max();
    for (const QList<Typist>& typists : std::as_const(m_typists)) {
        for (const Typist& t : typists)
            next = std::min(next, t.expiresAtMs);
    }
    if (next == std::numeric_limits<qint64>::max()) {
        m_expiryTimer.stop();
        return;
    }
    m_expiryTimer.start(int(std::clamp<qint64>(next - m_clock.elapsed(), 0, std::numeric_limits<int>::max())));
}

} // namespace lanchat
