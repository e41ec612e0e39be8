#pragma once

#include "serverconfig.h"

#include <QtGlobal>

namespace lanchat {

class FileStore;
class Storage;

/**
 * Whether the file store may take the bytes of an upload (docs/protocol.md 10.1, docs/admin.md "Files"):
 * - the store quota (`store_quota_bytes`, 0 = none) counts every stored blob and the announced size of every
 *   unfinished upload, idle or active, connected or not, so uploads in progress cannot together overrun it;
 * - the free-disk floor (`min_free_disk_bytes`, 0 = none) keeps that many bytes free on the store's file system
 *   once every unfinished upload has sent its remaining bytes.
 * Both are checked when an upload starts (its size is added) and when it resumes (it is already counted). The
 * disk can still fill from elsewhere: a failed write then answers `storage_full` (FileStore).
 *
 * Reads the database and the file system (one statfs and one stat per unfinished upload) on the calling thread:
 * a few microseconds per upload row, once per file_offer. Server thread.
 */
class UploadCapacity
{
public:
    enum class Verdict
    {
        Fits,
        OverQuota,      ///< the store quota would be exceeded
        BelowDiskFloor, ///< the disk would fall below the free-disk floor
    };

    UploadCapacity(Storage& storage, const FileStore& store);

    /**
     * Whether @p newBytes more bytes may be reserved (a new upload's size; 0 for the resume of one already
     * recorded) under @p config's quota and floor.
     */
    Verdict check(const ServerConfig& config, qint64 newBytes) const;

private:
    /** Bytes the unfinished uploads have still to send (announced size minus their part file's size). */
    qint64 outstandingBytes() const;

    Storage& m_storage;
    const FileStore& m_store;
};

} // namespace lanchat
