#pragma once

#include <QAbstractTextDocumentLayout>
#include <QObject>
#include <QPersistentModelIndex>
#include <QPointer>

class QListView;
class QMouseEvent;
class QPalette;
class QStyleOptionViewItem;
class QTextDocument;
class QWidget;

namespace lanchat {

class MessageDelegate;

/**
 * Selecting part of a message's text with the mouse in the message list, as in every chat app: press and drag on
 * a text bubble selects characters (also across lines; leaving the bubble above or below selects to its start or
 * end), a double-click selects a word, and copy() puts the selected part on the clipboard. One message at a time;
 * the selection is painted by MessageDelegate from the same document and layout it paints the text with, so
 * nothing moves when a selection starts. A press elsewhere clears it. While a drag selects text, the list does
 * not extend its row selection. Watches @p list's viewport; GUI thread only.
 */
class TextSelection : public QObject
{
    Q_OBJECT

public:
    /** @p list and @p delegate must outlive this object (make it a child of the list). */
    TextSelection(QListView* list, MessageDelegate* delegate);
    ~TextSelection() override;

    /** True while some characters of a message are selected. */
    bool hasSelection() const;
    /** The message whose text is selected (invalid when none). */
    QModelIndex index() const;
    /** The selected characters, line breaks as '\n'; empty when none. */
    QString selectedText() const;
    /** Copies selectedText() to the clipboard; false (nothing done) when nothing is selected. */
    bool copy() const;
    void clear();
    /** Where @p index's text is drawn in the viewport; null when it is not a text message. */
    QRect textRect(const QModelIndex& index) const;
    /** For MessageDelegate::paint: the highlight of the selected range when @p index is the selected message. */
    QList<QAbstractTextDocumentLayout::Selection> selectionsFor(const QModelIndex& index, QTextDocument& doc,
                                                                const QPalette& palette) const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QStyleOptionViewItem optionFor(const QModelIndex& index) const;
    /** The character position under @p pos (viewport coordinates) in @p index's text, clamped into it. */
    int positionAt(const QModelIndex& index, const QPoint& pos) const;
    bool onPress(QMouseEvent* event);
    bool onMove(QMouseEvent* event);
    bool onRelease(QMouseEvent* event);
    bool onDoubleClick(QMouseEvent* event);
    void setRange(const QModelIndex& index, int anchor, int cursor);

    QListView* m_list;
    QWidget* m_viewport; ///< m_list's, kept: events come while the list is being destroyed, when it is no view any more
    QPointer<MessageDelegate> m_delegate; ///< a sibling child of the view: either may be destroyed first
    QPersistentModelIndex m_index;
    int m_anchor = 0;
    int m_cursor = 0;
    bool m_dragging = false;
};

} // namespace lanchat
