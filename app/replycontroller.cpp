#include "replycontroller.h"

#include "chatclient.h"
#include "icons.h"
#include "messagedelegate.h"
#include "messageinput.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "replybar.h"

#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QListView>
#include <QMenu>
#include <QScrollBar>
#include <QTimer>

namespace lanchat {

namespace {

// How long a jumped-to message stays highlighted.
constexpr int kHighlightMs = 1500;
// Rows above the gap's edge at which the next newer page is asked for, so it is in before the user gets there.
constexpr int kNewerAheadRows = 10;

} // namespace

ReplyController::ReplyController(ChatClient* client, QListView* list, MessageInput* input, MessageDelegate* delegate,
                                 QWidget* barParent)
    : QObject(barParent)
    , m_client(client)
    , m_list(list)
    , m_input(input)
    , m_bar(new ReplyBar(barParent))
    , m_highlightEnd(new QTimer(this))
{
    // Key events, not QShortcuts: Esc must reach the input's other uses while no reply is being written.
    input->installEventFilter(this);
    list->installEventFilter(this);
    connect(m_bar, &ReplyBar::cancelRequested, this, &ReplyController::cancel);
    m_highlightEnd->setSingleShot(true);
    m_highlightEnd->setInterval(kHighlightMs);
    connect(m_highlightEnd, &QTimer::timeout, this, [this] {
        if (m_list->selectionModel())
            m_list->selectionModel()->clearSelection();
    });
    connect(delegate, &MessageDelegate::quoteClicked, this, [this](const QModelIndex& index) {
        // An original removed by retention has nowhere to jump to.
        if (ReplyQuoteState(index.data(roles::MessageReplyState).toInt()) != ReplyQuoteState::Removed)
            jumpTo(index.data(roles::MessageReplySeq).toLongLong());
    });
    connect(client, &ChatClient::messageLoaded, this, &ReplyController::onMessageLoaded);
    connect(list->verticalScrollBar(), &QScrollBar::valueChanged, this, &ReplyController::loadNewerIfNearGap);
}

bool ReplyController::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress && event->type() != QEvent::ShortcutOverride)
        return QObject::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    const bool escape = watched == m_input && key->key() == Qt::Key_Escape && m_replyTo > 0;
    const bool replyKey = watched == m_list && key->keyCombination() == QKeyCombination(Qt::CTRL, Qt::Key_R) &&
                          canReply(m_list->currentIndex());
    if (!escape && !replyKey)
        return QObject::eventFilter(watched, event);
    event->accept(); // a ShortcutOverride accepted: the key comes here as a KeyPress, not to a window shortcut
    if (event->type() == QEvent::KeyPress) {
        if (escape)
            cancel();
        else
            startReply(m_list->currentIndex());
    }
    return true;
}

void ReplyController::setConversation(ConversationId conversation, MessagesModel* model)
{
    cancel();
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_conversation = conversation;
    m_model = model;
    m_jumpTarget = 0;
    if (m_model) {
        // A newer page may leave the gap's edge on screen: ask for the next one.
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &ReplyController::loadNewerIfNearGap,
                Qt::QueuedConnection);
    }
}

bool ReplyController::canReply(const QModelIndex& index) const
{
    return index.isValid() && m_client->supportsReplies() && m_input->isEnabled() &&
           index.data(roles::MessageSeq).toLongLong() > 0 &&
           index.data(roles::MessageKind).toInt() != int(MessageKind::System) &&
           !index.data(roles::MessageRecalled).toBool(); // nothing left to quote
}

void ReplyController::addActions(QMenu& menu, const QModelIndex& index)
{
    if (!canReply(index))
        return;
    QAction* reply = menu.addAction(Icons::icon(QStringLiteral("send")), tr("Reply"), this,
                                    [this, index = QPersistentModelIndex(index)] { startReply(index); });
    reply->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
}

void ReplyController::startReply(const QModelIndex& index)
{
    if (!canReply(index))
        return;
    m_replyTo = index.data(roles::MessageSeq).toLongLong();
    const bool file = index.data(roles::MessageKind).toInt() == int(MessageKind::File);
    const QString excerpt = file ? index.data(Qt::DisplayRole).toString()
                                 : ReplyQuote::excerptOf(index.data(roles::MessageText).toString());
    m_bar->showFor(index.data(roles::MessageSenderName).toString(), excerpt);
    m_input->setFocus();
}

void ReplyController::cancel()
{
    m_replyTo = 0;
    m_bar->hide();
}

Seq ReplyController::takeReplyTo()
{
    const Seq seq = m_replyTo;
    cancel();
    return seq;
}

void ReplyController::jumpTo(Seq seq)
{
    if (seq <= 0 || !m_model)
        return;
    if (m_model->rowOfSeq(seq) >= 0) {
        reveal(seq);
        return;
    }
    m_jumpTarget = seq;
    m_client->loadAround(m_conversation, seq);
}

void ReplyController::onMessageLoaded(ConversationId conversation, Seq seq)
{
    if (conversation != m_conversation || seq != m_jumpTarget)
        return;
    m_jumpTarget = 0;
    // After the view has taken the inserted rows (it keeps what was on screen in place first).
    QTimer::singleShot(0, this, [this, seq] { reveal(seq); });
}

void ReplyController::reveal(Seq seq)
{
    const int row = m_model ? m_model->rowOfSeq(seq) : -1;
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row);
    m_list->doItemsLayout(); // batched layout: the row must have its place before scrolling to it
    m_list->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_list->setCurrentIndex(index);
    m_list->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
    m_highlightEnd->start();
}

void ReplyController::loadNewerIfNearGap()
{
    if (!m_model || m_model->gapAfter() == 0 || m_model->isLoadingNewer())
        return;
    const int edge = m_model->rowOfSeq(m_model->gapAfter());
    const QModelIndex lastVisible = m_list->indexAt(QPoint(1, m_list->viewport()->height() - 2));
    if (edge >= 0 && lastVisible.isValid() && lastVisible.row() >= edge - kNewerAheadRows)
        m_client->loadNewer(m_conversation);
}

} // namespace lanchat
