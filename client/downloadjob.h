#pragma once

#include "errorcode.h"
#include "ids.h"
#include "sha256.h"

#include <QByteArray>
#include <QFile>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>

namespace lanchat {

class ClientConnection;
class FileHasher;
class FileIoThread;

/** What to download: a file message's content and where to put it. */
struct DownloadSpec
{
    ConversationId conversation;
    QString name;      ///< as announced in the file message; sanitised again here
    qint64 size = 0;   ///< bytes
    QByteArray sha256; ///< 32 raw bytes
    QString directory; ///< download directory (created if missing)
};

/**
 * One run of a download (docs/protocol.md, "Files"): pulls the content with file_read, keeping up to
 * kWindowRequests requests in flight, appends to `<dir>/<name>.<8 hex digits of the SHA-256>.part` (partPathFor();
 * unique per content, the same after a restart), resuming from its size, whose prefix
 * is re-hashed once on a FileHasher thread), verifies SHA-256 at the end and renames the part to
 * FileNameSanitizer::uniquePath(). Before any of that, a file that already holds the content is used as it is,
 * without a request and without a `name (1).ext` copy: the one setExistingPath() names (a remembered download), else
 * `<dir>/<name>` itself; a candidate of the right size is hashed on a FileHasher thread to be sure, and one that is a
 * symbolic link is never taken. A mismatch deletes the part and fails with hash_mismatch: nothing
 * half-written is ever presented as complete. Neither the part nor the final name is ever written through a
 * symbolic link: when either is one, the download fails (finished() with forbidden, symlinkRefused() true).
 *
 * The part file is opened, written and hashed on the TransferManager's FileIoThread, never on the owner's (GUI)
 * thread; at most kMaxQueuedWrites received chunks wait for it. progressed() reports bytes really in the part
 * file. Owned by TransferManager; lives in its thread.
 */
class DownloadJob : public QObject
{
    Q_OBJECT

public:
    /** file_read requests in flight. */
    static constexpr int kWindowRequests = 8;
    /** Received chunks waiting for the disk; no further request while this many wait. */
    static constexpr int kMaxQueuedWrites = 8;

    /** @p io runs the part file's I/O and hashing; it and @p connection must outlive the job. */
    DownloadJob(ClientConnection* connection, FileIoThread* io, DownloadSpec spec, QObject* parent = nullptr);
    ~DownloadJob() override;

    void start();
    /** The connection dropped: requests in flight are lost; continue from the bytes received. */
    void networkLost();
    /** Logged in again: request from the bytes received on. */
    void networkBack();
    /**
     * Stops; with @p removePart the `.part` file is deleted (cancel), else kept for resume (pause). Waits for a
     * write the worker is doing at that moment (one chunk at most); chunks still queued are dropped. Returns the
     * bytes the part file holds, so the caller shows exactly what a resume starts from. No signal follows.
     */
    qint64 abort(bool removePart);
    /** Test only: flip one byte of the first chunk received, so the final hash check must fail. */
    void setCorruptFirstChunk(bool corrupt) { m_corrupt = corrupt; }
    /** A file that may hold the content already (a remembered download); checked first. Call before start(). */
    void setExistingPath(const QString& path) { m_existingPath = path; }
    /** When the owner cannot tell when a re-login completed: retry every 300 ms after `unauthenticated`. */
    void setPollLogin(bool poll) { m_pollLogin = poll; }

    /** The part file a download of @p spec writes (and resumes from): `<dir>/<name>.<sha256 hex, 8>.part`. */
    static QString partPathFor(const DownloadSpec& spec);
    QString partPath() const { return m_disk->path; }
    /** After success: the final path (an existing file that held the content already, or the renamed part). */
    QString finalPath() const { return m_finalPath; }
    bool isHashing() const { return m_hasher != nullptr; }
    /** The download failed because its part file or final name is a symbolic link (or the name was taken meanwhile). */
    bool symlinkRefused() const { return m_symlinkRefused; }

Q_SIGNALS:
    /** The `.part` prefix is hashed; the transfer enters Running. */
    void hashed();
    /** Bytes written to the part file. */
    void progressed(qint64 bytes);
    void finished(bool ok, lanchat::ErrorCode code);

private:
    /** The part file and its running hash: used by jobs on the worker, and by abort() under the mutex. */
    struct Disk
    {
        QString path;
        qint64 size = 0;
        std::mutex mutex;
        std::unique_ptr<QFile> file;
        Sha256 hash;
        qint64 written = 0;
        bool cancelled = false; ///< abort(): queued writes do nothing
        bool failed = false;    ///< a write failed: later ones do nothing
    };

    /** Hashes the next file that may hold the content already; when none is left, opens the part. */
    void checkNextExisting();
    void onExistingHashed(bool ok);
    void openPart();
    void onOpened(qint64 have, bool symlink);
    void onPrefixHashed(bool ok);
    void pump();
    void onReadReply(const QCborMap& reply);
    /** Hands the replies that continue the queued bytes to the worker, in order. */
    void queueInOrder();
    void onWritten(bool ok, qint64 written);
    void complete();
    void onVerified(const QByteArray& digest);
    bool handleTransient(ErrorCode code);
    void finish(bool ok, ErrorCode code);

    ClientConnection* m_connection;
    FileIoThread* m_io;
    DownloadSpec m_spec;
    std::shared_ptr<Disk> m_disk;
    FileHasher* m_hasher = nullptr;
    QString m_finalPath;
    QString m_existingPath;
    QStringList m_candidates;           ///< files still to check before downloading
    QString m_candidate;                ///< the one being hashed
    QMap<qint64, QByteArray> m_pending; ///< replies that arrived ahead of m_queuedEnd, by offset
    qint64 m_written = 0;               ///< bytes in the part file, as the worker reported
    qint64 m_queuedEnd = 0;             ///< bytes written or queued for the worker
    qint64 m_requested = 0;
    int m_inFlight = 0;
    int m_queuedWrites = 0;
    quint64 m_epoch = 0;
    bool m_running = false;
    bool m_done = false;
    bool m_corrupt = false;
    bool m_pollLogin = true;
    bool m_symlinkRefused = false;
};

} // namespace lanchat
