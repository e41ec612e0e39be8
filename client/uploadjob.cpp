#include "uploadjob.h"

#include "clientconnection.h"
#include "filehasher.h"
#include "fileiothread.h"
#include "logging.h"
#include "messages/filemessages.h"
#include "protocol.h"

#include <QCborMap>
#include <QPointer>
#include <QTimer>

namespace lanchat {

namespace {
// The server may see a request before the re-login after a reconnect completes; try again shortly.
constexpr int kLoginWaitMs = 300;

ErrorCode replyError(const QCborMap& reply)
{
    if (reply.value(QLatin1String("t")).toString() != QLatin1String("error"))
        return ErrorCode::Unknown;
    return errorCodeFromName(reply.value(QLatin1String("code")).toString());
}

bool isError(const QCborMap& reply)
{
    return reply.value(QLatin1String("t")).toString() == QLatin1String("error");
}
} // namespace

UploadJob::UploadJob(ClientConnection* connection, FileIoThread* io, UploadSpec spec, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_io(io)
    , m_spec(std::move(spec))
    , m_source(std::make_shared<Source>())
{
    m_source->path = m_spec.path;
    connect(m_connection, &ClientConnection::bytesWritten, this, [this] { pump(); });
}

UploadJob::~UploadJob()
{
    // After the reads still queued (FIFO): the file is closed on the thread that used it.
    m_io->post([source = m_source] { source->file.reset(); });
}

void UploadJob::start()
{
    if (!m_spec.sha256.isEmpty()) {
        offer();
        return;
    }
    m_hasher = new FileHasher(m_spec.path, m_spec.size, this);
    connect(m_hasher, &FileHasher::progressed, this, &UploadJob::progressed);
    connect(m_hasher, &FileHasher::finished, this, &UploadJob::onHashed);
    m_hasher->start();
}

void UploadJob::onHashed(bool ok)
{
    if (ok)
        m_spec.sha256 = m_hasher->takeState().result();
    m_hasher->deleteLater();
    m_hasher = nullptr;
    if (!ok) {
        qCWarning(lcTransfer) << "cannot read" << m_spec.path;
        finish(false, ErrorCode::NotFound);
        return;
    }
    Q_EMIT hashed(m_spec.sha256);
    offer();
}

void UploadJob::offer()
{
    if (m_done || m_hasher)
        return;
    dropWindow();
    FileOffer offer;
    offer.conversation = m_spec.conversation;
    offer.clientMsgId = m_spec.clientMsgId;
    offer.name = m_spec.name;
    offer.size = m_spec.size;
    offer.sha256 = m_spec.sha256;
    const quint64 epoch = m_epoch;
    m_connection->request(offer.encode(), [self = QPointer(this), epoch](const QCborMap& reply) {
        if (self && self->m_epoch == epoch)
            self->onOfferReply(reply);
    });
    // Not connected: request() returned 0 and no reply comes; networkBack() offers again.
}

void UploadJob::onOfferReply(const QCborMap& reply)
{
    if (isError(reply)) {
        const ErrorCode code = replyError(reply);
        if (!handleTransient(code))
            finish(false, code);
        return;
    }
    QString error;
    const auto ok = FileOfferOk::decode(reply, &error);
    if (!ok) {
        qCWarning(lcTransfer) << "bad file_offer reply:" << error;
        finish(false, ErrorCode::Malformed);
        return;
    }
    if (ok->complete) {
        finish(true, ErrorCode::Unknown, ok->seq);
        return;
    }
    if (ok->challenge != 0) {
        prove(*ok);
        return;
    }
    if (ok->offset > m_spec.size) {
        finish(false, ErrorCode::Malformed);
        return;
    }
    m_transfer = ok->transfer;
    m_sent = m_acked = m_nextRead = ok->offset;
    qCInfo(lcTransfer) << "upload" << m_transfer.value() << "starts at" << m_sent << "of" << m_spec.size;
    m_streaming = true;
    Q_EMIT progressed(m_acked);
    pump();
}

void UploadJob::prove(const FileOfferOk& challenge)
{
    // The server holds this content and asks for a few of its bytes: read them here, not on the owner's thread.
    qCInfo(lcTransfer) << "proving possession of" << m_spec.path << "(" << challenge.ranges.size() << "ranges )";
    FileIoThread* io = m_io;
    m_io->post([io, path = m_spec.path, challenge, self = QPointer(this), epoch = m_epoch] {
        QList<QByteArray> bytes;
        QFile file(path);
        bool ok = file.open(QIODevice::ReadOnly);
        for (const auto& [offset, length] : challenge.ranges) {
            if (!ok)
                break;
            bytes.append(file.seek(offset) ? file.read(length) : QByteArray());
            ok = bytes.last().size() == length;
        }
        const QByteArray proof = ok ? FileOfferOk::proofOf(challenge.nonce, bytes) : QByteArray();
        io->deliver([self, epoch, id = challenge.challenge, proof] {
            if (self && self->m_epoch == epoch)
                self->sendProof(id, proof);
        });
    });
}

void UploadJob::sendProof(quint64 challenge, const QByteArray& proof)
{
    if (m_done)
        return;
    if (proof.isEmpty()) {
        qCWarning(lcTransfer) << "cannot read" << m_spec.path << "for the proof of possession";
        finish(false, ErrorCode::NotFound);
        return;
    }
    const quint64 epoch = m_epoch;
    m_connection->request(FileProve{challenge, proof}.encode(), [self = QPointer(this), epoch](const QCborMap& reply) {
        // The same reply as an instant upload's offer: ok {complete, seq, ts}, or an error.
        if (self && self->m_epoch == epoch)
            self->onOfferReply(reply);
    });
    // Not connected: no reply comes; networkBack() offers again and gets a fresh challenge.
}

void UploadJob::pump()
{
    while (m_streaming && !m_done && !m_ready.empty() && m_inFlight < kWindowChunks &&
           m_connection->bytesToWrite() <= kMaxQueuedBytes) {
        QByteArray data = std::move(m_ready.front());
        m_ready.pop_front();
        if (!sendChunk(std::move(data)))
            return;
    }
    readAhead();
}

void UploadJob::readAhead()
{
    while (m_streaming && !m_done && m_nextRead < m_spec.size &&
           m_inFlight + m_reading + int(m_ready.size()) < kWindowChunks) {
        const qint64 offset = m_nextRead;
        const qint64 length = qMin(protocol::kChunkBytes, m_spec.size - offset);
        m_nextRead += length;
        ++m_reading;
        FileIoThread* io = m_io;
        m_io->post(
            [io, source = m_source, self = QPointer(this), epoch = m_epoch, offset, length] {
                if (!source->file) {
                    source->file = std::make_unique<QFile>(source->path);
                    if (!source->file->open(QIODevice::ReadOnly))
                        qCWarning(lcTransfer) << "cannot open" << source->path << source->file->errorString();
                }
                QByteArray data;
                if (source->file->isOpen() && source->file->seek(offset))
                    data = source->file->read(length);
                if (data.size() != length)
                    data.clear(); // read failed, or the file shrank since it was hashed
                io->deliver([self, epoch, offset, data] {
                    if (self)
                        self->onChunkRead(epoch, offset, data);
                });
            },
            length);
    }
}

void UploadJob::onChunkRead(quint64 epoch, qint64 offset, const QByteArray& data)
{
    if (epoch != m_epoch || m_done)
        return; // read for a window that was dropped (reconnect, offset mismatch, stop)
    --m_reading;
    if (data.isEmpty()) {
        qCWarning(lcTransfer) << "read failed" << m_spec.path << "at" << offset;
        finish(false, ErrorCode::NotFound);
        return;
    }
    // The worker runs reads in order, so this one continues m_ready.
    m_ready.push_back(data);
    pump();
}

bool UploadJob::sendChunk(QByteArray data)
{
    FileChunk chunk;
    chunk.transfer = m_transfer;
    chunk.offset = m_sent;
    chunk.data = std::move(data);
    if (m_corrupt) {
        m_corrupt = false;
        chunk.data[0] = char(chunk.data.at(0) ^ 0x5a);
    }
    const quint64 epoch = m_epoch;
    const quint64 id = m_connection->request(chunk.encode(), [self = QPointer(this), epoch](const QCborMap& reply) {
        if (self && self->m_epoch == epoch)
            self->onChunkReply(reply);
    });
    if (id == 0) {
        m_streaming = false; // disconnected; networkBack() re-offers
        return false;
    }
    m_sent += chunk.data.size();
    m_chunkBytesSent += chunk.data.size();
    ++m_inFlight;
    return true;
}

void UploadJob::onChunkReply(const QCborMap& reply)
{
    --m_inFlight;
    if (isError(reply)) {
        const ErrorCode code = replyError(reply);
        if (code == ErrorCode::OffsetMismatch) {
            // Our view of the server's part file is stale; a fresh offer returns the true offset.
            qCInfo(lcTransfer) << "offset mismatch on upload" << m_transfer.value() << "- re-offering";
            offer();
        } else if (!handleTransient(code)) {
            finish(false, code);
        }
        return;
    }
    QString error;
    const auto ok = FileChunkOk::decode(reply, &error);
    if (!ok) {
        finish(false, ErrorCode::Malformed);
        return;
    }
    m_acked = qMax(m_acked, ok->received);
    Q_EMIT progressed(m_acked);
    if (ok->complete) {
        finish(true, ErrorCode::Unknown, ok->seq);
        return;
    }
    pump();
}

bool UploadJob::handleTransient(ErrorCode code)
{
    if (code == ErrorCode::Timeout) {
        networkLost();
        return true;
    }
    if (code == ErrorCode::Unauthenticated) {
        networkLost();
        // With a login notice (ChatClient::loggedIn) networkBack() comes from the manager; else poll.
        if (m_pollLogin)
            QTimer::singleShot(kLoginWaitMs, this, &UploadJob::networkBack);
        return true;
    }
    return false;
}

void UploadJob::dropWindow()
{
    ++m_epoch;
    m_inFlight = 0;
    m_reading = 0;
    m_ready.clear();
    m_streaming = false;
}

void UploadJob::networkLost()
{
    dropWindow();
}

void UploadJob::networkBack()
{
    if (!m_done && !m_hasher && !m_streaming)
        offer();
}

void UploadJob::cancelOnServer()
{
    dropWindow();
    if (!m_transfer.isValid() || m_done)
        return;
    FileCancel cancel;
    cancel.transfer = m_transfer;
    m_connection->request(cancel.encode(), [](const QCborMap&) {});
}

void UploadJob::stop()
{
    m_done = true;
    dropWindow();
    delete m_hasher; // joins the worker after its current block
    m_hasher = nullptr;
}

void UploadJob::finish(bool ok, ErrorCode code, Seq seq)
{
    if (m_done)
        return;
    m_done = true;
    dropWindow();
    Q_EMIT finished(ok, code, seq);
}

} // namespace lanchat
