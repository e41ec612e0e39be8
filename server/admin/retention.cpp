#include "retention.h"

#include "files/filestore.h"
#include "logging.h"
#include "storage/storage.h"

#include <QFile>

namespace lanchat {

namespace {

constexpr qint64 kDayMs = qint64(24) * 60 * 60 * 1000;

} // namespace

Retention::Result Retention::apply(Storage& storage, const ServerConfig& config, qint64 nowMs)
{
    Result result;
    if (config.retentionDays > 0)
        result.messages = storage.deleteMessagesBefore(nowMs - config.retentionDays * kDayMs);
    if (config.fileRetentionDays <= 0 && config.storeQuotaBytes <= 0)
        return result;
    const FileStore store(config.dataDir);
    const qint64 fileLimitMs = config.fileRetentionDays > 0 ? nowMs - config.fileRetentionDays * kDayMs : 0;
    qint64 total = storage.blobBytes();
    // blobs() is ordered oldest first, so the quota rule also removes the oldest first.
    for (const auto& [sha256, size, createdMs] : storage.blobs()) {
        const bool tooOld = createdMs < fileLimitMs;
        const bool overQuota = config.storeQuotaBytes > 0 && total > config.storeQuotaBytes;
        if (!tooOld && !overQuota)
            continue;
        if (!storage.removeBlob(sha256))
            continue;
        QFile::remove(store.blobPath(sha256));
        total -= size;
        ++result.files;
        result.fileBytes += size;
    }
    if (result.messages > 0 || result.files > 0)
        qCInfo(lcServer) << "retention: deleted" << result.messages << "messages and" << result.files << "files ("
                         << result.fileBytes << "bytes)";
    return result;
}

} // namespace lanchat
