#pragma once

#include "ids.h"

#include <QStyledItemDelegate>

namespace lanchat {

/**
 * Wraps the delegate that paints messages and adds a "New messages" line above one message (the first the user
 * had not read when the conversation was opened): that row is taller by dividerHeight(), the line is painted in
 * the extra space and the rest of the row, mouse clicks included, is handed to the wrapped delegate with the
 * row's rectangle moved down. Every other row is handed over unchanged. GUI thread only.
 */
class UnreadDividerDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    /** @p messages paints the messages; not owned, must outlive this. */
    explicit UnreadDividerDelegate(QAbstractItemDelegate* messages, QObject* parent = nullptr);
    ~UnreadDividerDelegate() override;

    /** The message (by seq) the line is drawn above; 0 for none. The caller lays the view out again. */
    void setDividerSeq(Seq seq) { m_seq = seq; }
    Seq dividerSeq() const { return m_seq; }
    /** The option the wrapped delegate gets for @p index: on the line's row, the part below the line. */
    QStyleOptionViewItem messageOption(const QStyleOptionViewItem& option, const QModelIndex& index) const
    {
        return isDividerRow(index) ? below(option) : option;
    }
    /** Height in pixels the line adds to its row with @p font. */
    static int dividerHeight(const QFont& font);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

private:
    bool isDividerRow(const QModelIndex& index) const;
    QStyleOptionViewItem below(const QStyleOptionViewItem& option) const;

    QAbstractItemDelegate* m_messages;
    Seq m_seq = 0;
};

} // namespace lanchat
