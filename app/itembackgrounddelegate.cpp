#include "itembackgrounddelegate.h"

#include <QApplication>
#include <QStyle>

namespace lanchat {

void ItemBackgroundDelegate::drawBackground(QPainter* painter, const QStyleOptionViewItem& option,
                                            const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
}

} // namespace lanchat
