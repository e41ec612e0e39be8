#pragma once

#include <QObject>

class QAbstractItemModel;

namespace lanchat {

/**
 * The one count of transfers that the status-bar button and the transfers panel both show, so they never
 * disagree: recounted from TransferManager's rows on every insert, removal, reset and data change (a pause or
 * a finish is a data change). Active = queued, checking or running; paused, done, failed and cancelled are not.
 * GUI thread.
 */
class TransferCounter : public QObject
{
    Q_OBJECT

public:
    /** @p transfers (TransferManager) must outlive the counter. */
    explicit TransferCounter(const QAbstractItemModel* transfers, QObject* parent = nullptr);

    int active() const { return m_active; }
    int paused() const { return m_paused; }
    int failed() const { return m_failed; }

Q_SIGNALS:
    /** Any of the counts changed. */
    void changed();

private:
    void recount();

    const QAbstractItemModel* m_transfers;
    int m_active = 0;
    int m_paused = 0;
    int m_failed = 0;
};

} // namespace lanchat
