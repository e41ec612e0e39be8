#include "transfercounter.h"

#include "transfermanager.h"

namespace lanchat {

TransferCounter::TransferCounter(const QAbstractItemModel* transfers, QObject* parent)
    : QObject(parent)
    , m_transfers(transfers)
{
    connect(transfers, &QAbstractItemModel::rowsInserted, this, &TransferCounter::recount);
    connect(transfers, &QAbstractItemModel::rowsRemoved, this, &TransferCounter::recount);
    connect(transfers, &QAbstractItemModel::modelReset, this, &TransferCounter::recount);
    connect(transfers, &QAbstractItemModel::dataChanged, this, &TransferCounter::recount);
    recount();
}

void TransferCounter::recount()
{
    using State = TransferManager::State;
    int active = 0;
    int paused = 0;
    int failed = 0;
    for (int row = 0; row < m_transfers->rowCount(); ++row) {
        const auto state = State(m_transfers->index(row, 0).data(TransferManager::StateRole).toInt());
        active += (state == State::Queued || state == State::Hashing || state == State::Running) ? 1 : 0;
        paused += state == State::Paused ? 1 : 0;
        failed += state == State::Failed ? 1 : 0;
    }
    if (active == m_active && paused == m_paused && failed == m_failed)
        return;
    m_active = active;
    m_paused = paused;
    m_failed = failed;
    Q_EMIT changed();
}

} // namespace lanchat
