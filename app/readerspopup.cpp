#include "readerspopup.h"

#include "modelroles.h"
#include "readreceiptlabel.h"

#include <QEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QScreen>
#include <QVBoxLayout>

namespace lanchat {

namespace {

constexpr int kWidth = 240;
constexpr int kMaxVisibleRows = 8;

QLabel* sectionHeader(QWidget* parent)
{
    auto* label = new QLabel(parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

QLabel* placeholder(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setEnabled(false); // drawn muted
    return label;
}

QListWidget* nameList(QWidget* parent, const QString& name)
{
    auto* list = new QListWidget(parent);
    list->setObjectName(name);
    list->setSelectionMode(QAbstractItemView::NoSelection);
    list->setFocusPolicy(Qt::NoFocus);
    list->setFrameShape(QFrame::NoFrame);
    list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Names on the popup's own background, as plain lines rather than an input-like box.
    list->setStyleSheet(QStringLiteral("QListWidget { background: transparent; border: none; }"));
    return list;
}

/** Shows @p names in @p list (as many rows high as they need, up to kMaxVisibleRows), or @p empty if none. */
void fill(QListWidget* list, QLabel* empty, const QStringList& names)
{
    list->clear();
    list->addItems(names);
    list->setVisible(!names.isEmpty());
    empty->setVisible(names.isEmpty());
    const int rows = qMin(int(names.size()), kMaxVisibleRows);
    const int rowHeight = names.isEmpty() ? 0 : list->sizeHintForRow(0);
    list->setFixedHeight(rows * rowHeight + 2 * list->frameWidth());
}

} // namespace

ReadersPopup::ReadersPopup(const QModelIndex& index, QWidget* parent)
    : QFrame(parent, Qt::Popup)
    , m_index(index)
    , m_readHeader(sectionHeader(this))
    , m_readList(nameList(this, QStringLiteral("readersList")))
    , m_readEmpty(placeholder(this))
    , m_unreadHeader(sectionHeader(this))
    , m_unreadList(nameList(this, QStringLiteral("nonReadersList")))
    , m_unreadEmpty(placeholder(this))
{
    setObjectName(QStringLiteral("readersPopup"));
    setAttribute(Qt::WA_DeleteOnClose);
    setFrameShape(QFrame::StyledPanel);
    setFixedWidth(kWidth);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(4);
    layout->addWidget(m_readHeader);
    layout->addWidget(m_readList);
    layout->addWidget(m_readEmpty);
    layout->addSpacing(8);
    layout->addWidget(m_unreadHeader);
    layout->addWidget(m_unreadList);
    layout->addWidget(m_unreadEmpty);
    if (const QAbstractItemModel* model = index.model()) {
        // Receipts that arrive while the list is open move names from one section to the other.
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex& first, const QModelIndex& last) {
                    if (m_index.isValid() && m_index.row() >= first.row() && m_index.row() <= last.row())
                        refresh();
                });
        connect(model, &QAbstractItemModel::modelReset, this, &QWidget::close);
    }
    refresh();
}

ReadersPopup* ReadersPopup::open(const QModelIndex& index, QWidget* parent, const QPoint& globalPos)
{
    auto* popup = new ReadersPopup(index, parent);
    popup->adjustSize();
    QPoint at = globalPos;
    if (const QScreen* screen = QGuiApplication::screenAt(globalPos)) {
        const QRect room = screen->availableGeometry();
        at.setX(qBound(room.left(), at.x(), room.right() - popup->width() + 1));
        at.setY(qBound(room.top(), at.y(), room.bottom() - popup->height() + 1));
    }
    popup->move(at);
    popup->show();
    return popup;
}

void ReadersPopup::addMenuAction(QMenu& menu, const QModelIndex& index, bool group, QWidget* parent,
                                 const QPoint& globalPos)
{
    if (!ReadReceiptLabel::opensList(index, group))
        return;
    const QPersistentModelIndex target(index);
    menu.addAction(tr("Who has read it"), parent, [target, parent, globalPos] {
        if (target.isValid())
            open(target, parent, globalPos);
    });
}

void ReadersPopup::refresh()
{
    if (!m_index.isValid()) {
        close();
        return;
    }
    m_readers = m_index.data(roles::MessageReaderNames).toStringList();
    m_nonReaders = m_index.data(roles::MessageNonReaderNames).toStringList();
    //: header of the names of the members who have read a group message; %1 is how many
    m_readHeader->setText(tr("Read (%1)").arg(m_readers.size()));
    //: header of the names of the members who have not read a group message yet; %1 is how many
    m_unreadHeader->setText(tr("Not read yet (%1)").arg(m_nonReaders.size()));
    m_readEmpty->setText(tr("Nobody yet"));
    m_unreadEmpty->setText(tr("Everyone has read it"));
    fill(m_readList, m_readEmpty, m_readers);
    fill(m_unreadList, m_unreadEmpty, m_nonReaders);
    adjustSize();
}

void ReadersPopup::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QFrame::changeEvent(event);
}

} // namespace lanchat
