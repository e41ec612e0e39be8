#pragma once

#include <QStyledItemDelegate>

namespace lanchat {

/**
 * Base of the delegates that paint a row themselves: drawBackground() lets the style draw the row's selection,
 * hover and focus background only (no text, no icon), so the stylesheet decides those colours in every list.
 * GUI thread.
 */
class ItemBackgroundDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    /** The style's CE_ItemViewItem for @p index (initStyleOption() included), with its text and icon left out. */
    void drawBackground(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const;
};

} // namespace lanchat
