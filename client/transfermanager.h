#pragma once

#include "errorcode.h"
#include "ids.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QString>

#include <memory>

namespace lanchat {

class ClientConnection;
class SessionStore;

/**
 * Uploads and downloads of one ChatClient (docs/protocol.md, "Files"), and the item model of the
 * transfers panel: one row per transfer, newest first.
 *
 * Uploads hash the file with SHA-256 (OpenSSL), offer it, then stream 256 KiB chunks with a bounded
 * window in flight, resuming from the server's offset. Downloads pull chunks into `<dir>/<name>.part`,
 * resume from its size, verify SHA-256 and rename to a sanitised, collision-free name; a file that already holds the
 * content (a remembered download, or the name the download would get) is used instead. Completed downloads are
 * remembered (DownloadRegistry), across restarts once rememberDownloadsIn() was called. At most
 * maxConcurrent() transfers run at once; the rest are queued. Lives in the ChatClient's thread.
 *
 * Contract between client/ and app/: members may be added, not renamed or removed.
 */
class TransferManager : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Direction
    {
        Upload,
        Download,
    };
    Q_ENUM(Direction)
    enum class State
    {
        Queued,
        Hashing,
        Running,
        Paused,
        Done,
        Failed,
        Cancelled,
    };
    Q_ENUM(State)
    enum Column
    {
        NameColumn,
        DirectionColumn,
        ProgressColumn,
        SpeedColumn,
        EtaColumn,
        StateColumn,
        ColumnCount
    };
    enum Role
    {
        TransferKeyRole = Qt::UserRole + 300, ///< int: stable key of the row
        DirectionRole,                        ///< int: Direction
        FileNameRole,                         ///< QString
        SizeRole,                             ///< qint64 bytes
        BytesDoneRole,                        ///< qint64 bytes transferred (while Hashing: bytes hashed)
        SpeedRole,                            ///< double bytes/s, smoothed (EWMA over ~3 s)
        EtaRole,                              ///< qint64 seconds, -1 unknown
        StateRole,                            ///< int: State
        ErrorCodeRole,                        ///< QString error code when Failed (hash_mismatch, kSymlinkRefused …)
        LocalPathRole,                        ///< QString: source file, or final downloaded path when Done
        ConversationRole,                     ///< qint64
        Sha256Role,                           ///< QByteArray
        ClientMsgIdRole,                      ///< QUuid: uploads, the client_msg_id of the file message it posts
    };

    /**
     * ErrorCodeRole of a download refused because its `.part` file or its final name in the download folder is
     * a symbolic link: the client never writes through one. A client-side code, never sent on the wire.
     */
    static constexpr const char* kSymlinkRefused = "symlink_refused";

    /** @p connection must outlive the manager. */
    explicit TransferManager(ClientConnection* connection, QObject* parent = nullptr);
    ~TransferManager() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /** Queues an upload of @p localPath into @p conversation; returns the row key. */
    int upload(ConversationId conversation, const QString& localPath);
    /**
     * Queues a download of a file message's content into downloadDirectory(); returns the row key. While the
     * same file is already queued, running or paused, returns that row's key instead of adding a second row,
     * and a paused one resumes (from where it stopped).
     */
    int download(ConversationId conversation, const QString& name, qint64 size, const QByteArray& sha256);
    void pause(int key);
    void resume(int key);
    void cancel(int key);
    /** Restarts a failed or cancelled transfer (resuming where possible). */
    void retry(int key);
    void retryAllFailed();

    /**
     * The local path of a completed download of @p sha256, of this run or, after rememberDownloadsIn(), of an
     * earlier one; empty when there is none or the file was deleted, moved or changed since (one stat per call;
     * a file whose mtime changed reads empty until downloadRechecked() says it still holds the content).
     */
    QString downloadedPath(const QByteArray& sha256) const;
    /**
     * Where completed downloads are remembered across restarts: @p store (not owned, must outlive the manager)
     * for @p username at @p endpoint; loads what earlier runs recorded there. ChatClient calls it at login.
     */
    void rememberDownloadsIn(SessionStore* store, const QString& endpoint, const QString& username);

    QString downloadDirectory() const;
    void setDownloadDirectory(const QString& dir);
    int maxConcurrent() const;
    void setMaxConcurrent(int n);

    /**
     * Test only (hash-mismatch tests): when set, every transfer started afterwards flips one byte of its
     * first chunk (sent for uploads, received for downloads). Also enabled by the environment variable
     * LANCHAT_TEST_CORRUPT_CHUNK. Never set this in the app.
     */
    void setCorruptChunksForTest(bool corrupt);
    /** Chunk payload bytes this manager has put on the wire (file_chunk data), for tests and statistics. */
    qint64 chunkBytesSent() const;

Q_SIGNALS:
    void transferFinished(int key, bool ok);
    /**
     * A remembered download whose mtime had changed was hashed again: downloadedPath(@p sha256) is its path again
     * (@p present) or stays empty. Views showing file messages lay them out again.
     */
    void downloadRechecked(const QByteArray& sha256, bool present);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace lanchat
