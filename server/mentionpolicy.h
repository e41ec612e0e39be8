#pragma once

#include "ids.h"
#include "mentions.h"

#include <optional>

namespace lanchat {

class Session;
class Storage;

/**
 * The server's rule for the mentions of a `send` (docs/protocol.md, "Mentions"): in a group only current
 * members other than the sender are kept (others are dropped silently, the order of the request kept);
 * `mention_all` is allowed only from the group's owner and admins, else the send is refused with `forbidden`; in a
 * private chat mentions mean nothing and are all dropped. Stateless; used on the server thread.
 */
class MentionPolicy
{
public:
    /**
     * The mentions to store for @p requested by the session's user in @p conversation (the caller has checked
     * membership). On `mention_all` from a plain member answers `forbidden` to request @p id and returns nullopt.
     */
    static std::optional<Mentions> filter(Storage& storage, Session& session, ConversationId conversation,
                                          const Mentions& requested, quint64 id);
};

} // namespace lanchat
