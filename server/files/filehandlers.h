#pragma once

#include "filestore.h"

#include <QCborMap>
#include <QObject>

namespace lanchat {

class RelayServer;
class Session;
struct FileOffer;
struct UploadRecord;

/**
 * The file-transfer requests of docs/protocol.md ("Files"): file_offer, file_chunk, file_cancel and file_read,
 * registered on the relay's Router. Uploads go to the FileStore; a verified upload records its blob and posts
 * the file message through the relay's MessagePoster (group commit: acked only once committed). Every handler
 * first checks that the session's user may do it (membership, upload ownership), as a plain call.
 *
 * Memory: a request handles at most one 256 KiB chunk, and the Session stops reading requests while its
 * output exceeds ServerConfig::maxPendingOutputBytes, so a reader that does not read cannot grow the server.
 *
 * Created by RelayServer::registerHandlers() as its child; lives on the server thread.
 */
class FileHandlers : public QObject
{
    Q_OBJECT
public:
    /** Registers the four handlers on @p server's router. */
    explicit FileHandlers(RelayServer& server);
    ~FileHandlers() override;

private:
    void onOffer(Session& session, const QCborMap& request, quint64 id);
    void onChunk(Session& session, const QCborMap& request, quint64 id);
    void onCancel(Session& session, const QCborMap& request, quint64 id);
    void onRead(Session& session, const QCborMap& request, quint64 id);

    /** Checks membership, size and quota for @p offer; replies the error and returns false when refused. */
    bool admitOffer(Session& session, const FileOffer& offer, quint64 id);
    /** An offer of content the store already holds: posts the file message and replies complete. */
    void completeInstantly(Session& session, const FileOffer& offer, quint64 id);
    /** Starts or resumes the upload of @p offer and replies its transfer id and offset. */
    void startUpload(Session& session, const FileOffer& offer, quint64 id);
    /**
     * The upload whose last byte arrived and verified: records the blob, posts the file message and replies
     * FileChunkOk, or FileOfferOk when @p toOffer (a re-offer found every byte already on disk).
     */
    void completeUpload(Session& session, const UploadRecord& upload, quint64 id, bool toOffer);
    /** Replies the error of a failed append and forgets the upload when its part is gone. */
    void replyWriteFailure(Session& session, FileStore::WriteResult result, const UploadRecord& upload, quint64 id,
                           qint64 received);
    /** Replies to an offer once the part is open at @p offset (after the upload row's commit if @p afterCommit). */
    void answerOffer(Session& session, quint64 id, const UploadRecord& upload, qint64 offset, bool afterCommit);
    /** The open upload @p transfer of the session's user, or nullptr. */
    const UploadRecord* ownUpload(Session& session, TransferId transfer);
    bool ensureStore();

    RelayServer& m_server;
    FileStore m_store;
    bool m_storeReady = false;
};

} // namespace lanchat
