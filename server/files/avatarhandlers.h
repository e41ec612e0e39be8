#pragma once

#include "ids.h"

#include <QByteArray>
#include <QCborMap>
#include <QHash>
#include <QObject>
#include <QString>

namespace lanchat {

class ProfileHandlers;
class Router;
class Session;
class Storage;

/**
 * `avatar_upload` and `avatar_read` (docs/protocol.md 15.2, 15.3). An upload collects its pieces in memory (one per
 * session, at most protocol::kMaxAvatarBytes, at most kMaxUploads sessions at once: `rate_limited` beyond), then
 * checks the SHA-256 (`hash_mismatch`) and the picture (AvatarImage: `bad_image`), writes it into the file store
 * (content-addressed, `<data>/files/ab/abcdef…`, fsynced, atomic rename), records the blob and makes it the user's
 * avatar through ProfileHandlers. Nothing is stored when a check fails. Reads serve only blobs that are someone's
 * avatar (`not_found` for any other hash, so no shared file can be read through it). Avatars are small, so the disk
 * work is done on the server thread. Lives on the server thread.
 */
class AvatarHandlers : public QObject
{
    Q_OBJECT

public:
    /** Most avatar uploads in progress at once, over all sessions. */
    static constexpr int kMaxUploads = 16;

    /** @p dataDir is the relay's data directory; the references must outlive the handlers. */
    AvatarHandlers(const QString& dataDir, Storage& storage, ProfileHandlers& profiles, QObject* parent = nullptr);

    /** Registers `avatar_upload` and `avatar_read`, Authenticated. */
    void registerWith(Router& router);

private:
    struct Pending
    {
        QByteArray sha256;
        qint64 size = 0;
        QByteArray data;
    };

    void upload(Session& session, const QCborMap& request, quint64 id);
    void finishUpload(Session& session, const Pending& pending, quint64 id);
    void read(Session& session, const QCborMap& request, quint64 id);

    QString m_dataDir;
    Storage& m_storage;
    ProfileHandlers& m_profiles;
    QHash<const Session*, Pending> m_pending;
};

} // namespace lanchat
