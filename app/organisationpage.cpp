#include "organisationpage.h"

#include "avatarpixmaps.h"
#include "chatclient.h"
#include "contactsmodel.h"
#include "departmentpeopleproxy.h"
#include "departmentpersondelegate.h"
#include "directorymodel.h"
#include "modelroles.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMetaMethod>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace lanchat {

namespace {

/** A department in the tree: its name and, dimmed by the text, its head count with the departments below. */
class DepartmentCountDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->text = QStringLiteral("%1  (%2)")
                           .arg(index.data(roles::DepartmentName).toString(),
                                QString::number(index.data(roles::DepartmentTotal).toLongLong()));
    }
};

} // namespace

OrganisationPage::OrganisationPage(ChatClient* client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_tree(new QTreeView(this))
    , m_header(new QLabel(this))
    , m_createGroup(new QPushButton(this))
    , m_people(new QListView(this))
    , m_empty(new QLabel(this))
    , m_filter(new DepartmentPeopleProxy(this))
{
    setObjectName(QStringLiteral("organisationPage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_tree->setObjectName(QStringLiteral("departmentTree"));
    m_tree->setModel(client->directory());
    m_tree->setHeaderHidden(true);
    m_tree->setItemDelegate(new DepartmentCountDelegate(m_tree));
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setUniformRowHeights(true);
    layout->addWidget(m_tree, 2);

    auto* headerRow = new QHBoxLayout;
    headerRow->setContentsMargins(10, 0, 10, 0);
    m_header->setObjectName(QStringLiteral("departmentPeopleHeader"));
    m_header->setTextFormat(Qt::PlainText);
    m_createGroup->setObjectName(QStringLiteral("createDepartmentGroupButton"));
    m_createGroup->setFlat(true);
    m_createGroup->hide();
    headerRow->addWidget(m_header, 1);
    headerRow->addWidget(m_createGroup);
    layout->addLayout(headerRow);

    m_filter->setSourceModel(client->contacts());
    m_people->setObjectName(QStringLiteral("departmentPeople"));
    m_people->setModel(m_filter);
    auto* personDelegate = new DepartmentPersonDelegate(m_people);
    AvatarPixmaps* avatars = AvatarPixmaps::of(client->avatars());
    personDelegate->setAvatars(avatars);
    avatars->repaintOnArrival(m_people->viewport());
    m_people->setItemDelegate(personDelegate);
    m_people->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_people->setUniformItemSizes(true);
    m_people->setMouseTracking(true);
    m_people->setContextMenuPolicy(Qt::CustomContextMenu);
    layout->addWidget(m_people, 3);

    m_empty->setObjectName(QStringLiteral("organisationEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setContentsMargins(16, 16, 16, 16);
    layout->addWidget(m_empty, 1);

    DirectoryModel* tree = client->directory();
    connect(tree, &DirectoryModel::departmentsChanged, this, &OrganisationPage::onTreeReset);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &OrganisationPage::onDepartmentChanged);
    connect(m_people, &QListView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT contactActivated(UserId(index.data(roles::ContactUserId).toLongLong()));
    });
    connect(m_people, &QListView::doubleClicked, this, [this](const QModelIndex& index) {
        Q_EMIT contactActivated(UserId(index.data(roles::ContactUserId).toLongLong()));
    });
    connect(m_people, &QListView::customContextMenuRequested, this, &OrganisationPage::onPersonMenu);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &OrganisationPage::onDepartmentMenu);
    connect(m_createGroup, &QPushButton::clicked, this, &OrganisationPage::createGroup);
    // Head counts in the header follow the people list (a search, a user push).
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &OrganisationPage::retranslateUi);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &OrganisationPage::retranslateUi);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &OrganisationPage::retranslateUi);
    connect(m_client, &ChatClient::loggedIn, this, &OrganisationPage::retranslateUi);
    onTreeReset();
}

void OrganisationPage::setSearchText(const QString& text)
{
    m_filter->setSearchText(text);
}

bool OrganisationPage::selectDepartment(lanchat::DepartmentId id)
{
    const QModelIndex index = m_client->directory()->indexOf(id);
    if (!index.isValid())
        return false;
    m_tree->expand(index.parent());
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    return true;
}

lanchat::DepartmentId OrganisationPage::currentDepartment() const
{
    return m_selected;
}

void OrganisationPage::onTreeReset()
{
    // The model resets on every change: keep the department the user was looking at, else the first one.
    m_tree->expandToDepth(0);
    if (!selectDepartment(m_selected)) {
        m_selected = {};
        if (m_client->directory()->rowCount() > 0)
            m_tree->selectionModel()->setCurrentIndex(m_client->directory()->index(0, 0),
                                                      QItemSelectionModel::ClearAndSelect);
    }
    onDepartmentChanged();
}

void OrganisationPage::onDepartmentChanged()
{
    const QModelIndex current = m_tree->currentIndex();
    m_selected = lanchat::DepartmentId(current.data(roles::DepartmentId).toLongLong());
    m_filter->setDepartments(m_client->directory()->subtree(m_selected));
    retranslateUi();
}

bool OrganisationPage::managesCurrent() const
{
    const std::optional<DepartmentInfo> d = m_client->directory()->department(m_selected);
    return d && d->manager.isValid() && d->manager == m_client->currentUser().id;
}

void OrganisationPage::createGroup()
{
    if (managesCurrent())
        m_client->createDepartmentGroup(m_selected);
}

void OrganisationPage::onPersonMenu(const QPoint& pos)
{
    const QModelIndex index = m_people->indexAt(pos);
    if (!index.isValid())
        return;
    const UserId user(index.data(roles::ContactUserId).toLongLong());
    QMenu menu(this);
    //: context menu of a person in the organisation tab: open the private chat
    QAction* chat = menu.addAction(tr("Send message"));
    chat->setObjectName(QStringLiteral("sendMessageAction"));
    connect(chat, &QAction::triggered, this, [this, user] { Q_EMIT contactActivated(user); });
    // Offered only where a profile card answers it: a menu entry that does nothing would be a lie.
    if (isSignalConnected(QMetaMethod::fromSignal(&OrganisationPage::profileRequested))) {
        //: context menu of a person in the organisation tab: show their profile card
        QAction* profile = menu.addAction(tr("Profile"));
        profile->setObjectName(QStringLiteral("profileAction"));
        connect(profile, &QAction::triggered, this, [this, user] { Q_EMIT profileRequested(user); });
    }
    menu.exec(m_people->viewport()->mapToGlobal(pos));
}

void OrganisationPage::onDepartmentMenu(const QPoint& pos)
{
    if (!m_tree->indexAt(pos).isValid() || !managesCurrent())
        return;
    QMenu menu(this);
    QAction* group = menu.addAction(m_createGroup->text());
    group->setObjectName(QStringLiteral("createDepartmentGroupAction"));
    connect(group, &QAction::triggered, this, &OrganisationPage::createGroup);
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

void OrganisationPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void OrganisationPage::retranslateUi()
{
    const bool empty = m_client->directory()->isEmpty();
    m_tree->setVisible(!empty);
    m_people->setVisible(!empty);
    m_header->setVisible(!empty);
    m_empty->setVisible(empty);
    m_empty->setText(tr("No organisation chart yet.\nYour administrator sets up departments on the server."));
    const std::optional<DepartmentInfo> d = m_client->directory()->department(m_selected);
    //: header above the people of the selected department; %1 the department, %n how many are listed
    m_header->setText(d ? tr("%1 · %n people", nullptr, m_filter->rowCount()).arg(d->name) : QString());
    //: button for the manager of the selected department: a group chat with everyone in it and below it
    m_createGroup->setText(tr("Create group from department"));
    m_createGroup->setToolTip(tr("A new group chat with everyone in this department and its sub-departments"));
    m_createGroup->setVisible(!empty && managesCurrent());
}

} // namespace lanchat
