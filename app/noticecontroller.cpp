#include "noticecontroller.h"

#include "chatclient.h"
#include "conversationsmodel.h"
#include "errortext.h"
#include "noticebanner.h"
#include "noticecenter.h"
#include "noticecomposedialog.h"
#include "noticestatusdialog.h"

#include <QAction>
#include <QMenu>
#include <QMessageBox>

namespace lanchat {

NoticeController::NoticeController(ChatClient* client, QWidget* window,
                                   std::function<ConversationId()> currentConversation)
    : QObject(window)
    , m_client(client)
    , m_window(window)
    , m_currentConversation(std::move(currentConversation))
    , m_center(new NoticeCenter(client, this))
    , m_banner(new NoticeBanner(m_center, client->contacts(), window))
    , m_postAction(new QAction(this))
    , m_statusAction(new QAction(this))
{
    m_postAction->setObjectName(QStringLiteral("postAnnouncementAction"));
    m_statusAction->setObjectName(QStringLiteral("myAnnouncementsAction"));
    connect(m_postAction, &QAction::triggered, this, [this] { compose(m_currentConversation()); });
    connect(m_statusAction, &QAction::triggered, this, [this] { showStatus(0); });
    connect(m_center, &NoticeCenter::changed, this, &NoticeController::updateActions);
    connect(m_center, &NoticeCenter::availabilityChanged, this, &NoticeController::updateActions);
    connect(m_center, &NoticeCenter::noticePosted, this, [this](const NoticeInfo& notice) { showStatus(notice.id); });
    connect(m_center, &NoticeCenter::postFailed, this, [this](ErrorCode error) {
        if (!m_composing)
            return; // someone else's post (another part of the app, a test): not this window's to report
        m_composing = false;
        // Not modal: the window keeps working while the reason is read.
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Post announcement"),
                                    tr("The announcement was not posted: %1").arg(ErrorText::message(error)),
                                    QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(m_center, &NoticeCenter::noticePosted, this, [this] { m_composing = false; });
    retranslateUi();
    updateActions();
}

void NoticeController::addActions(QMenu* menu)
{
    menu->addAction(m_postAction);
    menu->addAction(m_statusAction);
    connect(menu, &QMenu::aboutToShow, this, &NoticeController::updateActions);
}

void NoticeController::updateActions()
{
    m_postAction->setVisible(m_center->isAvailable());
    m_statusAction->setVisible(m_center->isAvailable());
    m_postAction->setEnabled(m_center->mayPost(m_currentConversation()));
    m_statusAction->setEnabled(!m_center->posted().isEmpty());
}

void NoticeController::compose(ConversationId group)
{
    if (!m_center->mayPost(group))
        return;
    const std::optional<ConversationInfo> info = m_client->conversations()->conversation(group);
    NoticeComposeDialog dialog(info ? info->name : QString(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_composing = true;
    m_center->post(group, dialog.text(), dialog.mustAck());
}

void NoticeController::showStatus(qint64 notice)
{
    auto* dialog = new NoticeStatusDialog(m_center, m_client->contacts(), notice, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void NoticeController::retranslateUi()
{
    m_postAction->setText(tr("Post &announcement…"));
    m_postAction->setToolTip(tr("Announce something to the members of this group (group owners and admins)"));
    m_statusAction->setText(tr("My a&nnouncements…"));
}

} // namespace lanchat
