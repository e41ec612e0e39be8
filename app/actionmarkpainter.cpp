#include "actionmarkpainter.h"

#include "modelroles.h"
#include "theme.h"

#include <QDateTime>
#include <QFontMetrics>
#include <QModelIndex>
#include <QPainter>

namespace lanchat {

namespace {

constexpr int kGap = 8; // between the recall line and its link, and between a bubble and its "edited" mark

bool offersReEdit(const QModelIndex& index)
{
    return !index.data(roles::MessageReEditText).toString().isEmpty();
}

} // namespace

void ActionMarkPainter::paintRecallLine(QPainter* painter, const QRect& line, const QModelIndex& index,
                                        const QFont& font)
{
    const QString text = index.data(roles::MessageText).toString();
    painter->setFont(font);
    painter->setPen(Theme::colors().muted);
    const QRect link = reEditRect(line, index, font);
    if (link.isNull()) {
        painter->drawText(line, Qt::AlignCenter, text);
        return;
    }
    const QFontMetrics fm(font);
    const QRect textRect(link.left() - kGap - fm.horizontalAdvance(text), line.top(), fm.horizontalAdvance(text),
                         line.height());
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, text);
    painter->setPen(Theme::colors().link);
    painter->drawText(link, Qt::AlignLeft | Qt::AlignVCenter, reEditLabel());
}

QRect ActionMarkPainter::reEditRect(const QRect& line, const QModelIndex& index, const QFont& font)
{
    if (!offersReEdit(index))
        return {};
    const QFontMetrics fm(font);
    const int textWidth = fm.horizontalAdvance(index.data(roles::MessageText).toString());
    const int linkWidth = fm.horizontalAdvance(reEditLabel());
    const int left = line.center().x() - (textWidth + kGap + linkWidth) / 2;
    return {left + textWidth + kGap, line.top(), linkWidth + 1, line.height()};
}

void ActionMarkPainter::paintEditedMark(QPainter* painter, const QRect& bubble, bool own, const QModelIndex& index,
                                        const QFont& font)
{
    if (!index.data(roles::MessageEditedTime).toDateTime().isValid())
        return;
    const QString mark = tr("edited");
    const QFontMetrics fm(font);
    const int width = fm.horizontalAdvance(mark) + 1;
    // Own bubbles have their delivery status at the bottom left: the mark goes at the top left, clear of it.
    const QRect rect = own ? QRect(bubble.left() - kGap - width, bubble.top(), width, fm.height())
                           : QRect(bubble.right() + kGap, bubble.bottom() - fm.height() + 1, width, fm.height());
    painter->save();
    painter->setFont(font);
    painter->setPen(Theme::colors().muted);
    painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter, mark);
    painter->restore();
}

} // namespace lanchat
