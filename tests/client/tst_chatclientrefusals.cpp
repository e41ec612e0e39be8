// End-to-end tests of ChatClient against the real relay in-process (127.0.0.1, port 0, SQLite in a
// QTemporaryDir): what the server refuses — sends to a group one was removed from, transient and final
// refusals, removal from a group, a password change, revoked sessions and a refused re-login.
// No sleeps: everything waits with QTRY_* or QSignalSpy::wait.

#include "chatclient.h"
#include "clientconnection.h"
#include "clientsteps.h"
#include "contactsmodel.h"
#include "conversationsmodel.h"
#include "messagesmodel.h"
#include "modelreads.h"
#include "modelroles.h"
#include "relayserver.h"
#include "session.h"
#include "sessionregistry.h"
#include "storage.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace lanchat;

using namespace lanchat;
using namespace lanchat::test;

class tst_ChatClientRefusals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupManagementAndForbiddenSend();
    void refusedMessageIsNotResentUntilRetry();
    void transientRefusalIsResentByItself();
    void removedMemberKeepsAReadOnlyChat();
    void changePasswordAndLogout();
    void sessionRevokedStopsReconnecting();
    void refusedReloginEndsTheSession();
};
void tst_ChatClientRefusals::groupManagementAndForbiddenSend()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    auto alice = newClient();
    auto bob = newClient();
    auto carol = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    QVERIFY(enter(*carol, relay, QStringLiteral("carol"), true));
    const UserId bobId = bob->currentUser().id;
    const UserId carolId = carol->currentUser().id;
    QSignalSpy opened(alice.get(), &ChatClient::conversationOpened);
    alice->createGroup(QStringLiteral("team"), {bobId});
    QVERIFY(opened.wait(kWaitMs));
    const ConversationId group = opened.first().first().value<ConversationId>();
    QAbstractItemModelTester tester(bob->conversations(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(bob->conversations()->rowCount(), 1, kWaitMs);
    QCOMPARE(carol->conversations()->rowCount(), 0);

    alice->addMember(group, carolId);
    QTRY_COMPARE_WITH_TIMEOUT(carol->conversations()->rowCount(), 1, kWaitMs);
    alice->renameGroup(group, QStringLiteral("团队"));
    QTRY_COMPARE_WITH_TIMEOUT(bob->conversations()->index(0).data(roles::ConversationTitle).toString(),
                              QStringLiteral("团队"), kWaitMs);
    QCOMPARE(bob->conversations()->index(0).data(roles::ConversationOwnerId).toLongLong(),
             alice->currentUser().id.value());

    // Only the owner manages members.
    QSignalSpy bobFailed(bob.get(), &ChatClient::requestFailed);
    bob->removeMember(group, carolId);
    QVERIFY(bobFailed.wait(kWaitMs));
    QCOMPARE(bobFailed.first().at(0).toString(), QStringLiteral("group_remove"));
    QCOMPARE(bobFailed.first().at(1).value<ErrorCode>(), ErrorCode::Forbidden);

    alice->removeMember(group, bobId);
    // Bob keeps the chat, read-only, marked as removed by Alice; Carol, who left, does not.
    QTRY_COMPARE_WITH_TIMEOUT(bob->conversations()->removedBy(group).value(), alice->currentUser().id.value(), kWaitMs);
    carol->leaveGroup(group);
    QTRY_COMPARE_WITH_TIMEOUT(carol->conversations()->rowCount(), 0, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(alice->conversations()->conversation(group)->members.size(), 1, kWaitMs);

    // A former member's message is refused: Failed, and a retry is refused again.
    const QUuid refused = bob->sendText(group, QStringLiteral("still here?"));
    MessagesModel* bobModel = bob->messages(group);
    QTRY_COMPARE_WITH_TIMEOUT(deliveryState(bobModel, refused), int(DeliveryState::Failed), kWaitMs);
    bob->retry(refused);
    QCOMPARE(deliveryState(bobModel, refused), int(DeliveryState::Pending));
    QTRY_COMPARE_WITH_TIMEOUT(deliveryState(bobModel, refused), int(DeliveryState::Failed), kWaitMs);
    QCOMPARE(bob->pendingCount(), 1);
}

void tst_ChatClientRefusals::refusedMessageIsNotResentUntilRetry()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    QTemporaryDir settingsDir;
    QSettings settings(settingsDir.filePath(QStringLiteral("client.ini")), QSettings::IniFormat);
    auto alice = newClient();
    auto bob = newClient(&settings);
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    const UserId bobId = bob->currentUser().id;
    QSignalSpy opened(alice.get(), &ChatClient::conversationOpened);
    alice->createGroup(QStringLiteral("team"), {bobId});
    QVERIFY(opened.wait(kWaitMs));
    const ConversationId group = opened.first().first().value<ConversationId>();
    QTRY_VERIFY_WITH_TIMEOUT(bob->conversations()->conversation(group).has_value(), kWaitMs);

    // Removed while the chat is open: the message is refused for good.
    MessagesModel* bobModel = bob->messages(group);
    alice->removeMember(group, bobId);
    QTRY_VERIFY_WITH_TIMEOUT(bob->conversations()->removedBy(group).isValid(), kWaitMs);
    const QUuid refused = bob->sendText(group, QStringLiteral("still here?"));
    QTRY_COMPARE_WITH_TIMEOUT(deliveryState(bobModel, refused), int(DeliveryState::Failed), kWaitMs);
    QCOMPARE(deliveryError(bobModel, refused), ErrorCode::Forbidden);

    // Re-added and reconnected: still failed, nothing sent. The post-login sync is answered after any resend
    // the login triggered (one connection, requests in order), so the server's history is the proof.
    alice->addMember(group, bobId);
    QTRY_VERIFY_WITH_TIMEOUT(!bob->conversations()->removedBy(group).isValid(), kWaitMs);
    QSignalSpy resynced(bob.get(), &ChatClient::synced);
    bob->connection()->abortConnection();
    QVERIFY(resynced.wait(kWaitMs));
    QCOMPARE(deliveryState(bobModel, refused), int(DeliveryState::Failed));
    QCOMPARE(storedCopies(relay, group, refused), 0);

    // Restarted on the same store: shown failed again, with its reason, and still not sent.
    bob.reset();
    auto bobAgain = newClient(&settings);
    QVERIFY(enter(*bobAgain, relay, QStringLiteral("bob"), false));
    MessagesModel* model = bobAgain->messages(group);
    QCOMPARE(bobAgain->pendingCount(), 1);
    QCOMPARE(deliveryState(model, refused), int(DeliveryState::Failed));
    QCOMPARE(deliveryError(model, refused), ErrorCode::Forbidden);
    QCOMPARE(storedCopies(relay, group, refused), 0);

    // Only the user's Retry sends it, exactly once.
    bobAgain->retry(refused);
    QTRY_COMPARE_WITH_TIMEOUT(deliveryState(model, refused), int(DeliveryState::Sent), kWaitMs);
    QCOMPARE(bobAgain->pendingCount(), 0);
    QCOMPARE(storedCopies(relay, group, refused), 1);
    QTRY_COMPARE_WITH_TIMEOUT(texts(alice->messages(group)).count(QStringLiteral("still here?")), 1, kWaitMs);
}

void tst_ChatClientRefusals::transientRefusalIsResentByItself()
{
    // A token bucket just large enough for the logins: a burst of sends is partly refused with rate_limited.
    TestServer relay(false);
    relay.config().maxRequestsPerSecond = 20;
    relay.config().requestBurst = 20;
    QVERIFY(relay.start());
    auto alice = newClient();
    auto bob = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    const ConversationId conv = openPrivate(*alice, bob->currentUser().id);
    MessagesModel* model = alice->messages(conv);
    bool sawWaiting = false;
    bool sawFailed = false;
    connect(model, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex& first, const QModelIndex& last) {
        for (int row = first.row(); row <= last.row(); ++row) {
            const auto state = DeliveryState(model->index(row).data(roles::MessageDeliveryState).toInt());
            const auto error = ErrorCode(model->index(row).data(roles::MessageDeliveryError).toInt());
            sawWaiting = sawWaiting || (state == DeliveryState::Waiting && error == ErrorCode::RateLimited);
            sawFailed = sawFailed || state == DeliveryState::Failed;
        }
    });

    QList<QUuid> ids;
    for (int i = 0; i < 40; ++i)
        ids.append(alice->sendText(conv, QStringLiteral("burst %1").arg(i)));
    QTRY_VERIFY_WITH_TIMEOUT(sawWaiting, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(alice->pendingCount(), 0, 3 * kWaitMs);
    QVERIFY(!sawFailed);
    for (const QUuid& id : std::as_const(ids)) {
        QCOMPARE(deliveryState(model, id), int(DeliveryState::Sent));
        QCOMPARE(storedCopies(relay, conv, id), 1);
    }
    disconnect(model, nullptr, this, nullptr);
}

void tst_ChatClientRefusals::removedMemberKeepsAReadOnlyChat()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    auto alice = newClient();
    auto bob = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    const UserId aliceId = alice->currentUser().id;
    const UserId bobId = bob->currentUser().id;
    QSignalSpy opened(alice.get(), &ChatClient::conversationOpened);
    alice->createGroup(QStringLiteral("team"), {bobId});
    QVERIFY(opened.wait(kWaitMs));
    const ConversationId group = opened.first().first().value<ConversationId>();
    ConversationsModel* bobList = bob->conversations();
    QTRY_VERIFY_WITH_TIMEOUT(bobList->conversation(group).has_value(), kWaitMs);
    const auto removedBy = [&] { return bobList->index(bobList->rowOf(group)).data(roles::ConversationRemovedBy); };
    QCOMPARE(removedBy().toLongLong(), 0);
    MessagesModel* bobModel = bob->messages(group);
    alice->sendText(group, QStringLiteral("before"));
    // Two senders at once have no order the server promises: let Alice's message be stored first.
    QTRY_COMPARE_WITH_TIMEOUT(bobModel->storedCount(), 2, kWaitMs); // and the line of the group's creation
    bob->sendText(group, QStringLiteral("mine before"));
    QTRY_COMPARE_WITH_TIMEOUT(bobModel->storedCount(), 3, kWaitMs);
    bob->markRead(group);
    QCOMPARE(bobList->unread(group), 0);

    // Removed by Alice: the chat stays listed and readable, and says who removed Bob.
    QSignalSpy failures(bob.get(), &ChatClient::requestFailed);
    alice->removeMember(group, bobId);
    QTRY_COMPARE_WITH_TIMEOUT(removedBy().toLongLong(), aliceId.value(), kWaitMs);
    QCOMPARE(bobList->removedBy(group), aliceId);
    QCOMPARE(texts(bobModel), (QStringList{QStringLiteral("before"), QStringLiteral("mine before")}));
    // Nothing the server would refuse is asked (history, read marks), also after a reconnect.
    QSignalSpy resynced(bob.get(), &ChatClient::synced);
    bob->connection()->abortConnection();
    QVERIFY(resynced.wait(kWaitMs));
    QCOMPARE(bobList->removedBy(group), aliceId);
    bob->loadOlder(group);
    bob->markRead(group);
    QCOMPARE(failures.count(), 0);

    // Re-added: a member again; what Bob had read stays read, his own messages never count as unread.
    alice->addMember(group, bobId);
    QTRY_COMPARE_WITH_TIMEOUT(removedBy().toLongLong(), 0, kWaitMs);
    const QUuid mine = bob->sendText(group, QStringLiteral("mine after"));
    QTRY_COMPARE_WITH_TIMEOUT(deliveryState(bobModel, mine), int(DeliveryState::Sent), kWaitMs);
    QCOMPARE(bobList->unread(group), 0);
    QSignalSpy resyncedAgain(bob.get(), &ChatClient::synced);
    bob->connection()->abortConnection(); // the list fetched again says read_seq 0 for a re-added member
    QVERIFY(resyncedAgain.wait(kWaitMs));
    QCOMPARE(bobList->unread(group), 0);
    alice->sendText(group, QStringLiteral("welcome back"));
    QTRY_COMPARE_WITH_TIMEOUT(bobList->unread(group), 1, kWaitMs);

    // Leaving by oneself removes the chat.
    bob->leaveGroup(group);
    QTRY_VERIFY_WITH_TIMEOUT(!bobList->conversation(group).has_value(), kWaitMs);
}

void tst_ChatClientRefusals::changePasswordAndLogout()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    auto alice = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QSignalSpy changed(alice.get(), &ChatClient::passwordChanged);
    const QString newPassword = QStringLiteral("a much better one");
    alice->changePassword(kPassword, newPassword);
    QVERIFY(changed.wait(kWaitMs));

    QSignalSpy failed(alice.get(), &ChatClient::requestFailed);
    alice->changePassword(QStringLiteral("not my password"), QStringLiteral("whatever123"));
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.first().at(1).value<ErrorCode>(), ErrorCode::BadCredentials);

    // The automatic re-login after a dropped connection uses the new password.
    QSignalSpy relogged(alice.get(), &ChatClient::loggedIn);
    alice->connection()->abortConnection();
    QVERIFY(relogged.wait(kWaitMs));

    alice->logout();
    QCOMPARE(alice->state(), ChatClient::State::Connected);
    QCOMPARE(alice->contacts()->rowCount(), 0);
    QSignalSpy loginFailed(alice.get(), &ChatClient::loginFailed);
    alice->login(QStringLiteral("alice"), kPassword);
    QVERIFY(loginFailed.wait(kWaitMs));
    QCOMPARE(loginFailed.first().first().value<ErrorCode>(), ErrorCode::BadCredentials);
    QSignalSpy synced(alice.get(), &ChatClient::synced);
    alice->login(QStringLiteral("alice"), newPassword);
    QVERIFY(synced.wait(kWaitMs));
    QCOMPARE(alice->state(), ChatClient::State::LoggedIn);
    QCOMPARE(alice->contacts()->rowCount(), 1);
}

void tst_ChatClientRefusals::sessionRevokedStopsReconnecting()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    auto alice = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QSignalSpy revoked(alice.get(), &ChatClient::sessionRevoked);
    QSignalSpy loggedIn(alice.get(), &ChatClient::loggedIn);

    // What the server does to a user's other sessions when the password changes: a connection-level
    // `error {code: session_revoked}`, then the connection is closed.
    const QList<Session*> sessions = relay.server().sessions().sessionsOf(alice->currentUser().id);
    QCOMPARE(sessions.size(), 1);
    sessions.first()->closeWithError(ErrorCode::SessionRevoked, QStringLiteral("password changed"));
    QVERIFY(revoked.wait(kWaitMs));
    QCOMPARE(alice->state(), ChatClient::State::Offline);
    QCOMPARE(alice->connection()->state(), ClientConnection::State::Disconnected);
    QCOMPARE(alice->reconnectInMs(), 0);
    QCOMPARE(loggedIn.count(), 0);
    QCOMPARE(revoked.count(), 1);

    // The user logs in again deliberately (here the password did not really change).
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), false));
    QCOMPARE(alice->state(), ChatClient::State::LoggedIn);
}

void tst_ChatClientRefusals::refusedReloginEndsTheSession()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    auto alice = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QSignalSpy ended(alice.get(), &ChatClient::sessionEnded);
    QSignalSpy failed(alice.get(), &ChatClient::loginFailed);
    QSignalSpy loggedIn(alice.get(), &ChatClient::loggedIn);

    // The account is disabled while the connection is down: the client's own re-login is refused.
    const UserId id = alice->currentUser().id;
    QVERIFY(relay.server().storage().setUserDisabled(id, true));
    alice->connection()->abortConnection();
    QVERIFY(ended.wait(kWaitMs));
    QCOMPARE(ended.first().first().value<ErrorCode>(), ErrorCode::AccountDisabled);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(alice->state(), ChatClient::State::Offline);
    QCOMPARE(alice->connection()->state(), ClientConnection::State::Disconnected);
    QCOMPARE(alice->reconnectInMs(), 0);
    QCOMPARE(loggedIn.count(), 0);

    // A login the user starts is only reported as failed, never as a session that ended.
    QVERIFY(relay.server().storage().setUserDisabled(id, false));
    auto bob = newClient();
    QSignalSpy bobEnded(bob.get(), &ChatClient::sessionEnded);
    QSignalSpy bobFailed(bob.get(), &ChatClient::loginFailed);
    bob->connectToServer(kHost, relay.port(), false);
    bob->login(QStringLiteral("alice"), QStringLiteral("wrong password"));
    QVERIFY(bobFailed.wait(kWaitMs));
    QCOMPARE(bobEnded.count(), 0);
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), false));
}

QTEST_GUILESS_MAIN(tst_ChatClientRefusals)
#include "tst_chatclientrefusals.moc"
