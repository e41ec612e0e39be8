#pragma once

#include "ids.h"

namespace lanchat {

class Session;
class Storage;

/**
 * Who may post where, beyond membership: the announcement channel (docs/protocol.md 9) takes posts only from
 * the admin's `lanchat-server broadcast` (admin.sock or the database directly), never from a client session,
 * and its membership is managed by that command too. Called at the entry of every handler that posts or
 * changes a group, after the membership check. Socket thread.
 */
class ChannelPolicy
{
public:
    /** True if @p session may post into @p conversation; else answers request @p id with `forbidden`. */
    static bool mayPost(Storage& storage, Session& session, ConversationId conversation, quint64 id);
    /** True if @p session may change group @p conversation (add, remove, rename, leave); else `forbidden`. */
    static bool mayChangeGroup(Storage& storage, Session& session, ConversationId conversation, quint64 id);
};

} // namespace lanchat
