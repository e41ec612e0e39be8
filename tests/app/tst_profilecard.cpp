// The profile card against a real relay in-process (127.0.0.1, port 0) and a real SQLite file: the fields of a
// person with a profile, a department, a title and a status; empty fields hidden; live updates while open; "Send
// message" and, on one's own card, "Edit my profile…"; Escape; and the places it opens from (contacts, a message's
// sender, the chat header, a group's member list, the organisation tab).

#include "appdesk.h"
#include "chatclient.h"
#include "clientsteps.h"
#include "contactsmodel.h"
#include "conversationsmodel.h"
#include "conversationview.h"
#include "directoryhandlers.h"
#include "directorymodel.h"
#include "groupdialog.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "messagedelegate.h"
#include "messageinput.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "organisationpage.h"
#include "ownstatus.h"
#include "passwordform.h"
#include "profilecard.h"
#include "profilecardcontroller.h"
#include "profileclient.h"
#include "profiledialog.h"
#include "relayserver.h"
#include "sidebar.h"
#include "storage.h"
#include "testserver.h"
#include "unreaddividerdelegate.h"

#include <QApplication>
#include <QDateTime>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 15000;

QString fieldText(const ProfileCard* card, const char* name)
{
    const auto* label = card->findChild<QLabel*>(QLatin1String(name));
    return label && label->isVisibleTo(card) ? label->text() : QString();
}

bool fieldShown(const ProfileCard* card, const char* name)
{
    const auto* label = card->findChild<QLabel*>(QLatin1String(name));
    return label && label->isVisibleTo(card);
}

/** Clicks @p pos of @p widget and lets the queued card request run. */
void clickAt(QWidget* widget, const QPoint& pos)
{
    QTest::mouseClick(widget, Qt::LeftButton, {}, pos);
}

} // namespace

class tst_ProfileCard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void showsTheFields();
    void hidesEmptyFields();
    void followsChangesWhileOpen();
    void escapeCloses();
    void ownCardOffersEdit();
    void sendMessageOpensTheChat();
    void opensFromContactList();
    void opensFromMessageAndHeader();
    void opensFromMemberList();
    void opensFromOrganisation();
    void passwordMessageFollowsLanguage();

private:
    ProfileCard* waitForCard(UserId user) const;

    AppDesk m_desk;
    std::unique_ptr<ChatClient> m_carol;
    std::unique_ptr<ChatClient> m_dave;
    std::unique_ptr<ChatClient> m_erin;
    std::unique_ptr<MainWindow> m_window;
    UserId m_daveId;
    UserId m_erinId;
    DepartmentId m_rnd;
};

ProfileCard* tst_ProfileCard::waitForCard(UserId user) const
{
    ProfileCardController* cards = m_window->profileCards();
    if (!QTest::qWaitFor([&] { return cards->card() && cards->card()->user() == user && cards->card()->isVisible(); },
                         kWaitMs))
        return nullptr;
    return cards->card();
}

void tst_ProfileCard::initTestCase()
{
    QVERIFY(m_desk.start(false, QStringLiteral("lanchat.ini")));
    m_dave = std::make_unique<ChatClient>();
    QVERIFY(signUp(*m_dave, *m_desk.relay, QStringLiteral("dave"), QStringLiteral("张伟")));
    m_erin = std::make_unique<ChatClient>();
    QVERIFY(signUp(*m_erin, *m_desk.relay, QStringLiteral("erin"), QStringLiteral("Erin Lee")));
    m_carol = std::make_unique<ChatClient>();
    QVERIFY(signUp(*m_carol, *m_desk.relay, QStringLiteral("carol"), QStringLiteral("王芳")));
    m_daveId = m_dave->currentUser().id;
    m_erinId = m_erin->currentUser().id;

    RelayServer& relay = m_desk.relay->server();
    DirectoryStore& directory = relay.storage().directory();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const DepartmentId top = directory.addDepartment(QStringLiteral("总部"), {}, now);
    m_rnd = directory.addDepartment(QStringLiteral("研发部"), top, now);
    QVERIFY(directory.setPlacement(m_daveId, m_rnd, QStringLiteral("工程师")));
    DirectoryHandlers::pushTree(relay.storage(), relay.sessions());

    ProfileUpdate change;
    change.phone = QStringLiteral("+86 10 1234 5678");
    change.email = QStringLiteral("dave@example.com");
    change.signature = QStringLiteral("少说话，多做事");
    QSignalSpy updated(m_dave->profiles(), &ProfileClient::profileUpdated);
    m_dave->profiles()->update(change);
    QVERIFY(updated.wait(kWaitMs));
    OwnStatus status(m_dave.get());
    status.set(QStringLiteral("busy"), QStringLiteral("在开会，下午回复"));
    QTRY_COMPARE_WITH_TIMEOUT(m_carol->contacts()->statusOf(m_daveId), QStringLiteral("busy"), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_carol->contacts()->user(m_daveId)->title, QStringLiteral("工程师"), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_carol->contacts()->user(m_daveId)->email, QStringLiteral("dave@example.com"), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!m_carol->directory()->isEmpty(), kWaitMs);

    m_window = std::make_unique<MainWindow>(m_carol.get(), *m_desk.settings, m_desk.languages.get());
    m_window->resize(900, 640);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void tst_ProfileCard::cleanupTestCase()
{
    m_window.reset();
    m_carol.reset();
    m_dave.reset();
    m_erin.reset();
    m_desk.relay.reset();
}

void tst_ProfileCard::init()
{
    if (ProfileCard* card = m_window->profileCards()->card())
        card->close();
    QTRY_VERIFY(!m_window->profileCards()->card());
    // A dialog of an earlier test took the activation; shortcuts and focus need the window active.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void tst_ProfileCard::showsTheFields()
{
    m_window->profileCards()->show(m_daveId);
    ProfileCard* card = waitForCard(m_daveId);
    QVERIFY(card);
    QCOMPARE(fieldText(card, "profileCardName"), QStringLiteral("张伟"));
    QCOMPARE(fieldText(card, "profileCardUsername"), QStringLiteral("@dave"));
    QCOMPARE(fieldText(card, "profileCardStatus"), QStringLiteral("Busy — 在开会，下午回复"));
    QCOMPARE(fieldText(card, "profileCardSignature"), QStringLiteral("少说话，多做事"));
    QCOMPARE(fieldText(card, "profileCardDepartment"), QStringLiteral("总部 / 研发部"));
    QCOMPARE(fieldText(card, "profileCardTitle"), QStringLiteral("工程师"));
    QCOMPARE(fieldText(card, "profileCardPhone"), QStringLiteral("+86 10 1234 5678"));
    QVERIFY(fieldText(card, "profileCardEmail").contains(QStringLiteral("mailto:dave@example.com")));
    QVERIFY(card->findChild<QPushButton*>(QStringLiteral("profileCardMessageButton"))->isVisible());
    QVERIFY(!card->findChild<QPushButton*>(QStringLiteral("profileCardEditButton"))->isVisible());
    m_desk.shoot(card, QStringLiteral("profile-card"));
}

void tst_ProfileCard::hidesEmptyFields()
{
    m_window->profileCards()->show(m_erinId);
    ProfileCard* card = waitForCard(m_erinId);
    QVERIFY(card);
    QCOMPARE(fieldText(card, "profileCardName"), QStringLiteral("Erin Lee"));
    QCOMPARE(fieldText(card, "profileCardStatus"), QStringLiteral("Online"));
    for (const char* name :
         {"profileCardSignature", "profileCardDepartment", "profileCardTitle", "profileCardPhone", "profileCardEmail"})
        QVERIFY2(!fieldShown(card, name), name);
    // Nor the labels in front of them: no "Phone" with nothing after it.
    for (const QLabel* label : card->findChildren<QLabel*>()) {
        if (label->isVisibleTo(card))
            QVERIFY2(label->text() != QStringLiteral("Phone") && label->text() != QStringLiteral("Department"),
                     qPrintable(label->text()));
    }
}

void tst_ProfileCard::followsChangesWhileOpen()
{
    m_window->profileCards()->show(m_erinId);
    ProfileCard* card = waitForCard(m_erinId);
    QVERIFY(card);
    ProfileUpdate change;
    change.phone = QStringLiteral("8021");
    m_erin->profiles()->update(change);
    QTRY_COMPARE_WITH_TIMEOUT(fieldText(card, "profileCardPhone"), QStringLiteral("8021"), kWaitMs);
    OwnStatus status(m_erin.get());
    status.set(QStringLiteral("away"), QString());
    QTRY_COMPARE_WITH_TIMEOUT(fieldText(card, "profileCardStatus"), QStringLiteral("Away"), kWaitMs);
    status.set(QStringLiteral("online"), QString());
    QTRY_COMPARE_WITH_TIMEOUT(fieldText(card, "profileCardStatus"), QStringLiteral("Online"), kWaitMs);
    QVERIFY(card->isVisible());
}

void tst_ProfileCard::escapeCloses()
{
    m_window->profileCards()->show(m_daveId);
    QPointer<ProfileCard> card = waitForCard(m_daveId);
    QVERIFY(card);
    QTest::keyClick(card->focusWidget() ? card->focusWidget() : card.data(), Qt::Key_Escape);
    QTRY_VERIFY(!card);
}

void tst_ProfileCard::ownCardOffersEdit()
{
    QVERIFY(m_carol->supportsProfiles());
    m_window->profileCards()->show(m_carol->currentUser().id);
    ProfileCard* card = waitForCard(m_carol->currentUser().id);
    QVERIFY(card);
    auto* edit = card->findChild<QPushButton*>(QStringLiteral("profileCardEditButton"));
    QVERIFY(edit->isVisible());
    QCOMPARE(edit->text(), QStringLiteral("Edit my profile…"));
    QVERIFY(!card->findChild<QPushButton*>(QStringLiteral("profileCardMessageButton"))->isVisible());
    edit->click();
    QTRY_VERIFY(m_window->findChild<ProfileDialog*>());
    ProfileDialog* dialog = m_window->findChild<ProfileDialog*>();
    QTRY_VERIFY(dialog->isVisible());
    dialog->reject();
}

void tst_ProfileCard::sendMessageOpensTheChat()
{
    m_window->profileCards()->show(m_daveId);
    ProfileCard* card = waitForCard(m_daveId);
    QVERIFY(card);
    QSignalSpy opened(m_window->profileCards(), &ProfileCardController::chatOpened);
    QTest::keyClick(card->findChild<QPushButton*>(QStringLiteral("profileCardMessageButton")), Qt::Key_Return);
    QVERIFY(opened.wait(kWaitMs));
    const ConversationId chat = opened.first().at(0).value<ConversationId>();
    QCOMPARE(m_window->conversationView()->conversation(), chat);
    const auto info = m_carol->conversations()->conversation(chat);
    QVERIFY(info);
    QCOMPARE(info->kind, ConversationKind::Private);
    QVERIFY(info->members.contains(m_daveId));
    // The window's focus widget (the offscreen platform may leave no window active once the popup is gone).
    QTRY_COMPARE(m_window->focusWidget(), static_cast<QWidget*>(m_window->conversationView()->input()));
}

void tst_ProfileCard::opensFromContactList()
{
    m_window->sidebar()->showContacts();
    QListView* contacts = m_window->sidebar()->contactList();
    QModelIndex dave;
    for (int row = 0; row < contacts->model()->rowCount(); ++row) {
        const QModelIndex index = contacts->model()->index(row, 0);
        if (index.data(roles::ContactUserId).toLongLong() == m_daveId.value())
            dave = index;
    }
    QVERIFY(dave.isValid());
    const QRect row = contacts->visualRect(dave);
    // On the avatar: the card. On the name: no card (that selects; a double click opens the chat).
    clickAt(contacts->viewport(), row.topLeft() + QPoint(row.height() * 2, row.height() / 2));
    QCoreApplication::processEvents(); // a request would be queued: give it its turn, to prove none came
    QVERIFY(!m_window->profileCards()->card());
    clickAt(contacts->viewport(), row.topLeft() + QPoint(row.height() / 2, row.height() / 2));
    QVERIFY(waitForCard(m_daveId));
    m_window->profileCards()->card()->close();
    QTRY_VERIFY(!m_window->profileCards()->card());

    // The keyboard: Ctrl+I on the current contact.
    contacts->setFocus();
    contacts->setCurrentIndex(dave);
    QTest::keyClick(contacts, Qt::Key_I, Qt::ControlModifier);
    QVERIFY(waitForCard(m_daveId));
}

void tst_ProfileCard::opensFromMessageAndHeader()
{
    const ConversationId chat = openPrivate(*m_carol, m_daveId);
    QVERIFY(chat.isValid());
    m_window->openConversation(chat);
    ConversationView* view = m_window->conversationView();

    // The header of the private chat: the peer's name and the Profile button.
    auto* button = view->findChild<QToolButton*>(QStringLiteral("peerProfileButton"));
    QVERIFY(button);
    QTRY_VERIFY(button->isVisible());
    button->click();
    QVERIFY(waitForCard(m_daveId));
    m_window->profileCards()->card()->close();
    QTRY_VERIFY(!m_window->profileCards()->card());
    auto* title = view->findChild<QLabel*>(QStringLiteral("conversationTitle"));
    clickAt(title, QPoint(4, title->height() / 2));
    QVERIFY(waitForCard(m_daveId));
    m_window->profileCards()->card()->close();
    QTRY_VERIFY(!m_window->profileCards()->card());
    // The peer's picture beside the name.
    auto* avatar = view->findChild<QWidget*>(QStringLiteral("conversationAvatar"));
    QVERIFY(avatar);
    clickAt(avatar, avatar->rect().center());
    QVERIFY(waitForCard(m_daveId));
    m_window->profileCards()->card()->close();
    QTRY_VERIFY(!m_window->profileCards()->card());

    // The private chat's row in the conversation list: "View profile" in its context menu.
    QListView* chats = m_window->sidebar()->conversationList();
    QModelIndex chatRow;
    for (int row = 0; row < chats->model()->rowCount(); ++row) {
        if (chats->model()->index(row, 0).data(roles::ConversationId).toLongLong() == chat.value())
            chatRow = chats->model()->index(row, 0);
    }
    QVERIFY(chatRow.isValid());
    QTimer::singleShot(0, this, [] {
        if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
            if (auto* entry = menu->findChild<QAction*>(QStringLiteral("viewProfileAction")))
                entry->trigger();
            menu->close();
        }
    });
    Q_EMIT chats->customContextMenuRequested(chats->visualRect(chatRow).center());
    QVERIFY(waitForCard(m_daveId));
    m_window->profileCards()->card()->close();
    QTRY_VERIFY(!m_window->profileCards()->card());

    // A message row: the sender's avatar.
    MessagesModel* model = m_carol->messages(chat);
    m_dave->sendText(chat, QStringLiteral("看一下这个"));
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 &&
                                 model->index(model->rowCount() - 1, 0).data(roles::MessageSenderId).toLongLong() ==
                                     m_daveId.value(),
                             kWaitMs);
    QListView* list = view->messageList();
    const QModelIndex last = model->index(model->rowCount() - 1, 0);
    list->scrollTo(last);
    QStyleOptionViewItem option;
    option.initFrom(list->viewport());
    option.rect = list->visualRect(last);
    option.font = list->font();
    const auto* delegate = list->findChild<MessageDelegate*>();
    QVERIFY(delegate);
    // No "New messages" line above it: the chat was open when it came.
    QVERIFY(!qobject_cast<UnreadDividerDelegate*>(list->itemDelegate())->dividerSeq());
    const QRect sender = delegate->senderRect(option, last);
    QVERIFY(!sender.isNull());
    clickAt(list->viewport(), sender.center());
    QVERIFY(waitForCard(m_daveId));
    m_window->profileCards()->card()->close();
    QTRY_VERIFY(!m_window->profileCards()->card());

    // The same row's context menu: "View profile" of the sender.
    QTimer::singleShot(0, this, [] {
        if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
            if (auto* entry = menu->findChild<QAction*>(QStringLiteral("viewProfileAction")))
                entry->trigger();
            menu->close();
        }
    });
    Q_EMIT list->customContextMenuRequested(list->visualRect(last).center());
    QVERIFY(waitForCard(m_daveId));
}

void tst_ProfileCard::opensFromMemberList()
{
    QSignalSpy opened(m_carol.get(), &ChatClient::conversationOpened);
    m_carol->createGroup(QStringLiteral("项目组"), {m_daveId});
    QVERIFY(opened.wait(kWaitMs));
    const ConversationId group = opened.first().at(0).value<ConversationId>();
    m_window->openConversation(group);

    // The member list is a modal dialog: act while it runs, then close it; check afterwards.
    bool cardShown = false;
    bool cardOverDialog = false;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<GroupDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto* members = dialog->findChild<QListWidget*>(QStringLiteral("memberList"));
        if (!QTest::qWaitFor([&] { return members->count() == 2; }, kWaitMs)) {
            dialog->reject();
            return;
        }
        for (int row = 0; row < members->count(); ++row) {
            if (members->item(row)->data(Qt::UserRole + 1).toLongLong() != m_daveId.value())
                continue;
            const QRect rect = members->visualItemRect(members->item(row));
            QTest::mouseClick(members->viewport(), Qt::LeftButton, {},
                              rect.topLeft() + QPoint(rect.height() / 2, rect.height() / 2));
        }
        cardShown = waitForCard(m_daveId) != nullptr;
        cardOverDialog = cardShown && m_window->profileCards()->card()->parentWidget() == dialog;
        if (cardShown)
            m_window->profileCards()->card()->close();
        dialog->reject();
    });
    Q_EMIT m_window->conversationView()->groupInfoRequested(group);
    QVERIFY(cardShown);
    QVERIFY(cardOverDialog);
}

void tst_ProfileCard::opensFromOrganisation()
{
    m_window->sidebar()->showOrganisation();
    OrganisationPage* page = m_window->sidebar()->organisationPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->selectDepartment(m_rnd), kWaitMs);
    QListView* people = page->peopleList();
    QTRY_COMPARE_WITH_TIMEOUT(people->model()->rowCount(), 1, kWaitMs);
    // The person's context menu offers "Profile" now that the main window answers it with the card.
    QStringList offered;
    QTimer::singleShot(0, this, [&] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction* action : menu->actions()) {
            offered.append(action->objectName());
            if (action->objectName() == QLatin1String("profileAction"))
                action->trigger();
        }
        menu->close();
    });
    Q_EMIT people->customContextMenuRequested(people->visualRect(people->model()->index(0, 0)).center());
    QVERIFY(offered.contains(QStringLiteral("profileAction")));
    QVERIFY(waitForCard(m_daveId));
    ProfileCard* card = m_window->profileCards()->card();
    card->close();
    QTRY_VERIFY(!m_window->profileCards()->card());
    // A click on the person's picture too.
    const QRect row = people->visualRect(people->model()->index(0, 0));
    clickAt(people->viewport(), row.topLeft() + QPoint(row.height() / 2, row.height() / 2));
    QVERIFY(waitForCard(m_daveId));
}

void tst_ProfileCard::passwordMessageFollowsLanguage()
{
    PasswordForm form(m_carol.get());
    form.findChild<QPushButton*>(QStringLiteral("changePasswordButton"))->click();
    QCOMPARE(form.message(), QStringLiteral("Enter your current password."));
    m_desk.languages->apply(AppSettings::Language::Chinese);
    QTRY_COMPARE(form.message(), QStringLiteral("请输入当前密码。"));
    m_desk.languages->apply(AppSettings::Language::English);
    QTRY_COMPARE(form.message(), QStringLiteral("Enter your current password."));
}

QTEST_MAIN(tst_ProfileCard)
#include "tst_profilecard.moc"
