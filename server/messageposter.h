#pragma once

#include "replyquoter.h"
#include "storage/storage.h"

#include <functional>
#include <optional>

namespace lanchat {

class CommitQueue;
class Session;
class SessionRegistry;

/**
 * The one path by which a message (text, file or system) enters a conversation: append in the turn's
 * group-commit transaction, and only after the commit succeeded deliver one `message` push — encoded once,
 * the same bytes to every recipient — to every online session of every member except the originating
 * session (which gets the ack instead; the sender's other devices do get the push), then call done().
 *
 * A duplicate (same sender and client_msg_id) is not delivered again; done() gets the original seq/ts with
 * duplicate = true. A client_msg_id of another sender's message is not stored (idTaken = true). On an append or commit
 * failure done() gets nullopt and nothing is delivered: the caller answers `internal`. A message whose sender is not
 * a member of the conversation (any more) is never stored either: done() gets nullopt at once. Used by ChatHandlers
 * (send) and the file handlers (file messages). Not thread-safe; lives on the server thread.
 */
class MessagePoster
{
public:
    using Done = std::function<void(const std::optional<AppendResult>& result)>;

    MessagePoster(Storage& storage, CommitQueue& commits, SessionRegistry& sessions);

    /**
     * Posts @p message (conversation, sender, client_msg_id, kind, text or file). The caller has checked
     * membership and validated the content. @p origin may be null (system messages, admin broadcast).
     * @p done runs once, after the commit (or at once on an append failure).
     */
    void post(const NewMessage& message, const Session* origin, Done done);

private:
    Storage& m_storage;
    CommitQueue& m_commits;
    SessionRegistry& m_sessions;
    ReplyQuoter m_quoter;
};

} // namespace lanchat
