#include "filebubblepainter.h"

#include "errortext.h"
#include "transfermanager.h"

#include <QFontMetrics>
#include <QModelIndex>
#include <QPainter>
#include <QStyleOptionViewItem>

#include <algorithm>

namespace lanchat {

namespace {

constexpr int kGap = 12;
constexpr int kBarWidth = 64;
constexpr int kBarHeight = 6;
const QColor kLink(0x1a, 0x5f, 0xb4);
const QColor kError(0xc6, 0x28, 0x28);
const QColor kMuted(0x80, 0x87, 0x90);
const QColor kBarTrack(0xd0, 0xd7, 0xde);

} // namespace

FileBubblePainter::Line FileBubblePainter::layout(const QModelIndex& index, const QRect& rect, const QFont& font,
                                                  bool downloaded)
{
    Line l;
    const bool own = index.data(roles::MessageIsOwn).toBool();
    const QVariant stateValue = index.data(roles::MessageFileTransferState);
    // Without a tracker (a model of its own in tests) the line still follows what is on disk.
    l.state = stateValue.isValid() ? FileTransferState(stateValue.toInt())
              : own                ? FileTransferState::Sent
              : downloaded         ? FileTransferState::Downloaded
                                   : FileTransferState::NotDownloaded;
    // The file may have been moved or deleted since it was downloaded: then it can be downloaded again.
    if (l.state == FileTransferState::Downloaded && !downloaded)
        l.state = FileTransferState::NotDownloaded;
    if (l.state == FileTransferState::NotDownloaded && downloaded)
        l.state = FileTransferState::Downloaded;
    l.percent = index.data(roles::MessageFileTransferProgress).toInt();
    switch (l.state) {
    case FileTransferState::NotDownloaded:
        if (index.data(roles::MessageFileExpired).toBool()) {
            l.statusText = tr("No longer available on the server");
        } else {
            l.primaryAction = Action::Download;
            l.primaryText = tr("Download");
        }
        break;
    case FileTransferState::Queued:
        l.primaryAction = Action::Pause;
        l.primaryText = tr("Pause");
        //: a file transfer waiting for a free slot
        l.statusText = tr("Queued");
        break;
    case FileTransferState::Preparing:
        //: computing the checksum of a file before it is uploaded
        l.statusText = tr("Preparing…");
        break;
    case FileTransferState::Uploading:
    case FileTransferState::Downloading:
        l.primaryAction = Action::Pause;
        l.primaryText = tr("Pause");
        l.statusText = l.state == FileTransferState::Uploading
                           //: in a file bubble, %1 is a percentage
                           ? tr("Uploading %1 %").arg(l.percent)
                           //: in a file bubble, %1 is a percentage
                           : tr("Downloading %1 %").arg(l.percent);
        break;
    case FileTransferState::Paused:
        l.primaryAction = Action::Resume;
        l.primaryText = tr("Resume");
        //: in a file bubble, %1 is a percentage
        l.statusText = tr("Paused at %1 %").arg(l.percent);
        break;
    case FileTransferState::Failed:
        l.primaryAction = Action::Retry;
        l.primaryText = tr("Retry");
        //: in a file bubble, %1 is why the transfer failed
        l.statusText = tr("Failed: %1").arg(ErrorText::message(index.data(roles::MessageFileTransferError).toString()));
        l.error = true;
        break;
    case FileTransferState::Sent:
        //: shown under a file the user sent, which other members can now download
        l.statusText = tr("Sent");
        break;
    case FileTransferState::Downloaded:
        l.primaryAction = Action::Open;
        l.primaryText = tr("Open");
        l.secondaryAction = Action::ShowInFolder;
        l.secondaryText = tr("Show in folder");
        break;
    }
    const QFontMetrics fm(font);
    int x = rect.left();
    if (!l.primaryText.isEmpty()) {
        l.primary = QRect(x, rect.top(), fm.horizontalAdvance(l.primaryText) + 4, rect.height());
        x = l.primary.right() + kGap;
    }
    if (!l.secondaryText.isEmpty()) {
        l.secondary = QRect(x, rect.top(), fm.horizontalAdvance(l.secondaryText) + 4, rect.height());
        x = l.secondary.right() + kGap;
    }
    if (l.state == FileTransferState::Uploading || l.state == FileTransferState::Downloading ||
        l.state == FileTransferState::Paused) {
        l.bar = QRect(x, rect.center().y() - kBarHeight / 2, kBarWidth, kBarHeight);
        x = l.bar.right() + 8;
    }
    if (!l.statusText.isEmpty())
        l.status = QRect(x, rect.top(), std::max(0, rect.right() - x + 1), rect.height());
    return l;
}

void FileBubblePainter::paint(QPainter* painter, const Line& l, const QStyleOptionViewItem& option)
{
    painter->save();
    painter->setFont(option.font);
    painter->setPen(kLink);
    if (!l.primary.isNull())
        painter->drawText(l.primary, Qt::AlignLeft | Qt::AlignVCenter, l.primaryText);
    if (!l.secondary.isNull())
        painter->drawText(l.secondary, Qt::AlignLeft | Qt::AlignVCenter, l.secondaryText);
    if (!l.bar.isNull()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(kBarTrack);
        painter->drawRoundedRect(QRectF(l.bar), kBarHeight / 2.0, kBarHeight / 2.0);
        QRectF done(l.bar);
        done.setWidth(l.bar.width() * std::clamp(l.percent, 0, 100) / 100.0);
        painter->setBrush(l.state == FileTransferState::Paused ? kMuted : kLink);
        if (done.width() > 0)
            painter->drawRoundedRect(done, kBarHeight / 2.0, kBarHeight / 2.0);
    }
    if (!l.status.isNull()) {
        painter->setPen(l.error ? kError : kMuted);
        painter->drawText(l.status, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(option.font).elidedText(l.statusText, Qt::ElideRight, l.status.width()));
    }
    painter->restore();
}

bool FileBubblePainter::runOnTransfer(Action action, TransferManager* transfers, int key)
{
    if (action != Action::Pause && action != Action::Resume && action != Action::Retry)
        return false;
    if (!transfers)
        return true;
    if (action == Action::Pause)
        transfers->pause(key);
    else if (action == Action::Resume)
        transfers->resume(key);
    else
        transfers->retry(key);
    return true;
}

FileBubblePainter::Action FileBubblePainter::actionAt(const Line& line, const QPoint& pos)
{
    if (line.primary.contains(pos))
        return line.primaryAction;
    if (line.secondary.contains(pos))
        return line.secondaryAction;
    return Action::None;
}

} // namespace lanchat
