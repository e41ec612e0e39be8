#include "transferitemdelegate.h"

#include "displayformat.h"
#include "errortext.h"
#include "theme.h"
#include "transfermanager.h"

#include <QPainter>

namespace lanchat {

TransferItemDelegate::TransferItemDelegate(QObject* parent)
    : ItemBackgroundDelegate(parent)
{}

QString TransferItemDelegate::stateText(int state)
{
    switch (TransferManager::State(state)) {
    case TransferManager::State::Queued:
        return tr("Queued");
    case TransferManager::State::Hashing:
        //: computing the SHA-256 checksum of a file before sending
        return tr("Checking");
    case TransferManager::State::Running:
        return tr("Transferring");
    case TransferManager::State::Paused:
        return tr("Paused");
    case TransferManager::State::Done:
        return tr("Done");
    case TransferManager::State::Failed:
        return tr("Failed");
    case TransferManager::State::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

void TransferItemDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const int state = index.data(TransferManager::StateRole).toInt();
    // SpeedRole is 0 unless bytes are moving (TransferRow::showsSpeed()): then no speed and no remaining time.
    const bool running = TransferManager::State(state) == TransferManager::State::Running &&
                         index.data(TransferManager::SpeedRole).toDouble() > 0;
    switch (index.column()) {
    case TransferManager::NameColumn:
        option->text = index.data(TransferManager::FileNameRole).toString();
        option->textElideMode = Qt::ElideMiddle;
        break;
    case TransferManager::DirectionColumn:
        option->text = TransferManager::Direction(index.data(TransferManager::DirectionRole).toInt()) ==
                               TransferManager::Direction::Upload
                           ? tr("Upload")
                           : tr("Download");
        break;
    case TransferManager::SpeedColumn:
        option->text = running ? DisplayFormat::speed(index.data(TransferManager::SpeedRole).toDouble()) : QString();
        break;
    case TransferManager::EtaColumn:
        option->text = running ? DisplayFormat::duration(index.data(TransferManager::EtaRole).toLongLong()) : QString();
        break;
    case TransferManager::StateColumn:
        option->text = stateText(state);
        if (TransferManager::State(state) == TransferManager::State::Failed) {
            const QString reason = ErrorText::message(index.data(TransferManager::ErrorCodeRole).toString());
            //: %1 is the reason a transfer failed
            option->text = tr("Failed: %1").arg(reason);
            option->palette.setColor(QPalette::Text, Theme::colors().error);
        }
        break;
    default:
        break;
    }
}

void TransferItemDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (index.column() != TransferManager::ProgressColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    drawBackground(painter, option, index);

    const qint64 size = index.data(TransferManager::SizeRole).toLongLong();
    const qint64 done = index.data(TransferManager::BytesDoneRole).toLongLong();
    const int permille = size > 0 ? int(qBound(qint64(0), done * 1000 / size, qint64(1000))) : 0;
    // Painted by hand: the stylesheet style draws no chunk for a QStyleOptionProgressBar without a widget.
    const QRectF bar = QRectF(option.rect).adjusted(6, 6, -6, -6);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Theme::colors().inputBorder);
    painter->setBrush(Theme::colors().track);
    painter->drawRoundedRect(bar, 4, 4);
    const auto state = TransferManager::State(index.data(TransferManager::StateRole).toInt());
    QColor fill = Theme::colors().progress;
    if (state == TransferManager::State::Done)
        fill = Theme::colors().progressDone;
    else if (state == TransferManager::State::Failed)
        fill = Theme::colors().progressFailed;
    else if (state == TransferManager::State::Paused || state == TransferManager::State::Cancelled)
        fill = Theme::colors().progressPaused;
    if (permille > 0) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(QRectF(bar.left(), bar.top(), bar.width() * permille / 1000.0, bar.height()), 4, 4);
    }
    painter->setPen(Theme::colors().text);
    //: progress of a transfer: %1 percent, %2 bytes done, %3 total size
    painter->drawText(
        bar, Qt::AlignCenter,
        tr("%1% · %2 of %3").arg(permille / 10).arg(DisplayFormat::size(done), DisplayFormat::size(size)));
    painter->restore();
}

} // namespace lanchat
