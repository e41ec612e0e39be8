#pragma once

#include "errorcode.h"
#include "ids.h"

#include <QByteArray>
#include <QFile>
#include <QObject>
#include <QString>
#include <QUuid>

#include <deque>
#include <memory>

namespace lanchat {

class ClientConnection;
class FileHasher;
class FileIoThread;
struct FileOfferOk;

/** What to upload: the local file and the conversation to post it in. */
struct UploadSpec
{
    ConversationId conversation;
    QString path;      ///< local file
    QString name;      ///< name offered to the server (1..255 UTF-8 bytes)
    qint64 size = 0;   ///< bytes
    QByteArray sha256; ///< 32 raw bytes, or empty to hash first
    QUuid clientMsgId; ///< stable across retries, so the file message is posted exactly once
};

/**
 * One run of an upload (docs/protocol.md, "Files"): hash (FileHasher thread) → file_offer → file_chunk … with
 * up to kWindowChunks chunks read ahead or unacknowledged, holding back while the connection has more than
 * kMaxQueuedBytes unwritten. Chunks are read from the file on the TransferManager's FileIoThread, never on the
 * owner's (GUI) thread, and come back in order. When the server already holds the content it may challenge
 * the offer instead (proof of possession): the asked-for byte ranges are read and hashed on that thread too, and
 * the file_prove answer completes the upload without sending a chunk. After a disconnect, networkLost() drops the
 * window; networkBack() re-offers to learn the server's resume offset. Owned by TransferManager; lives in its
 * thread.
 */
class UploadJob : public QObject
{
    Q_OBJECT

public:
    /** Chunks read ahead or in flight without an ack. */
    static constexpr int kWindowChunks = 8;
    /** Back-pressure: no new chunk while the socket holds more than this many unwritten bytes (2 MiB). */
    static constexpr qint64 kMaxQueuedBytes = 2 * 1024 * 1024;

    /** @p io runs the file reads; it and @p connection must outlive the job. */
    UploadJob(ClientConnection* connection, FileIoThread* io, UploadSpec spec, QObject* parent = nullptr);
    ~UploadJob() override;

    /** Hashes when the spec has no sha256, then offers. */
    void start();
    /** The connection dropped: forget chunks in flight (their replies never come). */
    void networkLost();
    /** Logged in again: re-offer and continue from the server's offset. */
    void networkBack();
    /** Tells the server to drop its part file (file_cancel), if an offer was accepted. */
    void cancelOnServer();
    /** Stops at once (pause, cancel): no further request, replies of earlier ones ignored, no signal. */
    void stop();
    /** Test only: flip one byte of the first chunk sent, so the server must report hash_mismatch. */
    void setCorruptFirstChunk(bool corrupt) { m_corrupt = corrupt; }
    /** When the owner cannot tell when a re-login completed: retry every 300 ms after `unauthenticated`. */
    void setPollLogin(bool poll) { m_pollLogin = poll; }

    QByteArray sha256() const { return m_spec.sha256; }
    /** The server's upload id once an offer was accepted (invalid before, and after an instant upload). */
    TransferId transfer() const { return m_transfer; }
    bool isHashing() const { return m_hasher != nullptr; }
    /** Chunk payload bytes put on the wire by this job. */
    qint64 chunkBytesSent() const { return m_chunkBytesSent; }

Q_SIGNALS:
    /** Hashing ended; the transfer enters Running. */
    void hashed(const QByteArray& sha256);
    /** Bytes hashed (while hashing) or acknowledged by the server (while uploading). */
    void progressed(qint64 bytes);
    /** The upload ended; on success @p seq is the posted file message. */
    void finished(bool ok, lanchat::ErrorCode code, lanchat::Seq seq);

private:
    void onHashed(bool ok);
    void offer();
    void onOfferReply(const QCborMap& reply);
    /** The store holds the content: answer its proof-of-possession challenge (docs/protocol.md 10.2a). */
    void prove(const FileOfferOk& challenge);
    void sendProof(quint64 challenge, const QByteArray& proof);
    /** Reads ahead (worker) and sends what was read, within the window and the socket bound. */
    void pump();
    void readAhead();
    void onChunkRead(quint64 epoch, qint64 offset, const QByteArray& data);
    bool sendChunk(QByteArray data);
    void onChunkReply(const QCborMap& reply);
    /** Forgets chunks read ahead or in flight: their reads and replies are ignored from now on. */
    void dropWindow();
    /** True when an error reply is transient (reconnect, login pending) and was handled. */
    bool handleTransient(ErrorCode code);
    void finish(bool ok, ErrorCode code, Seq seq = 0);

    /** The source file, opened, read and closed by jobs on the worker only. */
    struct Source
    {
        QString path;
        std::unique_ptr<QFile> file;
    };

    ClientConnection* m_connection;
    FileIoThread* m_io;
    UploadSpec m_spec;
    FileHasher* m_hasher = nullptr;
    std::shared_ptr<Source> m_source;
    TransferId m_transfer;
    qint64 m_nextRead = 0;          ///< next offset to read
    qint64 m_sent = 0;              ///< next offset to send
    qint64 m_acked = 0;             ///< bytes the server confirmed
    int m_reading = 0;              ///< reads at the worker (this epoch)
    std::deque<QByteArray> m_ready; ///< read, in order from m_sent, waiting for the window or the socket
    int m_inFlight = 0;
    quint64 m_epoch = 0; ///< bumped whenever replies of earlier requests must be ignored
    bool m_streaming = false;
    bool m_done = false;
    bool m_corrupt = false;
    bool m_pollLogin = true;
    qint64 m_chunkBytesSent = 0;
};

} // namespace lanchat
