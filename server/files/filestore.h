#pragma once

#include "filehasher.h"
#include "ids.h"
#include "sha256.h"
#include "storage/storage.h"

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace lanchat {

/**
 * The relay's file store on disk (docs/protocol.md, "Files"; design.md "Files"):
 * `<data>/files/ab/abcdef…` holds content addressed by its lowercase hex SHA-256, `<data>/files/tmp/<id>.part`
 * holds uploads in progress. Parts are appended sequentially and hashed incrementally with OpenSSL as the bytes
 * arrive; the running hash state lives with the open part, and after a restart (or when a part is reopened)
 * the existing prefix is re-hashed once. A part whose last byte arrived is verified and renamed into the store
 * (same file system, so the rename is atomic: a blob is either whole or absent).
 *
 * Knows no sessions and no SQL; FileHandlers combines it with Storage. Not thread-safe; server thread only.
 */
class FileStore
{
public:
    enum class WriteResult
    {
        Accepted,       ///< appended; more bytes expected
        Complete,       ///< last byte appended, hash verified, content moved into the store
        OffsetMismatch, ///< offset is not the part's size (see received)
        HashMismatch,   ///< all bytes arrived but the SHA-256 differs; the part was deleted
        StorageFull,    ///< write or flush failed (disk full, I/O error); the part was deleted
        TooLong,        ///< the chunk goes beyond the announced size
    };

    /** Parts kept open at once (file descriptors). */
    static constexpr int kMaxOpenParts = 128;

    /** @p dataDir is the relay's data directory; the store lives in `<dataDir>/files`. */
    explicit FileStore(const QString& dataDir);
    ~FileStore();

    /** Creates the directories; false with @p error when that fails. */
    bool init(QString* error);

    /** `<data>/files/ab/abcdef…` for 32 raw bytes of SHA-256. */
    QString blobPath(const QByteArray& sha256) const;
    QString partPath(TransferId id) const;
    bool hasBlobFile(const QByteArray& sha256) const;

    /** Called with the bytes already present in a part, or -1 when it cannot be opened. */
    using Opened = std::function<void(qint64 offset)>;
    /**
     * Opens the part of @p upload for appending (creating it empty) and calls @p done with its size. A part
     * with bytes (resume after a reconnect or restart) has its prefix re-hashed once on a worker thread first
     * (FileHasher), so a multi-GB resume does not stall the event loop; @p done then runs later, on this
     * thread. An already open part answers at once. A part longer than the upload's size is truncated.
     * At most kMaxOpenParts parts stay open; opening one more closes the least recently used.
     */
    void openPart(const UploadRecord& upload, Opened done);
    /** Bytes in the part file of @p id on disk (0 when none), without opening it. */
    qint64 partFileSize(TransferId id) const;
    /** The record of an open part, or nullptr. */
    const UploadRecord* openUpload(TransferId id) const;
    /** Appends @p data at @p offset of the open part @p id; @p received gets the part's size afterwards. */
    WriteResult append(TransferId id, qint64 offset, const QByteArray& data, qint64* received);
    /** Closes and deletes the part of @p id (cancel, hash mismatch, storage full). */
    void discardPart(TransferId id);
    /** Sum of the announced sizes of open parts (bytes), reserved against the quota. */
    qint64 reservedBytes() const;

    /** Stores @p data as a blob (used for the empty file, which has no part). */
    bool writeBlob(const QByteArray& sha256, const QByteArray& data);
    /**
     * Reads up to @p length bytes at @p offset of a blob. @p size gets the blob's size. nullopt when the blob
     * is missing or unreadable, or offset > size. At end of file the data is empty.
     */
    std::optional<QByteArray> readBlob(const QByteArray& sha256, qint64 offset, qint64 length, qint64* size) const;

private:
    struct Part
    {
        UploadRecord upload;
        QFile file;
        Sha256 hash;
        qint64 written = 0;
        qint64 lastUsed = 0; ///< FileStore::m_clock at the last append, for evicting idle parts
    };
    WriteResult finishPart(TransferId id, Part& part);
    std::shared_ptr<Part> createPart(const UploadRecord& upload, qint64* have);
    void addPart(const std::shared_ptr<Part>& part);
    /** Closes the least recently used part (kept on disk) so abandoned uploads do not pile up descriptors. */
    void evictIdlePart();

    QString m_root;
    QHash<TransferId, std::shared_ptr<Part>> m_parts;
    /** Parts whose prefix is being re-hashed, with the callers waiting for them. */
    struct Opening
    {
        std::shared_ptr<Part> part;
        std::unique_ptr<FileHasher> hasher;
        QList<Opened> waiters;
    };
    QHash<TransferId, std::shared_ptr<Opening>> m_opening;
    qint64 m_clock = 0;
};

} // namespace lanchat
