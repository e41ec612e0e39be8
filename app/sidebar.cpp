#include "sidebar.h"

#include "avatarpixmaps.h"
#include "chatclient.h"
#include "contactfilterproxy.h"
#include "contactsmodel.h"
#include "conversationlistdelegate.h"
#include "conversationlistproxy.h"
#include "conversationsmodel.h"
#include "icons.h"
#include "modelroles.h"
#include "organisationpage.h"
#include "pinnedconversations.h"
#include "profilelink.h"

#include <QAction>
#include <QCursor>
#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace lanchat {

namespace {

QListView* makeList(QWidget* parent, const char* name)
{
    auto* list = new QListView(parent);
    list->setObjectName(QLatin1String(name));
    list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list->setUniformItemSizes(true);
    list->setMouseTracking(true);
    return list;
}

} // namespace

Sidebar::Sidebar(ChatClient* client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("sidebar"));
    setAttribute(Qt::WA_StyledBackground);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->setSpacing(8);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Icons::icon(QStringLiteral("search"), Icons::Tone::Muted), QLineEdit::LeadingPosition);
    auto* searchRow = new QHBoxLayout;
    searchRow->setContentsMargins(10, 0, 10, 0);
    searchRow->addWidget(m_search);
    layout->addLayout(searchRow);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_conversations = makeList(m_tabs, "conversationList");
    m_conversationFilter =
        new ConversationListProxy(m_client->conversations(), m_client->pinnedConversations(), m_client->drafts(), this);
    m_conversations->setModel(m_conversationFilter);
    m_conversationDelegate =
        new ConversationListDelegate(ConversationListDelegate::Mode::Conversations, m_conversations);
    m_conversations->setItemDelegate(m_conversationDelegate);
    AvatarPixmaps* avatars = AvatarPixmaps::of(m_client->avatars());
    m_conversationDelegate->setAvatars(avatars);
    avatars->repaintOnArrival(m_conversations->viewport());
    m_conversations->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_conversations, &QListView::customContextMenuRequested, this, &Sidebar::onConversationMenu);
    m_contacts = makeList(m_tabs, "contactList");
    m_contactFilter = new ContactFilterProxy(this);
    m_contactFilter->setSourceModel(m_client->contacts());
    m_contacts->setModel(m_contactFilter);
    auto* contactDelegate = new ConversationListDelegate(ConversationListDelegate::Mode::Contacts, m_contacts);
    contactDelegate->setAvatars(avatars);
    avatars->repaintOnArrival(m_contacts->viewport());
    m_contacts->setItemDelegate(contactDelegate);
    m_conversationProfiles = new ProfileLink(m_conversations, roles::ConversationPeerId);
    m_contactProfiles = new ProfileLink(m_contacts, roles::ContactUserId, &ProfileLink::leadingSquare);
    m_contacts->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_contacts, &QListView::customContextMenuRequested, this, &Sidebar::onContactMenu);
    m_tabs->addTab(m_conversations, QString());
    m_tabs->addTab(m_contacts, QString());
    m_organisation = new OrganisationPage(m_client, m_tabs);
    m_tabs->addTab(m_organisation, QString());
    connect(m_organisation, &OrganisationPage::contactActivated, this, &Sidebar::contactActivated);
    auto* people = new ProfileLink(m_organisation->peopleList(), roles::ContactUserId, &ProfileLink::leadingSquare);
    for (ProfileLink* link : {m_conversationProfiles, m_contactProfiles, people})
        connect(link, &ProfileLink::profileRequested, this, &Sidebar::profileRequested);
    connect(m_organisation, &OrganisationPage::profileRequested, this,
            [this](UserId user) { Q_EMIT profileRequested(user, QCursor::pos()); });
    connect(m_client, &ChatClient::loggedIn, this, &Sidebar::refreshOrganisationTab);
    refreshOrganisationTab();
    layout->addWidget(m_tabs, 1);
    // Titles and names are filtered here; the messages themselves are searched on the server (the search panel).
    m_searchMessages = new QPushButton(this);
    m_searchMessages->setObjectName(QStringLiteral("searchMessagesButton"));
    m_searchMessages->setFlat(true);
    m_searchMessages->setIcon(Icons::icon(QStringLiteral("search")));
    m_searchMessages->hide();
    layout->addWidget(m_searchMessages);
    connect(m_search, &QLineEdit::textChanged, this, &Sidebar::refreshMessageSearch);
    connect(m_searchMessages, &QPushButton::clicked, this,
            [this] { Q_EMIT messageSearchRequested(m_search->text().trimmed()); });

    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(10, 0, 10, 10);
    m_newChat = new QPushButton(this);
    m_newChat->setObjectName(QStringLiteral("newChatButton"));
    m_newGroup = new QPushButton(this);
    m_newGroup->setObjectName(QStringLiteral("newGroupButton"));
    m_newChat->setIcon(Icons::icon(QStringLiteral("new-chat")));
    m_newGroup->setIcon(Icons::icon(QStringLiteral("new-group")));
    buttons->addWidget(m_newChat);
    buttons->addWidget(m_newGroup);
    layout->addLayout(buttons);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_conversationFilter->setSearchText(text);
        m_contactFilter->setSearchText(text);
        m_organisation->setSearchText(text);
    });
    connect(m_conversations, &QListView::clicked, this, [this](const QModelIndex& index) {
        Q_EMIT conversationActivated(ConversationId(index.data(roles::ConversationId).toLongLong()));
    });
    connect(m_conversations, &QListView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT conversationActivated(ConversationId(index.data(roles::ConversationId).toLongLong()));
    });
    connect(m_contacts, &QListView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT contactActivated(UserId(index.data(roles::ContactUserId).toLongLong()));
    });
    connect(m_contacts, &QListView::doubleClicked, this, [this](const QModelIndex& index) {
        Q_EMIT contactActivated(UserId(index.data(roles::ContactUserId).toLongLong()));
    });
    connect(m_newChat, &QPushButton::clicked, this, &Sidebar::showContacts);
    connect(m_newGroup, &QPushButton::clicked, this, &Sidebar::newGroupRequested);
    retranslateUi();
}

void Sidebar::selectConversation(ConversationId conversation)
{
    m_conversationFilter->setOpenConversation(conversation.value());
    m_tabs->setCurrentWidget(m_conversations);
    for (int row = 0; row < m_conversationFilter->rowCount(); ++row) {
        const QModelIndex index = m_conversationFilter->index(row, 0);
        if (index.data(roles::ConversationId).toLongLong() == conversation.value()) {
            m_conversations->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
            return;
        }
    }
}

void Sidebar::setMutedLookup(std::function<bool(ConversationId)> isMuted)
{
    m_conversationDelegate->setMutedLookup(std::move(isMuted));
    m_conversations->viewport()->update();
}

void Sidebar::onConversationMenu(const QPoint& pos)
{
    const QModelIndex index = m_conversations->indexAt(pos);
    if (!index.isValid())
        return;
    const ConversationId id(index.data(roles::ConversationId).toLongLong());
    const bool pinned = index.data(roles::ConversationPinned).toBool();
    QMenu menu(this);
    //: context menu of a conversation in the list: keep it above the others
    QAction* pin = menu.addAction(pinned ? tr("Unpin") : tr("Pin to top"));
    pin->setObjectName(QStringLiteral("pinAction"));
    connect(pin, &QAction::triggered, this,
            [this, id, pinned] { m_client->pinnedConversations()->setPinned(id, !pinned); });
    m_conversationProfiles->addTo(&menu, index);
    menu.exec(m_conversations->viewport()->mapToGlobal(pos));
}

void Sidebar::onContactMenu(const QPoint& pos)
{
    const QModelIndex index = m_contacts->indexAt(pos);
    if (!index.isValid())
        return;
    const UserId user(index.data(roles::ContactUserId).toLongLong());
    QMenu menu(this);
    //: context menu of a contact: open the private chat with them
    QAction* chat = menu.addAction(tr("Send message"));
    chat->setObjectName(QStringLiteral("sendMessageAction"));
    connect(chat, &QAction::triggered, this, [this, user] { Q_EMIT contactActivated(user); });
    m_contactProfiles->addTo(&menu, index);
    menu.exec(m_contacts->viewport()->mapToGlobal(pos));
}

void Sidebar::showContacts()
{
    m_tabs->setCurrentWidget(m_contacts);
    m_search->setFocus();
}

void Sidebar::showOrganisation()
{
    if (m_tabs->isTabVisible(m_tabs->indexOf(m_organisation)))
        m_tabs->setCurrentWidget(m_organisation);
}

void Sidebar::refreshOrganisationTab()
{
    // Only a server with the directory has an organisation to show; an older one would leave an empty tab.
    m_tabs->setTabVisible(m_tabs->indexOf(m_organisation), m_client->hasDirectory());
}

void Sidebar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void Sidebar::refreshMessageSearch()
{
    const QString text = m_search->text().trimmed();
    m_searchMessages->setVisible(!text.isEmpty());
    //: button under the sidebar's filtered lists; %1 is what the user typed into the sidebar's search box
    m_searchMessages->setText(tr("Search messages for “%1”").arg(fontMetrics().elidedText(text, Qt::ElideRight, 120)));
}

void Sidebar::setHeader(QWidget* header)
{
    header->setParent(this);
    static_cast<QVBoxLayout*>(layout())->insertWidget(0, header);
}

void Sidebar::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search"));
    m_tabs->setTabText(0, tr("Chats"));
    m_tabs->setTabText(1, tr("Contacts"));
    //: sidebar tab with the company's department tree and its people
    m_tabs->setTabText(2, tr("Organisation"));
    m_newChat->setText(tr("New chat"));
    m_newChat->setToolTip(tr("Pick a colleague from the contacts to chat with (double-click or Enter)"));
    m_newGroup->setText(tr("New group"));
    refreshMessageSearch();
}

} // namespace lanchat
