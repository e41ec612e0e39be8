#include "memberlistdelegate.h"

#include "avatarpainter.h"
#include "avatarpixmaps.h"
#include "statusbadgepainter.h"
#include "theme.h"

#include <QPainter>

namespace lanchat {

namespace {

constexpr int kPadding = 8;
constexpr int kAvatar = 32;

} // namespace

MemberListDelegate::MemberListDelegate(QObject* parent)
    : ItemBackgroundDelegate(parent)
{}

QString MemberListDelegate::roleText(GroupRole role)
{
    //: role of a member in a group, shown in the member list
    switch (role) {
    case GroupRole::Owner:
        return tr("Owner");
    case GroupRole::Admin:
        //: role of a member in a group (an admin manages members, not admins), shown in the member list
        return tr("Admin");
    case GroupRole::Member:
        break;
    }
    return tr("Member");
}

QSize MemberListDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    Q_UNUSED(index);
    const QFontMetrics fm(option.font);
    return {240, qMax(kAvatar, 2 * fm.height() + 2) + 2 * kPadding};
}

void MemberListDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    drawBackground(painter, option, index);

    const QRect r = option.rect.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    const QRect avatar(r.left(), r.top() + (r.height() - kAvatar) / 2, kAvatar, kAvatar);
    const QString name = index.data(Qt::DisplayRole).toString();
    AvatarPixmaps::paint(m_avatars, painter, avatar, index.data(AvatarRole).toByteArray(),
                         AvatarPainter::initials(name, AvatarPainter::Kind::Person),
                         index.data(UserIdRole).toLongLong());
    // While the user is offline nobody's presence is known: no dot rather than a stale one.
    if (index.data(PresenceKnownRole).toBool()) {
        const QString status = index.data(StatusRole).toString();
        StatusBadgePainter::paint(
            painter, avatar,
            status.isEmpty() ? (index.data(OnlineRole).toBool() ? QStringLiteral("online") : QStringLiteral("offline"))
                             : status);
    }

    const auto role = GroupRole(index.data(GroupRoleRole).toInt());
    const QString roleLabel = roleText(role);
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.88);
    const QFontMetrics sfm(small);
    const int roleWidth = sfm.horizontalAdvance(roleLabel) + 16;
    const QRect roleRect(r.right() - roleWidth + 1, r.top() + (r.height() - sfm.height() - 4) / 2, roleWidth,
                         sfm.height() + 4);

    const QFontMetrics fm(option.font);
    const QRect text(avatar.right() + 1 + kPadding, r.top(), roleRect.left() - avatar.right() - 2 * kPadding,
                     r.height());
    const int top = text.top() + (text.height() - fm.height() - sfm.height() - 2) / 2;
    painter->save();
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(option.palette.color(QPalette::Text));
    painter->drawText(QRect(text.left(), top, text.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(name, Qt::ElideRight, text.width()));
    painter->setFont(small);
    painter->setPen(option.palette.color(QPalette::PlaceholderText));
    const QString username = QLatin1Char('@') + index.data(UsernameRole).toString();
    painter->drawText(QRect(text.left(), top + fm.height() + 2, text.width(), sfm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, sfm.elidedText(username, Qt::ElideRight, text.width()));
    // The owner stands out (filled badge), an admin less (outlined badge); a plain member's role is quiet text.
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal radius = roleRect.height() / 2.0;
    if (role == GroupRole::Owner) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(Theme::colors().selected);
        painter->drawRoundedRect(roleRect, radius, radius);
        painter->setPen(Theme::colors().link);
    } else if (role == GroupRole::Admin) {
        painter->setPen(QPen(Theme::colors().link, 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(roleRect).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    }
    painter->drawText(roleRect, Qt::AlignCenter, roleLabel);
    painter->restore();
}

} // namespace lanchat
