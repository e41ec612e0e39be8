#include "groupdialog.h"

#include "avatarpixmaps.h"
#include "chatclient.h"
#include "contactsmodel.h"
#include "conversationsmodel.h"
#include "errortext.h"
#include "grouproleactions.h"
#include "memberlistdelegate.h"
#include "modelroles.h"
#include "pinyinmatcher.h"
#include "profilelink.h"
#include "protocol.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace lanchat {

namespace {

constexpr int kUserIdRole = MemberListDelegate::UserIdRole;

QModelIndex findConversation(const QAbstractItemModel* model, ConversationId id)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(roles::ConversationId).toLongLong() == id.value())
            return index;
    }
    return {};
}

} // namespace

GroupDialog::GroupDialog(ChatClient* client, QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_createMode(true)
{
    setObjectName(QStringLiteral("groupCreateDialog"));
    buildUi();
}

GroupDialog::GroupDialog(ChatClient* client, ConversationId group, QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_group(group)
    , m_createMode(false)
{
    setObjectName(QStringLiteral("groupManageDialog"));
    buildUi();
}

void GroupDialog::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    m_nameLabel = new QLabel(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("groupNameEdit"));
    m_name->setMaxLength(protocol::kMaxNameChars);
    m_rename = new QPushButton(this);
    auto* nameRow = new QHBoxLayout;
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(m_rename);
    layout->addWidget(m_nameLabel);
    layout->addLayout(nameRow);
    m_membersLabel = new QLabel(this);
    layout->addWidget(m_membersLabel);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("memberFilter"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    m_members = new QListWidget(this);
    m_members->setObjectName(QStringLiteral("memberList"));
    if (!m_createMode) {
        auto* delegate = new MemberListDelegate(m_members);
        AvatarPixmaps* avatars = AvatarPixmaps::of(m_client->avatars());
        delegate->setAvatars(avatars);
        avatars->repaintOnArrival(m_members->viewport());
        m_members->setItemDelegate(delegate);
        m_members->setContextMenuPolicy(Qt::CustomContextMenu);
        m_roles = new GroupRoleActions(m_client, m_group, this);
        m_profiles = new ProfileLink(m_members, kUserIdRole, &ProfileLink::leadingSquare);
        connect(m_profiles, &ProfileLink::profileRequested, this, &GroupDialog::profileRequested);
        connect(m_members, &QListWidget::itemActivated, m_profiles->action(), &QAction::trigger);
    }
    layout->addWidget(m_members, 1);
    auto* manageRow = new QHBoxLayout;
    m_addCombo = new QComboBox(this);
    m_add = new QPushButton(this);
    m_remove = new QPushButton(this);
    manageRow->addWidget(m_addCombo, 1);
    manageRow->addWidget(m_add);
    manageRow->addWidget(m_remove);
    layout->addLayout(manageRow);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    auto* buttons = new QHBoxLayout;
    m_leave = new QPushButton(this);
    m_leave->setObjectName(QStringLiteral("leaveButton"));
    m_dissolve = new QPushButton(this);
    m_dissolve->setObjectName(QStringLiteral("dissolveButton"));
    m_cancel = new QPushButton(this);
    m_ok = new QPushButton(this);
    m_ok->setObjectName(QStringLiteral("okButton"));
    m_ok->setDefault(true);
    buttons->addWidget(m_leave);
    buttons->addWidget(m_dissolve);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_ok);
    layout->addLayout(buttons);

    m_rename->setVisible(!m_createMode);
    m_filter->setVisible(m_createMode);
    m_addCombo->setVisible(!m_createMode);
    m_add->setVisible(!m_createMode);
    m_remove->setVisible(!m_createMode);
    m_leave->setVisible(!m_createMode);
    m_dissolve->setVisible(false);
    m_cancel->setVisible(m_createMode);

    connect(m_filter, &QLineEdit::textChanged, this, &GroupDialog::applyFilter);
    connect(m_ok, &QPushButton::clicked, this, [this] { m_createMode ? onCreate() : accept(); });
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_rename, &QPushButton::clicked, this, [this] {
        if (!m_name->text().trimmed().isEmpty())
            m_client->renameGroup(m_group, m_name->text().trimmed());
    });
    connect(m_add, &QPushButton::clicked, this, [this] {
        if (m_addCombo->currentIndex() >= 0)
            m_client->addMember(m_group, UserId(m_addCombo->currentData().toLongLong()));
    });
    connect(m_remove, &QPushButton::clicked, this, &GroupDialog::removeSelected);
    connect(m_leave, &QPushButton::clicked, this, [this] {
        if (m_roles->leave())
            accept();
    });
    connect(m_dissolve, &QPushButton::clicked, this, [this] {
        if (m_roles->dissolve())
            accept();
    });
    connect(m_members, &QListWidget::customContextMenuRequested, this, &GroupDialog::showMemberMenu);
    connect(m_members, &QListWidget::currentItemChanged, this, &GroupDialog::updateRemove);
    connect(m_client, &ChatClient::conversationOpened, this, [this](ConversationId id) {
        if (!m_waiting)
            return;
        m_waiting = false;
        m_group = id;
        accept();
    });
    connect(m_client, &ChatClient::requestFailed, this, [this](const QString&, ErrorCode code) {
        m_waiting = false;
        m_ok->setEnabled(true);
        showError(ErrorText::message(code));
    });
    QAbstractItemModel* conversations = m_client->conversations();
    connect(conversations, &QAbstractItemModel::dataChanged, this, &GroupDialog::refresh);
    connect(conversations, &QAbstractItemModel::modelReset, this, &GroupDialog::refresh);
    if (!m_createMode) // presence shows in the member list
        connect(m_client->contacts(), &QAbstractItemModel::dataChanged, this, &GroupDialog::refresh);
    retranslateUi();
    refresh();
    resize(420, 480);
}

QHash<qint64, GroupDialog::Person> GroupDialog::people() const
{
    QHash<qint64, Person> people;
    const QAbstractItemModel* contacts = m_client->contacts();
    for (int row = 0; row < contacts->rowCount(); ++row) {
        const QModelIndex index = contacts->index(row, 0);
        people.insert(
            index.data(roles::ContactUserId).toLongLong(),
            Person{index.data(roles::ContactDisplayName).toString(), index.data(roles::ContactUsername).toString(),
                   index.data(roles::ContactOnline).toBool(), index.data(roles::ContactPresenceKnown).toBool(),
                   index.data(roles::ContactStatus).toString(), index.data(roles::ContactAvatar).toByteArray()});
    }
    return people;
}

void GroupDialog::removeSelected()
{
    const QListWidgetItem* item = m_members->currentItem();
    if (!item)
        return;
    // Taken now: the list is rebuilt whenever the group or a presence changes, also while the question is open.
    m_roles->removeMember(UserId(item->data(kUserIdRole).toLongLong()));
}

void GroupDialog::showMemberMenu(const QPoint& pos)
{
    const QListWidgetItem* item = m_members->itemAt(pos);
    if (!item)
        return;
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("memberMenu"));
    if (m_profiles && m_profiles->addTo(&menu, m_members->indexAt(pos)))
        menu.addSeparator();
    m_roles->fillMenu(&menu, UserId(item->data(kUserIdRole).toLongLong()));
    if (!menu.isEmpty())
        menu.exec(m_members->viewport()->mapToGlobal(pos));
}

void GroupDialog::updateRemove()
{
    if (!m_roles) // create mode
        return;
    const QListWidgetItem* item = m_members->currentItem();
    m_remove->setEnabled(item && m_roles->mayRemove(UserId(item->data(kUserIdRole).toLongLong())));
}

void GroupDialog::applyFilter()
{
    const PinyinMatcher matcher(m_filter->text());
    for (int i = 0; i < m_members->count(); ++i) {
        QListWidgetItem* item = m_members->item(i);
        const QString username = item->data(MemberListDelegate::UsernameRole).toString();
        item->setHidden(!matcher.matches(item->text(), PinyinReading::Style::PersonName) &&
                        !matcher.matches(username, PinyinReading::Style::Title));
    }
}

void GroupDialog::refresh()
{
    const QHash<qint64, Person> people = this->people();
    const qint64 self = m_client->currentUser().id.value();
    const qint64 selected = m_members->currentItem() ? m_members->currentItem()->data(kUserIdRole).toLongLong() : 0;
    m_members->clear();
    if (m_createMode) {
        for (auto it = people.cbegin(); it != people.cend(); ++it) {
            if (it.key() == self)
                continue;
            auto* item = new QListWidgetItem(it.value().displayName, m_members);
            item->setData(kUserIdRole, it.key());
            item->setData(MemberListDelegate::UsernameRole, it.value().username);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
        m_members->sortItems();
        applyFilter();
        return;
    }
    const QModelIndex group = findConversation(m_client->conversations(), m_group);
    if (!group.isValid())
        return;
    if (!m_name->hasFocus())
        m_name->setText(group.data(roles::ConversationTitle).toString());
    const qint64 owner = group.data(roles::ConversationOwnerId).toLongLong();
    QList<qint64> admins;
    for (const QVariant& v : group.data(roles::ConversationAdminIds).toList())
        admins.append(v.toLongLong());
    const auto roleOf = [&](qint64 id) {
        return id == owner           ? MemberListDelegate::GroupRole::Owner
               : admins.contains(id) ? MemberListDelegate::GroupRole::Admin
                                     : MemberListDelegate::GroupRole::Member;
    };
    const auto rank = [&](qint64 id) { return id == owner ? 0 : admins.contains(id) ? 1 : 2; };
    QList<qint64> ordered;
    for (const QVariant& v : group.data(roles::ConversationMembers).toList())
        ordered.append(v.toLongLong());
    // The owner first, then the admins, then by name, as the list is read top down.
    std::stable_sort(ordered.begin(), ordered.end(), [&](qint64 a, qint64 b) {
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        return people.value(a).displayName.localeAwareCompare(people.value(b).displayName) < 0;
    });
    QSet<qint64> members;
    for (const qint64 id : std::as_const(ordered)) {
        members.insert(id);
        const Person person = people.value(id, Person{QStringLiteral("#%1").arg(id), QString(), false, false, {}, {}});
        auto* item = new QListWidgetItem(person.displayName, m_members);
        item->setData(kUserIdRole, id);
        if (id == selected)
            m_members->setCurrentItem(item);
        item->setData(MemberListDelegate::UsernameRole, person.username);
        item->setData(MemberListDelegate::OnlineRole, person.online);
        item->setData(MemberListDelegate::PresenceKnownRole, person.presenceKnown);
        item->setData(MemberListDelegate::StatusRole, person.status);
        item->setData(MemberListDelegate::AvatarRole, person.avatar);
        item->setData(MemberListDelegate::GroupRoleRole, int(roleOf(id)));
        //: tooltip of a member row: display name, user name, role in the group
        item->setToolTip(
            tr("%1 (@%2), %3").arg(person.displayName, person.username, MemberListDelegate::roleText(roleOf(id))));
    }
    m_addCombo->clear();
    for (auto it = people.cbegin(); it != people.cend(); ++it) {
        if (!members.contains(it.key()))
            m_addCombo->addItem(it.value().displayName, it.key());
    }
    // What the user may not do is not offered at all.
    const bool manage = m_roles->mayManage();
    m_name->setReadOnly(!manage);
    for (QWidget* w : std::initializer_list<QWidget*>{m_rename, m_addCombo, m_add, m_remove})
        w->setVisible(manage);
    m_dissolve->setVisible(m_roles->ownRole() == GroupRole::Owner && m_client->supportsGroupRoles());
    updateRemove();
    m_membersLabel->setText(tr("Members (%n):", nullptr, int(members.size())));
}

void GroupDialog::onCreate()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        showError(tr("Please give the group a name."));
        m_name->setFocus();
        return;
    }
    QList<UserId> members;
    for (int i = 0; i < m_members->count(); ++i) {
        if (m_members->item(i)->checkState() == Qt::Checked)
            members.append(UserId(m_members->item(i)->data(kUserIdRole).toLongLong()));
    }
    if (members.isEmpty()) {
        showError(tr("Pick at least one member."));
        return;
    }
    showError({});
    m_waiting = true;
    m_ok->setEnabled(false);
    m_client->createGroup(name, members);
}

void GroupDialog::showError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void GroupDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void GroupDialog::retranslateUi()
{
    setWindowTitle(m_createMode ? tr("New group") : tr("Group members"));
    m_nameLabel->setText(tr("Group name:"));
    m_rename->setText(tr("Rename"));
    m_membersLabel->setText(m_createMode ? tr("Members:") : m_membersLabel->text());
    m_filter->setPlaceholderText(tr("Search contacts"));
    m_add->setText(tr("Add"));
    m_remove->setText(tr("Remove"));
    m_leave->setText(tr("Leave group"));
    m_dissolve->setText(tr("Dissolve group"));
    m_cancel->setText(tr("Cancel"));
    m_ok->setText(m_createMode ? tr("Create") : tr("Close"));
    if (!m_createMode)
        refresh();
}

} // namespace lanchat
