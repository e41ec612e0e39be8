#include "unreaddividerdelegate.h"

#include "modelroles.h"

#include <QPainter>

namespace lanchat {

namespace {

const QColor kDividerColour(0xe5, 0x48, 0x4d);

QFont dividerFont(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.85 : 8.5);
    font.setBold(true);
    return font;
}

} // namespace

UnreadDividerDelegate::UnreadDividerDelegate(QAbstractItemDelegate* messages, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_messages(messages)
{
    connect(m_messages, &QAbstractItemDelegate::sizeHintChanged, this, &QAbstractItemDelegate::sizeHintChanged);
}

UnreadDividerDelegate::~UnreadDividerDelegate() = default;

int UnreadDividerDelegate::dividerHeight(const QFont& font)
{
    return QFontMetrics(dividerFont(font)).height() + 12;
}

bool UnreadDividerDelegate::isDividerRow(const QModelIndex& index) const
{
    return m_seq > 0 && index.data(roles::MessageSeq).toLongLong() == m_seq;
}

QStyleOptionViewItem UnreadDividerDelegate::below(const QStyleOptionViewItem& option) const
{
    QStyleOptionViewItem moved = option;
    moved.rect.setTop(option.rect.top() + dividerHeight(option.font));
    return moved;
}

QSize UnreadDividerDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = m_messages->sizeHint(option, index);
    if (isDividerRow(index))
        size.rheight() += dividerHeight(option.font);
    return size;
}

void UnreadDividerDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (!isDividerRow(index)) {
        m_messages->paint(painter, option, index);
        return;
    }
    const QFont font = dividerFont(option.font);
    const QRect line(option.rect.left(), option.rect.top(), option.rect.width(), dividerHeight(option.font));
    //: the line above the first message the user had not read when opening the chat
    const QString text = tr("New messages");
    const int textWidth = QFontMetrics(font).horizontalAdvance(text) + 24;
    const int cy = line.center().y();
    painter->save();
    painter->setPen(kDividerColour);
    painter->setFont(font);
    painter->drawLine(line.left() + 16, cy, line.center().x() - textWidth / 2, cy);
    painter->drawLine(line.center().x() + textWidth / 2, cy, line.right() - 16, cy);
    painter->drawText(line, Qt::AlignCenter, text);
    painter->restore();
    m_messages->paint(painter, below(option), index);
}

bool UnreadDividerDelegate::editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                                        const QModelIndex& index)
{
    return m_messages->editorEvent(event, model, isDividerRow(index) ? below(option) : option, index);
}

bool UnreadDividerDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                                      const QModelIndex& index)
{
    return m_messages->helpEvent(event, view, isDividerRow(index) ? below(option) : option, index);
}

} // namespace lanchat
