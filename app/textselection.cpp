#include "textselection.h"

#include "messagedelegate.h"
#include "modelroles.h"
#include "unreaddividerdelegate.h"

#include <QApplication>
#include <QClipboard>
#include <QKeyEvent>
#include <QListView>
#include <QMouseEvent>
#include <QStyleOptionViewItem>
#include <QTextCursor>
#include <QTextDocument>

namespace lanchat {

TextSelection::TextSelection(QListView* list, MessageDelegate* delegate)
    : QObject(list)
    , m_list(list)
    , m_viewport(list->viewport())
    , m_delegate(delegate)
{
    m_list->viewport()->installEventFilter(this);
    m_list->installEventFilter(this);
    m_delegate->setTextSelection(this);
}

TextSelection::~TextSelection()
{
    if (m_delegate)
        m_delegate->setTextSelection(nullptr);
}

bool TextSelection::hasSelection() const
{
    return m_index.isValid() && m_index.model() == m_list->model() && m_anchor != m_cursor;
}

QModelIndex TextSelection::index() const
{
    return hasSelection() ? QModelIndex(m_index) : QModelIndex();
}

QString TextSelection::selectedText() const
{
    if (!hasSelection())
        return {};
    const int start = qMin(m_anchor, m_cursor);
    const int end = qMax(m_anchor, m_cursor);
    QTextDocument doc;
    m_delegate->prepareDocument(doc, m_index, m_list->font());
    const QString text = m_index.data(roles::MessageText).toString();
    // The document holds the text character for character (a line break becomes one separator): take the original,
    // so spaces and breaks come back exactly as they were sent.
    if (doc.characterCount() - 1 == text.size())
        return text.mid(start, end - start);
    QTextCursor cursor(&doc);
    cursor.setPosition(start);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    return cursor.selectedText().replace(QChar::ParagraphSeparator, u'\n').replace(QChar::LineSeparator, u'\n');
}

bool TextSelection::copy() const
{
    if (!hasSelection())
        return false;
    QApplication::clipboard()->setText(selectedText());
    return true;
}

void TextSelection::clear()
{
    if (!m_index.isValid())
        return;
    m_index = QPersistentModelIndex();
    m_anchor = m_cursor = 0;
    m_dragging = false;
    m_list->viewport()->update();
}

QList<QAbstractTextDocumentLayout::Selection> TextSelection::selectionsFor(const QModelIndex& index, QTextDocument& doc,
                                                                           const QPalette& palette) const
{
    if (!hasSelection() || index != m_index)
        return {};
    QAbstractTextDocumentLayout::Selection selection;
    selection.cursor = QTextCursor(&doc);
    selection.cursor.setPosition(qMin(m_anchor, doc.characterCount() - 1));
    selection.cursor.setPosition(qMin(m_cursor, doc.characterCount() - 1), QTextCursor::KeepAnchor);
    selection.format.setBackground(palette.brush(QPalette::Active, QPalette::Highlight));
    selection.format.setForeground(palette.brush(QPalette::Active, QPalette::HighlightedText));
    return {selection};
}

bool TextSelection::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        // QAbstractItemView copies the current row's whole text on Ctrl+C by itself: a selected part comes first.
        return static_cast<QKeyEvent*>(event)->matches(QKeySequence::Copy) && copy();
    }
    if (watched != m_viewport)
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress:
        return onPress(static_cast<QMouseEvent*>(event));
    case QEvent::MouseMove:
        return onMove(static_cast<QMouseEvent*>(event));
    case QEvent::MouseButtonRelease:
        return onRelease(static_cast<QMouseEvent*>(event));
    case QEvent::MouseButtonDblClick:
        return onDoubleClick(static_cast<QMouseEvent*>(event));
    default:
        return false;
    }
}

QStyleOptionViewItem TextSelection::optionFor(const QModelIndex& index) const
{
    QStyleOptionViewItem option;
    option.initFrom(m_list->viewport());
    option.font = m_list->font();
    option.rect = m_list->visualRect(index);
    option.widget = m_list;
    // The "New messages" line sits above one message: the text is drawn below it.
    if (const auto* divider = qobject_cast<const UnreadDividerDelegate*>(m_list->itemDelegate()))
        return divider->messageOption(option, index);
    return option;
}

QRect TextSelection::textRect(const QModelIndex& index) const
{
    return index.isValid() ? m_delegate->textRect(optionFor(index), index) : QRect();
}

int TextSelection::positionAt(const QModelIndex& index, const QPoint& pos) const
{
    const QRect text = textRect(index);
    if (text.isNull())
        return 0;
    QTextDocument doc;
    m_delegate->prepareDocument(doc, index, m_list->font());
    doc.setTextWidth(text.width());
    if (pos.y() < text.top())
        return 0;
    if (pos.y() > text.bottom())
        return doc.characterCount() - 1;
    const QPoint inside(qBound(0, pos.x() - text.left(), text.width()), pos.y() - text.top());
    return qMax(0, doc.documentLayout()->hitTest(inside, Qt::FuzzyHit));
}

bool TextSelection::onPress(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = m_list->indexAt(pos);
    const bool onText = index.isValid() && textRect(index).contains(pos);
    if (event->button() == Qt::RightButton) {
        // The context menu of the selected text copies that part; anywhere else it is about other messages.
        if (!(hasSelection() && index == m_index && onText))
            clear();
        return false;
    }
    if (event->button() != Qt::LeftButton)
        return false;
    if (!onText) {
        clear();
        return false;
    }
    const int position = positionAt(index, pos);
    if (event->modifiers() & Qt::ShiftModifier && m_index == index) {
        setRange(index, m_anchor, position);
        m_dragging = true;
        return true;
    }
    setRange(index, position, position);
    m_dragging = true;
    return false; // the list still selects the row, as a click always did
}

bool TextSelection::onMove(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (!m_dragging) {
        const QModelIndex index = m_list->indexAt(pos);
        const bool onText = index.isValid() && textRect(index).contains(pos);
        m_list->viewport()->setCursor(onText ? Qt::IBeamCursor : Qt::ArrowCursor);
        return false;
    }
    if (!(event->buttons() & Qt::LeftButton) || !m_index.isValid()) {
        m_dragging = false;
        return false;
    }
    setRange(m_index, m_anchor, positionAt(m_index, pos));
    return true; // the list must not extend its row selection meanwhile
}

bool TextSelection::onRelease(QMouseEvent* event)
{
    if (!m_dragging)
        return false;
    m_dragging = false;
    if (!hasSelection())
        return false;
    // A drag that selected text is not a click: a link under the release must not open. The list gets a release
    // outside every row instead, which ends its press without touching an item.
    const QPointF away(-1, -1);
    QMouseEvent release(QEvent::MouseButtonRelease, away, m_list->viewport()->mapToGlobal(away), event->button(),
                        event->buttons(), event->modifiers());
    QCoreApplication::sendEvent(m_list->viewport(), &release);
    return true;
}

bool TextSelection::onDoubleClick(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = m_list->indexAt(pos);
    if (event->button() != Qt::LeftButton || !index.isValid() || !textRect(index).contains(pos))
        return false;
    QTextDocument doc;
    m_delegate->prepareDocument(doc, index, m_list->font());
    QTextCursor cursor(&doc);
    cursor.setPosition(positionAt(index, pos));
    cursor.select(QTextCursor::WordUnderCursor);
    setRange(index, cursor.selectionStart(), cursor.selectionEnd());
    m_dragging = false;
    return true;
}

void TextSelection::setRange(const QModelIndex& index, int anchor, int cursor)
{
    if (m_index.isValid() && m_index != index)
        m_list->viewport()->update(m_list->visualRect(m_index));
    m_index = index;
    m_anchor = anchor;
    m_cursor = cursor;
    m_list->viewport()->update(m_list->visualRect(index));
}

} // namespace lanchat
