#pragma once

#include "ids.h"
#include "modelroles.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUuid>
#include <QVariant>

namespace lanchat {

class SessionModels;
class TransferManager;
struct MessageRecord;

/**
 * Ties file messages to the transfers that move their bytes, so the chat bubble shows what the transfers panel
 * shows (roles MessageFileTransferState/Progress/Error/Key of MessagesModel, FileTransferState):
 * - an upload appears at once as the user's own pending file message (matched later by its client_msg_id, like a
 *   text message), shows queued / preparing / uploading N % / paused / failed, and is removed if cancelled;
 * - a file message of someone else shows the newest download of its content in its conversation (queued,
 *   downloading N %, paused, failed), or Downloaded when TransferManager::downloadedPath() has it.
 * Every change of a transfer row refreshes the file rows of its conversation's MessagesModel (dataChanged).
 * Reads TransferManager only through its model roles. Lives in the ChatClient's thread.
 */
class FileTransferTracker : public QObject
{
    Q_OBJECT

public:
    /** Where a file message's bytes are, as one value (data() unpacks it into roles). */
    struct Status
    {
        FileTransferState state = FileTransferState::NotDownloaded;
        int percent = 0;   ///< 0..100 while Queued/Preparing/Uploading/Downloading/Paused/Failed
        QString errorCode; ///< Failed: the transfer's error code
        int key = -1;      ///< TransferManager row key, -1 when no transfer row belongs to it
    };

    /** @p transfers and @p models must outlive the tracker. */
    FileTransferTracker(TransferManager* transfers, SessionModels* models, QObject* parent = nullptr);

    /** Status of file message @p message; @p own: the user sent it; @p pending: not stored on the server yet. */
    Status status(const MessageRecord& message, bool own, bool pending) const;
    /** The value of a MessageFileTransfer* role for @p message (invalid QVariant for other roles). */
    QVariant data(const MessageRecord& message, bool own, bool pending, int role) const;

private:
    Status uploadStatus(const QUuid& clientMsgId) const;
    Status downloadStatus(ConversationId conversation, const QByteArray& sha256) const;
    void onRowsInserted(int first, int last);
    void onRowsChanged(int first, int last);

    TransferManager* m_transfers;
    SessionModels* m_models;
};

} // namespace lanchat
