#pragma once

#include <QCborMap>

namespace lanchat {

class CommitQueue;
class Router;
class Session;
class SessionRegistry;
class Storage;

/**
 * The user's own sessions and remembered devices (docs/protocol.md 17): `account_sessions` lists every logged-in
 * session of the requester (client, device name, address, login time, last frame received, "this one") and every
 * remembered device (name, created, last used, "this one"); `logout_others` forgets every remembered device of the
 * requester but the requesting session's own, in one commit, then ends every other session of theirs with the
 * connection-level error `session_revoked`, and answers how many of each. A database error answers `internal`
 * and ends nothing. Lives on the server thread.
 */
class AccountHandlers
{
public:
    /** @p storage, @p commits and @p sessions must outlive the handlers. */
    AccountHandlers(Storage& storage, CommitQueue& commits, SessionRegistry& sessions);

    /** Registers `account_sessions` and `logout_others`, Authenticated. */
    void registerWith(Router& router);

private:
    void listSessions(Session& session, quint64 id);
    void logoutOthers(Session& session, quint64 id);

    Storage& m_storage;
    CommitQueue& m_commits;
    SessionRegistry& m_sessions;
};

} // namespace lanchat
