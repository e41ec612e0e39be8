#include "uploadcapacity.h"

#include "filestore.h"
#include "logging.h"
#include "storage/storage.h"

#include <QStorageInfo>

namespace lanchat {

UploadCapacity::UploadCapacity(Storage& storage, const FileStore& store)
    : m_storage(storage)
    , m_store(store)
{}

UploadCapacity::Verdict UploadCapacity::check(const ServerConfig& config, qint64 newBytes) const
{
    if (config.storeQuotaBytes > 0 &&
        m_storage.blobBytes() + m_storage.uploadBytes() + newBytes > config.storeQuotaBytes)
        return Verdict::OverQuota;
    if (config.minFreeDiskBytes > 0) {
        const QStorageInfo disk(m_store.partsDir());
        if (!disk.isValid()) {
            // Unknown free space: let the upload go on; a write that finds the disk full still fails cleanly.
            qCWarning(lcServer) << "cannot read the free space of" << m_store.partsDir();
            return Verdict::Fits;
        }
        if (disk.bytesAvailable() - outstandingBytes() - newBytes < config.minFreeDiskBytes)
            return Verdict::BelowDiskFloor;
    }
    return Verdict::Fits;
}

qint64 UploadCapacity::outstandingBytes() const
{
    qint64 total = 0;
    for (const UploadRecord& upload : m_storage.uploads())
        total += qMax<qint64>(0, upload.size - m_store.partFileSize(upload.id));
    return total;
}

} // namespace lanchat
