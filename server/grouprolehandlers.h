#pragma once

#include "groupnotices.h"
#include "ids.h"

#include <QCborMap>

namespace lanchat {

class CommitQueue;
class GroupHandlers;
class MessagePoster;
class Router;
class Session;
class SessionRegistry;
class Storage;
struct ConversationInfo;
struct GroupRoleRequest;

/**
 * The owner's group requests (docs/protocol.md 9, feature `group_roles`): group_set_role (appoint or remove an
 * admin), group_transfer (make another member the owner; the old owner stays a plain member) and group_dissolve.
 * Anyone but the owner gets `forbidden`; a target who is not a member `not_found`; the owner as the target of
 * set_role or transfer `invalid_argument`. Each change leaves a system line (admin_added, admin_removed,
 * owner_transferred, group_dissolved) committed with it; set_role and transfer then push the group to every
 * member, dissolve sends every member `conversation_removed` (the group's history stays on the server only).
 * The announcement channel refuses them all (ChannelPolicy). Lives on the server thread.
 */
class GroupRoleHandlers
{
public:
    GroupRoleHandlers(Storage& storage, CommitQueue& commits, GroupHandlers& groups, SessionRegistry& sessions,
                      MessagePoster& poster);

    /** Registers the three handlers, all Authenticated. */
    void registerWith(Router& router);

private:
    void handle(Session& session, const QCborMap& request, quint64 id);
    /** Checks @p request against @p info; answers the error and returns false when refused. */
    static bool allowed(Session& session, const ConversationInfo& info, const GroupRoleRequest& request, quint64 id);
    void dissolve(Session& session, const ConversationInfo& info, quint64 id);

    Storage& m_storage;
    CommitQueue& m_commits;
    GroupHandlers& m_groups;
    SessionRegistry& m_sessions;
    GroupNotices m_notices;
};

} // namespace lanchat
