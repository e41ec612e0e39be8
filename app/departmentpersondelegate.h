#pragma once

#include "itembackgrounddelegate.h"

namespace lanchat {

/**
 * A person in the Organisation page's list (rows of a DepartmentPeopleProxy over the contacts): avatar with the
 * status dot (StatusBadgePainter), the display name, and the job title (or the username when there is none) on the
 * second line. GUI thread.
 */
class DepartmentPersonDelegate : public ItemBackgroundDelegate
{
    Q_OBJECT

public:
    using ItemBackgroundDelegate::ItemBackgroundDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace lanchat
