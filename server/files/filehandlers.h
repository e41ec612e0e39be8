#pragma once

#include "filereads.h"
#include "filestore.h"
#include "possessionproofs.h"
#include "uploadcapacity.h"
#include "uploadrevocations.h"

#include <QCborMap>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

namespace lanchat {

class CommitQueue;
class MessagePoster;
class Router;
class Session;
class Storage;
struct ServerConfig;
struct FileOffer;
struct UploadRecord;

/**
 * The file-transfer requests of docs/protocol.md ("Files"): file_offer, file_chunk, file_cancel, file_prove and
 * file_read, registered on the relay's Router. An offer of content the store holds completes at once when the
 * user posted it before; otherwise a session that announced `file_proof` must prove possession first
 * (PossessionProofs), and an older peer uploads the bytes. Uploads go to the FileStore; a verified upload records
 * its blob and posts the file message through the relay's MessagePoster (group commit: acked only once committed).
 * Every handler first checks that the session's user may do it (membership, upload ownership), as a plain call;
 * an upload checks membership again at every chunk and before its file message is posted, and the uploads of a
 * user who leaves, is removed or is disabled are dropped at once (dropUploads(), which the relay connects to
 * RelayServer::membershipRevoked): their next chunk gets `forbidden`. The store quota and the free-disk floor are
 * checked at every offer that takes bytes, resumes included (UploadCapacity). Content the store holds is challenged
 * (proof of possession) only when the user can read a conversation it was posted in; otherwise it is uploaded like new
 * content.
 *
 * Disk work happens on the FileStore's I/O thread: a chunk is acknowledged once it is written (so `received`
 * never counts bytes that are not in the part file, and a full disk fails the chunk that hit it); file_read is
 * FileReads'.
 *
 * Memory: at most kMaxQueuedChunks chunks (256 KiB each) of one connection wait for the disk, a further one gets
 * `rate_limited` unwritten; the FileStore bounds all connections together. For reads see FileReads.
 *
 * Owned by RelayServer (a member, like the other handler modules); lives on the server thread.
 */
class FileHandlers : public QObject
{
    Q_OBJECT
public:
    /** Chunks of one connection waiting for the disk (twice the bench's window, four times the client's). */
    static constexpr int kMaxQueuedChunks = 32;

    /**
     * @p config is read at every request (a SIGHUP reload changes max_file_bytes, store_quota_bytes, …): it must
     * outlive this object, as must @p storage, @p commits and @p poster. The file store lives in config.dataDir.
     */
    FileHandlers(const ServerConfig& config, Storage& storage, CommitQueue& commits, MessagePoster& poster);
    ~FileHandlers() override;

    /** Registers file_offer, file_chunk, file_cancel, file_prove and file_read on @p router, all Authenticated. */
    void registerWith(Router& router);

    /**
     * Drops every unfinished upload of @p user into @p conversation (an invalid id: into any conversation):
     * closes and deletes its part and its record. Called when the user left or was removed from a group, or was
     * disabled or deleted; their next chunk of it gets `forbidden`.
     */
    void dropUploads(ConversationId conversation, UserId user);

private:
    void onOffer(Session& session, const QCborMap& request, quint64 id);
    /** file_offer once decoded (and again when its upload completed while the offer waited). */
    void handleOffer(Session& session, FileOffer offer, quint64 id);
    void onChunk(Session& session, const QCborMap& request, quint64 id);
    void onCancel(Session& session, const QCborMap& request, quint64 id);
    /** file_prove: the answer to a proof-of-possession challenge (docs/protocol.md 10.2a). */
    void onProve(Session& session, const QCborMap& request, quint64 id);
    /** An offer of stored content by a user not known to have it, on a session with file_proof: a challenge. */
    void challengeOffer(Session& session, const FileOffer& offer, quint64 id);
    /** A queued chunk was written (or failed): replies, and finishes or forgets the upload. */
    void onWritten(const QPointer<Session>& session, FileStore::WriteResult result, const UploadRecord& upload,
                   quint64 id, qint64 received);
    /** The counter of @p session's chunks waiting for the disk (created on first use, dropped when it closes). */
    int& queuedChunks(Session& session);

    /** Checks name, membership and size of @p offer; replies the error and returns false when refused. */
    bool admitOffer(Session& session, const FileOffer& offer, quint64 id);
    /** Checks the quota and the disk floor for @p newBytes more; replies `storage_full` and returns false if not. */
    bool admitBytes(Session& session, qint64 newBytes, quint64 id);
    /** Drops @p upload, whose sender is no longer a member of its conversation, and answers `forbidden`. */
    void refuseRevoked(Session& session, const UploadRecord& upload, quint64 id);
    /** An offer of content the store already holds: posts the file message and replies complete. */
    void completeInstantly(Session& session, const FileOffer& offer, quint64 id);
    /** Starts or resumes the upload of @p offer and replies its transfer id and offset. */
    void startUpload(Session& session, const FileOffer& offer, quint64 id);
    /**
     * The upload whose last byte arrived and verified: records the blob, posts the file message and replies
     * FileChunkOk, or FileOfferOk when @p toOffer (a re-offer found every byte already on disk).
     */
    void completeUpload(const QPointer<Session>& session, const UploadRecord& upload, quint64 id, bool toOffer);
    /** Replies the error of a failed append (if @p session is still there); forgets the upload when its part is gone.
     */
    void replyWriteFailure(const QPointer<Session>& session, FileStore::WriteResult result, const UploadRecord& upload,
                           quint64 id, qint64 received);
    /** Replies to an offer once the part is open at @p offset (after the upload row's commit if @p afterCommit). */
    void answerOffer(Session& session, quint64 id, const UploadRecord& upload, qint64 offset, bool afterCommit);
    /** The open upload @p transfer of the session's user, or nullptr. */
    const UploadRecord* ownUpload(Session& session, TransferId transfer);
    bool ensureStore();

    const ServerConfig& m_config;
    Storage& m_storage;
    CommitQueue& m_commits;
    MessagePoster& m_poster;
    FileStore m_store;
    std::unique_ptr<FileReads> m_reads;         ///< after m_store: destroyed first
    std::unique_ptr<PossessionProofs> m_proofs; ///< likewise
    UploadCapacity m_capacity;
    QHash<const Session*, int> m_queuedChunks;
    UploadRevocations m_revocations;
    bool m_storeReady = false;
};

} // namespace lanchat
