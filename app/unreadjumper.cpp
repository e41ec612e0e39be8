#include "unreadjumper.h"

#include "chatclient.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "unreaddividerdelegate.h"

#include <QEvent>
#include <QListView>
#include <QScrollBar>
#include <QToolButton>

#include <algorithm>

namespace lanchat {

namespace {

// Same tolerance as the view's "at the bottom" test: a few pixels short still counts as there.
constexpr int kBottomSlack = 4;
constexpr int kButtonMargin = 10;

QToolButton* makeButton(QListView* list, const char* name)
{
    auto* button = new QToolButton(list);
    button->setObjectName(QLatin1String(name));
    button->setCursor(Qt::PointingHandCursor);
    button->setFocusPolicy(Qt::TabFocus);
    // Floats over the messages in either palette: an opaque accent pill.
    button->setStyleSheet(QStringLiteral("QToolButton { background: #1f6fd1; color: white; border: none;"
                                         " border-radius: 10px; padding: 3px 12px; font-weight: bold; }"
                                         "QToolButton:hover { background: #185bb0; }"
                                         "QToolButton:focus { border: 2px solid #0b3d7a; }"));
    button->hide();
    return button;
}

} // namespace

UnreadJumper::UnreadJumper(ChatClient* client, QListView* list, QAbstractItemDelegate* messages, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_list(list)
    , m_divider(new UnreadDividerDelegate(messages, list))
    , m_upButton(makeButton(list, "firstUnreadButton"))
    , m_downButton(makeButton(list, "jumpToBottomButton"))
{
    m_list->setItemDelegate(m_divider);
    m_list->installEventFilter(this);
    connect(m_upButton, &QToolButton::clicked, this, &UnreadJumper::jumpToFirstUnread);
    connect(m_downButton, &QToolButton::clicked, this, [this] {
        m_pending = false;
        m_list->scrollToBottom();
    });
    QScrollBar* bar = m_list->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, &UnreadJumper::updateButtons);
    retranslateUi();
}

UnreadJumper::~UnreadJumper() = default;

void UnreadJumper::open(ConversationId conversation, MessagesModel* model, Seq readSeq, int unread)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_conversation = conversation;
    m_model = model;
    m_readSeq = readSeq;
    m_unread = model ? unread : 0;
    m_divider->setDividerSeq(0);
    m_pending = m_unread > 0;
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex&, int first, int) { onRowsInserted(first); });
        connect(model, &MessagesModel::atStartChanged, this, &UnreadJumper::locateDivider);
        connect(model, &QAbstractItemModel::modelReset, this, [this] { open({}, nullptr, 0, 0); });
    }
    retranslateUi();
    locateDivider();
    updateButtons();
}

Seq UnreadJumper::dividerSeq() const
{
    return m_divider->dividerSeq();
}

void UnreadJumper::jumpToFirstUnread()
{
    if (!m_model || m_unread <= 0)
        return;
    m_pending = true;
    locateDivider();
    tryPosition();
    updateButtons();
}

void UnreadJumper::onRowsInserted(int first)
{
    // History pages arrive at row 0; the next one is asked for once this one is in (and its "at the start" flag,
    // set right after the rows, is known).
    if (first == 0 && m_divider->dividerSeq() == 0)
        QMetaObject::invokeMethod(this, &UnreadJumper::locateDivider, Qt::QueuedConnection);
    updateButtons();
}

void UnreadJumper::locateDivider()
{
    if (!m_model || m_unread <= 0 || m_divider->dividerSeq() > 0)
        return;
    const bool covered = m_model->atStart() || (m_model->storedCount() > 0 && m_model->oldestSeq() <= m_readSeq);
    if (!covered) {
        if (m_pending)
            m_client->loadOlder(m_conversation);
        return;
    }
    Seq first = 0;
    for (int row = m_model->storedCount() - 1; row >= 0; --row) {
        const QModelIndex index = m_model->index(row);
        const Seq seq = index.data(roles::MessageSeq).toLongLong();
        if (seq <= m_readSeq)
            break;
        if (!index.data(roles::MessageIsOwn).toBool())
            first = seq;
    }
    if (first == 0) {
        // Nothing from others after the read position after all (read on another device meanwhile).
        m_unread = 0;
        m_pending = false;
        updateButtons();
        Q_EMIT positioned();
        return;
    }
    m_divider->setDividerSeq(first);
    // A restarted client counts unread only among the messages it held; now all of them are here.
    m_unread = std::max(m_unread, m_model->countFromOthersAfter(m_readSeq));
    retranslateUi();
    if (m_list->model() == m_model)
        m_list->doItemsLayout(); // that row is taller now
    tryPosition();
}

void UnreadJumper::onRangeChanged()
{
    tryPosition();
    updateButtons();
}

void UnreadJumper::tryPosition()
{
    if (!m_pending || !m_model || m_list->model() != m_model || m_divider->dividerSeq() == 0)
        return;
    const int row = m_model->rowOfSeq(m_divider->dividerSeq());
    const int rows = m_model->rowCount();
    // QListView lays out big models in batches and sets the scroll range only after the last one: wait for it.
    if (row < 0 || !m_list->visualRect(m_model->index(row)).isValid() ||
        !m_list->visualRect(m_model->index(rows - 1)).isValid()) {
        return;
    }
    m_pending = false;
    m_list->scrollTo(m_model->index(row), QAbstractItemView::PositionAtTop);
    updateButtons();
    Q_EMIT positioned();
}

void UnreadJumper::updateButtons()
{
    bool up = false;
    if (m_model && m_unread > 0 && !m_pending) {
        const int row = m_divider->dividerSeq() > 0 ? m_model->rowOfSeq(m_divider->dividerSeq()) : -1;
        const QRect rect = row >= 0 ? m_list->visualRect(m_model->index(row)) : QRect();
        up = !rect.isValid() || rect.top() < 0;
    }
    const QScrollBar* bar = m_list->verticalScrollBar();
    const bool down = m_model && bar->value() < bar->maximum() - kBottomSlack;
    m_upButton->setVisible(up);
    m_downButton->setVisible(down);
    placeButtons();
}

void UnreadJumper::placeButtons()
{
    const QRect area = m_list->viewport()->geometry();
    const QSize upSize = m_upButton->sizeHint();
    m_upButton->setGeometry(area.left() + (area.width() - upSize.width()) / 2, area.top() + kButtonMargin,
                            upSize.width(), upSize.height());
    const QSize downSize = m_downButton->sizeHint();
    m_downButton->setGeometry(area.right() - downSize.width() - kButtonMargin - 8,
                              area.bottom() - downSize.height() - kButtonMargin, downSize.width(), downSize.height());
    m_upButton->raise();
    m_downButton->raise();
}

void UnreadJumper::retranslateUi()
{
    //: floating button over a chat: scrolls up to the first message that was unread when the chat was opened
    m_upButton->setText(tr("↑ %n new message(s)", nullptr, m_unread));
    m_upButton->setToolTip(tr("Jump to the first unread message"));
    m_downButton->setText(QStringLiteral("↓"));
    m_downButton->setToolTip(tr("Jump to the newest message"));
    m_downButton->setAccessibleName(m_downButton->toolTip());
    placeButtons();
}

bool UnreadJumper::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_list) {
        if (event->type() == QEvent::Resize || event->type() == QEvent::Show)
            placeButtons();
        else if (event->type() == QEvent::LanguageChange)
            retranslateUi();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace lanchat
