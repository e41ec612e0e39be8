#include "filestore.h"

#include "filehasher.h"
#include "logging.h"
#include "partfile.h"

#include <QDir>
#include <QFileInfo>

namespace lanchat {

FileStore::FileStore(const QString& dataDir)
    : m_root(QDir(dataDir).filePath(QStringLiteral("files")))
    , m_reader(std::make_shared<BlobReader>())
    , m_hashIo(std::make_unique<FileIoThread>(kMaxQueuedBytes / 2))
    , m_io(std::make_unique<FileIoThread>(kMaxQueuedBytes / 2))
{
    m_hashIo->setObjectName(QStringLiteral("file hash"));
}

FileStore::~FileStore()
{
    m_io.reset();     // runs the queued jobs (their deliveries are dropped with it), then joins
    m_hashIo.reset(); // after m_io, whose jobs post here
    m_opening.clear();
}

bool FileStore::init(QString* error)
{
    if (!QDir().mkpath(partsDir())) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(m_root);
        return false;
    }
    return true;
}

QString FileStore::blobPath(const QByteArray& sha256) const
{
    const QString hex = QString::fromLatin1(sha256.toHex());
    return m_root + QLatin1Char('/') + hex.left(2) + QLatin1Char('/') + hex;
}

QString FileStore::partPath(TransferId id) const
{
    return m_root + QStringLiteral("/tmp/%1.part").arg(id.value());
}

QString FileStore::partsDir() const
{
    return m_root + QStringLiteral("/tmp");
}

bool FileStore::hasBlobFile(const QByteArray& sha256) const
{
    return QFileInfo::exists(blobPath(sha256));
}

qint64 FileStore::blobFileSize(const QByteArray& sha256) const
{
    const QFileInfo info(blobPath(sha256));
    return info.exists() ? info.size() : -1;
}

void FileStore::openPart(const UploadRecord& upload, Opened done)
{
    if (const auto it = m_parts.constFind(upload.id); it != m_parts.constEnd()) {
        const std::shared_ptr<Part> part = *it;
        if (part->finish) {
            part->afterFinish.append(std::move(done));
            return;
        }
        // Answer once the chunks queued before this offer are on disk: the offset is what the file holds.
        // Through the hash thread too, so a failure of a chunk queued before the offer is seen first.
        FileIoThread* hashIo = m_hashIo.get();
        m_io->post([this, hashIo, part, file = part->file, done = std::move(done)] {
            const qint64 written = file->written();
            hashIo->post([this, hashIo, part, done, written] {
                hashIo->deliver([this, part, done, written] {
                    // A write queued before the offer failed meanwhile: the part is gone.
                    done(m_parts.value(part->upload.id) == part ? written : -1);
                });
            });
        });
        return;
    }
    if (const auto it = m_opening.constFind(upload.id); it != m_opening.constEnd()) {
        (*it)->waiters.append(std::move(done));
        return;
    }
    startOpening(upload, std::move(done));
}

void FileStore::startOpening(const UploadRecord& upload, Opened done)
{
    auto opening = std::make_shared<Opening>();
    opening->part = std::make_shared<Part>();
    opening->part->upload = upload;
    opening->part->file = std::make_shared<PartFile>(partPath(upload.id), upload.size);
    opening->waiters.append(std::move(done));
    m_opening.insert(upload.id, opening);
    const TransferId id = upload.id;
    FileIoThread* io = m_io.get();
    m_io->post([this, io, id, file = opening->part->file] {
        const qint64 have = file->open();
        // Delivered in the server thread, and dropped with m_io, so `this` is alive when it runs.
        io->deliver([this, id, have] { onPartOpened(id, have); });
    });
}

void FileStore::onPartOpened(TransferId id, qint64 have)
{
    const std::shared_ptr<Opening> opening = m_opening.value(id);
    if (!opening)
        return; // discarded meanwhile
    if (have <= 0) {
        m_opening.remove(id);
        if (have == 0)
            addPart(opening->part);
        for (const Opened& waiter : std::as_const(opening->waiters))
            waiter(have);
        return;
    }
    qCInfo(lcServer) << "resuming upload" << id.value() << "at" << have << "bytes, re-hashing the prefix";
    // No job for this part is queued (it is not in m_parts yet), so the prefix on disk stays as it is.
    opening->hasher = std::make_unique<FileHasher>(partPath(id), have);
    QObject::connect(opening->hasher.get(), &FileHasher::finished, opening->hasher.get(),
                     [this, id, have](bool ok) { onPrefixHashed(id, have, ok); });
    opening->hasher->start();
}

void FileStore::onPrefixHashed(TransferId id, qint64 have, bool ok)
{
    const std::shared_ptr<Opening> opening = m_opening.take(id);
    if (!opening)
        return; // discarded meanwhile
    // The hasher is the sender of the signal that called us: delete it once control is back in the event loop.
    FileHasher* hasher = opening->hasher.release();
    hasher->deleteLater();
    const std::shared_ptr<PartFile> file = opening->part->file;
    const qint64 written = ok ? have : 0; // an unreadable prefix: start over rather than trust it
    opening->part->accepted = written;
    auto state = std::make_shared<Sha256>(ok ? hasher->takeState() : Sha256());
    m_io->post([file, state, written] {
        file->setWritten(written);
        file->setHash(std::move(*state));
    });
    addPart(opening->part);
    for (const Opened& waiter : std::as_const(opening->waiters))
        waiter(written);
}

void FileStore::addPart(const std::shared_ptr<Part>& part)
{
    if (m_parts.size() >= kMaxOpenParts)
        evictIdlePart();
    part->lastUsed = ++m_clock;
    m_parts.insert(part->upload.id, part);
}

qint64 FileStore::partFileSize(TransferId id) const
{
    return QFileInfo(partPath(id)).size();
}

const UploadRecord* FileStore::openUpload(TransferId id) const
{
    const auto it = m_parts.constFind(id);
    return it == m_parts.constEnd() ? nullptr : &(*it)->upload;
}

FileStore::WriteResult FileStore::append(TransferId id, qint64 offset, const QByteArray& data, Written done,
                                         qint64* expected)
{
    const std::shared_ptr<Part> part = m_parts.value(id);
    Q_ASSERT(part);
    *expected = part->accepted;
    if (offset != part->accepted || part->finish)
        return WriteResult::OffsetMismatch;
    if (offset + data.size() > part->upload.size)
        return WriteResult::TooLong;
    part->accepted += data.size();
    ++part->queued;
    part->lastUsed = ++m_clock;
    const bool last = part->accepted == part->upload.size;
    Written chunkDone; // the last chunk is answered once the part is committed (endFinish)
    if (last)
        part->finish = std::move(done);
    else
        chunkDone = std::move(done);
    // A pipeline of two jobs: the I/O thread writes the chunk, then hands it to the hash thread, which hashes it
    // and reports, so the answer comes once both are done, in the order of the chunks, and a connection's
    // unanswered chunks bound the bytes it holds here. SHA-256 (about 1.4 GB/s with SHA-NI on this kind of
    // machine) is the larger half; on its own thread it overlaps the next chunk's write instead of following
    // it. The jobs share the chunk's bytes (QByteArray): no copy between the socket and the disk. They see only
    // the PartFile (the I/O thread its file, the hash thread its hash state); `this` and `part` travel on to the
    // delivery, which runs on the server thread.
    FileIoThread* hashIo = m_hashIo.get();
    m_io->post(
        [this, hashIo, part, file = part->file, data, last, done = std::move(chunkDone)] {
            const bool ok = file->write(data) == PartFile::Outcome::Written;
            const qint64 written = file->written();
            const QByteArray hashed = ok ? data : QByteArray();
            hashIo->post(
                [this, hashIo, part, file, hashed, ok, written, last, done] {
                    QByteArray digest;
                    if (ok) {
                        file->hash(hashed);
                        if (last)
                            digest = file->digest();
                    }
                    hashIo->deliver([this, part, done, ok, written, last, digest] {
                        onChunkDone(part, ok, written, last, digest, done);
                    });
                },
                hashed.size());
        },
        data.size());
    return WriteResult::Accepted;
}

void FileStore::onChunkDone(const std::shared_ptr<Part>& part, bool ok, qint64 written, bool last,
                            const QByteArray& digest, const Written& done)
{
    --part->queued;
    if (ok && !last) {
        done(WriteResult::Accepted, written);
        return;
    }
    if (ok) {
        commit(part, digest);
        return;
    }
    // Removed on disk; every chunk queued behind this one fails the same way, the last one included.
    if (m_parts.value(part->upload.id) == part)
        qCInfo(lcServer) << "upload" << part->upload.id.value() << "failed at" << written << "bytes";
    if (part->finish)
        endFinish(part, WriteResult::StorageFull);
    else
        forget(part);
    if (!last)
        done(WriteResult::StorageFull, written);
}

void FileStore::commit(const std::shared_ptr<Part>& part, const QByteArray& digest)
{
    if (!part->finish)
        return; // failed or discarded meanwhile
    if (digest != part->upload.sha256) {
        qCWarning(lcServer) << "upload" << part->upload.id.value() << "hash mismatch; part deleted";
        // The error goes out only once the part is gone, so a client that retries at once starts from 0.
        FileIoThread* io = m_io.get();
        m_io->post([this, io, part, file = part->file] {
            file->remove();
            io->deliver([this, part] { endFinish(part, WriteResult::HashMismatch); });
        });
        return;
    }
    FileIoThread* io = m_io.get();
    m_io->post([this, io, part, file = part->file, target = blobPath(part->upload.sha256)] {
        const bool ok = file->commit(target) == PartFile::Outcome::Written;
        io->deliver([this, part, ok] { endFinish(part, ok ? WriteResult::Complete : WriteResult::StorageFull); });
    });
}

void FileStore::endFinish(const std::shared_ptr<Part>& part, WriteResult result)
{
    forget(part);
    const Written done = std::exchange(part->finish, nullptr);
    const QList<Opened> waiting = std::exchange(part->afterFinish, {});
    if (done)
        done(result, result == WriteResult::Complete ? part->upload.size : 0);
    for (const Opened& waiter : waiting)
        waiter(result == WriteResult::Complete ? kFinishedMeanwhile : -1);
}

void FileStore::forget(const std::shared_ptr<Part>& part)
{
    const auto it = m_parts.constFind(part->upload.id);
    if (it != m_parts.constEnd() && *it == part)
        m_parts.erase(it);
}

void FileStore::evictIdlePart()
{
    auto oldest = m_parts.end();
    for (auto it = m_parts.begin(); it != m_parts.end(); ++it) {
        if ((*it)->queued == 0 && !(*it)->finish && (oldest == m_parts.end() || (*it)->lastUsed < (*oldest)->lastUsed))
            oldest = it;
    }
    if (oldest == m_parts.end())
        return; // every open part has writes queued: none is idle
    qCInfo(lcServer) << "closing idle upload part" << oldest.key().value();
    m_io->post([file = (*oldest)->file] { file->close(); });
    m_parts.erase(oldest);
}

void FileStore::discardPart(TransferId id)
{
    std::shared_ptr<PartFile> file;
    if (const std::shared_ptr<Opening> opening = m_opening.take(id)) {
        file = opening->part->file;
        for (const Opened& waiter : std::as_const(opening->waiters))
            waiter(-1);
    }
    if (const std::shared_ptr<Part> part = m_parts.take(id))
        file = part->file;
    if (file) {
        file->discard();
        m_io->post([file] { file->remove(); });
    } else {
        m_io->post([path = partPath(id)] { QFile::remove(path); });
    }
}

QList<TransferId> FileStore::openUploadsOf(UserId sender, ConversationId conversation) const
{
    const auto matches = [sender, conversation](const UploadRecord& upload) {
        return upload.sender == sender && (!conversation.isValid() || upload.conversation == conversation);
    };
    QList<TransferId> ids;
    for (const auto& part : m_parts) {
        if (matches(part->upload))
            ids.append(part->upload.id);
    }
    for (const auto& opening : m_opening) {
        if (matches(opening->part->upload))
            ids.append(opening->part->upload.id);
    }
    return ids;
}

bool FileStore::writeBlob(const QByteArray& sha256, const QByteArray& data)
{
    const QString target = blobPath(sha256);
    QDir().mkpath(QFileInfo(target).path());
    QFile file(target);
    return file.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
           file.write(data) == data.size() && file.flush();
}

void FileStore::readFrame(const QByteArray& sha256, quint64 id, qint64 offset, qint64 length, Read done)
{
    FileIoThread* io = m_io.get();
    m_io->post([io, reader = m_reader, path = blobPath(sha256), id, offset, length, done = std::move(done)] {
        BlobReader::Frame frame = reader->readFrame(path, id, offset, length);
        io->deliver([done, frame = std::move(frame)] { done(frame); });
    });
}

void FileStore::proof(const QByteArray& sha256, const QByteArray& nonce, const QList<std::pair<qint64, qint64>>& ranges,
                      std::function<void(const QByteArray&)> done)
{
    FileIoThread* io = m_io.get();
    m_io->post([io, reader = m_reader, path = blobPath(sha256), nonce, ranges, done = std::move(done)] {
        const QByteArray digest = reader->proof(path, nonce, ranges);
        io->deliver([done, digest] { done(digest); });
    });
}

} // namespace lanchat
