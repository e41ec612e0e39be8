#include "searchhitdelegate.h"

#include "displayformat.h"
#include "icons.h"
#include "messagerecord.h"
#include "modelroles.h"
#include "theme.h"

#include <QDateTime>
#include <QPainter>

namespace lanchat {

namespace {

constexpr int kPadding = 8;
constexpr int kLineGap = 3;
constexpr int kIcon = 16;
// Plain characters kept before the first match at least, so it is read in its context.
constexpr int kContextChars = 4;
const QString kEllipsis = QStringLiteral("…");

QFont boldFont(const QFont& font)
{
    QFont bold = font;
    bold.setBold(true);
    return bold;
}

} // namespace

SearchHitDelegate::SearchHitDelegate(QObject* parent)
    : ItemBackgroundDelegate(parent)
{}

QSize SearchHitDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    Q_UNUSED(index);
    const QFontMetrics fm(option.font);
    return {200, fm.height() * 2 + kLineGap + 2 * kPadding};
}

QStringList SearchHitDelegate::keepFirstMatchInSight(QStringList pieces, const QFontMetrics& metrics, int width)
{
    if (pieces.size() < 2 || pieces.first().isEmpty())
        return pieces;
    const int match = metrics.horizontalAdvance(pieces.at(1));
    QString lead = pieces.first();
    if (metrics.horizontalAdvance(lead) + match <= width)
        return pieces;
    // Cut whole characters (surrogate pairs kept together) from the front until the match fits.
    while (lead.size() > kContextChars && metrics.horizontalAdvance(kEllipsis + lead) + match > width) {
        const int step = lead.size() > 1 && lead.at(0).isHighSurrogate() ? 2 : 1;
        lead.remove(0, step);
    }
    pieces[0] = kEllipsis + lead;
    return pieces;
}

void SearchHitDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    drawBackground(painter, option, index);

    painter->save();
    const QFontMetrics fm(option.font);
    const QRect r = option.rect.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    const QRect line1(r.left(), r.top(), r.width(), fm.height());
    const QRect line2(r.left(), line1.bottom() + 1 + kLineGap, r.width(), fm.height());
    const QColor text = option.palette.color(QPalette::Text);
    const QColor muted = Theme::colors().muted;

    QRect titleRect = line1;
    if (MessageKind(index.data(roles::SearchHitKind).toInt()) == MessageKind::File) {
        const QRect icon(line1.left(), line1.top() + (line1.height() - kIcon) / 2, kIcon, kIcon);
        Icons::fileIcon(index.data(roles::SearchHitFileName).toString()).paint(painter, icon);
        titleRect.setLeft(icon.right() + 1 + 4);
    }
    const QString time = DisplayFormat::listTime(index.data(roles::SearchHitTimestamp).toDateTime());
    const int timeWidth = fm.horizontalAdvance(time);
    painter->setPen(muted);
    painter->setFont(option.font);
    painter->drawText(line1, Qt::AlignRight | Qt::AlignVCenter, time);
    titleRect.setRight(line1.right() - timeWidth - kPadding);
    const QFont bold = boldFont(option.font);
    painter->setFont(bold);
    painter->setPen(text);
    const QString title = index.data(roles::SearchHitConversationTitle).toString();
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(title, Qt::ElideRight, titleRect.width()));

    //: search result: the sender's name in front of the excerpt of their message
    const QString sender = tr("%1: ").arg(index.data(roles::SearchHitSenderName).toString());
    // A long name gives way to the excerpt; a short one is drawn whole (eliding at its exact width may cut it).
    const int senderWidth = qMin(fm.horizontalAdvance(sender) + 1, line2.width() / 3);
    const QString shownSender =
        fm.horizontalAdvance(sender) < senderWidth ? sender : fm.elidedText(sender, Qt::ElideRight, senderWidth);
    painter->setFont(option.font);
    painter->setPen(muted);
    painter->drawText(QRect(line2.left(), line2.top(), senderWidth, line2.height()),
                      Qt::AlignLeft | Qt::AlignVCenter | Qt::TextDontClip, shownSender);
    const QRect snippetRect = line2.adjusted(senderWidth, 0, 0, 0);
    paintSnippet(painter, snippetRect,
                 keepFirstMatchInSight(index.data(roles::SearchHitSnippet).toStringList(), QFontMetrics(bold),
                                       snippetRect.width()),
                 option);
    painter->restore();
}

void SearchHitDelegate::paintSnippet(QPainter* painter, const QRect& rect, const QStringList& pieces,
                                     const QStyleOptionViewItem& option) const
{
    const QFont bold = boldFont(option.font);
    QColor accent = Theme::colors().primary;
    accent.setAlpha(Theme::isDark() ? 110 : 60);
    const QColor text = option.palette.color(QPalette::Text);
    int x = rect.left();
    for (int i = 0; i < pieces.size() && x < rect.right(); ++i) {
        const bool matched = i % 2 == 1;
        // One line: line breaks of the message read as spaces here.
        const QString piece = QString(pieces.at(i)).replace(QLatin1Char('\n'), QLatin1Char(' '));
        if (piece.isEmpty())
            continue;
        const QFontMetrics fm(matched ? bold : option.font);
        const int room = rect.right() - x;
        const QString shown = fm.horizontalAdvance(piece) > room ? fm.elidedText(piece, Qt::ElideRight, room) : piece;
        const int width = fm.horizontalAdvance(shown);
        const QRect box(x, rect.top(), width, rect.height());
        if (matched)
            painter->fillRect(box, accent);
        painter->setFont(matched ? bold : option.font);
        painter->setPen(text);
        painter->drawText(box, Qt::AlignLeft | Qt::AlignVCenter, shown);
        x += width;
        if (shown.size() != piece.size())
            break;
    }
}

} // namespace lanchat
