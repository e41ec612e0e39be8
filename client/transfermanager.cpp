#include "transfermanager.h"

#include "chatclient.h"
#include "clientconnection.h"
#include "downloadjob.h"
#include "downloadregistry.h"
#include "fileiothread.h"
#include "filenamesanitizer.h"
#include "logging.h"
#include "messages/filemessages.h"
#include "protocol.h"
#include "transferrow.h"
#include "uploadjob.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>

#include <cmath>
#include <memory>
#include <vector>

namespace lanchat {

namespace {
// Speed is sampled twice a second and smoothed with a time constant of ~3 s (SpeedRole's contract).
constexpr int kSampleMs = 500;
constexpr double kSpeedTimeConstantS = 3.0;
constexpr int kDefaultMaxConcurrent = 3;
// Chunks of every running job waiting for the disk; each job keeps its own window far below this.
constexpr qint64 kIoQueueBytes = 16 * 1024 * 1024;
} // namespace

class TransferManager::Private
{
public:
    TransferManager* q;
    ClientConnection* connection;
    /** The jobs' file reads, part writes and hashing, off this (the GUI) thread. */
    std::unique_ptr<FileIoThread> io = std::make_unique<FileIoThread>(kIoQueueBytes);
    std::vector<std::unique_ptr<TransferRow>> rows; ///< index 0 = newest = model row 0
    DownloadRegistry* registry = nullptr;           ///< child of q
    QString downloadDir;
    int maxConcurrent = kDefaultMaxConcurrent;
    int nextKey = 1;
    bool corruptForTest = false;
    bool hasLoginNotice = false; ///< owned by a ChatClient, whose loggedIn() says when to resume
    qint64 chunkBytesSent = 0;
    QTimer sampleTimer;
    QElapsedTimer sampleClock;

    TransferRow* find(int key) const;
    int rowOf(const TransferRow* row) const;
    void changed(TransferRow* row);
    int add(std::unique_ptr<TransferRow> row);
    void schedule();
    void startRow(TransferRow* row);
    /** Connects the signals both job types share and applies the test and login settings. */
    template <typename Job> void wireJob(Job* job, int key);
    void stopJob(TransferRow* row, bool removePart);
    void finishRow(TransferRow* row, bool ok, ErrorCode code);
    void sample();
    void networkLost();
    void networkBack();
};

TransferRow* TransferManager::Private::find(int key) const
{
    for (const auto& row : rows) {
        if (row->key == key)
            return row.get();
    }
    return nullptr;
}

int TransferManager::Private::rowOf(const TransferRow* row) const
{
    for (size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].get() == row)
            return int(i);
    }
    return -1;
}

void TransferManager::Private::changed(TransferRow* row)
{
    const int r = rowOf(row);
    if (r >= 0)
        Q_EMIT q->dataChanged(q->index(r, 0), q->index(r, ColumnCount - 1));
}

int TransferManager::Private::add(std::unique_ptr<TransferRow> row)
{
    row->key = nextKey++;
    const int key = row->key;
    q->beginInsertRows({}, 0, 0);
    rows.insert(rows.begin(), std::move(row));
    q->endInsertRows();
    schedule();
    return key;
}

void TransferManager::Private::schedule()
{
    int active = 0;
    for (const auto& row : rows)
        active += row->isActive() ? 1 : 0;
    // Oldest queued first: rows are newest first, so walk backwards.
    for (auto it = rows.rbegin(); it != rows.rend() && active < maxConcurrent; ++it) {
        if ((*it)->state == State::Queued) {
            startRow(it->get());
            ++active;
        }
    }
    if (active > 0 && !sampleTimer.isActive()) {
        sampleClock.start();
        sampleTimer.start();
    }
}

template <typename Job> void TransferManager::Private::wireJob(Job* job, int key)
{
    job->setCorruptFirstChunk(corruptForTest);
    job->setPollLogin(!hasLoginNotice);
    connect(job, &Job::progressed, q, [this, key](qint64 bytes) {
        TransferRow* r = find(key);
        if (!r)
            return;
        // Each whole percent reaches the views (chat bubble, panel) at once, not only at the next speed sample.
        const bool step = r->size > 0 && bytes * 100 / r->size != r->done * 100 / r->size;
        r->done = bytes;
        if (step)
            changed(r);
    });
    connect(job, &Job::finished, q, [this, key](bool ok, ErrorCode code) {
        if (TransferRow* r = find(key))
            finishRow(r, ok, code);
    });
}

void TransferManager::Private::startRow(TransferRow* row)
{
    row->errorCode.clear();
    row->speed = 0;
    row->sampleBytes = row->done;
    const int key = row->key;
    if (row->direction == Direction::Upload) {
        UploadSpec spec{row->conversation, row->localPath, row->name, row->size, row->sha256, row->clientMsgId};
        row->upload = new UploadJob(connection, io.get(), spec, q);
        wireJob(row->upload, key);
        connect(row->upload, &UploadJob::hashed, q, [this, key](const QByteArray& sha) {
            if (TransferRow* r = find(key)) {
                r->sha256 = sha;
                r->state = State::Running;
                r->done = r->sampleBytes = 0;
                changed(r);
            }
        });
        row->state = row->sha256.isEmpty() ? State::Hashing : State::Running;
        row->upload->start();
    } else {
        DownloadSpec spec{row->conversation, row->name, row->size, row->sha256, downloadDir};
        row->download = new DownloadJob(connection, io.get(), spec, q);
        row->download->setExistingPath(registry->recordedPath(row->sha256));
        wireJob(row->download, key);
        connect(row->download, &DownloadJob::hashed, q, [this, key] {
            if (TransferRow* r = find(key)) {
                r->state = State::Running;
                changed(r);
            }
        });
        row->state = State::Hashing;
        row->download->start();
    }
    changed(row);
}

void TransferManager::Private::stopJob(TransferRow* row, bool removePart)
{
    if (row->upload) {
        row->upload->disconnect(q);
        if (removePart)
            row->upload->cancelOnServer();
        row->upload->stop();
        chunkBytesSent += row->upload->chunkBytesSent();
        row->transfer = removePart ? TransferId() : row->upload->transfer();
        row->upload->deleteLater();
        row->upload = nullptr;
    }
    if (row->download) {
        row->download->disconnect(q);
        const qint64 onDisk = row->download->abort(removePart);
        if (!removePart)
            row->done = onDisk; // what a resume starts from, not what had been reported
        row->download->deleteLater();
        row->download = nullptr;
    } else if (removePart && row->direction == Direction::Upload && row->transfer.isValid()) {
        // A paused upload has no job, but the server still holds its part.
        connection->request(FileCancel{row->transfer}.encode(), [](const QCborMap&) {});
        row->transfer = TransferId();
    }
    if (removePart && row->direction == Direction::Download && row->state == State::Paused) {
        // A paused download has no job but may have a part file.
        QFile::remove(DownloadJob::partPathFor({row->conversation, row->name, row->size, row->sha256, downloadDir}));
    }
    row->speed = 0;
}

void TransferManager::Private::finishRow(TransferRow* row, bool ok, ErrorCode code)
{
    if (row->download && ok) {
        row->localPath = row->download->finalPath();
        registry->record(row->sha256, row->localPath);
    }
    const bool symlink = row->download && row->download->symlinkRefused();
    stopJob(row, false);
    row->state = ok ? State::Done : State::Failed;
    row->errorCode = ok ? QString() : symlink ? QString::fromLatin1(kSymlinkRefused) : errorCodeName(code);
    if (ok)
        row->done = row->size;
    qCInfo(lcTransfer) << "transfer" << row->key << (ok ? "done" : "failed") << row->errorCode;
    changed(row);
    const int key = row->key;
    Q_EMIT q->transferFinished(key, ok);
    schedule();
}

void TransferManager::Private::sample()
{
    const double dt = sampleClock.restart() / 1000.0;
    if (dt <= 0)
        return;
    const double alpha = 1.0 - std::exp(-dt / kSpeedTimeConstantS);
    bool any = false;
    for (const auto& row : rows) {
        if (!row->isActive())
            continue;
        any = true;
        const double instant = double(row->done - row->sampleBytes) / dt;
        row->sampleBytes = row->done;
        row->speed = row->speed + alpha * (qMax(0.0, instant) - row->speed);
        changed(row.get());
    }
    if (!any)
        sampleTimer.stop();
}

void TransferManager::Private::networkLost()
{
    for (const auto& row : rows) {
        if (row->upload)
            row->upload->networkLost();
        if (row->download)
            row->download->networkLost();
    }
}

void TransferManager::Private::networkBack()
{
    for (const auto& row : rows) {
        if (row->upload)
            row->upload->networkBack();
        if (row->download)
            row->download->networkBack();
    }
}

TransferManager::TransferManager(ClientConnection* connection, QObject* parent)
    : QAbstractTableModel(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->connection = connection;
    d->registry = new DownloadRegistry(this);
    connect(d->registry, &DownloadRegistry::rechecked, this, &TransferManager::downloadRechecked);
    d->downloadDir = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    d->corruptForTest = qEnvironmentVariableIsSet("LANCHAT_TEST_CORRUPT_CHUNK");
    d->sampleTimer.setInterval(kSampleMs);
    connect(&d->sampleTimer, &QTimer::timeout, this, [this] { d->sample(); });
    connect(connection, &ClientConnection::disconnected, this, [this] { d->networkLost(); });
    // Requests need a logged-in session: resume after the ChatClient has logged in again. Without a
    // ChatClient (a bare connection) resume on the handshake.
    if (auto* client = qobject_cast<ChatClient*>(parent)) {
        d->hasLoginNotice = true;
        connect(client, &ChatClient::loggedIn, this, [this] { d->networkBack(); });
    } else
        connect(connection, &ClientConnection::ready, this, [this] { d->networkBack(); });
}

TransferManager::~TransferManager()
{
    // Every job, running or stopped and waiting for deleteLater, goes before the I/O thread its destructor uses.
    const QList<UploadJob*> uploads = findChildren<UploadJob*>(Qt::FindDirectChildrenOnly);
    qDeleteAll(uploads);
    const QList<DownloadJob*> downloads = findChildren<DownloadJob*>(Qt::FindDirectChildrenOnly);
    qDeleteAll(downloads);
}

int TransferManager::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(d->rows.size());
}

int TransferManager::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TransferManager::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(d->rows.size()))
        return {};
    const TransferRow& row = *d->rows[size_t(index.row())];
    return role == Qt::DisplayRole ? row.displayText(index.column()) : row.data(role);
}

QVariant TransferManager::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DirectionColumn:
        return tr("Direction");
    case ProgressColumn:
        return tr("Progress");
    case SpeedColumn:
        return tr("Speed");
    case EtaColumn:
        return tr("Time left");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

int TransferManager::upload(ConversationId conversation, const QString& localPath)
{
    const QFileInfo info(localPath);
    auto row = std::make_unique<TransferRow>();
    row->direction = Direction::Upload;
    row->conversation = conversation;
    row->localPath = info.absoluteFilePath();
    row->name = FileNameSanitizer::sanitize(info.fileName());
    row->size = info.size();
    row->clientMsgId = QUuid::createUuid();
    if (!info.isFile() || !info.isReadable()) {
        row->state = State::Failed;
        row->errorCode = errorCodeName(ErrorCode::NotFound);
    }
    return d->add(std::move(row));
}

int TransferManager::download(ConversationId conversation, const QString& name, qint64 size, const QByteArray& sha256)
{
    // The same content already on its way: a second job would write the same part file.
    for (const auto& existing : d->rows) {
        const bool finished =
            existing->state == State::Done || existing->state == State::Failed || existing->state == State::Cancelled;
        if (existing->direction == Direction::Download && !finished && existing->sha256 == sha256 &&
            existing->conversation == conversation && existing->name == FileNameSanitizer::sanitize(name)) {
            if (existing->state == State::Paused)
                resume(existing->key); // "Download" on a paused download means go on, not a second job
            return existing->key;
        }
    }
    auto row = std::make_unique<TransferRow>();
    row->direction = Direction::Download;
    row->conversation = conversation;
    row->name = FileNameSanitizer::sanitize(name);
    row->size = size;
    row->sha256 = sha256;
    return d->add(std::move(row));
}

void TransferManager::pause(int key)
{
    TransferRow* row = d->find(key);
    if (!row || !(row->isActive() || row->state == State::Queued))
        return;
    d->stopJob(row, false);
    row->state = State::Paused;
    d->changed(row);
    d->schedule();
}

void TransferManager::resume(int key)
{
    TransferRow* row = d->find(key);
    if (!row || row->state != State::Paused)
        return;
    row->state = State::Queued;
    d->changed(row);
    d->schedule();
}

void TransferManager::cancel(int key)
{
    TransferRow* row = d->find(key);
    if (!row || row->state == State::Done || row->state == State::Cancelled)
        return;
    d->stopJob(row, true);
    row->state = State::Cancelled;
    d->changed(row);
    Q_EMIT transferFinished(key, false);
    d->schedule();
}

void TransferManager::retry(int key)
{
    TransferRow* row = d->find(key);
    if (!row || (row->state != State::Failed && row->state != State::Cancelled))
        return;
    if (row->direction == Direction::Upload) {
        // The file may have changed since: hash again. The client_msg_id stays, so at most one message is posted.
        row->sha256.clear();
        row->size = QFileInfo(row->localPath).size();
    }
    row->done = 0;
    row->state = State::Queued;
    d->changed(row);
    d->schedule();
}

void TransferManager::retryAllFailed()
{
    for (const auto& row : d->rows) {
        if (row->state == State::Failed)
            retry(row->key);
    }
}

QString TransferManager::downloadedPath(const QByteArray& sha256) const
{
    return d->registry->path(sha256);
}

void TransferManager::rememberDownloadsIn(SessionStore* store, const QString& endpoint, const QString& username)
{
    d->registry->attach(store, endpoint, username);
}

QString TransferManager::downloadDirectory() const
{
    return d->downloadDir;
}

void TransferManager::setDownloadDirectory(const QString& dir)
{
    d->downloadDir = dir;
}

int TransferManager::maxConcurrent() const
{
    return d->maxConcurrent;
}

void TransferManager::setMaxConcurrent(int n)
{
    d->maxConcurrent = qMax(1, n);
    d->schedule();
}

void TransferManager::setCorruptChunksForTest(bool corrupt)
{
    d->corruptForTest = corrupt;
}

qint64 TransferManager::chunkBytesSent() const
{
    qint64 total = d->chunkBytesSent;
    for (const auto& row : d->rows) {
        if (row->upload)
            total += row->upload->chunkBytesSent();
    }
    return total;
}

} // namespace lanchat
