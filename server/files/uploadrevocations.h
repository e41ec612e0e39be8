#pragma once

#include "ids.h"

#include <QHash>

namespace lanchat {

class CommitQueue;
class FileStore;
class Storage;

/**
 * Uploads whose sender lost access to their conversation — left or was removed from the group, or the account was
 * disabled or deleted (docs/protocol.md 10.2): drop() deletes the part and the upload record at once, so nothing
 * more is written, reserved or posted, and remembers the upload so that the sender's next chunks of it get
 * `forbidden` rather than `not_found`. At most kMaxRemembered are remembered; beyond that the memory starts over,
 * which changes only the error code of late chunks. Server thread; not thread-safe.
 */
class UploadRevocations
{
public:
    static constexpr int kMaxRemembered = 4096;

    UploadRevocations(Storage& storage, CommitQueue& commits, FileStore& store);

    /**
     * Drops every unfinished upload of @p user into @p conversation (an invalid id: into any conversation), the
     * recorded ones and the open parts whose record is gone already (a deleted account). Returns how many.
     */
    int dropAll(ConversationId conversation, UserId user);
    /** Closes and deletes the part of @p upload and its record (in the turn's group commit when one can be opened). */
    void drop(TransferId upload, UserId sender);
    /** True if @p upload of @p sender was dropped because the sender lost access. */
    bool isRevoked(TransferId upload, UserId sender) const;

private:
    Storage& m_storage;
    CommitQueue& m_commits;
    FileStore& m_store;
    QHash<TransferId, UserId> m_revoked;
};

} // namespace lanchat
