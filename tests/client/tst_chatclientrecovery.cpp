// End-to-end tests of ChatClient against the real relay in-process (127.0.0.1, port 0, SQLite in a
// QTemporaryDir): server restarts, unsent messages across client restarts, TLS pinning, presence while
// offline. No sleeps: everything waits with QTRY_* or QSignalSpy::wait.

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

class tst_ChatClientRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resendAfterServerRestart();
    void unsentMessagesSurviveClientRestart();
    void tlsPinningTrustOnFirstUse();
    void presenceInContacts();
    void presenceUnknownWhileOffline();
};

void tst_ChatClientRecovery::resendAfterServerRestart()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    const quint16 port = relay.port();
    auto alice = newClient();
    auto bob = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    const ConversationId conv = openPrivate(*alice, bob->currentUser().id);
    QSignalSpy shutdown(alice.get(), &ChatClient::serverShuttingDown);
    QAbstractItemModelTester tester(alice->messages(conv), QAbstractItemModelTester::FailureReportingMode::QtTest);

    // In flight when the server stops, and queued while it is away.
    const QUuid inFlight = alice->sendText(conv, QStringLiteral("in flight"));
    relay.stop();
    QTRY_COMPARE_WITH_TIMEOUT(alice->state(), ChatClient::State::Reconnecting, kWaitMs);
    const QUuid queued = alice->sendText(conv, QStringLiteral("while away"));
    // Written while offline: waiting, and sent by itself once the server is back.
    QCOMPARE(deliveryState(alice->messages(conv), queued), int(DeliveryState::Waiting));

    QSignalSpy relogged(alice.get(), &ChatClient::loggedIn);
    QVERIFY(relay.start(port));
    QVERIFY(relogged.wait(kWaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(alice->pendingCount(), 0, kWaitMs);
    MessagesModel* model = alice->messages(conv);
    QCOMPARE(deliveryState(model, inFlight), int(DeliveryState::Sent));
    QCOMPARE(deliveryState(model, queued), int(DeliveryState::Sent));
    QCOMPARE(model->rowCount(), 2);
    QVERIFY(shutdown.count() <= 1);

    // Exactly once in the server's history and in the peer's view.
    const QList<MessageRecord> history = relay.server().storage().history(conv, 0, 100);
    int inFlightCopies = 0;
    int queuedCopies = 0;
    for (const MessageRecord& m : history) {
        inFlightCopies += m.clientMsgId == inFlight ? 1 : 0;
        queuedCopies += m.clientMsgId == queued ? 1 : 0;
    }
    QVERIFY(inFlightCopies <= 1);
    QCOMPARE(queuedCopies, 1);
    QCOMPARE(inFlightCopies, 1);
    QTRY_COMPARE_WITH_TIMEOUT(bob->messages(conv)->storedCount(), 2, kWaitMs);
    QCOMPARE(seqs(bob->messages(conv)), seqs(model));
}

void tst_ChatClientRecovery::unsentMessagesSurviveClientRestart()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    const quint16 port = relay.port();
    QTemporaryDir settingsDir;
    QSettings settings(settingsDir.filePath(QStringLiteral("client.ini")), QSettings::IniFormat);
    auto alice = newClient(&settings);
    auto bob = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    const ConversationId conv = openPrivate(*alice, bob->currentUser().id);

    // Written while the server is down, then the program is closed.
    relay.stop();
    QTRY_COMPARE_WITH_TIMEOUT(alice->state(), ChatClient::State::Reconnecting, kWaitMs);
    const QUuid unsent = alice->sendText(conv, QStringLiteral("written offline"));
    alice.reset();

    QVERIFY(relay.start(port));
    auto aliceAgain = newClient(&settings);
    QVERIFY(enter(*aliceAgain, relay, QStringLiteral("alice"), false));
    MessagesModel* model = aliceAgain->messages(conv);
    QTRY_COMPARE_WITH_TIMEOUT(deliveryState(model, unsent), int(DeliveryState::Sent), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(aliceAgain->pendingCount(), 0, kWaitMs);
    QCOMPARE(model->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(texts(bob->messages(conv)), QStringList{QStringLiteral("written offline")}, kWaitMs);

    // Delivered: a further restart has nothing left to send.
    aliceAgain.reset();
    auto third = newClient(&settings);
    QVERIFY(enter(*third, relay, QStringLiteral("alice"), false));
    QCOMPARE(third->pendingCount(), 0);
}

void tst_ChatClientRecovery::tlsPinningTrustOnFirstUse()
{
    TestServer first(true);
    QVERIFY(first.start());
    const quint16 port = first.port();
    QTemporaryDir settingsDir;
    QSettings settings(settingsDir.filePath(QStringLiteral("client.ini")), QSettings::IniFormat);
    auto alice = newClient(&settings);
    QVERIFY(enter(*alice, first, QStringLiteral("alice"), true));
    QCOMPARE(alice->serverFingerprint(), first.fingerprint());
    const QString firstPrint = first.fingerprint();
    QCOMPARE(alice->connection()->pinnedFingerprint(kHost, port), firstPrint);

    // Another server (another certificate) appears on the same host:port.
    first.stop();
    TestServer impostor(true);
    QVERIFY(impostor.start(port));
    QVERIFY(impostor.fingerprint() != firstPrint);
    QSignalSpy mismatch(alice.get(), &ChatClient::certificateMismatch);
    QSignalSpy loggedIn(alice.get(), &ChatClient::loggedIn);
    QVERIFY(mismatch.wait(kWaitMs));
    QCOMPARE(mismatch.first().at(0).toString(), kHost);
    QCOMPARE(mismatch.first().at(1).value<quint16>(), port);
    QCOMPARE(mismatch.first().at(2).toString(), firstPrint);
    QCOMPARE(mismatch.first().at(3).toString(), impostor.fingerprint());
    QCOMPARE(alice->state(), ChatClient::State::Offline);
    QCOMPARE(loggedIn.count(), 0);

    // The pin was persisted: a fresh client with the same settings refuses too.
    auto restarted = newClient(&settings);
    QSignalSpy mismatch2(restarted.get(), &ChatClient::certificateMismatch);
    QSignalSpy loggedIn2(restarted.get(), &ChatClient::loggedIn);
    restarted->connectToServer(kHost, port, true);
    restarted->login(QStringLiteral("alice"), kPassword);
    QVERIFY(mismatch2.wait(kWaitMs));
    QCOMPARE(loggedIn2.count(), 0);

    // Accepting the new certificate deliberately replaces the pin.
    restarted->setPinnedFingerprint(kHost, port, impostor.fingerprint().toUpper());
    QVERIFY(enter(*restarted, impostor, QStringLiteral("alice"), true));
    QCOMPARE(restarted->serverFingerprint(), impostor.fingerprint());
}

void tst_ChatClientRecovery::presenceInContacts()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    auto alice = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    auto bob = newClient();
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    const UserId bobId = bob->currentUser().id;
    ContactsModel* contacts = alice->contacts();
    QTRY_COMPARE_WITH_TIMEOUT(contacts->rowCount(), 2, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(contacts->isOnline(bobId), kWaitMs);
    QCOMPARE(contacts->index(contacts->rowOf(bobId)).data(roles::ContactDisplayName).toString(), QStringLiteral("BOB"));

    bob->disconnectFromServer();
    QTRY_VERIFY_WITH_TIMEOUT(!contacts->isOnline(bobId), kWaitMs);
    // Online first: alice (online) above bob (offline).
    QCOMPARE(contacts->index(0).data(roles::ContactUsername).toString(), QStringLiteral("alice"));
    QCOMPARE(contacts->index(1).data(roles::ContactOnline).toBool(), false);

    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), false));
    QTRY_VERIFY_WITH_TIMEOUT(contacts->isOnline(bobId), kWaitMs);
}

void tst_ChatClientRecovery::presenceUnknownWhileOffline()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    const quint16 port = relay.port();
    auto alice = newClient();
    auto bob = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    const UserId bobId = bob->currentUser().id;
    const ConversationId conv = openPrivate(*alice, bobId);
    ContactsModel* contacts = alice->contacts();
    ConversationsModel* conversations = alice->conversations();
    QAbstractItemModelTester tester(contacts, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto contactRow = [&] { return contacts->index(contacts->rowOf(bobId)); };
    const auto conversationRow = [&] { return conversations->index(conversations->rowOf(conv)); };
    QTRY_VERIFY_WITH_TIMEOUT(contacts->isOnline(bobId), kWaitMs);
    QVERIFY(contacts->presenceKnown());
    QVERIFY(contactRow().data(roles::ContactPresenceKnown).toBool());
    QVERIFY(conversationRow().data(roles::ConversationPeerOnline).toBool());
    QVERIFY(conversationRow().data(roles::ConversationPeerPresenceKnown).toBool());

    // Alice's connection is gone: Bob is not "online" to her any more, but unknown.
    relay.stop();
    QTRY_COMPARE_WITH_TIMEOUT(alice->state(), ChatClient::State::Reconnecting, kWaitMs);
    QVERIFY(!contacts->presenceKnown());
    QVERIFY(!contacts->isOnline(bobId));
    QCOMPARE(contactRow().data(roles::ContactOnline).toBool(), false);
    QCOMPARE(contactRow().data(roles::ContactPresenceKnown).toBool(), false);
    QCOMPARE(conversationRow().data(roles::ConversationPeerOnline).toBool(), false);
    QCOMPARE(conversationRow().data(roles::ConversationPeerPresenceKnown).toBool(), false);
    QCOMPARE(contacts->rowCount(), 2); // the people are still listed

    // Back online: presence is current again.
    QVERIFY(relay.start(port));
    QTRY_COMPARE_WITH_TIMEOUT(alice->state(), ChatClient::State::LoggedIn, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(contacts->presenceKnown(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(contacts->isOnline(bobId), kWaitMs);
    QVERIFY(conversationRow().data(roles::ConversationPeerPresenceKnown).toBool());
}

QTEST_GUILESS_MAIN(tst_ChatClientRecovery)
#include "tst_chatclientrecovery.moc"
