#include "noticecardpainter.h"

#include "displayformat.h"

#include <QFontMetrics>
#include <QPainter>
#include <QStyleOptionViewItem>

#include <algorithm>

namespace lanchat {

namespace {

constexpr int kSideMargin = 24;
constexpr int kPadH = 14;
constexpr int kPadV = 10;
constexpr int kBarWidth = 4;
constexpr int kLineGap = 4;
// Amber: reads as "notice" next to the blue of own bubbles and links, in both palettes.
const QColor kAccent(0xd9, 0x8e, 0x04);

QFont headerFont(const QFont& base)
{
    QFont font = base;
    font.setBold(true);
    return font;
}

QColor blend(const QColor& base, const QColor& tint, qreal amount)
{
    return QColor::fromRgbF(base.redF() + (tint.redF() - base.redF()) * amount,
                            base.greenF() + (tint.greenF() - base.greenF()) * amount,
                            base.blueF() + (tint.blueF() - base.blueF()) * amount);
}

} // namespace

QRect NoticeCardPainter::cardRect(const QStyleOptionViewItem& option, const QRect& row, int top, const QString& text)
{
    const int width = std::min(kMaxWidth, row.width() - 2 * kSideMargin);
    const QRect card(row.left() + (row.width() - width) / 2, top, width, 0);
    const int headerHeight = QFontMetrics(headerFont(option.font)).height();
    const QRect textArea = textRect(card, headerHeight);
    const int textHeight =
        QFontMetrics(option.font).boundingRect(QRect(0, 0, textArea.width(), 100000), Qt::TextWordWrap, text).height();
    return QRect(card.left(), top, width, 2 * kPadV + headerHeight + kLineGap + textHeight);
}

void NoticeCardPainter::paint(QPainter* painter, const QStyleOptionViewItem& option, const QRect& card,
                              const QString& text, const QDateTime& timestamp)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor base = option.palette.color(QPalette::Base);
    const bool dark = base.lightnessF() < 0.5;
    painter->setPen(QPen(blend(base, kAccent, dark ? 0.55 : 0.45), 1));
    painter->setBrush(blend(base, kAccent, dark ? 0.18 : 0.12));
    painter->drawRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    painter->setPen(Qt::NoPen);
    painter->setBrush(kAccent);
    painter->drawRoundedRect(QRectF(card.left(), card.top(), kBarWidth + 4, card.height()), 4, 4);
    painter->fillRect(QRect(card.left() + kBarWidth, card.top() + 1, 4, card.height() - 2),
                      blend(base, kAccent, dark ? 0.18 : 0.12));

    const QFont header = headerFont(option.font);
    const int headerHeight = QFontMetrics(header).height();
    const QRect textArea = textRect(card, headerHeight);
    painter->setFont(header);
    // Text colour from the palette (not a fixed grey): full contrast on the tinted card in either palette.
    painter->setPen(dark ? kAccent.lighter(140) : kAccent.darker(150));
    painter->drawText(QRect(textArea.left(), card.top() + kPadV, textArea.width(), headerHeight),
                      Qt::AlignLeft | Qt::AlignVCenter, headerText(timestamp));
    painter->setFont(option.font);
    painter->setPen(option.palette.color(QPalette::Text));
    painter->drawText(textArea, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
    painter->restore();
}

QString NoticeCardPainter::headerText(const QDateTime& timestamp)
{
    //: heading of an administrator's notice in the announcement channel; %1 is the time it was posted
    return tr("Announcement · %1").arg(DisplayFormat::messageTime(timestamp));
}

QRect NoticeCardPainter::textRect(const QRect& card, int headerHeight)
{
    const int left = card.left() + kBarWidth + kPadH;
    const int top = card.top() + kPadV + headerHeight + kLineGap;
    return QRect(left, top, card.right() - kPadH - left + 1, std::max(0, card.bottom() - kPadV - top + 1));
}

} // namespace lanchat
