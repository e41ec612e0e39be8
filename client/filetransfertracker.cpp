#include "filetransfertracker.h"

#include "messagerecord.h"
#include "messagesmodel.h"
#include "sessionmodels.h"
#include "transfermanager.h"

#include <QDateTime>

#include <algorithm>

namespace lanchat {

namespace {

using TState = TransferManager::State;

int percentOf(qint64 done, qint64 size)
{
    if (size <= 0)
        return 0;
    return int(std::clamp<qint64>(done * 100 / size, 0, 100));
}

/** The bubble's state of a transfer row that is not finished, for @p direction. */
FileTransferState unfinishedState(TState state, TransferManager::Direction direction)
{
    switch (state) {
    case TState::Queued:
        return FileTransferState::Queued;
    case TState::Hashing:
        return FileTransferState::Preparing;
    case TState::Running:
        return direction == TransferManager::Direction::Upload ? FileTransferState::Uploading
                                                               : FileTransferState::Downloading;
    case TState::Paused:
        return FileTransferState::Paused;
    case TState::Failed:
        return FileTransferState::Failed;
    case TState::Done:
    case TState::Cancelled:
        break;
    }
    return FileTransferState::NotDownloaded;
}

} // namespace

FileTransferTracker::FileTransferTracker(TransferManager* transfers, SessionModels* models, QObject* parent)
    : QObject(parent)
    , m_transfers(transfers)
    , m_models(models)
{
    connect(m_transfers, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { onRowsInserted(first, last); });
    connect(m_transfers, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                onRowsChanged(topLeft.row(), bottomRight.row());
            });
}

FileTransferTracker::Status FileTransferTracker::status(const MessageRecord& message, bool own, bool pending) const
{
    if (!message.file)
        return {};
    if (own) {
        const Status upload = uploadStatus(message.clientMsgId);
        // Stored on the server: sent, whatever the upload row says (it may be gone after a restart).
        if (!pending || upload.key < 0)
            return Status{FileTransferState::Sent, 100, {}, upload.key};
        return upload;
    }
    Status download = downloadStatus(message.conversation, message.file->sha256);
    if (download.key >= 0 && download.state != FileTransferState::Downloaded)
        return download;
    if (!m_transfers->downloadedPath(message.file->sha256).isEmpty())
        return Status{FileTransferState::Downloaded, 100, {}, download.key};
    return Status{FileTransferState::NotDownloaded, 0, {}, -1};
}

QVariant FileTransferTracker::data(const MessageRecord& message, bool own, bool pending, int role) const
{
    const Status s = status(message, own, pending);
    switch (role) {
    case roles::MessageFileTransferState:
        return int(s.state);
    case roles::MessageFileTransferProgress:
        return s.percent;
    case roles::MessageFileTransferError:
        return s.errorCode;
    case roles::MessageFileTransferKey:
        return s.key;
    default:
        return {};
    }
}

FileTransferTracker::Status FileTransferTracker::uploadStatus(const QUuid& clientMsgId) const
{
    for (int row = 0; row < m_transfers->rowCount(); ++row) {
        const QModelIndex index = m_transfers->index(row, 0);
        if (index.data(TransferManager::ClientMsgIdRole).toUuid() != clientMsgId ||
            TransferManager::Direction(index.data(TransferManager::DirectionRole).toInt()) !=
                TransferManager::Direction::Upload)
            continue;
        const auto state = TState(index.data(TransferManager::StateRole).toInt());
        const int key = index.data(TransferManager::TransferKeyRole).toInt();
        if (state == TState::Done)
            return Status{FileTransferState::Sent, 100, {}, key};
        const qint64 done = state == TState::Hashing ? 0 : index.data(TransferManager::BytesDoneRole).toLongLong();
        return Status{unfinishedState(state, TransferManager::Direction::Upload),
                      percentOf(done, index.data(TransferManager::SizeRole).toLongLong()),
                      state == TState::Failed ? index.data(TransferManager::ErrorCodeRole).toString() : QString(), key};
    }
    return {};
}

FileTransferTracker::Status FileTransferTracker::downloadStatus(ConversationId conversation,
                                                                const QByteArray& sha256) const
{
    // Rows are newest first: the first match is the latest attempt. A cancelled one means "not downloaded".
    for (int row = 0; row < m_transfers->rowCount(); ++row) {
        const QModelIndex index = m_transfers->index(row, 0);
        if (TransferManager::Direction(index.data(TransferManager::DirectionRole).toInt()) !=
                TransferManager::Direction::Download ||
            index.data(TransferManager::ConversationRole).toLongLong() != conversation.value() ||
            index.data(TransferManager::Sha256Role).toByteArray() != sha256)
            continue;
        const auto state = TState(index.data(TransferManager::StateRole).toInt());
        const int key = index.data(TransferManager::TransferKeyRole).toInt();
        if (state == TState::Cancelled)
            return Status{FileTransferState::NotDownloaded, 0, {}, -1};
        if (state == TState::Done)
            return Status{FileTransferState::Downloaded, 100, {}, key};
        return Status{unfinishedState(state, TransferManager::Direction::Download),
                      percentOf(index.data(TransferManager::BytesDoneRole).toLongLong(),
                                index.data(TransferManager::SizeRole).toLongLong()),
                      state == TState::Failed ? index.data(TransferManager::ErrorCodeRole).toString() : QString(), key};
    }
    return {};
}

void FileTransferTracker::onRowsInserted(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_transfers->index(row, 0);
        const ConversationId conversation(index.data(TransferManager::ConversationRole).toLongLong());
        if (TransferManager::Direction(index.data(TransferManager::DirectionRole).toInt()) ==
            TransferManager::Direction::Upload) {
            FileRef file;
            file.name = index.data(TransferManager::FileNameRole).toString();
            file.size = index.data(TransferManager::SizeRole).toLongLong();
            m_models->messages(conversation)
                ->appendPendingFile(index.data(TransferManager::ClientMsgIdRole).toUuid(), file,
                                    QDateTime::currentMSecsSinceEpoch());
        } else if (MessagesModel* model = m_models->existingMessages(conversation)) {
            model->refreshFileStates();
        }
    }
}

void FileTransferTracker::onRowsChanged(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_transfers->index(row, 0);
        MessagesModel* model =
            m_models->existingMessages(ConversationId(index.data(TransferManager::ConversationRole).toLongLong()));
        if (!model)
            continue;
        const bool upload = TransferManager::Direction(index.data(TransferManager::DirectionRole).toInt()) ==
                            TransferManager::Direction::Upload;
        if (upload && TState(index.data(TransferManager::StateRole).toInt()) == TState::Cancelled)
            model->removePending(index.data(TransferManager::ClientMsgIdRole).toUuid());
        model->refreshFileStates();
    }
}

} // namespace lanchat
