#include "filehandlers.h"

#include "channelpolicy.h"
#include "commitqueue.h"
#include "filenamesanitizer.h"
#include "logging.h"
#include "messageposter.h"
#include "messages/filemessages.h"
#include "protocol.h"
#include "requestdecoder.h"
#include "router.h"
#include "serverconfig.h"
#include "session.h"
#include "sessionregistry.h"
#include "sha256.h"

#include <QPointer>

namespace lanchat {

namespace {
QString tooLargeMessage(qint64 max)
{
    return QStringLiteral("file larger than the server's maximum of %1 bytes").arg(max);
}

QString notMemberMessage()
{
    return QStringLiteral("not a member of this conversation");
}
} // namespace

FileHandlers::FileHandlers(const ServerConfig& config, Storage& storage, CommitQueue& commits, MessagePoster& poster)
    : m_config(config)
    , m_storage(storage)
    , m_commits(commits)
    , m_poster(poster)
    , m_store(config.dataDir)
    , m_reads(std::make_unique<FileReads>(storage, m_store))
    , m_proofs(std::make_unique<PossessionProofs>(m_store))
    , m_capacity(storage, m_store)
    , m_revocations(storage, commits, m_store)
{}

void FileHandlers::registerWith(Router& router)
{
    const auto bind = [this](void (FileHandlers::*method)(Session&, const QCborMap&, quint64)) {
        return [this, method](Session& s, const QCborMap& r, quint64 id) { (this->*method)(s, r, id); };
    };
    router.add(QString::fromLatin1(FileOffer::kType), bind(&FileHandlers::onOffer));
    router.add(QString::fromLatin1(FileChunk::kType), bind(&FileHandlers::onChunk));
    router.add(QString::fromLatin1(FileCancel::kType), bind(&FileHandlers::onCancel));
    router.add(QString::fromLatin1(FileProve::kType), bind(&FileHandlers::onProve));
    router.add(QString::fromLatin1(FileRead::kType),
               [this](Session& s, const QCborMap& r, quint64 id) { m_reads->onRead(s, r, id); });
}

FileHandlers::~FileHandlers() = default;

bool FileHandlers::ensureStore()
{
    if (!m_storeReady) {
        QString error;
        m_storeReady = m_store.init(&error);
        if (!m_storeReady)
            qCWarning(lcServer) << "file store unavailable:" << error;
    }
    return m_storeReady;
}

void FileHandlers::onOffer(Session& session, const QCborMap& request, quint64 id)
{
    std::optional<FileOffer> offer = decodeRequest<FileOffer>(session, request, id);
    if (!offer)
        return;
    handleOffer(session, *offer, id);
}

void FileHandlers::handleOffer(Session& session, FileOffer offer, quint64 id)
{
    offer.name = FileNameSanitizer::clean(offer.name);
    if (!admitOffer(session, offer, id))
        return;
    Storage& storage = m_storage;
    if (offer.size == 0 && !m_store.hasBlobFile(offer.sha256) && !m_store.writeBlob(offer.sha256, {})) {
        session.replyError(id, ErrorCode::StorageFull, QStringLiteral("cannot store the empty file"));
        return;
    }
    if (offer.size == 0) {
        completeInstantly(session, offer, id); // everyone has the empty file
        return;
    }
    const bool stored = storage.hasBlob(offer.sha256) && m_store.blobFileSize(offer.sha256) == offer.size;
    if (stored && storage.userPostedFile(session.user(), offer.sha256)) {
        completeInstantly(session, offer, id); // this user had the bytes before (uploaded or proved)
        return;
    }
    // A challenge tells that the store holds the content: only for content posted where the user can read it.
    if (stored && session.hasFeature(QLatin1StringView(protocol::kFeatureFileProof)) &&
        storage.memberSeesFile(session.user(), offer.sha256)) {
        challengeOffer(session, offer, id);
        return;
    }
    // Not stored, not known to the user, or a peer that cannot answer challenges: the bytes are uploaded like
    // new content (and deduplicated when they arrive), so the answer reveals nothing of what the server holds.
    startUpload(session, offer, id);
}

void FileHandlers::challengeOffer(Session& session, const FileOffer& offer, quint64 id)
{
    QPointer<Session> guard(&session);
    m_proofs->challenge(session, offer, offer.size, [this, guard, offer, id](std::optional<FileOfferOk> reply) {
        if (!guard)
            return;
        if (reply)
            guard->reply(id, reply->encode());
        else
            startUpload(*guard, offer, id); // the stored copy is unreadable: fresh bytes will replace it
    });
}

void FileHandlers::onProve(Session& session, const QCborMap& request, quint64 id)
{
    const std::optional<FileProve> prove = decodeRequest<FileProve>(session, request, id);
    if (!prove)
        return;
    FileOffer offer;
    switch (m_proofs->verify(session, prove->challenge, prove->proof, &offer)) {
    case PossessionProofs::Verdict::Unknown:
        session.replyError(id, ErrorCode::NotFound, QStringLiteral("no such challenge on this connection"));
        return;
    case PossessionProofs::Verdict::Wrong:
        session.replyError(id, ErrorCode::Forbidden, QStringLiteral("wrong proof of possession"));
        return;
    case PossessionProofs::Verdict::Proved:
        break;
    }
    if (!m_storage.isMember(offer.conversation, session.user())) {
        session.replyError(id, ErrorCode::Forbidden, notMemberMessage());
        return;
    }
    if (!ChannelPolicy::mayPost(m_storage, session, offer.conversation, id))
        return;
    completeInstantly(session, offer, id);
}

bool FileHandlers::admitOffer(Session& session, const FileOffer& offer, quint64 id)
{
    Storage& storage = m_storage;
    const ServerConfig& config = m_config;
    if (offer.name.isEmpty()) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("field 'name': nothing left once sanitised"));
        return false;
    }
    // A conversation that does not exist answers like one of others': file requests do not reveal which ids exist.
    if (!storage.isMember(offer.conversation, session.user())) {
        session.replyError(id, ErrorCode::Forbidden, notMemberMessage());
        return false;
    }
    if (!ChannelPolicy::mayPost(storage, session, offer.conversation, id))
        return false;
    if (offer.size > config.maxFileBytes) {
        session.replyError(id, ErrorCode::FileTooLarge, tooLargeMessage(config.maxFileBytes));
        return false;
    }
    if (offer.size == 0 && offer.sha256 != Sha256::hash({})) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("sha256 of an empty file expected"));
        return false;
    }
    if (!ensureStore()) {
        session.replyError(id, ErrorCode::StorageFull, QStringLiteral("file store unavailable"));
        return false;
    }
    return true;
}

bool FileHandlers::admitBytes(Session& session, qint64 newBytes, quint64 id)
{
    switch (m_capacity.check(m_config, newBytes)) {
    case UploadCapacity::Verdict::Fits:
        return true;
    case UploadCapacity::Verdict::OverQuota:
        session.replyError(id, ErrorCode::StorageFull, QStringLiteral("the file store quota is reached"));
        return false;
    case UploadCapacity::Verdict::BelowDiskFloor:
        qCWarning(lcServer) << "upload refused: the disk of the file store is at its free-space floor";
        session.replyError(id, ErrorCode::StorageFull, QStringLiteral("the server's disk is full"));
        return false;
    }
    return false;
}

void FileHandlers::completeInstantly(Session& session, const FileOffer& offer, quint64 id)
{
    Storage& storage = m_storage;
    if (!m_commits.begin()) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("database unavailable"));
        return;
    }
    if (!storage.hasBlob(offer.sha256))
        storage.addBlob(offer.sha256, offer.size);
    NewMessage message;
    message.conversation = offer.conversation;
    message.sender = session.user();
    message.clientMsgId = offer.clientMsgId;
    message.kind = MessageKind::File;
    message.file = FileRef{offer.name, offer.size, offer.sha256, false};
    QPointer<Session> guard(&session);
    // No origin: the uploader's session has no pending row for a file message, so it gets the push too.
    m_poster.post(message, nullptr, [guard, id, size = offer.size](const std::optional<AppendResult>& r) {
        if (!guard)
            return;
        if (!r || r->idTaken) { // idTaken: the offer's client_msg_id is another sender's
            guard->replyError(id, ErrorCode::Internal, QStringLiteral("could not post the file message"));
            return;
        }
        FileOfferOk ok;
        ok.offset = size;
        ok.complete = true;
        ok.seq = r->seq;
        ok.timestampMs = r->timestampMs;
        guard->reply(id, ok.encode());
    });
}

void FileHandlers::startUpload(Session& session, const FileOffer& offer, quint64 id)
{
    Storage& storage = m_storage;
    std::optional<UploadRecord> upload = storage.findUpload(session.user(), offer.conversation, offer.sha256);
    // Checked at every offer, resumes too: a resumed upload is counted already, a new one adds its size.
    if (!admitBytes(session, upload ? 0 : offer.size, id))
        return;
    if (!upload) {
        UploadRecord record;
        record.sender = session.user();
        record.conversation = offer.conversation;
        record.clientMsgId = offer.clientMsgId;
        record.name = offer.name;
        record.size = offer.size;
        record.sha256 = offer.sha256;
        record.createdMs = QDateTime::currentMSecsSinceEpoch();
        // In the turn's group commit: the offer is answered only once the upload row is on disk.
        if (!m_commits.begin()) {
            session.replyError(id, ErrorCode::Internal, QStringLiteral("database unavailable"));
            return;
        }
        record.id = storage.createUpload(record);
        if (!record.id.isValid()) {
            session.replyError(id, ErrorCode::Internal, QStringLiteral("could not record the upload"));
            return;
        }
        upload = record;
    }
    // A new upload is answered after the group commit holding its row; a resumed one once its prefix is hashed.
    const bool created = storage.inTransaction();
    QPointer<Session> guard(&session);
    m_store.openPart(*upload, [this, guard, id, record = *upload, created, offer](qint64 offset) {
        if (!guard)
            return;
        if (offset == FileStore::kFinishedMeanwhile)
            handleOffer(*guard, offer, id); // its last chunk completed it: now the store holds the content
        else
            answerOffer(*guard, id, record, offset, created);
    });
}

void FileHandlers::answerOffer(Session& session, quint64 id, const UploadRecord& upload, qint64 offset,
                               bool afterCommit)
{
    if (offset < 0) {
        session.replyError(id, ErrorCode::StorageFull, QStringLiteral("cannot create the part file"));
        return;
    }
    if (offset == upload.size && upload.size > 0) {
        // Every byte arrived before a crash or disconnect, but the upload was never finished: finish it now.
        QPointer<Session> guard(&session);
        qint64 expected = 0;
        const FileStore::WriteResult result = m_store.append(
            upload.id, offset, {},
            [this, guard, upload, id](FileStore::WriteResult r, qint64 received) {
                if (r == FileStore::WriteResult::Complete)
                    completeUpload(guard, upload, id, true);
                else
                    replyWriteFailure(guard, r, upload, id, received);
            },
            &expected);
        if (result != FileStore::WriteResult::Accepted)
            replyWriteFailure(guard, result, upload, id, expected);
        return;
    }
    qCInfo(lcServer) << "upload" << upload.id.value() << "of" << upload.size << "bytes from" << session.peer()
                     << "at offset" << offset;
    const FileOfferOk ok{upload.id, offset, false, 0, 0};
    if (!afterCommit || !m_storage.inTransaction()) {
        session.reply(id, ok.encode());
        return;
    }
    QPointer<Session> guard(&session);
    m_commits.afterCommit([guard, id, ok](bool committed) {
        if (guard && committed)
            guard->reply(id, ok.encode());
        else if (guard)
            guard->replyError(id, ErrorCode::Internal, QStringLiteral("could not record the upload"));
    });
}

const UploadRecord* FileHandlers::ownUpload(Session& session, TransferId transfer)
{
    const UploadRecord* upload = m_store.openUpload(transfer);
    return upload && upload->sender == session.user() ? upload : nullptr;
}

int& FileHandlers::queuedChunks(Session& session)
{
    if (const auto it = m_queuedChunks.find(&session); it != m_queuedChunks.end())
        return *it;
    const Session* key = &session;
    connect(&session, &Session::closed, this, [this, key] { m_queuedChunks.remove(key); });
    return m_queuedChunks[key];
}

void FileHandlers::onChunk(Session& session, const QCborMap& request, quint64 id)
{
    const std::optional<FileChunk> chunk = decodeRequest<FileChunk>(session, request, id);
    if (!chunk)
        return;
    QPointer<Session> guard(&session);
    if (m_revocations.isRevoked(chunk->transfer, session.user())) {
        session.replyError(id, ErrorCode::Forbidden, notMemberMessage());
        return;
    }
    const UploadRecord* upload = ownUpload(session, chunk->transfer);
    if (!upload) {
        // Not open (server restarted, part evicted): if it is this user's, a fresh file_offer reopens it.
        const std::optional<UploadRecord> stored = m_storage.upload(chunk->transfer);
        if (stored && stored->sender == session.user() && !m_storage.isMember(stored->conversation, session.user()))
            refuseRevoked(session, *stored, id);
        else if (stored && stored->sender == session.user())
            replyWriteFailure(guard, FileStore::WriteResult::OffsetMismatch, *stored, id,
                              m_store.partFileSize(stored->id));
        else
            session.replyError(id, ErrorCode::NotFound, QStringLiteral("no such upload"));
        return;
    }
    // On every chunk: a member removed (by the owner or an admin) since the offer posts nothing more.
    if (!m_storage.isMember(upload->conversation, session.user())) {
        refuseRevoked(session, *upload, id);
        return;
    }
    if (queuedChunks(session) >= kMaxQueuedChunks) {
        // Not written: the window the client keeps is far smaller, so only a sender that ignores acks gets here.
        session.replyError(id, ErrorCode::RateLimited, QStringLiteral("too many chunks waiting for the disk"));
        return;
    }
    const UploadRecord record = *upload; // the part may close before the write is reported
    qint64 expected = 0;
    const FileStore::WriteResult result = m_store.append(
        chunk->transfer, chunk->offset, chunk->data,
        [this, guard, record, id](FileStore::WriteResult r, qint64 received) {
            if (guard) {
                if (const auto it = m_queuedChunks.find(guard.data()); it != m_queuedChunks.end())
                    --*it;
            }
            onWritten(guard, r, record, id, received);
        },
        &expected);
    if (result == FileStore::WriteResult::Accepted)
        ++queuedChunks(session);
    else
        replyWriteFailure(guard, result, record, id, expected);
}

void FileHandlers::onWritten(const QPointer<Session>& session, FileStore::WriteResult result,
                             const UploadRecord& upload, quint64 id, qint64 received)
{
    if (result == FileStore::WriteResult::Accepted) {
        if (session)
            session->reply(id, FileChunkOk{received, false, 0, 0}.encode());
    } else if (result == FileStore::WriteResult::Complete) {
        // Also without the uploader's connection: the content is in the store and its message must be posted.
        completeUpload(session, upload, id, false);
    } else {
        replyWriteFailure(session, result, upload, id, received);
    }
}

void FileHandlers::replyWriteFailure(const QPointer<Session>& session, FileStore::WriteResult result,
                                     const UploadRecord& upload, quint64 id, qint64 received)
{
    switch (result) {
    case FileStore::WriteResult::Accepted:
    case FileStore::WriteResult::Complete:
        break;
    case FileStore::WriteResult::OffsetMismatch: {
        if (!session)
            break;
        QCborMap error;
        error.insert(QLatin1String("t"), QLatin1String("error"));
        error.insert(QLatin1String("code"), errorCodeName(ErrorCode::OffsetMismatch));
        error.insert(QLatin1String("message"), QStringLiteral("expected offset %1").arg(received));
        error.insert(QLatin1String("offset"), received);
        session->reply(id, error);
        break;
    }
    case FileStore::WriteResult::TooLong:
        if (session)
            session->replyError(id, ErrorCode::InvalidArgument, QStringLiteral("chunk beyond the announced size"));
        break;
    case FileStore::WriteResult::HashMismatch:
        m_storage.deleteUpload(upload.id);
        if (session)
            session->replyError(id, ErrorCode::HashMismatch, QStringLiteral("content does not match its sha256"));
        break;
    case FileStore::WriteResult::StorageFull:
        m_storage.deleteUpload(upload.id);
        if (session && m_revocations.isRevoked(upload.id, upload.sender)) // dropped with the membership
            session->replyError(id, ErrorCode::Forbidden, notMemberMessage());
        else if (session)
            session->replyError(id, ErrorCode::StorageFull, QStringLiteral("the server could not write the file"));
        break;
    }
}

void FileHandlers::completeUpload(const QPointer<Session>& session, const UploadRecord& upload, quint64 id,
                                  bool toOffer)
{
    Storage& storage = m_storage;
    if (!m_commits.begin()) {
        if (session)
            session->replyError(id, ErrorCode::Internal, QStringLiteral("database unavailable"));
        return;
    }
    // The content is verified and in the store either way; recorded, retention and the quota see it.
    if (!storage.hasBlob(upload.sha256))
        storage.addBlob(upload.sha256, upload.size);
    storage.deleteUpload(upload.id);
    // The last chunk was accepted while the sender was a member; the membership (or the account) may have ended
    // while it was written and verified.
    const std::optional<UserRecord> sender = storage.userById(upload.sender);
    if (!sender || sender->disabled || !storage.isMember(upload.conversation, upload.sender)) {
        qCInfo(lcServer) << "upload" << upload.id.value() << "completed after its sender lost access; not posted";
        if (session)
            session->replyError(id, ErrorCode::Forbidden, notMemberMessage());
        return;
    }
    NewMessage message;
    message.conversation = upload.conversation;
    message.sender = upload.sender;
    message.clientMsgId = upload.clientMsgId;
    message.kind = MessageKind::File;
    message.file = FileRef{upload.name, upload.size, upload.sha256, false};
    const auto done = [guard = session, id, size = upload.size, toOffer](const std::optional<AppendResult>& r) {
        if (!guard)
            return;
        if (!r || r->idTaken) { // idTaken: the offer's client_msg_id is another sender's
            guard->replyError(id, ErrorCode::Internal, QStringLiteral("could not post the file message"));
        } else if (toOffer) {
            guard->reply(id, FileOfferOk{TransferId(), size, true, r->seq, r->timestampMs}.encode());
        } else {
            guard->reply(id, FileChunkOk{size, true, r->seq, r->timestampMs}.encode());
        }
    };
    // No origin: the uploader's own session shows the file message from the push (see above).
    m_poster.post(message, nullptr, done);
}

void FileHandlers::refuseRevoked(Session& session, const UploadRecord& upload, quint64 id)
{
    m_revocations.drop(upload.id, upload.sender);
    session.replyError(id, ErrorCode::Forbidden, notMemberMessage());
}

void FileHandlers::dropUploads(ConversationId conversation, UserId user)
{
    if (const int dropped = m_revocations.dropAll(conversation, user))
        qCInfo(lcServer) << "dropped" << dropped << "uploads of user" << user.value() << "who lost access";
}

void FileHandlers::onCancel(Session& session, const QCborMap& request, quint64 id)
{
    const std::optional<FileCancel> cancel = decodeRequest<FileCancel>(session, request, id);
    if (!cancel)
        return;
    const std::optional<UploadRecord> record = m_storage.upload(cancel->transfer);
    if (!record || record->sender != session.user()) {
        session.replyError(id, ErrorCode::NotFound, QStringLiteral("no such upload"));
        return;
    }
    m_store.discardPart(record->id);
    m_storage.deleteUpload(record->id);
    qCInfo(lcServer) << "upload" << record->id.value() << "cancelled by its sender";
    session.reply(id, {});
}

} // namespace lanchat
