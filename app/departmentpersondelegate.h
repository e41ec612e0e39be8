#pragma once

#include "itembackgrounddelegate.h"

namespace lanchat {

class AvatarPixmaps;

/**
 * A person in the Organisation page's list (rows of a DepartmentPeopleProxy over the contacts): photo or initials with
 * the status dot (StatusBadgePainter), the display name, and the job title (or the username when there is none) on the
 * second line. GUI thread.
 */
class DepartmentPersonDelegate : public ItemBackgroundDelegate
{
    Q_OBJECT

public:
    using ItemBackgroundDelegate::ItemBackgroundDelegate;

    /** @p avatars (may be null, not owned) gives people's pictures; without it everyone shows initials. */
    void setAvatars(AvatarPixmaps* avatars) { m_avatars = avatars; }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    AvatarPixmaps* m_avatars = nullptr;
};

} // namespace lanchat
