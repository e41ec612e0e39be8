#include "filestore.h"

#include "logging.h"

#include <QDir>
#include <QFileInfo>

#include <unistd.h>

namespace lanchat {

FileStore::FileStore(const QString& dataDir)
    : m_root(QDir(dataDir).filePath(QStringLiteral("files")))
{}

FileStore::~FileStore() = default;

bool FileStore::init(QString* error)
{
    if (!QDir().mkpath(QDir(m_root).filePath(QStringLiteral("tmp")))) {
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

bool FileStore::hasBlobFile(const QByteArray& sha256) const
{
    return QFileInfo::exists(blobPath(sha256));
}

std::shared_ptr<FileStore::Part> FileStore::createPart(const UploadRecord& upload, qint64* have)
{
    auto part = std::make_shared<Part>();
    part->upload = upload;
    part->file.setFileName(partPath(upload.id));
    // Unbuffered: a failed write (disk full) shows up on this chunk, not at some later flush.
    if (!part->file.open(QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        qCWarning(lcServer) << "cannot open part" << part->file.fileName() << part->file.errorString();
        return nullptr;
    }
    *have = part->file.size();
    if (*have > upload.size) {
        part->file.resize(0);
        *have = 0;
    }
    return part;
}

void FileStore::addPart(const std::shared_ptr<Part>& part)
{
    if (m_parts.size() >= kMaxOpenParts)
        evictIdlePart();
    part->file.seek(part->written);
    part->lastUsed = ++m_clock;
    m_parts.insert(part->upload.id, part);
}

void FileStore::openPart(const UploadRecord& upload, Opened done)
{
    if (const auto it = m_parts.constFind(upload.id); it != m_parts.constEnd()) {
        done((*it)->written);
        return;
    }
    if (const auto it = m_opening.constFind(upload.id); it != m_opening.constEnd()) {
        (*it)->waiters.append(std::move(done));
        return;
    }
    qint64 have = 0;
    const std::shared_ptr<Part> part = createPart(upload, &have);
    if (!part) {
        done(-1);
        return;
    }
    if (have == 0) {
        addPart(part);
        done(0);
        return;
    }
    qCInfo(lcServer) << "resuming upload" << upload.id.value() << "at" << have << "bytes, re-hashing the prefix";
    auto opening = std::make_shared<Opening>();
    opening->part = part;
    opening->waiters.append(std::move(done));
    opening->hasher = std::make_unique<FileHasher>(part->file.fileName(), have);
    const TransferId id = upload.id;
    QObject::connect(opening->hasher.get(), &FileHasher::finished, opening->hasher.get(), [this, id, have](bool ok) {
        const std::shared_ptr<Opening> opened = m_opening.take(id);
        if (!opened)
            return; // discarded meanwhile
        if (ok) {
            opened->part->hash = opened->hasher->takeState();
            opened->part->written = have;
        } else {
            opened->part->file.resize(0); // unreadable prefix: start over rather than trust it
        }
        addPart(opened->part);
        // The hasher is the sender of this very signal: delete it once control is back in the event loop.
        opened->hasher.release()->deleteLater();
        for (const Opened& waiter : std::as_const(opened->waiters))
            waiter(opened->part->written);
    });
    m_opening.insert(id, opening);
    opening->hasher->start();
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

FileStore::WriteResult FileStore::append(TransferId id, qint64 offset, const QByteArray& data, qint64* received)
{
    const std::shared_ptr<Part> part = m_parts.value(id);
    Q_ASSERT(part);
    *received = part->written;
    if (offset != part->written)
        return WriteResult::OffsetMismatch;
    if (offset + data.size() > part->upload.size)
        return WriteResult::TooLong;
    if (part->file.write(data) != data.size()) {
        qCWarning(lcServer) << "write failed on" << part->file.fileName() << part->file.errorString();
        discardPart(id);
        return WriteResult::StorageFull;
    }
    part->hash.addData(data);
    part->written += data.size();
    part->lastUsed = ++m_clock;
    *received = part->written;
    if (part->written < part->upload.size)
        return WriteResult::Accepted;
    return finishPart(id, *part);
}

FileStore::WriteResult FileStore::finishPart(TransferId id, Part& part)
{
    if (part.hash.result() != part.upload.sha256) {
        qCWarning(lcServer) << "upload" << id.value() << "hash mismatch; part deleted";
        discardPart(id);
        return WriteResult::HashMismatch;
    }
    // The file message is acked as durable, so its content must be on disk before the rename.
    if (::fsync(part.file.handle()) != 0) {
        discardPart(id);
        return WriteResult::StorageFull;
    }
    part.file.close();
    const QString target = blobPath(part.upload.sha256);
    QDir().mkpath(QFileInfo(target).path());
    QFile::remove(target); // a blob file without its row (earlier crash) is replaced by verified bytes
    if (!QFile::rename(partPath(id), target)) {
        qCWarning(lcServer) << "cannot move upload" << id.value() << "into the store";
        discardPart(id);
        return WriteResult::StorageFull;
    }
    m_parts.remove(id);
    return WriteResult::Complete;
}

void FileStore::evictIdlePart()
{
    auto oldest = m_parts.begin();
    for (auto it = m_parts.begin(); it != m_parts.end(); ++it) {
        if ((*it)->lastUsed < (*oldest)->lastUsed)
            oldest = it;
    }
    if (oldest != m_parts.end()) {
        qCInfo(lcServer) << "closing idle upload part" << oldest.key().value();
        m_parts.erase(oldest);
    }
}

void FileStore::discardPart(TransferId id)
{
    if (const std::shared_ptr<Opening> opening = m_opening.take(id)) {
        opening->part->file.close();
        for (const Opened& waiter : std::as_const(opening->waiters))
            waiter(-1);
    }
    if (const std::shared_ptr<Part> part = m_parts.take(id))
        part->file.close();
    QFile::remove(partPath(id));
}

qint64 FileStore::reservedBytes() const
{
    qint64 total = 0;
    for (const auto& part : m_parts)
        total += part->upload.size;
    return total;
}

bool FileStore::writeBlob(const QByteArray& sha256, const QByteArray& data)
{
    const QString target = blobPath(sha256);
    QDir().mkpath(QFileInfo(target).path());
    QFile file(target);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.flush();
}

std::optional<QByteArray> FileStore::readBlob(const QByteArray& sha256, qint64 offset, qint64 length,
                                              qint64* size) const
{
    QFile file(blobPath(sha256));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return std::nullopt;
    *size = file.size();
    if (offset > *size || !file.seek(offset))
        return std::nullopt;
    QByteArray data = file.read(qMin(length, *size - offset));
    if (data.size() != qMin(length, *size - offset))
        return std::nullopt;
    return data;
}

} // namespace lanchat
