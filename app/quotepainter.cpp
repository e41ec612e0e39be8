#include "quotepainter.h"

#include "modelroles.h"
#include "theme.h"

#include <QFontMetrics>
#include <QModelIndex>
#include <QPainter>

namespace lanchat {

namespace {

constexpr int kBar = 3;
constexpr int kPadH = 8;
constexpr int kPadV = 4;

QFont smallFont(const QFont& base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.85 : 8.5);
    return f;
}

ReplyQuoteState stateOf(const QModelIndex& index)
{
    return ReplyQuoteState(index.data(roles::MessageReplyState).toInt());
}

} // namespace

QString QuotePainter::placeholder(const QModelIndex& index)
{
    switch (stateOf(index)) {
    case ReplyQuoteState::Recalled:
        //: the quote of a reply whose original its sender recalled (withdrew)
        return tr("Message recalled");
    case ReplyQuoteState::Removed:
        //: the quote of a reply whose original the server no longer keeps (deleted by retention)
        return tr("Original message is no longer available");
    default:
        return {};
    }
}

int QuotePainter::height(const QModelIndex& index, const QFont& font)
{
    const ReplyQuoteState state = stateOf(index);
    if (state == ReplyQuoteState::None)
        return 0;
    const QFontMetrics sfm(smallFont(font));
    const int lines = state == ReplyQuoteState::Shown ? 2 : 1;
    return lines * sfm.height() + (lines - 1) * 2 + 2 * kPadV + kGap;
}

int QuotePainter::preferredWidth(const QModelIndex& index, const QFont& font)
{
    if (stateOf(index) == ReplyQuoteState::None)
        return 0;
    QFont bold = smallFont(font);
    bold.setBold(true);
    const QFontMetrics sfm(smallFont(font));
    const int text =
        stateOf(index) == ReplyQuoteState::Shown
            ? qMax(QFontMetrics(bold).horizontalAdvance(index.data(roles::MessageReplySenderName).toString()),
                   sfm.horizontalAdvance(index.data(roles::MessageReplyText).toString()))
            : sfm.horizontalAdvance(placeholder(index));
    return kBar + 2 * kPadH + text + 2;
}

void QuotePainter::paint(QPainter* painter, const QRect& rect, const QModelIndex& index, const QFont& font)
{
    const Theme::Colors& colors = Theme::colors();
    painter->save();
    painter->setPen(Qt::NoPen);
    QColor fill = colors.muted;
    fill.setAlpha(Theme::isDark() ? 60 : 36);
    painter->setBrush(fill);
    painter->drawRoundedRect(QRectF(rect), 4, 4);
    painter->setBrush(colors.link);
    painter->drawRect(QRect(rect.left(), rect.top() + 2, kBar, rect.height() - 4));
    const QRect text = rect.adjusted(kBar + kPadH, kPadV, -kPadH, -kPadV);
    const QFont small = smallFont(font);
    const QFontMetrics sfm(small);
    if (stateOf(index) == ReplyQuoteState::Shown) {
        QFont bold = small;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(colors.link);
        const QRect nameLine(text.left(), text.top(), text.width(), sfm.height());
        painter->drawText(nameLine, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(bold).elidedText(index.data(roles::MessageReplySenderName).toString(),
                                                        Qt::ElideRight, text.width()));
        painter->setFont(small);
        painter->setPen(colors.muted);
        painter->drawText(nameLine.translated(0, sfm.height() + 2), Qt::AlignLeft | Qt::AlignVCenter,
                          sfm.elidedText(index.data(roles::MessageReplyText).toString(), Qt::ElideRight, text.width()));
    } else {
        QFont italic = small;
        italic.setItalic(true);
        painter->setFont(italic);
        painter->setPen(colors.muted);
        painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(italic).elidedText(placeholder(index), Qt::ElideRight, text.width()));
    }
    painter->restore();
}

} // namespace lanchat
