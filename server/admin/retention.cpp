#include "retention.h"

#include "files/filestore.h"
#include "logging.h"
#include "storage/storage.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace lanchat {

namespace {

constexpr qint64 kHourMs = qint64(60) * 60 * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;

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
        // Avatars are profile data, not shared files: they stay while an account shows them.
        if ((!tooOld && !overQuota) || storage.isAvatar(sha256))
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

Retention::Result Retention::expireUploads(Storage& storage, const ServerConfig& config, qint64 nowMs)
{
    Result result;
    if (config.uploadExpiryHours <= 0)
        return result;
    const qint64 limitMs = nowMs - config.uploadExpiryHours * kHourMs;
    const FileStore store(config.dataDir);
    QSet<QString> recorded;
    for (const UploadRecord& upload : storage.uploads()) {
        const QFileInfo part(store.partPath(upload.id));
        recorded.insert(part.fileName());
        // A part grows with every chunk, so its modification time is the upload's last sign of life.
        const qint64 lastMs = part.exists() ? part.lastModified().toMSecsSinceEpoch() : upload.createdMs;
        if (lastMs >= limitMs || !storage.deleteUpload(upload.id))
            continue;
        result.uploadBytes += part.exists() ? part.size() : 0;
        QFile::remove(part.filePath());
        ++result.uploads;
    }
    const QFileInfoList parts =
        QDir(store.partsDir()).entryInfoList({QStringLiteral("*.part")}, QDir::Files | QDir::System | QDir::Hidden);
    for (const QFileInfo& part : parts) {
        if (recorded.contains(part.fileName()) || part.lastModified().toMSecsSinceEpoch() >= limitMs)
            continue;
        result.uploadBytes += part.size();
        QFile::remove(part.filePath());
        ++result.uploads;
    }
    if (result.uploads > 0)
        qCInfo(lcServer) << "retention: deleted" << result.uploads << "uploads abandoned for more than"
                         << config.uploadExpiryHours << "hours (" << result.uploadBytes << "bytes)";
    return result;
}

} // namespace lanchat
