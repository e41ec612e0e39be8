#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

namespace lanchat {

class FileHasher;
class SessionStore;

/**
 * The downloads the client has completed, remembered across restarts: content (SHA-256) → the local file that
 * holds it, with that file's size and modification time when it was last verified. A file message whose content
 * is here shows "Open" instead of "Download" after the program was restarted, and a second download of it uses
 * the file instead of writing `name (1).ext`.
 *
 * A file may have been moved, deleted or edited since. path() re-checks cheaply on every call (one stat: exists,
 * same size, same mtime) and forgets the entry when the file is gone or its size changed. When only the mtime
 * differs (a copy back, a `touch`) the content may still be the same: the file is hashed again on a FileHasher
 * thread, path() answers empty meanwhile, and rechecked() tells the outcome.
 *
 * Persisted through SessionStore under the endpoint and user (the same content may be reachable by another
 * account, but what that account downloaded is its own business). At most kMaxEntries are kept; the oldest
 * go first. Lives in, and must be used from, the TransferManager's thread.
 */
class DownloadRegistry : public QObject
{
    Q_OBJECT

public:
    /** Entries kept; recording one more forgets the oldest. */
    static constexpr int kMaxEntries = 5000;

    explicit DownloadRegistry(QObject* parent = nullptr);
    ~DownloadRegistry() override;

    /**
     * Keeps the entries in @p store (not owned, must outlive the registry) for @p username at @p endpoint, and
     * loads what an earlier run recorded there, replacing the entries held so far. Attaching to the same store,
     * endpoint and user again changes nothing. With @p store nullptr the entries are kept in memory only.
     */
    void attach(SessionStore* store, const QString& endpoint, const QString& username);

    /** Remembers that @p path (an existing regular file) holds the content @p sha256 (32 raw bytes). */
    void record(const QByteArray& sha256, const QString& path);

    /**
     * The local file holding @p sha256, or empty: when nothing was recorded, when the file no longer exists or
     * its size changed (the entry is forgotten), or while a file whose mtime changed is being hashed again.
     * Costs one stat(); cheap enough for a paint.
     */
    QString path(const QByteArray& sha256);

    /** The path recorded for @p sha256 without any check (it may be stale), or empty. */
    QString recordedPath(const QByteArray& sha256) const;

    /** Number of entries held. */
    int count() const { return int(m_entries.size()); }

Q_SIGNALS:
    /**
     * A file whose mtime had changed was hashed again: @p valid true when it still holds the content (path()
     * returns it again), false when it does not (the entry is forgotten).
     */
    void rechecked(const QByteArray& sha256, bool valid);

private:
    struct Entry
    {
        QString path;
        qint64 size = 0;
        qint64 mtimeMs = 0;
        qint64 order = 0; ///< recording order, to drop the oldest first
    };

    void recheck(const QByteArray& sha256, const Entry& entry);
    void onRechecked(const QByteArray& sha256, FileHasher* hasher, bool ok);
    void forget(const QByteArray& sha256);
    void load();
    void save();
    void stopRechecks();

    SessionStore* m_store = nullptr;
    QString m_endpoint;
    QString m_username;
    QHash<QByteArray, Entry> m_entries;
    QHash<QByteArray, FileHasher*> m_rechecks; ///< owned (children); one per content at most
    qint64 m_nextOrder = 1;
};

} // namespace lanchat
