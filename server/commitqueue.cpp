#include "commitqueue.h"

#include "logging.h"
#include "storage/storage.h"

namespace lanchat {

CommitQueue::CommitQueue(Storage& storage, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
{}

CommitQueue::~CommitQueue()
{
    flush();
}

bool CommitQueue::begin()
{
    if (!m_open) {
        if (!m_storage.beginTransaction()) {
            qCWarning(lcServer) << "group commit: cannot open a transaction";
            return false;
        }
        m_open = true;
    }
    if (!m_scheduled) {
        m_scheduled = true;
        // Runs when control returns to the event loop, after every frame already read in this turn.
        QMetaObject::invokeMethod(this, &CommitQueue::flush, Qt::QueuedConnection);
    }
    return true;
}

void CommitQueue::afterCommit(std::function<void(bool committed)> callback)
{
    m_callbacks.append(std::move(callback));
}

void CommitQueue::flush()
{
    m_scheduled = false;
    if (!m_open)
        return;
    m_open = false;
    bool ok = m_storage.commitTransaction();
    if (!ok) {
        qCWarning(lcServer) << "group commit failed:" << m_callbacks.size() << "requests answered 'internal'";
        m_storage.rollbackTransaction();
    } else {
        ++m_commits;
    }
    // Callbacks may post again (opening the next transaction); take the list first.
    const QList<std::function<void(bool)>> callbacks = std::exchange(m_callbacks, {});
    for (const auto& callback : callbacks)
        callback(ok);
    emit flushed(ok, int(callbacks.size()));
}

} // namespace lanchat
