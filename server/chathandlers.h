#pragma once

#include "historyreader.h"
#include "ids.h"

#include <QCborMap>

namespace lanchat {

class CommitQueue;
class MessagePoster;
class Router;
class Session;
class SessionRegistry;
class Storage;

/**
 * Conversation and message requests (docs/protocol.md, "Conversations and messages"): users, conversations,
 * open_private, send, history, sync, read. Every handler that touches a conversation first calls
 * requireMember(): only members read or post (forbidden), a missing conversation is not_found.
 * Lives on the server thread.
 */
class ChatHandlers
{
public:
    ChatHandlers(Storage& storage, CommitQueue& commits, SessionRegistry& sessions, MessagePoster& poster);

    /** Registers the handlers above, all Authenticated. */
    void registerWith(Router& router);

    /**
     * The membership gate: true if the session's user is a member of @p conversation; else answers
     * `not_found` (no such conversation) or `forbidden` (not a member) to request @p id and returns false.
     */
    static bool requireMember(Storage& storage, Session& session, ConversationId conversation, quint64 id);

private:
    void users(Session& session, quint64 id);
    void conversations(Session& session, quint64 id);
    void openPrivate(Session& session, const QCborMap& request, quint64 id);
    void send(Session& session, const QCborMap& request, quint64 id);
    void history(Session& session, const QCborMap& request, quint64 id);
    void sync(Session& session, const QCborMap& request, quint64 id);
    void markRead(Session& session, const QCborMap& request, quint64 id);

    Storage& m_storage;
    CommitQueue& m_commits;
    SessionRegistry& m_sessions;
    MessagePoster& m_poster;
    HistoryReader m_history;
};

} // namespace lanchat
