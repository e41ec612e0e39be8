#pragma once

#include "sha256.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <atomic>

namespace lanchat {

/**
 * The disk side of one upload in progress: `<store>/tmp/<id>.part`, appended sequentially, and the running SHA-256
 * of its bytes. Created by FileStore on the socket thread, then used only by FileStore's jobs on its FileIoThread,
 * one at a time, so it needs no lock; discard() is the one member meant for the socket thread.
 *
 * Writes are unbuffered (QIODevice::Unbuffered), so a full disk fails the chunk that hit it, not a later flush.
 * Every kWritebackBytes written are handed to the disk at once (sync_file_range(2), SYNC_FILE_RANGE_WRITE, which
 * starts writeback without waiting for it), so the disk writes while the upload goes on and the fsync of commit()
 * waits only for the tail instead of the whole file. It is a hint, not durability: commit() still fsyncs.
 * A part that failed a write removes its file and refuses every later write: the resume offset can only ever be
 * bytes that really reached the file.
 */
class PartFile
{
public:
    enum class Outcome
    {
        Written, ///< appended (write()), or renamed into the store (commit())
        Failed,  ///< a write, fsync or rename failed (disk full, I/O error), or discarded; the file was removed
    };

    /** Bytes written between two writeback starts (8 MiB). */
    static constexpr qint64 kWritebackBytes = 8 * 1024 * 1024;

    /** @p size: what the upload announced, bytes. */
    PartFile(const QString& path, qint64 size);

    /**
     * Opens the file for appending, creating it empty. Returns the bytes already in it (truncating a file longer
     * than the upload to 0), or -1 when it cannot be opened. A non-empty prefix must be re-hashed and handed to
     * setHash() before more bytes are hashed.
     */
    qint64 open();
    /** Continues writing after @p written bytes; 0 truncates (a prefix that could not be re-hashed). */
    void setWritten(qint64 written);
    Outcome write(const QByteArray& data);
    /** Bytes written so far. */
    qint64 written() const { return m_written; }
    /**
     * All bytes written and their hash verified: fsyncs and renames the file to @p blobPath (the file message is
     * acked as durable, so the content must be on disk before the rename).
     */
    Outcome commit(const QString& blobPath);
    /** Closes the file, keeping it on disk (an idle part evicted). */
    void close();
    /** Closes and removes the file. */
    void remove();

    /** The hash state after a re-hashed prefix. */
    void setHash(Sha256 state) { m_hash = std::move(state); }
    void hash(const QByteArray& data) { m_hash.addData(data); }
    /** The SHA-256 of everything hashed. */
    QByteArray digest() { return m_hash.result(); }

    /** Any thread: later writes do nothing and fail (cancel); the job that removes the file follows. */
    void discard() { m_discarded = true; }

private:
    Outcome fail();
    void startWriteback();

    QFile m_file;
    qint64 m_size;
    qint64 m_written = 0;
    qint64 m_writebackFrom = 0; ///< bytes before this offset were handed to writeback
    bool m_failed = false;
    std::atomic<bool> m_discarded{false};
    Sha256 m_hash;
};

} // namespace lanchat
