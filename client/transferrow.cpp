#include "transferrow.h"

#include <QLocale>
#include <QTime>

#include <cmath>

namespace lanchat {

namespace {
QString stateText(const TransferRow& row)
{
    using State = TransferManager::State;
    switch (row.state) {
    case State::Queued:
        return TransferManager::tr("Queued");
    case State::Hashing:
        return TransferManager::tr("Checking");
    case State::Running:
        return row.direction == TransferManager::Direction::Upload ? TransferManager::tr("Sending")
                                                                   : TransferManager::tr("Receiving");
    case State::Paused:
        return TransferManager::tr("Paused");
    case State::Done:
        return TransferManager::tr("Done");
    case State::Failed:
        return TransferManager::tr("Failed (%1)").arg(row.errorCode);
    case State::Cancelled:
        return TransferManager::tr("Cancelled");
    }
    return {};
}
} // namespace

qint64 TransferRow::etaSeconds() const
{
    if (!showsSpeed() || speed < 1.0)
        return -1;
    return qint64(std::ceil(double(size - done) / speed));
}

QVariant TransferRow::data(int role) const
{
    switch (role) {
    case TransferManager::TransferKeyRole:
        return key;
    case TransferManager::DirectionRole:
        return int(direction);
    case TransferManager::FileNameRole:
        return name;
    case TransferManager::SizeRole:
        return size;
    case TransferManager::BytesDoneRole:
        return done;
    case TransferManager::SpeedRole:
        return showsSpeed() ? speed : 0.0;
    case TransferManager::EtaRole:
        return etaSeconds();
    case TransferManager::StateRole:
        return int(state);
    case TransferManager::ErrorCodeRole:
        return errorCode;
    case TransferManager::LocalPathRole:
        return localPath;
    case TransferManager::ConversationRole:
        return conversation.value();
    case TransferManager::Sha256Role:
        return sha256;
    case TransferManager::ClientMsgIdRole:
        return clientMsgId;
    default:
        return {};
    }
}

QString TransferRow::displayText(int column) const
{
    const QLocale locale;
    switch (column) {
    case TransferManager::NameColumn:
        return name;
    case TransferManager::DirectionColumn:
        return direction == TransferManager::Direction::Upload ? TransferManager::tr("Upload")
                                                               : TransferManager::tr("Download");
    case TransferManager::ProgressColumn:
        return TransferManager::tr("%1 of %2").arg(locale.formattedDataSize(done), locale.formattedDataSize(size));
    case TransferManager::SpeedColumn:
        return showsSpeed() ? TransferManager::tr("%1/s").arg(locale.formattedDataSize(qint64(speed))) : QString();
    case TransferManager::EtaColumn: {
        const qint64 eta = etaSeconds();
        // Beyond a day the exact time says nothing; the panel shows at most 23:59:59.
        return eta < 0 ? QString()
                       : QTime(0, 0).addSecs(int(qMin<qint64>(eta, 86399))).toString(QStringLiteral("H:mm:ss"));
    }
    case TransferManager::StateColumn:
        return stateText(*this);
    default:
        return {};
    }
}

} // namespace lanchat
