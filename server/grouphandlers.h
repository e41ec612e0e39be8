#pragma once

#include "conversationinfo.h"
#include "groupnotices.h"
#include "ids.h"

#include <QCborMap>
#include <QList>

#include <functional>

namespace lanchat {

class CommitQueue;
class MessagePoster;
class Router;
class Session;
class SessionRegistry;
class Storage;
struct GroupChange;

/**
 * Group requests (docs/protocol.md, "Groups"): group_create, group_add, group_remove, group_leave,
 * group_rename. The creator owns the group; the owner and its admins add, remove and rename (`forbidden`
 * otherwise), but only the owner removes an admin, and nobody removes the owner (the owner: `invalid_argument`,
 * an admin: `forbidden`); the owner cannot leave before transferring ownership (`invalid_argument`; see
 * GroupRoleHandlers). After each commit every member, the added one included, gets a `conversation` push; a
 * removed or leaving member gets `conversation_removed`. Each change also leaves a system line in the group's
 * history (GroupNotices), committed with it.
 * Lives on the server thread.
 */
class GroupHandlers
{
public:
    GroupHandlers(Storage& storage, CommitQueue& commits, SessionRegistry& sessions, MessagePoster& poster);

    /** Registers the five handlers, all Authenticated. */
    void registerWith(Router& router);
    /** @p handler runs after the commit of every group_remove and group_leave, with the group and the user. */
    void setMemberRemovedHandler(std::function<void(ConversationId group, UserId user)> handler);

private:
    void create(Session& session, const QCborMap& request, quint64 id);
    void change(Session& session, const QCborMap& request, quint64 id);
    /** Validates @p change against the group's state; answers the error and returns false when refused. */
    bool allowed(Session& session, const GroupChange& change, quint64 id);
    /** group_remove of @p user: not the owner, an admin only by the owner, a member (else answers, false). */
    static bool mayRemove(Session& session, const ConversationInfo& info, UserId user, quint64 id);
    bool apply(const GroupChange& change, UserId actor);
    /** After the commit: answer, then push the new state to members and `conversation_removed` to @p removed. */
    void finish(Session& session, ConversationId group, UserId removed, quint64 id);

public:
    /**
     * After a commit: a `conversation` push of @p group to each member, and `conversation_removed {conversation,
     * by: actor}` to @p removed when valid (GroupRoleHandlers uses it too).
     */
    void pushState(ConversationId group, UserId removed, UserId actor);
    /** Runs the member-removed handler (see setMemberRemovedHandler()) for @p user, after a commit. */
    void memberRemoved(ConversationId group, UserId user);

private:
    Storage& m_storage;
    CommitQueue& m_commits;
    SessionRegistry& m_sessions;
    GroupNotices m_notices;
    std::function<void(ConversationId, UserId)> m_memberRemoved;
};

} // namespace lanchat
