#pragma once

#include "blobreader.h"
#include "fileiothread.h"
#include "ids.h"
#include "storage/storage.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <utility>

namespace lanchat {

class FileHasher;
class PartFile;
struct UploadRecord;

/**
 * The relay's file store on disk (docs/protocol.md, "Files"; design.md "Files"):
 * `<data>/files/ab/abcdef…` holds content addressed by its lowercase hex SHA-256, `<data>/files/tmp/<id>.part`
 * holds uploads in progress. A part whose last byte arrived is verified, fsynced and renamed into the store (same
 * file system, so the rename is atomic: a blob is either whole or absent).
 *
 * Threads: the API is for the server thread, and every call returns at once. The disk work — part writes, the
 * final verify + fsync + rename, blob reads and proofs — runs on one FileIoThread in FIFO order; each written chunk
 * then goes on to a second FileIoThread for its incremental SHA-256 (OpenSSL), so hashing one chunk overlaps
 * writing the next. Results come back as callbacks on the server thread (never after the store is destroyed);
 * chunk results in the order of the chunks. A resumed part's prefix is re-hashed on a FileHasher thread of its
 * own, so a multi-GB resume does not hold up other transfers' I/O. Destroying the store finishes the queued disk
 * work first.
 *
 * Acks and disk full: append() checks the chunk's offset at once but reports Accepted only from the worker, after
 * the bytes were written, so a `received` never counts bytes that are not in the part file. A failed write removes
 * the part; every chunk queued behind it fails the same way (StorageFull).
 *
 * Memory: at most kMaxQueuedBytes of chunk data wait for the disk and the hash in total (half each; FileIoThread
 * blocks the caller beyond it); callers bound each connection further (FileHandlers).
 *
 * Files: parts and blobs are created mode 0600 whatever the umask (only the server's account reads them).
 *
 * Also used as the store's path layout by admin commands (blobPath()); then no thread is ever started.
 */
class FileStore
{
public:
    enum class WriteResult
    {
        Accepted,       ///< written; more bytes expected
        Complete,       ///< last byte written, hash verified, content moved into the store
        OffsetMismatch, ///< offset is not where the part continues (see expected)
        HashMismatch,   ///< all bytes arrived but the SHA-256 differs; the part was deleted
        StorageFull,    ///< write, fsync or rename failed (disk full, I/O error); the part was deleted
        TooLong,        ///< the chunk goes beyond the announced size
    };

    /** Parts kept open at once (file descriptors). */
    static constexpr int kMaxOpenParts = 128;
    /** Chunk bytes that may wait for the disk, all connections together (32 MiB). */
    static constexpr qint64 kMaxQueuedBytes = 32 * 1024 * 1024;

    /** @p dataDir is the relay's data directory; the store lives in `<dataDir>/files`. */
    explicit FileStore(const QString& dataDir);
    ~FileStore();
    FileStore(const FileStore&) = delete;
    FileStore& operator=(const FileStore&) = delete;

    /** Creates the directories; false with @p error when that fails. */
    bool init(QString* error);

    /** `<data>/files/ab/abcdef…` for 32 raw bytes of SHA-256. */
    QString blobPath(const QByteArray& sha256) const;
    QString partPath(TransferId id) const;
    /** `<data>/files/tmp`. */
    QString partsDir() const;
    bool hasBlobFile(const QByteArray& sha256) const;
    /** Size of the blob file in bytes, -1 when it does not exist. */
    qint64 blobFileSize(const QByteArray& sha256) const;

    /** Opened's value when the upload was completed meanwhile (by its last chunk): offer it again. */
    static constexpr qint64 kFinishedMeanwhile = -2;
    /** Called with the bytes of a part on disk, -1 when it cannot be opened, or kFinishedMeanwhile. */
    using Opened = std::function<void(qint64 offset)>;
    /**
     * Opens the part of @p upload (creating it empty) and calls @p done with its size once every chunk queued
     * for it is written. A part with bytes (resume after a reconnect or restart) has its prefix re-hashed first.
     * A part longer than the upload's size is truncated. At most kMaxOpenParts parts stay open; opening one more
     * closes the least recently used idle one.
     */
    void openPart(const UploadRecord& upload, Opened done);
    /** Bytes in the part file of @p id on disk (0 when none), without opening it. */
    qint64 partFileSize(TransferId id) const;
    /** The record of an open part, or nullptr. */
    const UploadRecord* openUpload(TransferId id) const;

    /** The outcome of a queued chunk: Accepted, Complete, HashMismatch or StorageFull, and the bytes written. */
    using Written = std::function<void(WriteResult result, qint64 received)>;
    /**
     * Queues @p data at @p offset of the open part @p id and returns Accepted; @p done follows once it is written
     * (with Complete after the last byte). OffsetMismatch (@p expected gets the offset the part continues at) and
     * TooLong are returned at once, without calling @p done. Empty @p data at the end of a full part finishes it.
     */
    WriteResult append(TransferId id, qint64 offset, const QByteArray& data, Written done, qint64* expected);
    /** Closes and deletes the part of @p id (cancel); chunks still queued for it fail. */
    void discardPart(TransferId id);
    /** The uploads of @p sender into @p conversation (an invalid id: any) whose part is open or being opened. */
    QList<TransferId> openUploadsOf(UserId sender, ConversationId conversation) const;

    /** Stores @p data as a blob at once (used for the empty file, which has no part). */
    bool writeBlob(const QByteArray& sha256, const QByteArray& data);

    using Read = std::function<void(const BlobReader::Frame& result)>;
    /** Reads up to @p length bytes at @p offset of a blob into the reply frame for request @p id (file_read). */
    void readFrame(const QByteArray& sha256, quint64 id, qint64 offset, qint64 length, Read done);
    /** Computes BlobReader::proof() over the blob of @p sha256; @p done gets the digest (empty on failure). */
    void proof(const QByteArray& sha256, const QByteArray& nonce, const QList<std::pair<qint64, qint64>>& ranges,
               std::function<void(const QByteArray& digest)> done);

private:
    /** The server thread's view of an open part; its PartFile is touched only by jobs. */
    struct Part
    {
        UploadRecord upload;
        std::shared_ptr<PartFile> file;
        qint64 accepted = 0;       ///< bytes queued or written: the offset the next chunk must have
        int queued = 0;            ///< chunks not yet written and hashed
        qint64 lastUsed = 0;       ///< m_clock at the last append, for evicting idle parts
        Written finish;            ///< set once the last chunk is accepted: its callback, called by endFinish()
        QList<Opened> afterFinish; ///< offers that came in while finishing
    };
    struct Opening
    {
        std::shared_ptr<Part> part;
        std::unique_ptr<FileHasher> hasher;
        QList<Opened> waiters;
    };

    void startOpening(const UploadRecord& upload, Opened done);
    void onPartOpened(TransferId id, qint64 have);
    void onPrefixHashed(TransferId id, qint64 have, bool ok);
    void addPart(const std::shared_ptr<Part>& part);
    void onChunkDone(const std::shared_ptr<Part>& part, bool ok, qint64 written, bool last, const QByteArray& digest,
                     const Written& done);
    /** The last chunk is written and hashed: verify, then commit into the store on the I/O thread. */
    void commit(const std::shared_ptr<Part>& part, const QByteArray& digest);
    /** Ends a finishing part with @p result: closed in m_parts, its offers waiting told. */
    void endFinish(const std::shared_ptr<Part>& part, WriteResult result);
    void forget(const std::shared_ptr<Part>& part);
    /** Closes the least recently used part without queued writes (kept on disk). */
    void evictIdlePart();

    QString m_root;
    QHash<TransferId, std::shared_ptr<Part>> m_parts;
    QHash<TransferId, std::shared_ptr<Opening>> m_opening;
    qint64 m_clock = 0;
    std::shared_ptr<BlobReader> m_reader; ///< used by jobs only
    /** Hashes written chunks and reports them (append()); m_io's jobs post here, so it outlives m_io. */
    std::unique_ptr<FileIoThread> m_hashIo;
    /** Last member: destroyed first (in the destructor's body, in fact), before anything a delivery may touch. */
    std::unique_ptr<FileIoThread> m_io;
};

} // namespace lanchat
