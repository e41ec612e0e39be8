#pragma once

#include "ids.h"

#include <QByteArray>
#include <QCborMap>

namespace lanchat {

class CommitQueue;
class Router;
class Session;
class SessionRegistry;
class Storage;
struct UserInfo;
struct UserStatusRecord;

/**
 * `set_status` (docs/protocol.md 16): a user's chosen status (online, away, busy, dnd) and status text, kept in
 * Storage::userStatuses() so every device of theirs and a restart show them. A change is pushed to every logged-in
 * session as `presence {user, online, status, status_text}` after it is committed; the first login and the last
 * logout of a user push the same frame (presenceFrame()). Bad names or texts (longer than
 * protocol::kMaxStatusTextChars characters, control characters) answer `invalid_argument`; a database error
 * `internal`. Lives on the server thread.
 */
class StatusHandler
{
public:
    /** @p storage, @p commits and @p sessions must outlive the handler. */
    StatusHandler(Storage& storage, CommitQueue& commits, SessionRegistry& sessions);

    /** Registers `set_status`, Authenticated. */
    void registerWith(Router& router);

    /** The encoded `presence` push of @p user, online or not, with their stored status and text. */
    QByteArray presenceFrame(UserId user, bool online);

    /** Sets @p info's status and status text from @p record and @p info.online ("offline" when not online). */
    static void fill(UserInfo& info, const UserStatusRecord& record);

private:
    void setStatus(Session& session, const QCborMap& request, quint64 id);

    Storage& m_storage;
    CommitQueue& m_commits;
    SessionRegistry& m_sessions;
};

} // namespace lanchat
