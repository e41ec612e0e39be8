// Status in the real main window against a real relay in-process (127.0.0.1, port 0): the status menu sets the
// status others see; do-not-disturb silences notifications and sounds through the window's real notification path
// except a mention of oneself by name (@all does not break through), and badges the tray icon; the chat header reads
// "Busy — <text>"; auto-away follows the idle time fed through StatusController's idle source (the OS input is the one
// thing replaced); the account dialog changes the password (wrong current password in words), lists the sessions and
// logs out the others. No sleeps: QTRY_* and QSignalSpy::wait only. With LANCHAT_SHOTS_DIR set, the states are written
// there as PNGs.

#include "accountdialog.h"
#include "appdesk.h"
#include "appsettings.h"
#include "autoaway.h"
#include "chatclient.h"
#include "clientsteps.h"
#include "contactsmodel.h"
#include "conversationsmodel.h"
#include "conversationview.h"
#include "idlesource.h"
#include "mainwindow.h"
#include "mentions.h"
#include "notificationsound.h"
#include "ownstatus.h"
#include "passwordform.h"
#include "statusbutton.h"
#include "statuscontroller.h"
#include "statusmenu.h"
#include "testserver.h"
#include "traycontroller.h"
#include "widgetlookup.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 30000;
constexpr qint64 kMinute = 60 * 1000;

class FedIdleSource : public IdleSource
{
public:
    std::optional<qint64> idleMs() override { return idle; }
    std::optional<qint64> idle = 0;
};

} // namespace

class tst_StatusView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void menuSetsTheStatusOthersSee();
    void doNotDisturbLetsOnlyMentionsThrough();
    void chatHeaderShowsThePeersStatus();
    void autoAwayFromTheIdleSource();
    void accountDialogPasswordAndSessions();

private:
    OwnStatus* ownStatus() const { return m_window->statusController()->ownStatus(); }
    StatusMenu* menu() const { return m_window->statusController()->button()->statusMenu(); }

    AppDesk m_desk;
    std::unique_ptr<ChatClient> m_alice; ///< the app's user
    std::unique_ptr<ChatClient> m_bob;
    std::unique_ptr<MainWindow> m_window;
    ConversationId m_group;
    ConversationId m_private;
};

void tst_StatusView::initTestCase()
{
    QVERIFY(m_desk.start(false, QStringLiteral("app.ini")));
    m_alice = newClient();
    m_bob = newClient();
    QVERIFY(enter(*m_alice, *m_desk.relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*m_bob, *m_desk.relay, QStringLiteral("bob"), true));
    m_window = std::make_unique<MainWindow>(m_alice.get(), *m_desk.settings, m_desk.languages.get());
    m_window->resize(900, 560);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy opened(m_bob.get(), &ChatClient::conversationOpened);
    m_bob->createGroup(QStringLiteral("Design"), {m_alice->currentUser().id});
    QVERIFY(opened.wait(kWaitMs));
    m_group = opened.first().first().value<ConversationId>();
    m_private = openPrivate(*m_bob, m_alice->currentUser().id);
    QVERIFY(m_private.isValid());
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->conversations()->rowOf(m_group) >= 0, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->conversations()->rowOf(m_private) >= 0, kWaitMs);
}

void tst_StatusView::cleanupTestCase()
{
    m_window.reset();
    m_bob.reset();
    m_alice.reset();
    m_desk.relay.reset();
}

void tst_StatusView::menuSetsTheStatusOthersSee()
{
    QVERIFY(ownStatus()->isAvailable());
    QVERIFY(menu()->statusAction(QStringLiteral("busy"))->isEnabled());
    menu()->statusAction(QStringLiteral("busy"))->trigger();
    const UserId alice = m_alice->currentUser().id;
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->contacts()->statusOf(alice), QStringLiteral("busy"), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(menu()->statusAction(QStringLiteral("busy"))->isChecked(), kWaitMs);
    auto* button = child<StatusButton>(m_window.get(), "statusButton");
    QVERIFY(button && button->isVisible());
    QVERIFY(button->text().contains(QStringLiteral("Busy")));

    ownStatus()->set(QStringLiteral("busy"), QStringLiteral("In a meeting until 3"));
    QTRY_VERIFY_WITH_TIMEOUT(button->text().contains(QStringLiteral("In a meeting")), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->contacts()->user(alice)->statusText, QStringLiteral("In a meeting until 3"),
                              kWaitMs);
    menu()->popup(button->mapToGlobal(QPoint(0, button->height())));
    QVERIFY(QTest::qWaitForWindowExposed(menu()));
    m_desk.shoot(menu(), QStringLiteral("status-menu"));
    menu()->hide();
    menu()->clearTextAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->contacts()->user(alice)->statusText, QString(), kWaitMs);
}

void tst_StatusView::doNotDisturbLetsOnlyMentionsThrough()
{
    NotificationSound* sound = m_window->sound();
    sound->setMinGapMs(0);
    QSignalSpy played(sound, &NotificationSound::played);
    QSignalSpy received(m_alice.get(), &ChatClient::messageReceived);
    m_window->hide(); // not looking at the window: messages notify
    menu()->statusAction(QStringLiteral("dnd"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(ownStatus()->isDoNotDisturb(), kWaitMs);
    QVERIFY(m_window->tray()->doNotDisturb());
    QVERIFY(m_window->tray()->toolTip().contains(QStringLiteral("do not disturb")));

    m_bob->sendText(m_group, QStringLiteral("anyone for lunch?"));
    QVERIFY(received.wait(kWaitMs));
    m_bob->sendText(m_private, QStringLiteral("ping"));
    QVERIFY(received.wait(kWaitMs));
    QVERIFY(m_window->tray()->lastNotification().body != QStringLiteral("anyone for lunch?"));
    QVERIFY(m_window->tray()->lastNotification().body != QStringLiteral("ping"));
    QCOMPARE(played.count(), 0);

    // @all calls the whole group, not this user: it does not break through do-not-disturb.
    m_bob->sendText(m_group, QStringLiteral("@all standup in 5"), Mentions{{}, true});
    QVERIFY(received.wait(kWaitMs));
    QVERIFY(m_window->tray()->lastNotification().body != QStringLiteral("@all standup in 5"));
    QCOMPARE(played.count(), 0);

    // A mention of oneself still gets through, with its sound.
    m_bob->sendText(m_group, QStringLiteral("@Alice the review is yours"),
                    Mentions{{m_alice->currentUser().id}, false});
    QVERIFY(received.wait(kWaitMs));
    QCOMPARE(m_window->tray()->lastNotification().summary(),
             QStringLiteral("Design — BOB: @Alice the review is yours"));
    QCOMPARE(played.count(), 1);

    // Back online: everything notifies again, and the badge goes.
    menu()->statusAction(QStringLiteral("online"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->tray()->doNotDisturb(), kWaitMs);
    m_bob->sendText(m_private, QStringLiteral("back?"));
    QVERIFY(received.wait(kWaitMs));
    QCOMPARE(m_window->tray()->lastNotification().body, QStringLiteral("back?"));
    QCOMPARE(played.count(), 2);
    // Not in do-not-disturb, @all notifies as any message does.
    m_bob->sendText(m_group, QStringLiteral("@all lunch is here"), Mentions{{}, true});
    QVERIFY(received.wait(kWaitMs));
    QCOMPARE(m_window->tray()->lastNotification().body, QStringLiteral("@all lunch is here"));
    QCOMPARE(played.count(), 3);
    m_window->showAndRaise();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_StatusView::chatHeaderShowsThePeersStatus()
{
    m_window->openConversation(m_private);
    auto* subtitle = child<QLabel>(m_window.get(), "conversationSubtitle");
    QVERIFY(subtitle);
    QTRY_COMPARE_WITH_TIMEOUT(subtitle->text(), QStringLiteral("Online"), kWaitMs);
    OwnStatus bobStatus(m_bob.get());
    bobStatus.set(QStringLiteral("busy"), QStringLiteral("在开会，下午回复"));
    QTRY_COMPARE_WITH_TIMEOUT(subtitle->text(), QStringLiteral("Busy — 在开会，下午回复"), kWaitMs);
    m_desk.shoot(m_window.get(), QStringLiteral("status-chat-header"));
    bobStatus.set(QStringLiteral("dnd"), QString());
    QTRY_COMPARE_WITH_TIMEOUT(subtitle->text(), QStringLiteral("Do not disturb"), kWaitMs);
    bobStatus.set(QStringLiteral("online"), QString());
    QTRY_COMPARE_WITH_TIMEOUT(subtitle->text(), QStringLiteral("Online"), kWaitMs);
}

void tst_StatusView::autoAwayFromTheIdleSource()
{
    FedIdleSource idle;
    StatusController* controller = m_window->statusController();
    controller->setIdleSource(&idle);
    controller->autoAway()->setPollIntervalMs(5);
    m_desk.settings->setAutoAwayMinutes(10);
    controller->applySettings();
    const UserId alice = m_alice->currentUser().id;
    QTRY_COMPARE_WITH_TIMEOUT(ownStatus()->status(), QStringLiteral("online"), kWaitMs);

    idle.idle = 11 * kMinute;
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->contacts()->statusOf(alice), QStringLiteral("away"), kWaitMs);
    QVERIFY(menu()->statusAction(QStringLiteral("away"))->isChecked());
    idle.idle = 0; // back at the keyboard
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->contacts()->statusOf(alice), QStringLiteral("online"), kWaitMs);
    controller->autoAway()->setPollIntervalMs(AutoAway::kDefaultPollMs);
    controller->setIdleSource(nullptr);
}

void tst_StatusView::accountDialogPasswordAndSessions()
{
    auto laptop = newClient();
    QVERIFY(enter(*laptop, *m_desk.relay, QStringLiteral("alice"), false));
    QSignalSpy revoked(laptop.get(), &ChatClient::sessionRevoked);

    AccountDialog dialog(m_alice.get(), m_window.get());
    dialog.setConfirmLogOut(false);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_COMPARE_WITH_TIMEOUT(dialog.sessionList()->topLevelItemCount(), 2, kWaitMs);
    int thisDevice = 0;
    for (int i = 0; i < dialog.sessionList()->topLevelItemCount(); ++i)
        thisDevice += dialog.sessionList()->topLevelItem(i)->text(0).contains(QStringLiteral("(this device)")) ? 1 : 0;
    QCOMPARE(thisDevice, 1);
    QCOMPARE(dialog.sessionList()->topLevelItem(0)->text(1), QStringLiteral("127.0.0.1"));

    // The new passwords differ: said before anything is sent.
    auto* form = dialog.passwordForm();
    QTest::keyClicks(child<QLineEdit>(form, "oldPassword"), QStringLiteral("not my password"));
    QTest::keyClicks(child<QLineEdit>(form, "newPassword"), QStringLiteral("new password 1"));
    QTest::keyClicks(child<QLineEdit>(form, "repeatPassword"), QStringLiteral("new password 2"));
    QTest::mouseClick(child<QPushButton>(form, "changePasswordButton"), Qt::LeftButton);
    QCOMPARE(form->message(), QStringLiteral("The two new passwords differ."));
    // The current password is wrong: the server's bad_credentials, in words.
    child<QLineEdit>(form, "repeatPassword")->setText(QStringLiteral("new password 1"));
    QTest::mouseClick(child<QPushButton>(form, "changePasswordButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(form->message().startsWith(QStringLiteral("The current password is wrong.")), kWaitMs);
    m_desk.shoot(&dialog, QStringLiteral("account-dialog"));

    // Log out the laptop: it is told so, and only this session stays listed.
    QTest::mouseClick(dialog.logOutOthersButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(
        dialog.message(), QStringLiteral("1 other session(s) logged out, 0 remembered device(s) forgotten."), kWaitMs);
    QVERIFY(revoked.count() > 0 || revoked.wait(kWaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(dialog.sessionList()->topLevelItemCount(), 1, kWaitMs);
    QCOMPARE(m_alice->state(), ChatClient::State::LoggedIn);
}

QTEST_MAIN(tst_StatusView)
#include "tst_statusview.moc"
