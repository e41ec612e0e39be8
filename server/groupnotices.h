#pragma once

#include "ids.h"
#include "systemevent.h"

#include <QString>

namespace lanchat {

class MessagePoster;
class Storage;

/**
 * The system lines of a group's history: "Alice created the group", "Alice added Bob", "Bob left the
 * group" … posted as `kind: "system"` messages carrying the SystemEvent (docs/protocol.md 8.3), so every
 * client words them in its own language, with an English `text` for clients that predate events.
 * post() queues the message in the current commit batch, so it is committed with the change it records and
 * delivered after the batch's earlier callbacks (the `conversation` pushes). Lives on the server thread.
 */
class GroupNotices
{
public:
    GroupNotices(Storage& storage, MessagePoster& poster);

    /** Posts @p event into @p group; to its members after the commit (a removed or leaving member is not one). */
    void post(ConversationId group, const SystemEvent& event);
    /** The English sentence of @p event, with the display names of its users as the storage knows them. */
    QString englishText(const SystemEvent& event) const;

private:
    QString nameOf(UserId user) const;

    Storage& m_storage;
    MessagePoster& m_poster;
};

} // namespace lanchat
