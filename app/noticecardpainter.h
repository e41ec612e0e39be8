#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QRect>
#include <QString>

class QPainter;
class QStyleOptionViewItem;

namespace lanchat {

/**
 * Draws an administrator's notice in the announcement channel as a card: a tinted panel across the chat
 * (at most kMaxWidth px, centred) with an accent bar, a bold "Announcement · time" line and the wrapped
 * text in the palette's text colour, so it reads well in light and dark palettes (system lines elsewhere
 * are small grey one-liners). Stateless; GUI thread only.
 */
class NoticeCardPainter
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::NoticeCardPainter)

public:
    /** Widest card in device-independent pixels. */
    static constexpr int kMaxWidth = 640;

    /** The card's rectangle for @p text in a row of @p row starting at y @p top (layout and hit tests). */
    static QRect cardRect(const QStyleOptionViewItem& option, const QRect& row, int top, const QString& text);
    /** Paints the card into @p card (from cardRect()). */
    static void paint(QPainter* painter, const QStyleOptionViewItem& option, const QRect& card, const QString& text,
                      const QDateTime& timestamp);

private:
    static QRect textRect(const QRect& card, int headerHeight);
    static QString headerText(const QDateTime& timestamp);
};

} // namespace lanchat
