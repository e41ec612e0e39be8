#include "filereads.h"

#include "filestore.h"
#include "messages/filemessages.h"
#include "requestdecoder.h"
#include "session.h"
#include "storage/storage.h"

#include <QTimer>

namespace lanchat {

namespace {
// Session::outputDrained() wakes a congested queue; this is only a fallback should a drain edge be missed.
constexpr int kCongestedRetryMs = 250;
} // namespace

FileReads::FileReads(Storage& storage, FileStore& store, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_store(store)
{}

FileReads::~FileReads() = default;

FileReads::Queue& FileReads::queueOf(Session& session)
{
    auto it = m_queues.find(&session);
    if (it != m_queues.end())
        return *it;
    Queue& queue = m_queues[&session];
    queue.session = &session;
    queue.serial = m_nextSerial++;
    queue.retry = new QTimer(this);
    queue.retry->setSingleShot(true);
    queue.retry->setInterval(kCongestedRetryMs);
    const Session* key = &session;
    const auto wake = [this, key] {
        if (const auto found = m_queues.find(key); found != m_queues.end())
            pump(*found);
    };
    connect(queue.retry, &QTimer::timeout, this, wake);
    connect(&session, &Session::outputDrained, this, wake);
    connect(&session, &Session::closed, this, [this, key] {
        if (const auto found = m_queues.find(key); found != m_queues.end()) {
            delete found->retry;
            m_queues.erase(found); // replies of reads still at the worker are dropped (see onFrame)
        }
    });
    return queue;
}

void FileReads::onRead(Session& session, const QCborMap& request, quint64 id)
{
    std::optional<FileRead> read = decodeRequest<FileRead>(session, request, id);
    if (!read)
        return;
    if (!m_storage.isMember(read->conversation, session.user())) {
        session.replyError(id, ErrorCode::Forbidden, QStringLiteral("not a member of this conversation"));
        return;
    }
    if (!m_storage.conversationHasFile(read->conversation, read->sha256)) {
        if (m_storage.fileRecalled(read->conversation, read->sha256)) {
            session.replyError(id, ErrorCode::Recalled, QStringLiteral("the file was recalled"));
            return;
        }
        session.replyError(id, ErrorCode::NotFound, QStringLiteral("no such file in this conversation"));
        return;
    }
    Queue& queue = queueOf(session);
    if (queue.waiting.size() >= size_t(kMaxWaitingReads)) {
        session.replyError(id, ErrorCode::RateLimited, QStringLiteral("too many file_read requests waiting"));
        return;
    }
    queue.waiting.push_back({id, std::move(read->sha256), read->offset, read->length});
    pump(queue);
}

void FileReads::pump(Queue& queue)
{
    Session* session = queue.session;
    if (!session || session->isClosed())
        return;
    while (queue.inFlight < kReadsInFlight && !queue.waiting.empty()) {
        if (session->outputCongested()) {
            queue.retry->start();
            return;
        }
        const Pending read = std::move(queue.waiting.front());
        queue.waiting.pop_front();
        ++queue.inFlight;
        m_store.readFrame(read.sha256, read.id, read.offset, read.length,
                          [this, key = static_cast<const Session*>(session), serial = queue.serial,
                           id = read.id](const BlobReader::Frame& frame) { onFrame(key, serial, id, frame); });
    }
}

void FileReads::onFrame(const Session* key, quint64 serial, quint64 id, const BlobReader::Frame& frame)
{
    const auto it = m_queues.find(key);
    if (it == m_queues.end() || it->serial != serial || !it->session)
        return; // the connection closed meanwhile
    Queue& queue = *it;
    --queue.inFlight;
    Session& session = *queue.session;
    switch (frame.status) {
    case BlobReader::Status::Ok:
        session.push(frame.frame); // already the complete reply frame, `id` included
        break;
    case BlobReader::Status::BeyondEnd:
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("offset beyond the end of the file"));
        break;
    case BlobReader::Status::Missing:
        session.replyError(id, ErrorCode::NotFound, QStringLiteral("the file content is no longer stored"));
        break;
    }
    pump(queue);
}

} // namespace lanchat
