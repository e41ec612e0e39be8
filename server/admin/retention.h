#pragma once

#include "serverconfig.h"

#include <QtGlobal>

namespace lanchat {

class Storage;

/**
 * Applies the retention rules of the config (issue 7; all off by default):
 * - retention_days N > 0: messages older than N days are deleted;
 * - file_retention_days M > 0: blobs stored more than M days ago are deleted from the store;
 * - store_quota_bytes Q > 0: while the blobs total more than Q bytes, the oldest are deleted.
 * A blob's record is removed before its file, so file messages that refer to it read as expired
 * (FileRef.expired) and never point at a missing file. Used by `prune` and by the server's daily job
 * (AdminChannel). Not thread-safe: call from the thread that owns @p storage.
 */
class Retention
{
public:
    struct Result
    {
        qint64 messages = 0;  ///< messages deleted
        qint64 files = 0;     ///< blobs deleted
        qint64 fileBytes = 0; ///< bytes freed in the store
    };

    /** @p nowMs: the current time, ms since epoch UTC (tests pass a fixed one). */
    static Result apply(Storage& storage, const ServerConfig& config, qint64 nowMs);
};

} // namespace lanchat
