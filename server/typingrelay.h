#pragma once

#include "ids.h"
#include "protocol.h"

#include <QCborMap>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>

namespace lanchat {

class Router;
class Session;
class SessionRegistry;
class Storage;

/**
 * `typing {conversation}` (docs/protocol.md, "Typing"): relays a `typing {conversation, user}` push to the
 * sessions of the conversation's other members that are online now (the sender's other devices too, never the
 * sending session). Never stored, never answered: a typing notice from a non-member, for an unknown
 * conversation, malformed, or more than one per session and conversation within the interval, is dropped
 * silently, and the session goes on as before. Lives on the server thread.
 */
class TypingRelay : public QObject
{
    Q_OBJECT

public:
    /** @p intervalMs: the least time between two relayed notices of one session in one conversation. */
    TypingRelay(Storage& storage, SessionRegistry& sessions, int intervalMs = protocol::kTypingIntervalMs,
                QObject* parent = nullptr);

    /** Registers `typing` (Authenticated). */
    void registerWith(Router& router);

private:
    void typing(Session& session, const QCborMap& request);
    /** True if @p session may relay another notice for @p conversation now; records it. */
    bool admit(Session& session, ConversationId conversation);

    Storage& m_storage;
    SessionRegistry& m_sessions;
    const int m_intervalMs;
    QElapsedTimer m_clock;
    /** When each session last had a notice relayed, per conversation (ms of m_clock); dropped with the session. */
    QHash<const Session*, QHash<ConversationId, qint64>> m_lastRelayed;
};

} // namespace lanchat
