#pragma once

#include <QByteArray>
#include <QString>

namespace lanchat {

class Storage;

/**
 * Avatar pictures in the file store (docs/protocol.md 15.2): content-addressed by SHA-256 under
 * `<data-dir>/files`, recorded as blobs in the storage (inside the caller's transaction when one is open). Used by
 * avatar uploads and by photos from the company directory (LdapAttributes::PhotoStore). Storage's thread.
 */
class AvatarBlobs
{
public:
    /** Writes @p data (whose SHA-256 is @p sha256) unless the store has it already; false on a write error. */
    static bool write(const QString& dataDir, Storage& storage, const QByteArray& sha256, const QByteArray& data);
    /**
     * Checks @p picture like an upload (size, AvatarImage), then writes it; false with an English reason in @p why
     * when it is refused or cannot be written.
     */
    static bool store(const QString& dataDir, Storage& storage, const QByteArray& picture, const QByteArray& sha256,
                      QString* why);
};

} // namespace lanchat
