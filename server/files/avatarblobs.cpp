#include "avatarblobs.h"

#include "avatarimage.h"
#include "filestore.h"
#include "protocol.h"
#include "storage/storage.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace lanchat {

bool AvatarBlobs::write(const QString& dataDir, Storage& storage, const QByteArray& sha256, const QByteArray& data)
{
    const FileStore store(dataDir);
    const QString path = store.blobPath(sha256);
    if (!QFileInfo::exists(path)) {
        QDir().mkpath(QFileInfo(path).path());
        // QSaveFile writes a temporary beside the target, fsyncs and renames: the blob is whole or absent.
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() ||
            !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || !file.commit())
            return false;
    }
    return storage.addBlob(sha256, data.size());
}

bool AvatarBlobs::store(const QString& dataDir, Storage& storage, const QByteArray& picture, const QByteArray& sha256,
                        QString* why)
{
    if (picture.size() > protocol::kMaxAvatarBytes) {
        *why = QStringLiteral("%1 bytes, an avatar is at most %2").arg(picture.size()).arg(protocol::kMaxAvatarBytes);
        return false;
    }
    if (const std::optional<QString> problem = AvatarImage::check(picture)) {
        *why = *problem;
        return false;
    }
    if (!write(dataDir, storage, sha256, picture)) {
        *why = QStringLiteral("cannot write it into the file store");
        return false;
    }
    return true;
}

} // namespace lanchat
