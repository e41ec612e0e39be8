#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

namespace lanchat {

class ClientConnection;

/**
 * Avatar pictures by SHA-256, shared by every view (docs/protocol.md 15.3): in memory, and on disk in @p dir (by
 * default `<QStandardPaths::CacheLocation>/avatars`, one file per picture named by its lowercase hex hash, so a
 * restart reads nothing twice). picture() answers from the cache with the encoded bytes (PNG or JPEG, which the
 * server checked; views decode them, so this library needs no Qt Gui); a picture it does not have yet is fetched with
 * `avatar_read` (one at a time per hash, while connected), verified against its hash, stored, and announced with
 * avatarReady(); views then repaint. A hash whose content never arrives (not_found, bad bytes) is not asked again
 * until the next retryFailed() (the client calls it after each login). Lives in the ChatClient's thread.
 */
class AvatarCache : public QObject
{
    Q_OBJECT

public:
    /** @p dir empty: the default location. */
    explicit AvatarCache(ClientConnection* connection, const QString& dir = {}, QObject* parent = nullptr);

    /** The encoded picture of @p sha256 if cached (memory or disk); else empty, and it is fetched. */
    QByteArray picture(const QByteArray& sha256);
    /** Puts @p picture (its bytes) in the cache at once, e.g. the user's own avatar just uploaded. */
    void insert(const QByteArray& picture);
    /** Forgets which hashes failed, so picture() asks for them again. */
    void retryFailed() { m_failed.clear(); }
    QString directory() const { return m_dir; }
    /** Keeps the pictures in @p dir from now on (tests: a temporary folder); the memory cache stays. */
    void setDirectory(const QString& dir) { m_dir = dir; }

Q_SIGNALS:
    /** The picture of @p sha256 is now cached: picture(sha256) returns it. */
    void avatarReady(const QByteArray& sha256);

private:
    void fetch(const QByteArray& sha256);
    void readFrom(const QByteArray& sha256, qint64 offset);
    void store(const QByteArray& sha256, const QByteArray& bytes);
    QString pathOf(const QByteArray& sha256) const;

    ClientConnection* m_connection;
    QString m_dir;
    QHash<QByteArray, QByteArray> m_pictures;
    QHash<QByteArray, QByteArray> m_partial; ///< bytes of fetches in progress
    QSet<QByteArray> m_failed;
};

} // namespace lanchat
