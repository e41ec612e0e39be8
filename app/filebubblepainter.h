#pragma once

#include "modelroles.h"

#include <QCoreApplication>
#include <QRect>
#include <QString>

class QModelIndex;
class QPoint;
class QPainter;
class QStyleOptionViewItem;

namespace lanchat {

class TransferManager;

/**
 * The bottom line of a file message's bubble: where its bytes are (MessagesModel's MessageFileTransfer* roles,
 * FileTransferTracker) and what the user can do about it, for the sender and for the receiver:
 * "Download", "Pause ▓▓░ Downloading 42 %", "Resume · Paused at 42 %", "Retry · Failed: reason", "Queued",
 * "Preparing…", "Uploading 42 %", "Sent", "Open  Show in folder". Stateless; GUI thread only.
 */
class FileBubblePainter
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::FileBubblePainter)

public:
    /** What a click on a link of the line does. */
    enum class Action
    {
        None,
        Download, ///< start the download (a paused one resumes: TransferManager::download)
        Open,
        ShowInFolder,
        Pause,
        Resume,
        Retry,
    };

    /** The line laid out: links, progress bar and status text, in item coordinates. */
    struct Line
    {
        FileTransferState state = FileTransferState::NotDownloaded;
        QRect primary;
        QRect secondary;
        QRect bar;
        QRect status;
        Action primaryAction = Action::None;
        Action secondaryAction = Action::None;
        QString primaryText;
        QString secondaryText;
        QString statusText;
        bool error = false; ///< statusText is a failure reason (drawn in the error colour)
        int percent = 0;
    };

    /**
     * Lays out the line of @p index into @p line (the bubble's last text line). @p downloaded: the receiver
     * has the file locally (the delegate checks the path still exists); @p expired: the server dropped it.
     */
    static Line layout(const QModelIndex& index, const QRect& line, const QFont& font, bool downloaded);
    static void paint(QPainter* painter, const Line& line, const QStyleOptionViewItem& option);
    /**
     * Runs Pause, Resume or Retry on transfer @p key of @p transfers (may be null); false for the other actions,
     * which the caller handles.
     */
    static bool runOnTransfer(Action action, TransferManager* transfers, int key);
    /** The action under @p pos, Action::None if none. */
    static Action actionAt(const Line& line, const QPoint& pos);
};

} // namespace lanchat
