#include "conversationlistdelegate.h"

#include "avatarpainter.h"
#include "avatarpixmaps.h"
#include "displayformat.h"
#include "modelroles.h"
#include "statusbadgepainter.h"
#include "theme.h"

#include <QPainter>
#include <QPolygon>

namespace lanchat {

namespace {

constexpr int kPadding = 10;
constexpr int kAvatar = 40;
const QColor kDraftColour(0xd9, 0x30, 0x25);
const QColor kPinColour(0x1f, 0x6f, 0xd1);

} // namespace

ConversationListDelegate::ConversationListDelegate(Mode mode, QObject* parent)
    : ItemBackgroundDelegate(parent)
    , m_mode(mode)
{}

QSize ConversationListDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    Q_UNUSED(index);
    const QFontMetrics fm(option.font);
    return {200, qMax(kAvatar, fm.height() * 2 + 4) + 2 * kPadding};
}

void ConversationListDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                     const QModelIndex& index) const
{
    drawBackground(painter, option, index);

    const bool conv = m_mode == Mode::Conversations;
    const QRect r = option.rect.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    const QRect avatar(r.left(), r.top() + (r.height() - kAvatar) / 2, kAvatar, kAvatar);
    const bool isGroup = conv && index.data(roles::ConversationIsGroup).toBool();
    // A person has one colour everywhere (contacts, chats, message bubbles): a private chat takes its peer's.
    const int keyRole = !conv     ? int(roles::ContactUserId)
                        : isGroup ? int(roles::ConversationId)
                                  : int(roles::ConversationPeerId);
    const QString name = index.data(conv ? int(roles::ConversationTitle) : int(roles::ContactDisplayName)).toString();
    const QString initials =
        AvatarPainter::initials(name, isGroup ? AvatarPainter::Kind::Group : AvatarPainter::Kind::Person);
    // A group keeps its initials avatar; a person shows their picture where they set one.
    const QByteArray picture = isGroup ? QByteArray()
                               : conv  ? index.data(roles::ConversationPeerAvatar).toByteArray()
                                       : index.data(roles::ContactAvatar).toByteArray();
    AvatarPixmaps::paint(m_avatars, painter, avatar, picture, initials, index.data(keyRole).toLongLong());
    // While the user is offline nobody's presence is known: no dot rather than a stale one.
    const bool presenceKnown =
        index.data(conv ? int(roles::ConversationPeerPresenceKnown) : int(roles::ContactPresenceKnown)).toBool();
    if (!isGroup && presenceKnown) {
        const QString status =
            index.data(conv ? int(roles::ConversationPeerStatus) : int(roles::ContactStatus)).toString();
        StatusBadgePainter::paint(painter, avatar, status);
    }

    // The stylesheet gives selected rows a light background, so text keeps its normal colours.
    const QColor primary = option.palette.color(QPalette::Text);
    const QColor secondary = option.palette.color(QPalette::PlaceholderText);
    QRect text = r.adjusted(kAvatar + kPadding, 0, 0, 0);
    const QFontMetrics fm(option.font);
    const int lineH = fm.height();
    const int top = text.top() + (text.height() - 2 * lineH - 4) / 2;
    const QRect line1(text.left(), top, text.width(), lineH);
    const QRect line2(text.left(), top + lineH + 4, text.width(), lineH);

    const QString title = index.data(conv ? int(roles::ConversationTitle) : int(roles::ContactDisplayName)).toString();
    QString subtitle = index.data(conv ? int(roles::ConversationLastText) : int(roles::ContactUsername)).toString();
    // A contact's own words ("在开会，下午回复") say more than the username they were found by.
    if (!conv && !index.data(roles::ContactStatusText).toString().isEmpty())
        subtitle = index.data(roles::ContactStatusText).toString();
    const QString draft = conv ? index.data(roles::ConversationDraft).toString() : QString();
    //: prefix of a conversation's preview in the list when the user has typed something there and not sent it
    QString mark = draft.isEmpty() ? QString() : tr("[Draft]") + QLatin1Char(' ');
    if (!draft.isEmpty())
        subtitle = draft;
    // Being mentioned outranks a draft, as in WeChat: it is what the user must not miss.
    if (conv && index.data(roles::ConversationMentioned).toBool()) {
        //: prefix of a conversation's preview in the list while an unread message there mentions the user
        mark = tr("[@me]") + QLatin1Char(' ');
        subtitle = index.data(roles::ConversationLastText).toString();
    }
    subtitle.replace(QLatin1Char('\n'), QLatin1Char(' '));
    QString time;
    if (conv)
        time = DisplayFormat::listTime(index.data(roles::ConversationLastActivity).toDateTime());

    painter->save();
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.88);
    const int timeWidth = time.isEmpty() ? 0 : QFontMetrics(small).horizontalAdvance(time) + kPadding;
    const bool muted = conv && m_isMuted && m_isMuted(ConversationId(index.data(roles::ConversationId).toLongLong()));
    QFont bold = option.font;
    bold.setBold(!muted);
    const QFontMetrics bfm(bold);
    const int markWidth = muted ? bfm.height() : 0;
    painter->setFont(bold);
    painter->setPen(primary);
    const QString shownTitle = bfm.elidedText(title, Qt::ElideRight, line1.width() - timeWidth - markWidth);
    painter->drawText(line1.adjusted(0, 0, -timeWidth, 0), Qt::AlignLeft | Qt::AlignVCenter, shownTitle);
    if (muted) {
        const int x = line1.left() + bfm.horizontalAdvance(shownTitle) + 4;
        paintMutedMark(painter, QRect(x, line1.top() + (line1.height() - bfm.ascent()) / 2, bfm.ascent(), bfm.ascent()),
                       secondary);
    }
    painter->setFont(small);
    painter->setPen(secondary);
    if (!time.isEmpty())
        painter->drawText(line1, Qt::AlignRight | Qt::AlignVCenter, time);
    const int unread = conv ? index.data(roles::ConversationUnread).toInt() : 0;
    const int badgeWidth = unread > 0 ? fm.height() + 12 : 0;
    QRect preview = line2.adjusted(0, 0, -badgeWidth, 0);
    if (!mark.isEmpty()) {
        // A draft or a mention reads in the accent colour, so it is not taken for the last message's text.
        painter->setPen(kDraftColour);
        painter->drawText(preview, Qt::AlignLeft | Qt::AlignVCenter, mark);
        preview.setLeft(preview.left() + QFontMetrics(small).horizontalAdvance(mark));
        painter->setPen(secondary);
    }
    painter->drawText(preview, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(small).elidedText(subtitle, Qt::ElideRight, preview.width()));
    painter->restore();
    if (conv && index.data(roles::ConversationPinned).toBool())
        paintPinMark(painter, option.rect);
    if (unread > 0)
        paintBadge(painter, line2, unread, muted, option);
}

QColor ConversationListDelegate::badgeColor(bool muted)
{
    return muted ? Theme::colors().muted : Theme::colors().badge;
}

void ConversationListDelegate::paintMutedMark(QPainter* painter, const QRect& r, const QColor& color)
{
    // A speaker with a slash through it, drawn so it needs no icon font and scales with the text.
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    const qreal w = r.width();
    const qreal h = r.height();
    const QPointF body[] = {{r.left() + 0.1 * w, r.top() + 0.35 * h}, {r.left() + 0.3 * w, r.top() + 0.35 * h},
                            {r.left() + 0.6 * w, r.top() + 0.1 * h},  {r.left() + 0.6 * w, r.top() + 0.9 * h},
                            {r.left() + 0.3 * w, r.top() + 0.65 * h}, {r.left() + 0.1 * w, r.top() + 0.65 * h}};
    painter->drawPolygon(body, 6);
    painter->setPen(QPen(color, qMax(1.5, w / 10)));
    painter->drawLine(QPointF(r.left(), r.top() + 0.05 * h), QPointF(r.right(), r.bottom() - 0.05 * h));
    painter->restore();
}

void ConversationListDelegate::paintBadge(QPainter* painter, const QRect& line, int unread, bool muted,
                                          const QStyleOptionViewItem& option) const
{
    const QString text = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
    QFont font = option.font;
    font.setPointSizeF(option.font.pointSizeF() * 0.8);
    font.setBold(!muted);
    const QFontMetrics fm(font);
    const int h = fm.height() + 2;
    const int w = qMax(h, fm.horizontalAdvance(text) + 10);
    const QRect badge(line.right() - w, line.top() + (line.height() - h) / 2, w, h);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(badgeColor(muted));
    painter->drawRoundedRect(badge, h / 2.0, h / 2.0);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
}

void ConversationListDelegate::paintPinMark(QPainter* painter, const QRect& row) const
{
    // A folded corner at the top left, as pinned chats are marked in the messengers users know.
    constexpr int kSize = 10;
    const QPolygon corner({row.topLeft(), row.topLeft() + QPoint(kSize, 0), row.topLeft() + QPoint(0, kSize)});
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(kPinColour);
    painter->drawPolygon(corner);
    painter->restore();
}

} // namespace lanchat
