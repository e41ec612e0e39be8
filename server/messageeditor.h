#pragma once

#include "storage/storage.h"

#include <functional>
#include <optional>

namespace lanchat {

class CommitQueue;
class MessagePoster;
class Session;

/**
 * Carries out a recall or an edit that its caller has already allowed (MessageActions for members, AdminChannel for
 * `lanchat-server message recall`): in the turn's group-commit transaction it copies the original to the audit table
 * and changes the stored message (Storage::recallMessage(), editMessage()), then posts the ordered Recall or Edit
 * record through MessagePoster, so the change and its record commit or roll back together and every member's device
 * gets the `message` push after the commit. Lives on the server thread; not thread-safe.
 */
class MessageEditor
{
public:
    using Done = std::function<void(const std::optional<AppendResult>& result)>;

    MessageEditor(Storage& storage, CommitQueue& commits, MessagePoster& poster);

    /**
     * Recalls @p original (a stored Text or File message) on behalf of @p actor (UserId(0): an administrator).
     * @p done gets the Recall record's seq and time after the commit, or nullopt on a database failure.
     */
    void recall(const MessageRecord& original, UserId actor, const Session* origin, Done done);
    /** Replaces the text of @p original (a stored Text message of @p actor) with @p text; @p done as recall(). */
    void edit(const MessageRecord& original, UserId actor, const QString& text, const Session* origin, Done done);

private:
    Storage& m_storage;
    CommitQueue& m_commits;
    MessagePoster& m_poster;
};

} // namespace lanchat
