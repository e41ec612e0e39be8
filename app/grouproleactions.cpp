#include "grouproleactions.h"

#include "chatclient.h"
#include "contactsmodel.h"
#include "conversationsmodel.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>
#include <utility>

namespace lanchat {

GroupRoleActions::GroupRoleActions(ChatClient* client, ConversationId group, QWidget* dialog)
    : QObject(dialog)
    , m_client(client)
    , m_group(group)
    , m_dialog(dialog)
{
    setObjectName(QStringLiteral("groupRoleActions"));
}

std::optional<ConversationInfo> GroupRoleActions::info() const
{
    if (m_client->conversations()->isRemoved(m_group))
        return std::nullopt;
    return m_client->conversations()->conversation(m_group);
}

GroupRole GroupRoleActions::ownRole() const
{
    return roleOf(m_client->currentUser().id);
}

GroupRole GroupRoleActions::roleOf(UserId member) const
{
    const std::optional<ConversationInfo> group = info();
    return group ? group->roleOf(member) : GroupRole::None;
}

bool GroupRoleActions::mayManage() const
{
    const GroupRole own = ownRole();
    return own == GroupRole::Owner || (own == GroupRole::Admin && m_client->supportsGroupRoles());
}

bool GroupRoleActions::mayRemove(UserId member) const
{
    const GroupRole target = roleOf(member);
    if (target == GroupRole::None || target == GroupRole::Owner || !mayManage())
        return false;
    return ownRole() == GroupRole::Owner || target == GroupRole::Member;
}

void GroupRoleActions::fillMenu(QMenu* menu, UserId member)
{
    const bool owner = ownRole() == GroupRole::Owner && m_client->supportsGroupRoles();
    const GroupRole target = roleOf(member);
    if (owner && (target == GroupRole::Member || target == GroupRole::Admin)) {
        const bool admin = target == GroupRole::Admin;
        QAction* role = menu->addAction(admin ? tr("Remove admin") : tr("Make admin"));
        role->setObjectName(admin ? QStringLiteral("removeAdminAction") : QStringLiteral("makeAdminAction"));
        connect(role, &QAction::triggered, this,
                [this, member, admin] { m_client->setGroupAdmin(m_group, member, !admin); });
        QAction* transfer = menu->addAction(tr("Transfer ownership…"));
        transfer->setObjectName(QStringLiteral("transferAction"));
        connect(transfer, &QAction::triggered, this, [this, member] { transferTo(member); });
    }
    if (mayRemove(member)) {
        if (!menu->isEmpty())
            menu->addSeparator();
        QAction* remove = menu->addAction(tr("Remove from group…"));
        remove->setObjectName(QStringLiteral("removeMemberAction"));
        connect(remove, &QAction::triggered, this, [this, member] { removeMember(member); });
    }
}

void GroupRoleActions::removeMember(UserId member)
{
    // Removing someone is visible to the whole group: say who and from where before doing it.
    //: %1 is the member's display name, %2 the group's name
    const QString question = tr("Remove %1 from the group \"%2\"?").arg(nameOf(member), groupName());
    if (confirm("removeMemberBox", tr("Remove member"), question))
        m_client->removeMember(m_group, member);
}

void GroupRoleActions::transferTo(UserId member)
{
    //: %1 is the member's display name, %2 the group's name
    const QString question =
        tr("Make %1 the owner of \"%2\"? You will stay in the group as a member.").arg(nameOf(member), groupName());
    if (confirm("transferBox", tr("Transfer ownership"), question))
        m_client->transferGroup(m_group, member);
}

bool GroupRoleActions::dissolve()
{
    //: %1 is the group's name
    const QString question = tr("Dissolve \"%1\" for all its members? Nobody can send messages in it any more. "
                                "This cannot be undone.")
                                 .arg(groupName());
    if (!confirm("dissolveBox", tr("Dissolve group"), question))
        return false;
    m_client->dissolveGroup(m_group);
    return true;
}

bool GroupRoleActions::leave()
{
    const std::optional<ConversationInfo> group = info();
    if (!group)
        return false;
    if (group->roleOf(m_client->currentUser().id) != GroupRole::Owner || !m_client->supportsGroupRoles()) {
        //: %1 is the group's name
        const QString question = tr("Leave the group \"%1\"?").arg(groupName());
        if (!confirm("leaveBox", tr("Leave group"), question))
            return false;
        m_client->leaveGroup(m_group);
        return true;
    }
    if (group->members.size() < 2)
        return dissolve(); // nobody to hand it to
    //: shown to the owner who wants to leave; %1 is the group's name
    const QString text = tr("You own \"%1\". Choose a new owner before you leave.").arg(groupName());
    QMessageBox box(QMessageBox::Information, tr("Leave group"), text, QMessageBox::Cancel, m_dialog);
    box.setObjectName(QStringLiteral("ownerLeaveBox"));
    QPushButton* choose = box.addButton(tr("Choose new owner and leave…"), QMessageBox::AcceptRole);
    choose->setObjectName(QStringLiteral("chooseOwnerButton"));
    box.setDefaultButton(choose);
    Q_EMIT questionShown(&box);
    box.exec();
    if (box.clickedButton() != choose)
        return false;
    const UserId heir = chooseNewOwner();
    if (!heir.isValid())
        return false;
    // One connection answers in order: the transfer is done when the leave arrives.
    m_client->transferGroup(m_group, heir);
    m_client->leaveGroup(m_group);
    return true;
}

UserId GroupRoleActions::chooseNewOwner()
{
    const std::optional<ConversationInfo> group = info();
    if (!group)
        return {};
    QList<UserId> candidates;
    for (UserId member : group->members) {
        if (member != group->owner)
            candidates.append(member);
    }
    // Admins first (the likely heirs), then by name.
    std::stable_sort(candidates.begin(), candidates.end(), [&](UserId a, UserId b) {
        if (group->admins.contains(a) != group->admins.contains(b))
            return group->admins.contains(a);
        return nameOf(a).localeAwareCompare(nameOf(b)) < 0;
    });
    QStringList names;
    for (UserId member : std::as_const(candidates))
        names.append(group->admins.contains(member) ? tr("%1 (admin)").arg(nameOf(member)) : nameOf(member));
    QInputDialog picker(m_dialog);
    picker.setObjectName(QStringLiteral("newOwnerPicker"));
    picker.setWindowTitle(tr("Choose new owner"));
    //: %1 is the group's name
    picker.setLabelText(tr("New owner of \"%1\":").arg(groupName()));
    picker.setComboBoxItems(names);
    picker.setOkButtonText(tr("Transfer and leave"));
    Q_EMIT questionShown(&picker);
    if (picker.exec() != QDialog::Accepted)
        return {};
    const qsizetype index = names.indexOf(picker.textValue());
    return index < 0 ? UserId() : candidates.at(index);
}

bool GroupRoleActions::confirm(const char* objectName, const QString& title, const QString& text)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::No, m_dialog);
    box.setObjectName(QLatin1String(objectName));
    box.setDefaultButton(QMessageBox::No);
    Q_EMIT questionShown(&box);
    return box.exec() == QMessageBox::Yes;
}

QString GroupRoleActions::nameOf(UserId user) const
{
    return m_client->contacts()->displayName(user);
}

QString GroupRoleActions::groupName() const
{
    const std::optional<ConversationInfo> group = m_client->conversations()->conversation(m_group);
    return group ? group->name : QString();
}

} // namespace lanchat
