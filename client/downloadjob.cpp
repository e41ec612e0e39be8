#include "downloadjob.h"

#include "clientconnection.h"
#include "filehasher.h"
#include "filenamesanitizer.h"
#include "logging.h"
#include "messages/filemessages.h"
#include "protocol.h"

#include <QCborMap>
#include <QDir>
#include <QPointer>
#include <QTimer>

namespace lanchat {

namespace {
constexpr int kLoginWaitMs = 300;
const QString kPartSuffix = QStringLiteral(".part");
} // namespace

DownloadJob::DownloadJob(ClientConnection* connection, DownloadSpec spec, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_spec(std::move(spec))
{
    const QString name = FileNameSanitizer::sanitize(m_spec.name);
    const QString part = FileNameSanitizer::fitStem(name, kPartSuffix, protocol::kMaxFileNameBytes) + kPartSuffix;
    m_file.setFileName(QDir(m_spec.directory).filePath(part));
}

DownloadJob::~DownloadJob() = default;

void DownloadJob::start()
{
    QDir().mkpath(m_spec.directory);
    if (!m_file.open(QIODevice::ReadWrite)) {
        qCWarning(lcTransfer) << "cannot open" << m_file.fileName() << m_file.errorString();
        finish(false, ErrorCode::StorageFull);
        return;
    }
    qint64 have = m_file.size();
    if (have > m_spec.size) {
        m_file.resize(0);
        have = 0;
    }
    m_written = have;
    if (have == 0) {
        onPrefixHashed(true);
        return;
    }
    qCInfo(lcTransfer) << "download resumes at" << have << "of" << m_spec.size;
    m_hasher = new FileHasher(m_file.fileName(), have, this);
    connect(m_hasher, &FileHasher::finished, this, &DownloadJob::onPrefixHashed);
    m_hasher->start();
}

void DownloadJob::onPrefixHashed(bool ok)
{
    if (m_hasher) {
        if (ok)
            m_hash = m_hasher->takeState();
        m_hasher->deleteLater();
        m_hasher = nullptr;
    }
    if (!ok) {
        // The part is unreadable; start over rather than trust it.
        m_file.resize(0);
        m_written = 0;
        m_hash = Sha256();
    }
    m_file.seek(m_written);
    m_requested = m_written;
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
    while (m_running && m_inFlight < kWindowRequests && m_requested < m_spec.size) {
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
    if (!data || data->size != m_spec.size || data->data.isEmpty() || data->offset < m_written) {
        qCWarning(lcTransfer) << "bad file_read reply" << error;
        finish(false, ErrorCode::Malformed);
        return;
    }
    m_pending.insert(data->offset, std::move(data->data));
    if (!writeInOrder())
        return;
    Q_EMIT progressed(m_written);
    if (m_written >= m_spec.size)
        complete();
    else
        pump();
}

bool DownloadJob::writeInOrder()
{
    while (!m_pending.isEmpty() && m_pending.firstKey() == m_written) {
        QByteArray data = m_pending.take(m_written);
        if (m_corrupt) {
            m_corrupt = false;
            data[0] = char(data.at(0) ^ 0x5a);
        }
        if (m_file.write(data) != data.size()) {
            qCWarning(lcTransfer) << "write failed" << m_file.fileName() << m_file.errorString();
            finish(false, ErrorCode::StorageFull);
            return false;
        }
        m_hash.addData(data);
        m_written += data.size();
    }
    return true;
}

void DownloadJob::complete()
{
    m_running = false;
    if (!m_file.flush()) {
        finish(false, ErrorCode::StorageFull);
        return;
    }
    m_file.close();
    if (m_hash.result() != m_spec.sha256) {
        qCWarning(lcTransfer) << "hash mismatch, removing" << m_file.fileName();
        m_file.remove();
        finish(false, ErrorCode::HashMismatch);
        return;
    }
    m_finalPath = FileNameSanitizer::uniquePath(m_spec.directory, m_spec.name);
    if (!m_file.rename(m_finalPath)) {
        qCWarning(lcTransfer) << "rename failed" << m_file.fileName() << m_finalPath << m_file.errorString();
        finish(false, ErrorCode::Internal);
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
    m_requested = m_written;
}

void DownloadJob::networkBack()
{
    pump();
}

void DownloadJob::abort(bool removePart)
{
    ++m_epoch;
    m_running = false;
    m_done = true;
    m_file.close();
    if (removePart)
        m_file.remove();
}

void DownloadJob::finish(bool ok, ErrorCode code)
{
    if (m_done)
        return;
    m_done = true;
    m_running = false;
    ++m_epoch;
    m_file.close();
    Q_EMIT finished(ok, code);
}

} // namespace lanchat
