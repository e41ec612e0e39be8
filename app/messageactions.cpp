#include "messageactions.h"

#include "chatclient.h"
#include "errortext.h"
#include "forwarddialog.h"
#include "icons.h"
#include "messagerecord.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "protocol.h"

#include <QItemSelectionModel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QToolTip>

#include <algorithm>

namespace lanchat {

namespace {

bool forwardable(const QModelIndex& index)
{
    const auto kind = MessageKind(index.data(roles::MessageKind).toInt());
    // A recalled message is readable by nobody: the server refuses to forward it.
    if (index.data(roles::MessageSeq).toLongLong() <= 0 || kind == MessageKind::System ||
        index.data(roles::MessageRecalled).toBool())
        return false;
    return kind == MessageKind::Text || !index.data(roles::MessageFileExpired).toBool();
}

} // namespace

MessageActions::MessageActions(ChatClient* client, QListView* list, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_list(list)
{
    connect(m_client, &ChatClient::forwarded, this,
            [this](const QUuid& request, ConversationId target) { onForwarded(request, target); });
    connect(m_client, &ChatClient::requestFailed, this, &MessageActions::onFailed);
}

void MessageActions::addTo(QMenu& menu, const QModelIndex& clicked)
{
    if (!forwardable(clicked))
        return;
    //: context menu of messages: send copies of the selected messages to another conversation
    QAction* forward =
        menu.addAction(Icons::icon(QStringLiteral("send")), tr("Forward…"), this, &MessageActions::forwardSelection);
    forward->setObjectName(QStringLiteral("forwardAction"));
}

QList<Seq> MessageActions::forwardableSelection() const
{
    QList<Seq> seqs;
    const QModelIndexList rows =
        m_list->selectionModel() ? m_list->selectionModel()->selectedRows() : QModelIndexList();
    for (const QModelIndex& row : rows) {
        if (forwardable(row))
            seqs.append(row.data(roles::MessageSeq).toLongLong());
    }
    if (seqs.isEmpty() && forwardable(m_list->currentIndex()))
        seqs.append(m_list->currentIndex().data(roles::MessageSeq).toLongLong());
    std::sort(seqs.begin(), seqs.end());
    return seqs;
}

void MessageActions::forwardSelection()
{
    const auto* model = qobject_cast<const MessagesModel*>(m_list->model());
    const QList<Seq> seqs = forwardableSelection();
    if (!model || seqs.isEmpty() || m_dialog)
        return;
    if (seqs.size() > protocol::kMaxForwardMessages) {
        QMessageBox::information(m_list->window(), tr("Forward"),
                                 tr("You can forward at most %1 messages at once.").arg(protocol::kMaxForwardMessages));
        return;
    }
    const ConversationId source = model->conversation();
    m_dialog = new ForwardDialog(m_client, int(seqs.size()), m_list->window());
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this, source, seqs] {
        const ConversationId target = m_dialog->target();
        if (!target.isValid())
            return;
        if (m_client->state() != ChatClient::State::LoggedIn) {
            // Not queued like a text: a forward that arrives later than the user expects would surprise more.
            showFailure(tr("You are offline: nothing was forwarded. Forward again once connected."));
            return;
        }
        m_pendingTitle = m_dialog->targetTitle();
        m_pending = m_client->forward(target, source, seqs);
    });
    m_dialog->open();
}

void MessageActions::onForwarded(const QUuid& request, ConversationId)
{
    if (request != m_pending)
        return;
    m_pending = QUuid();
    //: shown briefly beside the messages after a forward; %1 is the conversation's name
    QToolTip::showText(m_list->mapToGlobal(m_list->rect().center()), tr("Forwarded to %1").arg(m_pendingTitle), m_list,
                       {}, 3000);
}

void MessageActions::onFailed(const QString& request, ErrorCode code)
{
    if (request != QLatin1String("forward") || m_pending.isNull())
        return;
    m_pending = QUuid();
    showFailure(failureText(code));
}

void MessageActions::showFailure(const QString& text)
{
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Not forwarded"), text, QMessageBox::Ok, m_list->window());
    box->setObjectName(QStringLiteral("forwardFailedBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QString MessageActions::failureText(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Forbidden:
        return tr("You are not a member of that conversation any more, or you may not post there.");
    case ErrorCode::InvalidArgument:
        return tr("A message could not be forwarded: it no longer exists, was recalled, or its file has expired.");
    case ErrorCode::UnknownType:
        return tr("This server cannot forward messages. Ask the administrator to update it.");
    case ErrorCode::Timeout:
        return tr("The connection was lost before the server answered. Look in the conversation before you forward "
                  "again: the messages may have arrived.");
    default:
        return ErrorText::message(code);
    }
}

} // namespace lanchat
