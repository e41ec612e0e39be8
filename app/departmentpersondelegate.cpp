#include "departmentpersondelegate.h"

#include "avatarpainter.h"
#include "avatarpixmaps.h"
#include "modelroles.h"
#include "statusbadgepainter.h"

#include <QPainter>

namespace lanchat {

namespace {

constexpr int kPadding = 8;
constexpr int kAvatar = 34;

} // namespace

QSize DepartmentPersonDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const QFontMetrics fm(option.font);
    return {180, qMax(kAvatar, fm.height() * 2 + 2) + 2 * kPadding};
}

void DepartmentPersonDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                     const QModelIndex& index) const
{
    drawBackground(painter, option, index);
    const QRect r = option.rect.adjusted(kPadding + 2, kPadding, -kPadding, -kPadding);
    const QRect avatar(r.left(), r.top() + (r.height() - kAvatar) / 2, kAvatar, kAvatar);
    const QString name = index.data(roles::ContactDisplayName).toString();
    AvatarPixmaps::paint(m_avatars, painter, avatar, index.data(roles::ContactAvatar).toByteArray(),
                         AvatarPainter::initials(name, AvatarPainter::Kind::Person),
                         index.data(roles::ContactUserId).toLongLong());
    // While the user is offline nobody's presence is known: no dot rather than a stale one.
    if (index.data(roles::ContactPresenceKnown).toBool())
        StatusBadgePainter::paint(painter, avatar, index.data(roles::ContactStatus).toString());

    const QString title = index.data(roles::ContactTitle).toString();
    const QString second = title.isEmpty() ? index.data(roles::ContactUsername).toString() : title;
    const QRect text = r.adjusted(kAvatar + kPadding, 0, 0, 0);
    const QFontMetrics fm(option.font);
    const int top = text.top() + (text.height() - 2 * fm.height() - 2) / 2;
    painter->save();
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(option.palette.color(QPalette::Text));
    const QRect line1(text.left(), top, text.width(), fm.height());
    painter->drawText(line1, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(name, Qt::ElideRight, line1.width()));
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.88);
    painter->setFont(small);
    painter->setPen(option.palette.color(QPalette::PlaceholderText));
    const QRect line2(text.left(), top + fm.height() + 2, text.width(), fm.height());
    painter->drawText(line2, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(small).elidedText(second, Qt::ElideRight, line2.width()));
    painter->restore();
}

} // namespace lanchat
