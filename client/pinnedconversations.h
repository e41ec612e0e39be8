#pragma once

#include "ids.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

namespace lanchat {

class SessionStore;

/**
 * The conversations the user pinned to the top of the list. Persisted through SessionStore under
 * `pinned/<host:port>/<username>`, written at once on every change (a pin is a rare, deliberate act).
 * Lives in, and must be used from, the ChatClient's thread.
 */
class PinnedConversations : public QObject
{
    Q_OBJECT

public:
    /** Pins kept at most; pinning one more is refused (setPinned() returns false). */
    static constexpr int kMaxPinned = 100;

    explicit PinnedConversations(QObject* parent = nullptr);
    ~PinnedConversations() override;

    /**
     * Keeps the pins in @p store (not owned, must outlive this) for @p username at @p endpoint and loads what an
     * earlier run kept there, replacing the pins held so far. Attaching to the same store, endpoint and user
     * again changes nothing. With @p store nullptr pins are kept in memory only.
     */
    void attach(SessionStore* store, const QString& endpoint, const QString& username);

    bool isPinned(ConversationId conversation) const { return m_pinned.contains(conversation); }
    /** Pins or unpins @p conversation; false when pinning would exceed kMaxPinned (nothing changes). */
    bool setPinned(ConversationId conversation, bool pinned);
    QList<ConversationId> pinned() const;

Q_SIGNALS:
    /** @p conversation was pinned or unpinned (also for every pin that came or went with attach()). */
    void pinnedChanged(lanchat::ConversationId conversation, bool pinned);

private:
    void save() const;

    SessionStore* m_store = nullptr;
    QString m_endpoint;
    QString m_username;
    QSet<ConversationId> m_pinned;
};

} // namespace lanchat
