#include "downloadjob.h"

#include "clientconnection.h"
#include "filehasher.h"
#include "fileiothread.h"
#include "filenamesanitizer.h"
#include "logging.h"
#include "messages/filemessages.h"
#include "protocol.h"
#include "symlinksafefile.h"

#include <QCborMap>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QTimer>

namespace lanchat {

namespace {
constexpr int kLoginWaitMs = 300;
const QString kPartSuffix = QStringLiteral(".part");
} // namespace

QString DownloadJob::partPathFor(const DownloadSpec& spec)
{
    // The content's hash in the name: two files of the same name never share a part, and the same content finds
    // its part again after a restart of the client.
    const QString suffix = QLatin1Char('.') + QString::fromLatin1(spec.sha256.toHex().left(8)) + kPartSuffix;
    const QString name = FileNameSanitizer::sanitize(spec.name);
    return QDir(spec.directory)
        .filePath(FileNameSanitizer::fitStem(name, suffix, protocol::kMaxFileNameBytes) + suffix);
}

DownloadJob::DownloadJob(ClientConnection* connection, FileIoThread* io, DownloadSpec spec, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_io(io)
    , m_spec(std::move(spec))
    , m_disk(std::make_shared<Disk>())
{
    m_disk->path = partPathFor(m_spec);
    m_disk->size = m_spec.size;
}

DownloadJob::~DownloadJob()
{
    // After the writes still queued (FIFO): the file is closed on the thread that wrote it.
    m_io->post([disk = m_disk] {
        const std::lock_guard lock(disk->mutex);
        disk->file.reset();
    });
}

void DownloadJob::start()
{
    const QString expected = QDir(m_spec.directory).filePath(FileNameSanitizer::sanitize(m_spec.name));
    for (const QString& path : {m_existingPath, expected}) {
        if (!path.isEmpty() && !m_candidates.contains(path))
            m_candidates.append(path);
    }
    checkNextExisting();
}

void DownloadJob::checkNextExisting()
{
    while (!m_candidates.isEmpty()) {
        m_candidate = m_candidates.takeFirst();
        const QFileInfo info(m_candidate);
        if (!info.isFile() || info.isSymLink() || info.size() != m_spec.size)
            continue;
        m_hasher = new FileHasher(m_candidate, m_spec.size, this);
        connect(m_hasher, &FileHasher::finished, this, &DownloadJob::onExistingHashed);
        m_hasher->start();
        return;
    }
    openPart();
}

void DownloadJob::onExistingHashed(bool ok)
{
    if (m_done || !m_hasher)
        return;
    const bool same = ok && m_hasher->takeState().result() == m_spec.sha256;
    m_hasher->deleteLater();
    m_hasher = nullptr;
    if (!same) {
        checkNextExisting();
        return;
    }
    qCInfo(lcTransfer) << "already downloaded:" << m_candidate;
    m_finalPath = m_candidate;
    Q_EMIT hashed();
    Q_EMIT progressed(m_spec.size);
    finish(true, ErrorCode::Unknown);
}

void DownloadJob::openPart()
{
    FileIoThread* io = m_io;
    m_io->post([io, disk = m_disk, directory = m_spec.directory, self = QPointer(this)] {
        qint64 have = -1;
        SymlinkSafeFile::Result opened = SymlinkSafeFile::Result::Failed;
        {
            const std::lock_guard lock(disk->mutex);
            QDir().mkpath(directory);
            disk->file = std::make_unique<QFile>(disk->path);
            opened = SymlinkSafeFile::open(*disk->file);
            if (opened == SymlinkSafeFile::Result::Ok) {
                have = disk->file->size();
                if (have > disk->size) {
                    disk->file->resize(0);
                    have = 0;
                }
                disk->file->seek(have);
                disk->written = have;
            } else if (opened == SymlinkSafeFile::Result::Symlink) {
                qCWarning(lcTransfer) << "refusing to write through the symbolic link" << disk->path;
            } else {
                qCWarning(lcTransfer) << "cannot open" << disk->path << disk->file->errorString();
            }
        }
        io->deliver([self, have, symlink = opened == SymlinkSafeFile::Result::Symlink] {
            if (self)
                self->onOpened(have, symlink);
        });
    });
}

void DownloadJob::onOpened(qint64 have, bool symlink)
{
    if (m_done)
        return;
    if (symlink) {
        m_symlinkRefused = true;
        finish(false, ErrorCode::Forbidden);
        return;
    }
    if (have < 0) {
        finish(false, ErrorCode::StorageFull);
        return;
    }
    m_written = m_queuedEnd = have;
    if (have == 0) {
        onPrefixHashed(true);
        return;
    }
    qCInfo(lcTransfer) << "download resumes at" << have << "of" << m_spec.size;
    // No write is queued before the prefix is hashed, so the bytes the hasher reads stay as they are.
    m_hasher = new FileHasher(m_disk->path, have, this);
    connect(m_hasher, &FileHasher::finished, this, &DownloadJob::onPrefixHashed);
    m_hasher->start();
}

void DownloadJob::onPrefixHashed(bool ok)
{
    auto state = std::make_shared<Sha256>();
    if (m_hasher) {
        if (ok)
            *state = m_hasher->takeState();
        m_hasher->deleteLater();
        m_hasher = nullptr;
    }
    if (!ok) {
        // The part is unreadable; start over rather than trust it.
        m_written = m_queuedEnd = 0;
    }
    m_io->post([disk = m_disk, state, ok] {
        const std::lock_guard lock(disk->mutex);
        disk->hash = std::move(*state);
        if (!ok && disk->file) {
            disk->file->resize(0);
            disk->file->seek(0);
            disk->written = 0;
        }
    });
    m_requested = m_queuedEnd;
    m_running = true;
    Q_EMIT hashed();
    Q_EMIT progressed(m_written);
    if (m_written == m_spec.size)
        complete();
    else
        pump();
}

void DownloadJob::pump()
{
    while (m_running && m_inFlight < kWindowRequests && m_queuedWrites < kMaxQueuedWrites &&
           m_requested < m_spec.size) {
        FileRead read;
        read.conversation = m_spec.conversation;
        read.sha256 = m_spec.sha256;
        read.offset = m_requested;
        read.length = qMin(protocol::kChunkBytes, m_spec.size - m_requested);
        const quint64 epoch = m_epoch;
        const quint64 id = m_connection->request(read.encode(), [self = QPointer(this), epoch](const QCborMap& reply) {
            if (self && self->m_epoch == epoch)
                self->onReadReply(reply);
        });
        if (id == 0) {
            networkLost();
            return;
        }
        m_requested += read.length;
        ++m_inFlight;
    }
}

void DownloadJob::onReadReply(const QCborMap& reply)
{
    --m_inFlight;
    if (reply.value(QLatin1String("t")).toString() == QLatin1String("error")) {
        const ErrorCode code = errorCodeFromName(reply.value(QLatin1String("code")).toString());
        if (!handleTransient(code))
            finish(false, code);
        return;
    }
    QString error;
    auto data = FileData::decode(reply, &error);
    if (!data || data->size != m_spec.size || data->data.isEmpty() || data->offset < m_queuedEnd ||
        data->offset + data->data.size() > m_spec.size) {
        qCWarning(lcTransfer) << "bad file_read reply" << error;
        finish(false, ErrorCode::Malformed);
        return;
    }
    m_pending.insert(data->offset, std::move(data->data));
    queueInOrder();
    pump();
}

void DownloadJob::queueInOrder()
{
    FileIoThread* io = m_io;
    while (!m_pending.isEmpty() && m_pending.firstKey() == m_queuedEnd) {
        QByteArray data = m_pending.take(m_queuedEnd);
        if (m_corrupt) {
            m_corrupt = false;
            data[0] = char(data.at(0) ^ 0x5a);
        }
        m_queuedEnd += data.size();
        ++m_queuedWrites;
        const qint64 bytes = data.size();
        m_io->post(
            [io, disk = m_disk, data, self = QPointer(this)] {
                const std::lock_guard lock(disk->mutex);
                if (disk->cancelled || disk->failed || !disk->file)
                    return; // aborted (nobody waits for it), or an earlier write failed (already reported)
                const bool ok = disk->file->write(data) == data.size();
                if (ok) {
                    disk->hash.addData(data);
                    disk->written += data.size();
                } else {
                    qCWarning(lcTransfer) << "write failed" << disk->path << disk->file->errorString();
                    disk->failed = true;
                }
                io->deliver([self, ok, written = disk->written] {
                    if (self)
                        self->onWritten(ok, written);
                });
            },
            bytes);
    }
}

void DownloadJob::onWritten(bool ok, qint64 written)
{
    if (m_done)
        return;
    --m_queuedWrites;
    if (!ok) {
        finish(false, ErrorCode::StorageFull);
        return;
    }
    m_written = written;
    Q_EMIT progressed(m_written);
    if (m_written >= m_spec.size)
        complete();
    else
        pump();
}

void DownloadJob::complete()
{
    m_running = false;
    FileIoThread* io = m_io;
    m_io->post([io, disk = m_disk, self = QPointer(this)] {
        QByteArray digest;
        {
            const std::lock_guard lock(disk->mutex);
            if (disk->cancelled)
                return;
            digest = disk->hash.result();
            disk->file.reset(); // closed before the rename, on the thread that wrote it
        }
        io->deliver([self, digest] {
            if (self)
                self->onVerified(digest);
        });
    });
}

void DownloadJob::onVerified(const QByteArray& digest)
{
    if (m_done)
        return;
    if (digest != m_spec.sha256) {
        qCWarning(lcTransfer) << "hash mismatch, removing" << m_disk->path;
        QFile::remove(m_disk->path);
        finish(false, ErrorCode::HashMismatch);
        return;
    }
    // Here, not on the worker: the downloads of one manager pick unique names one after another.
    m_finalPath = FileNameSanitizer::uniquePath(m_spec.directory, m_spec.name);
    const SymlinkSafeFile::Result renamed = SymlinkSafeFile::renameNoReplace(m_disk->path, m_finalPath);
    if (renamed != SymlinkSafeFile::Result::Ok) {
        qCWarning(lcTransfer) << "rename failed" << m_disk->path << m_finalPath
                              << (renamed == SymlinkSafeFile::Result::Symlink
                                      ? "(the target is a symbolic link or exists)"
                                      : "");
        m_symlinkRefused = renamed == SymlinkSafeFile::Result::Symlink;
        finish(false, m_symlinkRefused ? ErrorCode::Forbidden : ErrorCode::Internal);
        return;
    }
    qCInfo(lcTransfer) << "downloaded" << m_finalPath;
    finish(true, ErrorCode::Unknown);
}

bool DownloadJob::handleTransient(ErrorCode code)
{
    if (code == ErrorCode::Timeout) {
        networkLost();
        return true;
    }
    if (code == ErrorCode::Unauthenticated) {
        networkLost();
        // With a login notice (ChatClient::loggedIn) networkBack() comes from the manager; else poll.
        if (m_pollLogin)
            QTimer::singleShot(kLoginWaitMs, this, &DownloadJob::networkBack);
        return true;
    }
    return false;
}

void DownloadJob::networkLost()
{
    ++m_epoch;
    m_inFlight = 0;
    m_pending.clear();
    m_requested = m_queuedEnd; // chunks handed to the worker are valid and get written
}

void DownloadJob::networkBack()
{
    pump();
}

qint64 DownloadJob::abort(bool removePart)
{
    ++m_epoch;
    m_running = false;
    m_done = true;
    delete m_hasher; // joins its thread after the current block
    m_hasher = nullptr;
    const std::lock_guard lock(m_disk->mutex); // waits for a write in progress, at most one chunk
    m_disk->cancelled = true;
    if (m_disk->file)
        m_disk->file->close(); // the QFile itself goes on the worker (destructor's job): it was made there
    if (removePart)
        QFile::remove(m_disk->path);
    return removePart ? 0 : m_disk->written;
}

void DownloadJob::finish(bool ok, ErrorCode code)
{
    if (m_done)
        return;
    m_done = true;
    m_running = false;
    ++m_epoch;
    m_io->post([disk = m_disk] {
        const std::lock_guard lock(disk->mutex);
        disk->cancelled = true;
        disk->file.reset();
    });
    Q_EMIT finished(ok, code);
}

} // namespace lanchat
