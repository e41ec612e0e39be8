#include "uploadrevocations.h"

#include "commitqueue.h"
#include "filestore.h"
#include "storage/storage.h"

namespace lanchat {

UploadRevocations::UploadRevocations(Storage& storage, CommitQueue& commits, FileStore& store)
    : m_storage(storage)
    , m_commits(commits)
    , m_store(store)
{}

int UploadRevocations::dropAll(ConversationId conversation, UserId user)
{
    QList<TransferId> dropped;
    for (const UploadRecord& upload : m_storage.uploadsOf(user)) {
        if (!conversation.isValid() || upload.conversation == conversation)
            dropped.append(upload.id);
    }
    for (TransferId open : m_store.openUploadsOf(user, conversation)) {
        if (!dropped.contains(open))
            dropped.append(open);
    }
    for (TransferId upload : std::as_const(dropped))
        drop(upload, user);
    return int(dropped.size());
}

void UploadRevocations::drop(TransferId upload, UserId sender)
{
    m_store.discardPart(upload);
    m_commits.begin(); // when no transaction can be opened, the delete commits on its own
    m_storage.deleteUpload(upload);
    if (m_revoked.size() >= kMaxRemembered)
        m_revoked.clear();
    m_revoked.insert(upload, sender);
}

bool UploadRevocations::isRevoked(TransferId upload, UserId sender) const
{
    const auto it = m_revoked.constFind(upload);
    return it != m_revoked.constEnd() && *it == sender;
}

} // namespace lanchat
