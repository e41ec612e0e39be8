#include "avatarcache.h"

#include "clientconnection.h"
#include "logging.h"
#include "messages/profilemessages.h"
#include "protocol.h"
#include "sha256.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace lanchat {

AvatarCache::AvatarCache(ClientConnection* connection, const QString& dir, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_dir(dir.isEmpty() ? QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
                                .filePath(QStringLiteral("avatars"))
                          : dir)
{}

QByteArray AvatarCache::picture(const QByteArray& sha256)
{
    if (sha256.size() != protocol::kAvatarHashBytes)
        return {};
    const auto cached = m_pictures.constFind(sha256);
    if (cached != m_pictures.constEnd())
        return *cached;
    QFile file(pathOf(sha256));
    if (file.size() <= protocol::kMaxAvatarBytes && file.open(QIODevice::ReadOnly)) {
        const QByteArray fromDisk = file.readAll();
        // A file damaged on disk is fetched again rather than shown.
        if (Sha256::hash(fromDisk) == sha256) {
            m_pictures.insert(sha256, fromDisk);
            return fromDisk;
        }
    }
    fetch(sha256);
    return {};
}

void AvatarCache::insert(const QByteArray& picture)
{
    store(Sha256::hash(picture), picture);
}

void AvatarCache::fetch(const QByteArray& sha256)
{
    if (m_partial.contains(sha256) || m_failed.contains(sha256))
        return;
    m_partial.insert(sha256, QByteArray());
    readFrom(sha256, 0);
}

void AvatarCache::readFrom(const QByteArray& sha256, qint64 offset)
{
    const AvatarRead read{sha256, offset, protocol::kChunkBytes};
    const quint64 id = m_connection->request(read.encode(), [this, sha256](const QCborMap& reply) {
        const std::optional<AvatarData> data = AvatarData::decode(reply, nullptr);
        auto partial = m_partial.find(sha256);
        if (partial == m_partial.end())
            return;
        if (!data || reply.value(QLatin1String("t")).toString() != QLatin1String("ok") ||
            data->size > protocol::kMaxAvatarBytes) {
            m_partial.erase(partial);
            // Lost connection: ask again later; anything else: this hash is not worth asking again now.
            if (reply.value(QLatin1String("code")).toString() != QLatin1String("timeout"))
                m_failed.insert(sha256);
            return;
        }
        partial->append(data->data);
        if (!data->data.isEmpty() && partial->size() < data->size) {
            readFrom(sha256, partial->size());
            return;
        }
        const QByteArray bytes = *partial;
        m_partial.erase(partial);
        if (Sha256::hash(bytes) != sha256) {
            qCWarning(lcClient) << "avatar" << sha256.toHex().left(8) << "does not match its hash";
            m_failed.insert(sha256);
            return;
        }
        store(sha256, bytes);
    });
    if (id == 0)
        m_partial.remove(sha256); // not connected: image() asks again later
}

void AvatarCache::store(const QByteArray& sha256, const QByteArray& bytes)
{
    m_pictures.insert(sha256, bytes);
    QDir().mkpath(m_dir);
    QSaveFile file(pathOf(sha256));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        qCWarning(lcClient) << "cannot cache avatar in" << m_dir;
    Q_EMIT avatarReady(sha256);
}

QString AvatarCache::pathOf(const QByteArray& sha256) const
{
    return QDir(m_dir).filePath(QString::fromLatin1(sha256.toHex()));
}

} // namespace lanchat
