#include "messageeditactions.h"

#include "chatclient.h"
#include "conversationsmodel.h"
#include "icons.h"
#include "messageinput.h"
#include "modelroles.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QTextCursor>
#include <QToolButton>

namespace lanchat {

MessageEditActions::MessageEditActions(ChatClient* client, MessageInput* input, QWidget* barParent, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_input(input)
    , m_bar(new QWidget(barParent))
    , m_barLabel(new QLabel(m_bar))
{
    m_bar->setObjectName(QStringLiteral("editingBar"));
    m_barLabel->setObjectName(QStringLiteral("editingBarLabel"));
    auto* cancel = new QToolButton(m_bar);
    cancel->setObjectName(QStringLiteral("editingCancel"));
    cancel->setAutoRaise(true);
    cancel->setIcon(Icons::icon(QStringLiteral("cancel")));
    m_cancelButton = cancel;
    auto* layout = new QHBoxLayout(m_bar);
    layout->setContentsMargins(12, 4, 12, 0);
    layout->addWidget(m_barLabel, 1);
    layout->addWidget(cancel);
    m_bar->hide();
    connect(cancel, &QToolButton::clicked, this, &MessageEditActions::cancelEdit);
    m_input->installEventFilter(this);
    m_bar->installEventFilter(this);
    retranslateUi();
}

void MessageEditActions::retranslateUi()
{
    m_barLabel->setText(tr("Editing message · Esc to cancel"));
    m_cancelButton->setToolTip(tr("Cancel editing"));
}

bool MessageEditActions::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_bar && event->type() == QEvent::LanguageChange)
        retranslateUi();
    if (watched == m_input && event->type() == QEvent::KeyPress && isEditing() &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        cancelEdit();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void MessageEditActions::setConversation(ConversationId conversation)
{
    if (conversation != m_conversation && isEditing())
        cancelEdit();
    m_conversation = conversation;
}

bool MessageEditActions::storedWithin(const QModelIndex& index, qint64 windowSeconds)
{
    if (index.data(roles::MessageSeq).toLongLong() <= 0 || index.data(roles::MessageRecalled).toBool())
        return false;
    return index.data(roles::MessageTimestamp).toDateTime().secsTo(QDateTime::currentDateTime()) <= windowSeconds;
}

bool MessageEditActions::mayRecall(const QModelIndex& index) const
{
    if (!m_client->canRecallAndEdit() || index.data(roles::MessageKind).toInt() == int(MessageKind::System) ||
        index.data(roles::MessageSeq).toLongLong() <= 0 || index.data(roles::MessageRecalled).toBool())
        return false;
    const auto info = m_client->conversations()->conversation(m_conversation);
    const bool owner = info && info->kind == ConversationKind::Group && info->owner == m_client->currentUser().id;
    if (owner)
        return true; // the group's owner may recall any message, at any time
    return index.data(roles::MessageIsOwn).toBool() && storedWithin(index, m_client->recallWindowSeconds());
}

bool MessageEditActions::mayEdit(const QModelIndex& index) const
{
    return m_client->canRecallAndEdit() && index.data(roles::MessageIsOwn).toBool() &&
           index.data(roles::MessageKind).toInt() == int(MessageKind::Text) &&
           storedWithin(index, m_client->editWindowSeconds());
}

void MessageEditActions::addTo(QMenu& menu, const QModelIndex& index)
{
    const QPersistentModelIndex row(index);
    if (mayEdit(index)) {
        menu.addAction(Icons::icon(QStringLiteral("text")), tr("Edit"), this, [this, row] { startEdit(row); })
            ->setObjectName(QStringLiteral("editAction"));
    }
    if (mayRecall(index)) {
        menu.addAction(Icons::icon(QStringLiteral("undo")), tr("Recall"), this, [this, row] { recall(row); })
            ->setObjectName(QStringLiteral("recallAction"));
    }
    if (!index.data(roles::MessageReEditText).toString().isEmpty())
        menu.addAction(tr("Re-edit"), this, [this, row] { reEdit(row); })
            ->setObjectName(QStringLiteral("reEditAction"));
}

void MessageEditActions::recall(const QModelIndex& index)
{
    if (m_editing == index)
        cancelEdit();
    m_client->recallMessage(m_conversation, index.data(roles::MessageSeq).toLongLong());
}

void MessageEditActions::startEdit(const QModelIndex& index)
{
    if (!isEditing())
        m_draftBeforeEdit = m_input->toPlainText();
    m_editing = index;
    m_input->setPlainText(index.data(roles::MessageText).toString());
    m_input->moveCursor(QTextCursor::End);
    m_bar->show();
    m_input->setFocus();
}

void MessageEditActions::reEdit(const QModelIndex& index)
{
    if (isEditing())
        cancelEdit();
    m_input->setPlainText(index.data(roles::MessageReEditText).toString());
    m_input->moveCursor(QTextCursor::End);
    m_input->setFocus();
}

void MessageEditActions::cancelEdit()
{
    if (isEditing())
        endEdit();
}

void MessageEditActions::endEdit()
{
    m_editing = QPersistentModelIndex();
    m_bar->hide();
    m_input->setPlainText(m_draftBeforeEdit);
    m_input->moveCursor(QTextCursor::End);
    m_draftBeforeEdit.clear();
}

bool MessageEditActions::submit(const QString& text)
{
    if (!isEditing())
        return false;
    const Seq seq = m_editing.data(roles::MessageSeq).toLongLong();
    const QString before = m_editing.data(roles::MessageText).toString();
    endEdit();
    if (!text.isEmpty() && text != before)
        m_client->editMessage(m_conversation, seq, text);
    return true;
}

} // namespace lanchat
