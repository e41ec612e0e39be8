#pragma once

#include "blobreader.h"

#include <QByteArray>
#include <QCborMap>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <deque>

class QTimer;

namespace lanchat {

class FileStore;
class Session;
class Storage;

/**
 * The file_read request (docs/protocol.md 10.4). The handler checks membership and that the file was posted in
 * the conversation, then queues the read on its connection; the FileStore's worker reads the blob straight into
 * the encoded reply frame (BlobReader), which goes out with Session::push().
 *
 * Per connection at most kReadsInFlight reads are at the worker, and none is started while the connection's
 * output is congested (Session::outputCongested()), so a reader that stops reading stops costing disk reads and
 * server memory; at most kMaxWaitingReads more wait, beyond that a request gets `rate_limited`. The data replies
 * of one connection go out in request order.
 *
 * Created by FileHandlers; server thread only.
 */
class FileReads : public QObject
{
    Q_OBJECT

public:
    /** Reads of one connection at the worker at once. */
    static constexpr int kReadsInFlight = 4;
    /** Reads of one connection waiting behind those (each a few dozen bytes). */
    static constexpr int kMaxWaitingReads = 8192;

    FileReads(Storage& storage, FileStore& store, QObject* parent = nullptr);
    ~FileReads() override;

    /** The handler of `file_read` (registered by FileHandlers). */
    void onRead(Session& session, const QCborMap& request, quint64 id);

private:
    struct Pending
    {
        quint64 id = 0;
        QByteArray sha256;
        qint64 offset = 0;
        qint64 length = 0;
    };
    struct Queue
    {
        QPointer<Session> session;
        quint64 serial = 0; ///< tells this connection from a later one at the same address
        std::deque<Pending> waiting;
        int inFlight = 0;
        QTimer* retry = nullptr; ///< while congested: Session::outputDrained only follows a pause of its input
    };

    Queue& queueOf(Session& session);
    void pump(Queue& queue);
    void onFrame(const Session* key, quint64 serial, quint64 id, const BlobReader::Frame& frame);

    Storage& m_storage;
    FileStore& m_store;
    QHash<const Session*, Queue> m_queues;
    quint64 m_nextSerial = 1;
};

} // namespace lanchat
