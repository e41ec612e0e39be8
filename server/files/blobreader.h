#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>
#include <vector>

namespace lanchat {

/**
 * Reads stored blobs for file_read and for proofs of possession, on the FileStore's FileIoThread only (its jobs
 * run one at a time, so it needs no lock).
 *
 * A download reads one file 256 KiB at a time, many times in a row; instead of open/seek/close per chunk the
 * reader keeps up to kMaxOpenBlobs descriptors open (least recently used closed first) and reads with pread.
 * A cached descriptor whose file was unlinked since (retention deleted the blob, or verified bytes replaced it)
 * is noticed by its link count and reopened, so an expired blob reads as missing, as it did before the cache.
 */
class BlobReader
{
public:
    /** Blob descriptors kept open at once. */
    static constexpr int kMaxOpenBlobs = 16;

    enum class Status
    {
        Ok,
        Missing,   ///< no such file (never stored, or expired) or unreadable
        BeyondEnd, ///< offset > the blob's size
    };

    struct Frame
    {
        Status status = Status::Missing;
        qint64 size = 0;  ///< the blob's size (when known)
        QByteArray frame; ///< the encoded reply frame (FileData::encodeFrame) when Ok
    };

    BlobReader() = default;
    ~BlobReader();
    BlobReader(const BlobReader&) = delete;
    BlobReader& operator=(const BlobReader&) = delete;

    /** Up to @p length bytes at @p offset of the blob at @p path, as the complete reply frame to request @p id. */
    Frame readFrame(const QString& path, quint64 id, qint64 offset, qint64 length);

    /**
     * SHA-256 of @p nonce followed by the bytes of each (offset, length) range of the blob at @p path, in order:
     * the expected answer to a proof-of-possession challenge. Empty when the blob is missing or a range lies
     * outside it.
     */
    QByteArray proof(const QString& path, const QByteArray& nonce, const QList<std::pair<qint64, qint64>>& ranges);

private:
    struct Open
    {
        QString path;
        int fd = -1;
        qint64 size = 0;
        quint64 lastUsed = 0;
    };
    /** The cached or freshly opened descriptor of @p path, or nullptr when it cannot be opened. */
    Open* open(const QString& path);
    static bool readFully(int fd, char* into, qint64 length, qint64 offset);

    std::vector<Open> m_open;
    quint64 m_clock = 0;
};

} // namespace lanchat
