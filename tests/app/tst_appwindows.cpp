// Widgets tests of the desktop app against a real relay in-process (127.0.0.1, port 0, SQLite in a
// QTemporaryDir). The functions build on each other in order: log in, chat, receive, send a file,
// create a group, switch language. No sleeps: QTRY_* and QSignalSpy::wait only.

#include "appdesk.h"
#include "appsettings.h"
#include "chatclient.h"
#include "clientconnection.h"
#include "clientsteps.h"
#include "contactsmodel.h"
#include "conversationsmodel.h"
#include "conversationview.h"
#include "errortext.h"
#include "groupdialog.h"
#include "languagemanager.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "messageinput.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "notificationsound.h"
#include "pastepreviewdialog.h"
#include "relayserver.h"
#include "session.h"
#include "sessionregistry.h"
#include "sidebar.h"
#include "testserver.h"
#include "theme.h"
#include "tokenvault.h"
#include "transfermanager.h"
#include "traycontroller.h"
#include "widgetlookup.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUrl>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 15000;

/** How many others have read the message with @p text, as its sender sees it (read receipts). */
int readCountOf(const QAbstractItemModel* model, const QString& text)
{
    return findRow(model, roles::MessageText, text).data(roles::MessageReadCount).toInt();
}

} // namespace

class tst_AppWindows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void loginErrorShownInline();
    void signUpThroughDialog();
    void sendWithEnter();
    void darkSystemPaletteRepaintsChat();
    void receiveShowsUnreadBadge();
    void readWhenRestoredFromTray();
    void dropFileUploads();
    void enterOnAFileMessageDownloadsIt();
    void createGroupThroughDialog();
    void notificationNamesTheGroup();
    void notificationSoundFollowsTheSetting();
    void removedFromGroupShowsNotice();
    void languageSwitchRetranslates();
    void sessionRevokedReturnsToLogin();
    void offlineStatesOfferReconnect();

private:
    void fillLogin(LoginDialog& dialog, const QString& user, bool signUp);

    AppDesk m_desk;
    std::unique_ptr<ChatClient> m_client;
    std::unique_ptr<ChatClient> m_peer;
    std::unique_ptr<MainWindow> m_window;
    ConversationId m_private;
};

void tst_AppWindows::initTestCase()
{
    QVERIFY(m_desk.start(true, QStringLiteral("lanchat.ini")));
    // Trusted already, so the login dialog does not stop at the first-use certificate question.
    m_desk.settings->setPinnedFingerprint(kHost, m_desk.relay->port(), m_desk.relay->fingerprint());
    m_desk.settings->setDownloadDirectory(m_desk.dir.filePath(QStringLiteral("downloads")));

    // The peer is a headless ChatClient that exists before the app user logs in.
    m_peer = std::make_unique<ChatClient>();
    m_peer->setSettings(nullptr);
    QSignalSpy peerSynced(m_peer.get(), &ChatClient::synced);
    m_peer->connectToServer(kHost, m_desk.relay->port(), true);
    m_peer->registerAccount(QStringLiteral("bob"), kPassword, QStringLiteral("Bob"));
    QVERIFY(peerSynced.wait(kWaitMs));

    m_client = std::make_unique<ChatClient>();
    m_client->setSettings(nullptr);
}

void tst_AppWindows::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_peer.reset();
    m_desk.relay.reset();
}

void tst_AppWindows::fillLogin(LoginDialog& dialog, const QString& user, bool signUp)
{
    auto* server = child<QLineEdit>(&dialog, "serverEdit");
    QVERIFY(server);
    server->clear();
    QTest::keyClicks(server, kHost + QLatin1Char(':') + QString::number(m_desk.relay->port()));
    child<QTabBar>(&dialog, "modeTabs")->setCurrentIndex(signUp ? 1 : 0);
    auto* username = child<QLineEdit>(&dialog, "usernameEdit");
    username->clear();
    QTest::keyClicks(username, user);
    auto* password = child<QLineEdit>(&dialog, "passwordEdit");
    password->clear();
    QTest::keyClicks(password, signUp ? kPassword : QStringLiteral("wrong password"));
    if (signUp) {
        QTest::keyClicks(child<QLineEdit>(&dialog, "confirmEdit"), kPassword);
        QTest::keyClicks(child<QLineEdit>(&dialog, "displayNameEdit"), QStringLiteral("Alice"));
    }
}

void tst_AppWindows::loginErrorShownInline()
{
    TokenVault vault; // never asked: no keychain call in these tests
    LoginDialog dialog(m_client.get(), *m_desk.settings, vault, nullptr);
    dialog.show();
    fillLogin(dialog, QStringLiteral("bob"), false);
    QTest::keyClick(child<QLineEdit>(&dialog, "passwordEdit"), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.errorText(), ErrorText::message(ErrorCode::BadCredentials), kWaitMs);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void tst_AppWindows::signUpThroughDialog()
{
    TokenVault vault; // never asked: no keychain call in these tests
    LoginDialog dialog(m_client.get(), *m_desk.settings, vault, nullptr);
    dialog.show();
    fillLogin(dialog, QStringLiteral("alice"), true);
    QTest::mouseClick(child<QPushButton>(&dialog, "submitButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), kWaitMs);
    QCOMPARE(m_client->state(), ChatClient::State::LoggedIn);
    QCOMPARE(m_desk.settings->lastUsername(), QStringLiteral("alice"));
    QCOMPARE(m_desk.settings->lastPort(), m_desk.relay->port());

    m_window = std::make_unique<MainWindow>(m_client.get(), *m_desk.settings, m_desk.languages.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(findRow(m_client->contacts(), roles::ContactUsername, QStringLiteral("bob")).isValid(),
                             kWaitMs);
}

void tst_AppWindows::sendWithEnter()
{
    // Double-click in the contacts list opens the private conversation with Bob.
    QListView* contacts = m_window->sidebar()->contactList();
    const QModelIndex bob = findRow(contacts->model(), roles::ContactUsername, QStringLiteral("bob"));
    QVERIFY(bob.isValid());
    QSignalSpy opened(m_client.get(), &ChatClient::conversationOpened);
    Q_EMIT contacts->activated(bob);
    QVERIFY(opened.wait(kWaitMs));
    m_private = opened.first().first().value<ConversationId>();
    QTRY_COMPARE(m_window->conversationView()->conversation(), m_private);

    MessageInput* input = m_window->conversationView()->input();
    input->setFocus();
    QTest::keyClicks(input, QStringLiteral("hello bob"));
    QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(input, QStringLiteral("second line"));
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(input->toPlainText(), QString());

    QAbstractItemModel* model = m_window->conversationView()->messageList()->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kWaitMs);
    const QModelIndex row = model->index(0, 0);
    QCOMPARE(row.data(roles::MessageText).toString(), QStringLiteral("hello bob\nsecond line"));
    QVERIFY(row.data(roles::MessageIsOwn).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(row.data(roles::MessageDeliveryState).toInt(), int(DeliveryState::Sent), kWaitMs);
    // The delegate gives the row a real height (two lines plus header), not a default one.
    QVERIFY(m_window->conversationView()->messageList()->visualRect(row).height() > 40);
}

void tst_AppWindows::darkSystemPaletteRepaintsChat()
{
    QListView* list = m_window->conversationView()->messageList();
    const QModelIndex row = list->model()->index(0, 0);
    QVERIFY(row.data(roles::MessageIsOwn).toBool());
    // How many pixels of the own message's row have exactly @p color: the bubble's fill.
    const auto pixelsOf = [&](const QColor& color) {
        const QImage image = list->viewport()->grab(list->visualRect(row)).toImage();
        int count = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                count += QColor(image.pixel(x, y)) == color ? 1 : 0;
        }
        return count;
    };
    QVERIFY(pixelsOf(Theme::lightColors().ownBubble) > 200);
    const QPalette light = QApplication::palette();
    QApplication::setPalette(Theme::darkPalette()); // the desktop turns dark
    QTRY_VERIFY(Theme::isDark());
    QTRY_VERIFY(pixelsOf(Theme::darkColors().ownBubble) > 200);
    QCOMPARE(pixelsOf(Theme::lightColors().ownBubble), 0);
    QVERIFY(Theme::contrastRatio(Theme::colors().text, Theme::colors().ownBubble) >= 4.5);
    QApplication::setPalette(light);
    QTRY_VERIFY(!Theme::isDark());
    QTRY_VERIFY(pixelsOf(Theme::lightColors().ownBubble) > 200);
}

void tst_AppWindows::receiveShowsUnreadBadge()
{
    // With no conversation open, a message from Bob must show as unread in the list and the title.
    m_window->conversationView()->setConversation(ConversationId());
    QSignalSpy received(m_client.get(), &ChatClient::messageReceived);
    m_peer->sendText(m_private, QStringLiteral("hi alice"));
    QVERIFY(received.wait(kWaitMs));
    const QAbstractItemModel* list = m_window->sidebar()->conversationList()->model();
    QTRY_COMPARE_WITH_TIMEOUT(
        findRow(list, roles::ConversationId, m_private.value()).data(roles::ConversationUnread).toInt(), 1, kWaitMs);
    QCOMPARE(m_window->unreadCount(), 1);
    QVERIFY2(m_window->windowTitle().startsWith(QStringLiteral("(1) ")), qPrintable(m_window->windowTitle()));
    QCOMPARE(findRow(list, roles::ConversationId, m_private.value()).data(roles::ConversationLastText).toString(),
             QStringLiteral("hi alice"));

    // Opening it marks it read.
    m_window->openConversation(m_private);
    m_window->activateWindow();
    m_client->markRead(m_private);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->unreadCount(), 0, kWaitMs);
}

void tst_AppWindows::readWhenRestoredFromTray()
{
    m_window->openConversation(m_private);
    m_window->showAndRaise();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isActiveWindow(), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->unreadCount(), 0, kWaitMs);
    const QAbstractItemModel* peerView = m_peer->messages(m_private);
    QSignalSpy received(m_client.get(), &ChatClient::messageReceived);

    // Closed to the tray with the chat open: what arrives stays unread (a read mark would have
    // suppressed messageReceived), and the sender gets no receipt.
    m_window->hide();
    m_peer->sendText(m_private, QStringLiteral("while hidden"));
    QVERIFY(received.wait(kWaitMs));
    QCOMPARE(m_window->unreadCount(), 1);
    // Restored: the chat is visible in the active window, so it is read, and the receipt reaches the sender.
    // (The offscreen platform does not activate a window shown again; a window manager does: play its part.)
    m_window->showAndRaise();
    QApplication::setActiveWindow(m_window.get());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->unreadCount(), 0, kWaitMs);
    QCOMPARE(m_window->conversationView()->conversation(), m_private);
    QTRY_COMPARE_WITH_TIMEOUT(readCountOf(peerView, QStringLiteral("while hidden")), 1, kWaitMs);

    // The same for a minimised window.
    m_window->showMinimized();
    m_peer->sendText(m_private, QStringLiteral("while minimised"));
    QVERIFY(received.wait(kWaitMs));
    QCOMPARE(m_window->unreadCount(), 1);
    m_window->showAndRaise();
    QApplication::setActiveWindow(m_window.get());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->unreadCount(), 0, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(readCountOf(peerView, QStringLiteral("while minimised")), 1, kWaitMs);
}

void tst_AppWindows::dropFileUploads()
{
    const QString path = m_desk.dir.filePath(QStringLiteral("report.bin"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray data(700 * 1024, '\0');
    for (int i = 0; i < data.size(); ++i)
        data[i] = char(i * 31 % 251);
    file.write(data);
    file.close();

    ConversationView* view = m_window->conversationView();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPointF pos(view->width() / 2.0, view->height() / 2.0);
    QDragEnterEvent enter(pos.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view, &drop);
    QVERIFY(drop.isAccepted());
    // A drop asks first, as a paste does.
    auto* preview = view->findChild<PastePreviewDialog*>();
    QVERIFY(preview);
    QTest::mouseClick(preview->sendButton(), Qt::LeftButton);

    TransferManager* transfers = m_client->transfers();
    QTRY_COMPARE_WITH_TIMEOUT(transfers->rowCount(), 1, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(transfers->index(0, 0).data(TransferManager::StateRole).toInt(),
                              int(TransferManager::State::Done), kWaitMs);
    QVERIFY(!m_window->transfersDock()->isVisible()); // opened by the user only, from its button
    // The file message reaches the other side with the right size.
    const QAbstractItemModel* peerModel = m_peer->messages(m_private);
    QTRY_VERIFY_WITH_TIMEOUT(findRow(peerModel, roles::MessageFileName, QStringLiteral("report.bin")).isValid(),
                             kWaitMs);
    QCOMPARE(findRow(peerModel, roles::MessageFileName, QStringLiteral("report.bin"))
                 .data(roles::MessageFileSize)
                 .toLongLong(),
             qint64(data.size()));
}

void tst_AppWindows::enterOnAFileMessageDownloadsIt()
{
    QTemporaryDir source;
    const QString path = source.filePath(QStringLiteral("minutes.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'm'));
    file.close();
    m_window->conversationView()->setConversation(m_private);
    QListView* list = m_window->conversationView()->messageList();
    const int before = list->model()->rowCount();
    m_peer->transfers()->upload(m_private, path);
    QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), before + 1, kWaitMs);
    const QModelIndex row = list->model()->index(before, 0);
    QTRY_VERIFY_WITH_TIMEOUT(!row.data(roles::MessageFileSha256).toByteArray().isEmpty(), kWaitMs);

    // Keyboard only: select the file message and press Enter, as the Download link would.
    const int transfers = m_client->transfers()->rowCount();
    list->setFocus();
    list->setCurrentIndex(row);
    QTest::keyClick(list, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->transfers()->rowCount(), transfers + 1, kWaitMs);
}

void tst_AppWindows::createGroupThroughDialog()
{
    GroupDialog dialog(m_client.get(), m_window.get());
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(&dialog, "groupNameEdit"), QStringLiteral("Project 42"));
    auto* members = child<QListWidget>(&dialog, "memberList");
    QVERIFY(members);
    QCOMPARE(members->count(), 1); // Bob; the user themself is not offered
    members->item(0)->setCheckState(Qt::Checked);
    QTest::mouseClick(child<QPushButton>(&dialog, "okButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), kWaitMs);
    QVERIFY(dialog.createdGroup().isValid());
    const QModelIndex group = findRow(m_client->conversations(), roles::ConversationId, dialog.createdGroup().value());
    QTRY_VERIFY_WITH_TIMEOUT(
        findRow(m_client->conversations(), roles::ConversationId, dialog.createdGroup().value()).isValid(), kWaitMs);
    Q_UNUSED(group);
    const QModelIndex row = findRow(m_client->conversations(), roles::ConversationId, dialog.createdGroup().value());
    QVERIFY(row.data(roles::ConversationIsGroup).toBool());
    QCOMPARE(row.data(roles::ConversationTitle).toString(), QStringLiteral("Project 42"));
    QCOMPARE(row.data(roles::ConversationMembers).toList().size(), 2);
}

void tst_AppWindows::notificationNamesTheGroup()
{
    using Notification = TrayController::Notification;
    QCOMPARE(TrayController::messageNotification(QStringLiteral("Project 42"), QStringLiteral("Bob"),
                                                 QStringLiteral("standup?")),
             (Notification{QStringLiteral("Project 42 — Bob"), QStringLiteral("standup?")}));
    QCOMPARE(TrayController::messageNotification(QString(), QStringLiteral("Bob"), QStringLiteral("lunch?")).summary(),
             QStringLiteral("Bob: lunch?"));

    // From the real window: a group message names the group, a private one only the sender.
    const QModelIndex groupRow =
        findRow(m_client->conversations(), roles::ConversationTitle, QStringLiteral("Project 42"));
    QVERIFY(groupRow.isValid());
    const ConversationId group(groupRow.data(roles::ConversationId).toLongLong());
    QTRY_VERIFY_WITH_TIMEOUT(m_peer->conversations()->conversation(group).has_value(), kWaitMs);
    m_window->hide(); // not looking at the window: notify
    QSignalSpy received(m_client.get(), &ChatClient::messageReceived);
    m_peer->sendText(group, QStringLiteral("standup in 5"));
    QVERIFY(received.wait(kWaitMs));
    QCOMPARE(m_window->tray()->lastNotification().summary(), QStringLiteral("Project 42 — Bob: standup in 5"));
    m_peer->sendText(m_private, QStringLiteral("lunch?"));
    QVERIFY(received.wait(kWaitMs));
    QCOMPARE(m_window->tray()->lastNotification().summary(), QStringLiteral("Bob: lunch?"));
    m_window->showAndRaise();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_AppWindows::notificationSoundFollowsTheSetting()
{
    NotificationSound* sound = m_window->sound();
    QVERIFY(sound);
    sound->setMinGapMs(0); // every message here may ring
    QSignalSpy played(sound, &NotificationSound::played);
    QSignalSpy received(m_client.get(), &ChatClient::messageReceived);
    m_window->hide(); // not looking at the window: notify
    m_desk.settings->setNotificationSound(false);
    m_peer->sendText(m_private, QStringLiteral("quiet, please"));
    QVERIFY(received.wait(kWaitMs));
    QCOMPARE(m_window->tray()->lastNotification().body, QStringLiteral("quiet, please")); // notified, silently
    QCOMPARE(played.count(), 0);
    m_desk.settings->setNotificationSound(true);
    m_peer->sendText(m_private, QStringLiteral("ding"));
    QVERIFY(received.wait(kWaitMs));
    QCOMPARE(played.count(), 1);
    // A muted chat raises no notification, so no sound either.
    m_desk.settings->setConversationMuted(m_private.value(), true);
    m_peer->sendText(m_private, QStringLiteral("muted"));
    QVERIFY(received.wait(kWaitMs));
    QCOMPARE(played.count(), 1);
    m_desk.settings->setConversationMuted(m_private.value(), false);
    m_window->showAndRaise();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_AppWindows::removedFromGroupShowsNotice()
{
    QSignalSpy opened(m_peer.get(), &ChatClient::conversationOpened);
    m_peer->createGroup(QStringLiteral("Bob's team"), {m_client->currentUser().id});
    QVERIFY(opened.wait(kWaitMs));
    const ConversationId group = opened.first().first().value<ConversationId>();
    m_peer->sendText(group, QStringLiteral("hello team"));
    QTRY_VERIFY_WITH_TIMEOUT(m_client->conversations()->conversation(group).has_value(), kWaitMs);
    m_window->openConversation(group);
    const QAbstractItemModel* messages = m_window->conversationView()->messageList()->model();
    QTRY_VERIFY_WITH_TIMEOUT(findRow(messages, roles::MessageText, QStringLiteral("hello team")).isValid(), kWaitMs);
    auto* notice = child<QLabel>(m_window.get(), "removedNotice");
    auto* inputRow = child<QWidget>(m_window.get(), "inputRow");
    QVERIFY(notice->isHidden());
    QVERIFY(inputRow->isEnabled());

    // Removed by Bob: a notice says so, nothing can be sent, the history is still there.
    m_peer->removeMember(group, m_client->currentUser().id);
    QTRY_VERIFY_WITH_TIMEOUT(!notice->isHidden(), kWaitMs);
    QVERIFY(notice->text().startsWith(QStringLiteral("You were removed from Bob's team by Bob.")));
    QVERIFY(!inputRow->isEnabled());
    QCOMPARE(m_window->conversationView()->conversation(), group);
    QVERIFY(findRow(messages, roles::MessageText, QStringLiteral("hello team")).isValid());

    // Re-added: the chat works again.
    m_peer->addMember(group, m_client->currentUser().id);
    QTRY_VERIFY_WITH_TIMEOUT(notice->isHidden(), kWaitMs);
    QVERIFY(inputRow->isEnabled());
}

void tst_AppWindows::languageSwitchRetranslates()
{
    auto* tabs = m_window->sidebar()->findChild<QTabWidget*>();
    QVERIFY(tabs);
    QCOMPARE(tabs->tabText(1), QStringLiteral("Contacts"));
    auto* send = child<QPushButton>(m_window.get(), "sendButton");
    QCOMPARE(send->text(), QStringLiteral("Send"));

    m_desk.languages->apply(AppSettings::Language::Chinese);
    QTRY_COMPARE(tabs->tabText(1), QStringLiteral("联系人"));
    QCOMPARE(tabs->tabText(0), QStringLiteral("会话"));
    QCOMPARE(send->text(), QStringLiteral("发送"));
    QCOMPARE(m_window->menuBar()->actions().first()->text(), QStringLiteral("LanChat(&L)"));
    QCOMPARE(child<QPushButton>(m_window.get(), "newGroupButton")->text(), QStringLiteral("新建群组"));
    QCOMPARE(m_window->transfersDock()->windowTitle(), QStringLiteral("文件传输"));
    QCOMPARE(QLocale().language(), QLocale::Chinese);

    m_desk.languages->apply(AppSettings::Language::English);
    QTRY_COMPARE(tabs->tabText(1), QStringLiteral("Contacts"));
}

void tst_AppWindows::sessionRevokedReturnsToLogin()
{
    QSignalSpy loggedOut(m_window.get(), &MainWindow::loggedOut);
    QSignalSpy loggedIn(m_client.get(), &ChatClient::loggedIn);
    // The password was changed from another device: the server revokes this session and closes it.
    const QList<Session*> sessions = m_desk.relay->server().sessions().sessionsOf(m_client->currentUser().id);
    QCOMPARE(sessions.size(), 1);
    sessions.first()->closeWithError(ErrorCode::SessionRevoked, QStringLiteral("password changed"));
    QVERIFY(loggedOut.wait(kWaitMs));
    const QString reason = QStringLiteral(
        "You were logged out: your password was changed, or you logged out your other devices. Log in again.");
    QCOMPARE(loggedOut.first().first().toString(), reason);
    QVERIFY(!m_window->isVisible());
    QCOMPARE(m_client->state(), ChatClient::State::Offline);
    QCOMPARE(m_client->reconnectInMs(), 0);
    QCOMPARE(loggedIn.count(), 0);

    // What AppController then shows: the login dialog with that explanation.
    TokenVault vault; // never asked: no keychain call in these tests
    LoginDialog dialog(m_client.get(), *m_desk.settings, vault, nullptr);
    dialog.showMessage(reason);
    dialog.show();
    QCOMPARE(dialog.errorText(), reason);
}

void tst_AppWindows::offlineStatesOfferReconnect()
{
    TestServer relay(true);
    QVERIFY(relay.start());
    const quint16 port = relay.port();
    AppSettings settings(m_desk.dir.filePath(QStringLiteral("offline.ini")));
    settings.setCloseToTray(false);
    ChatClient dave;
    ChatClient carol;
    QVERIFY(signUp(dave, relay, QStringLiteral("dave")));
    QVERIFY(signUp(carol, relay, QStringLiteral("carol")));
    MainWindow window(&dave, settings, m_desk.languages.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* button = child<QToolButton>(&window, "reconnectButton");
    auto* action = child<QAction>(&window, "reconnectAction");
    QVERIFY(button && action);
    QVERIFY(window.menuBar()->actions().first()->menu()->actions().contains(action));
    QVERIFY(!button->isVisible());
    QVERIFY(!action->isEnabled());

    QSignalSpy opened(&dave, &ChatClient::conversationOpened);
    dave.openPrivate(carol.currentUser().id);
    QVERIFY(opened.wait(kWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(window.conversationView()->conversation().isValid(), kWaitMs);
    auto* subtitle = child<QLabel>(&window, "conversationSubtitle");
    QTRY_COMPARE_WITH_TIMEOUT(subtitle->text(), QStringLiteral("Online"), kWaitMs);
    const QAbstractItemModel* contacts = window.sidebar()->contactList()->model();
    const auto carolRow = [&] { return findRow(contacts, roles::ContactUsername, QStringLiteral("carol")); };
    QVERIFY(carolRow().data(roles::ContactOnline).toBool());

    // The server is killed: reconnecting by itself, and "Reconnect" offered; nobody is shown online.
    relay.stop();
    QTRY_COMPARE_WITH_TIMEOUT(dave.state(), ChatClient::State::Reconnecting, kWaitMs);
    QVERIFY(button->isVisible());
    QVERIFY(action->isEnabled());
    QVERIFY(!carolRow().data(roles::ContactOnline).toBool());
    QVERIFY(!carolRow().data(roles::ContactPresenceKnown).toBool());
    QCOMPARE(subtitle->text(), QStringLiteral("Presence unknown while you are offline"));

    // Another certificate on the same address; the user cancels the warning: offline, still a way back.
    int dialogs = 0;
    QTimer canceller;
    connect(&canceller, &QTimer::timeout, this, [&] {
        if (auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
            ++dialogs;
            dialog->reject();
        }
    });
    canceller.start(10);
    TestServer impostor(true);
    QVERIFY(impostor.start(port));
    QTRY_COMPARE_WITH_TIMEOUT(dialogs, 1, kWaitMs);
    canceller.stop();
    QCOMPARE(dave.state(), ChatClient::State::Offline);
    QVERIFY(button->isVisible());
    QVERIFY(action->isEnabled());

    // The real server is back: one click logs in again with the session's credentials.
    impostor.stop();
    QVERIFY(relay.start(port));
    QSignalSpy loggedIn(&dave, &ChatClient::loggedIn);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(loggedIn.wait(kWaitMs));
    QCOMPARE(dave.currentUser().username, QStringLiteral("dave"));
    QTRY_VERIFY_WITH_TIMEOUT(!button->isVisible(), kWaitMs);
    QVERIFY(!action->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(carolRow().data(roles::ContactPresenceKnown).toBool(), kWaitMs);
}

QTEST_MAIN(tst_AppWindows)
#include "tst_appwindows.moc"
