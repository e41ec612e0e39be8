#pragma once

#include <QCoreApplication>
#include <QRect>

class QFont;
class QModelIndex;
class QPainter;

namespace lanchat {

/**
 * The quote block at the top of a reply's bubble (roles::MessageReply*): an accent bar, the original's sender and a
 * one-line excerpt ("[File] name" for a file), or a single muted line when the original was recalled or is gone.
 * Clicking it jumps to the original (MessageDelegate::quoteClicked). Stateless; GUI thread.
 */
class QuotePainter
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::QuotePainter)

public:
    /** Height of the block plus the gap under it, px; 0 when the message is no reply. */
    static int height(const QModelIndex& index, const QFont& font);
    /** The width the block would like (its text unelided), px. */
    static int preferredWidth(const QModelIndex& index, const QFont& font);
    /** Paints the block of @p index into @p rect (the block only, not the gap under it). */
    static void paint(QPainter* painter, const QRect& rect, const QModelIndex& index, const QFont& font);
    /** The line a recalled or removed original shows instead of its content; empty while it can be shown. */
    static QString placeholder(const QModelIndex& index);
    /** Vertical gap between the block and the message text, px. */
    static constexpr int kGap = 6;
};

} // namespace lanchat
