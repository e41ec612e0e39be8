#pragma once

#include "ids.h"
#include "transfermanager.h"

#include <QByteArray>
#include <QString>
#include <QUuid>
#include <QVariant>

namespace lanchat {

class DownloadJob;
class UploadJob;

/**
 * One row of TransferManager's model: what the transfers panel shows, plus the running job. A plain value
 * holder with the role and display formatting; TransferManager drives the state. Client thread only.
 */
struct TransferRow
{
    int key = 0;
    TransferManager::Direction direction = TransferManager::Direction::Upload;
    TransferManager::State state = TransferManager::State::Queued;
    ConversationId conversation;
    QString name;      ///< sanitised file name
    QString localPath; ///< source file (upload) or final path once a download is Done
    qint64 size = 0;   ///< bytes
    qint64 done = 0;   ///< bytes hashed (Hashing), else bytes acknowledged / written
    QByteArray sha256;
    QUuid clientMsgId;   ///< uploads: kept across retries so the file message is posted once
    TransferId transfer; ///< uploads: the server's upload id, kept while paused so a cancel can remove the part
    QString errorCode;   ///< wire error code when Failed
    double speed = 0;    ///< bytes/s, EWMA
    qint64 sampleBytes = 0;
    UploadJob* upload = nullptr;
    DownloadJob* download = nullptr;

    bool isActive() const
    {
        return state == TransferManager::State::Running || state == TransferManager::State::Hashing;
    }
    /**
     * A speed is shown only while bytes are moving: running, some bytes done and a measured speed. Not while
     * checking (those are bytes hashed), paused, finished, or before the first byte after a (re)start, when the
     * smoothed speed is still that of an earlier run.
     */
    bool showsSpeed() const { return state == TransferManager::State::Running && done > 0 && speed > 0; }
    /** Seconds left at the current speed, -1 when unknown (not running, or no speed yet). */
    qint64 etaSeconds() const;
    /** The value of TransferManager::Role @p role. */
    QVariant data(int role) const;
    /** Qt::DisplayRole text of TransferManager::Column @p column, translated. */
    QString displayText(int column) const;
};

} // namespace lanchat
