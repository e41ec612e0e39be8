#pragma once

#include "serverconfig.h"

#include <QtGlobal>

namespace lanchat {

class Storage;

/**
 * Applies the retention rules of the config (all off by default):
 * - retention_days N > 0: messages older than N days are deleted;
 * - file_retention_days M > 0: blobs stored more than M days ago are deleted from the store;
 * - store_quota_bytes Q > 0: while the blobs total more than Q bytes, the oldest are deleted.
 * A blob's record is removed before its file, so file messages that refer to it read as expired
 * (FileRef.expired) and never point at a missing file. Used by `prune` and by the server's daily job
 * (AdminChannel).
 *
 * Abandoned uploads (upload_expiry_hours, default 72) are expireUploads()'s, which only the running server calls
 * (at start and daily): it is the one that knows its uploads, and an admin command would race with them.
 * Not thread-safe: call from the thread that owns @p storage.
 */
class Retention
{
public:
    struct Result
    {
        qint64 messages = 0;    ///< messages deleted
        qint64 files = 0;       ///< blobs deleted
        qint64 fileBytes = 0;   ///< bytes freed in the store
        qint64 uploads = 0;     ///< abandoned uploads (and stray part files) deleted
        qint64 uploadBytes = 0; ///< bytes of their part files
    };

    /** Messages and files. @p nowMs: the current time, ms since epoch UTC (tests pass a fixed one). */
    static Result apply(Storage& storage, const ServerConfig& config, qint64 nowMs);
    /**
     * Deletes every upload whose part file was last written more than upload_expiry_hours before @p nowMs (an upload
     * without a part file: created that long ago): the record first, then the part, so a crash in between leaves
     * a stray part, which goes the same way: part files in `<store>/tmp` without a record, as old. Nothing when
     * upload_expiry_hours is 0. Fills Result::uploads and uploadBytes only.
     */
    static Result expireUploads(Storage& storage, const ServerConfig& config, qint64 nowMs);
};

} // namespace lanchat
