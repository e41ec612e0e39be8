#pragma once

#include "errorcode.h"
#include "ids.h"
#include "sha256.h"

#include <QByteArray>
#include <QFile>
#include <QMap>
#include <QObject>
#include <QString>

namespace lanchat {

class ClientConnection;
class FileHasher;

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
 * kWindowRequests requests in flight, appends to `<dir>/<name>.part` (resuming from its size, whose prefix
 * is re-hashed once on a worker thread), verifies SHA-256 at the end and renames the part to
 * FileNameSanitizer::uniquePath(). A mismatch deletes the part and fails with hash_mismatch: nothing
 * half-written is ever presented as complete. Owned by TransferManager; lives in its thread.
 */
class DownloadJob : public QObject
{
    Q_OBJECT

public:
    /** file_read requests in flight. */
    static constexpr int kWindowRequests = 8;

    DownloadJob(ClientConnection* connection, DownloadSpec spec, QObject* parent = nullptr);
    ~DownloadJob() override;

    void start();
    /** The connection dropped: requests in flight are lost; continue from the bytes written. */
    void networkLost();
    /** Logged in again: request from the bytes written on. */
    void networkBack();
    /** Stops; with @p removePart the `.part` file is deleted (cancel), else kept for resume (pause). */
    void abort(bool removePart);
    /** Test only: flip one byte of the first chunk received, so the final hash check must fail. */
    void setCorruptFirstChunk(bool corrupt) { m_corrupt = corrupt; }
    /** When the owner cannot tell when a re-login completed: retry every 300 ms after `unauthenticated`. */
    void setPollLogin(bool poll) { m_pollLogin = poll; }

    QString partPath() const { return m_file.fileName(); }
    /** After success: the final path. */
    QString finalPath() const { return m_finalPath; }
    bool isHashing() const { return m_hasher != nullptr; }

Q_SIGNALS:
    /** The `.part` prefix is hashed; the transfer enters Running. */
    void hashed();
    /** Bytes written to the part file. */
    void progressed(qint64 bytes);
    void finished(bool ok, lanchat::ErrorCode code);

private:
    void onPrefixHashed(bool ok);
    void pump();
    void onReadReply(const QCborMap& reply);
    bool writeInOrder();
    void complete();
    bool handleTransient(ErrorCode code);
    void finish(bool ok, ErrorCode code);

    ClientConnection* m_connection;
    DownloadSpec m_spec;
    FileHasher* m_hasher = nullptr;
    QFile m_file;
    Sha256 m_hash;
    QString m_finalPath;
    QMap<qint64, QByteArray> m_pending; ///< replies that arrived ahead of m_written, by offset
    qint64 m_written = 0;
    qint64 m_requested = 0;
    int m_inFlight = 0;
    quint64 m_epoch = 0;
    bool m_running = false;
    bool m_done = false;
    bool m_corrupt = false;
    bool m_pollLogin = true;
};

} // namespace lanchat
