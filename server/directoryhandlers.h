#pragma once

#include "groupnotices.h"

#include <QCborMap>

namespace lanchat {

class CommitQueue;
class MessagePoster;
class Router;
class Session;
class SessionRegistry;
class Storage;

/**
 * The department directory (docs/protocol.md 18): `directory` answers the tree (DirectoryTree);
 * `department_group` lets a department's manager turn it into a group of everyone in it and below it (owner: the
 * manager; `forbidden` for anyone else, `not_found` for an unknown department, `invalid_argument` past
 * protocol::kMaxGroupMembers people). pushTree() sends the `directory` push to every logged-in session (the admin
 * channel calls it after a CLI change). Lives on the server thread.
 */
class DirectoryHandlers
{
public:
    /** Every reference must outlive the handlers. */
    DirectoryHandlers(Storage& storage, CommitQueue& commits, SessionRegistry& sessions, MessagePoster& poster);

    /** Registers `directory` and `department_group`, Authenticated. */
    void registerWith(Router& router);

    /** Pushes the current tree to everyone logged in. */
    static void pushTree(Storage& storage, SessionRegistry& sessions);

private:
    void directory(Session& session, quint64 id);
    void departmentGroup(Session& session, const QCborMap& request, quint64 id);

    Storage& m_storage;
    CommitQueue& m_commits;
    SessionRegistry& m_sessions;
    GroupNotices m_notices;
};

} // namespace lanchat
