// End-to-end tests of ChatClient against the real relay in-process (127.0.0.1, port 0, SQLite in a
// QTemporaryDir). No sleeps: everything waits with QTRY_* or QSignalSpy::wait.

#include "chatclient.h"
#include "clientconnection.h"
#include "clientsteps.h"
#include "contactsmodel.h"
#include "conversationsmodel.h"
#include "messagesmodel.h"
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
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 10000;

QList<Seq> seqs(const MessagesModel* model)
{
    QList<Seq> out;
    for (int i = 0; i < model->rowCount(); ++i)
        out.append(model->index(i).data(roles::MessageSeq).toLongLong());
    return out;
}

/** The texts of the users' messages, oldest first; the server's system lines of group changes left out. */
QStringList texts(const MessagesModel* model)
{
    QStringList out;
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->index(i).data(roles::MessageKind).toInt() != int(MessageKind::System))
            out.append(model->index(i).data(roles::MessageText).toString());
    }
    return out;
}

int deliveryState(const MessagesModel* model, const QUuid& id)
{
    const int row = model->rowOfClientId(id);
    return row < 0 ? -1 : model->index(row).data(roles::MessageDeliveryState).toInt();
}

ErrorCode deliveryError(const MessagesModel* model, const QUuid& id)
{
    const int row = model->rowOfClientId(id);
    return row < 0 ? ErrorCode::Unknown : ErrorCode(model->index(row).data(roles::MessageDeliveryError).toInt());
}

/** Copies of the message @p id in the server's history of @p conversation. */
int storedCopies(const TestServer& relay, ConversationId conversation, const QUuid& id)
{
    int n = 0;
    for (const MessageRecord& m : relay.server().storage().history(conversation, 0, 1000))
        n += m.clientMsgId == id ? 1 : 0;
    return n;
}

} // namespace

class tst_ChatClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registerLoginAndFailures();
    void loginFromStateChangedIsSentOnce();
    void privateChat();
    void groupChatToThree();
    void unreadCountsAndMarkRead();
    void offlineDeliveryInSeqOrder();
    void unreadSurvivesClientRestart();
    void syncOfThousandsIsPagedAndTimed();
    void twoSessionsOfOneUser();
    void largeMessagesSyncAcrossBigPages();
    void historyPagingAfterRestartOfClient();
    void resendAfterServerRestart();
    void unsentMessagesSurviveClientRestart();
    void tlsPinningTrustOnFirstUse();
    void presenceInContacts();
    void presenceUnknownWhileOffline();
    void groupManagementAndForbiddenSend();
    void refusedMessageIsNotResentUntilRetry();
    void transientRefusalIsResentByItself();
    void removedMemberKeepsAReadOnlyChat();
    void changePasswordAndLogout();
    void sessionRevokedStopsReconnecting();
    void refusedReloginEndsTheSession();
};

void tst_ChatClient::registerLoginAndFailures()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    auto alice = newClient();
    QSignalSpy loggedIn(alice.get(), &ChatClient::loggedIn);
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QCOMPARE(loggedIn.count(), 1);
    QCOMPARE(alice->state(), ChatClient::State::LoggedIn);
    QCOMPARE(alice->currentUser().username, QStringLiteral("alice"));
    QVERIFY(alice->currentUser().id.isValid());

    // The same account logs in from another client.
    auto again = newClient();
    QVERIFY(enter(*again, relay, QStringLiteral("alice"), false));
    QCOMPARE(again->currentUser().id, alice->currentUser().id);

    // Name taken and wrong password come back as codes, and the client stays connected.
    auto taken = newClient();
    QSignalSpy takenFailed(taken.get(), &ChatClient::loginFailed);
    taken->connectToServer(kHost, relay.port(), false);
    taken->registerAccount(QStringLiteral("ALICE"), kPassword, QStringLiteral("Other"));
    QVERIFY(takenFailed.wait(kWaitMs));
    QCOMPARE(takenFailed.first().first().value<ErrorCode>(), ErrorCode::UsernameTaken);
    QCOMPARE(taken->state(), ChatClient::State::Connected);

    QSignalSpy badFailed(taken.get(), &ChatClient::loginFailed);
    taken->login(QStringLiteral("alice"), QStringLiteral("wrong password"));
    QVERIFY(badFailed.wait(kWaitMs));
    QCOMPARE(badFailed.first().first().value<ErrorCode>(), ErrorCode::BadCredentials);
}

void tst_ChatClient::loginFromStateChangedIsSentOnce()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    auto alice = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));

    // The desktop app logs in when the state becomes Connected, before the connection's `ready`.
    auto client = newClient();
    connect(client.get(), &ChatClient::stateChanged, client.get(), [&client](ChatClient::State state) {
        if (state == ChatClient::State::Connected)
            client->login(QStringLiteral("alice"), kPassword);
    });
    QSignalSpy loggedIn(client.get(), &ChatClient::loggedIn);
    QSignalSpy synced(client.get(), &ChatClient::synced);
    client->connectToServer(kHost, relay.port(), false);
    QVERIFY(synced.wait(kWaitMs));
    QCOMPARE(loggedIn.count(), 1);
}

void tst_ChatClient::privateChat()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    auto alice = newClient();
    auto bob = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));

    const ConversationId conv = openPrivate(*alice, bob->currentUser().id);
    QVERIFY(conv.isValid());
    QSignalSpy received(bob.get(), &ChatClient::messageReceived);
    MessagesModel* aliceModel = alice->messages(conv);
    QAbstractItemModelTester aliceTester(aliceModel, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester listTester(bob->conversations(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QUuid hello = alice->sendText(conv, QStringLiteral("你好, Bob"));
    QCOMPARE(aliceModel->rowCount(), 1); // shown at once, pending
    QTRY_COMPARE_WITH_TIMEOUT(deliveryState(aliceModel, hello), int(DeliveryState::Sent), kWaitMs);
    QVERIFY(aliceModel->index(0).data(roles::MessageSeq).toLongLong() > 0);
    QVERIFY(aliceModel->index(0).data(roles::MessageIsOwn).toBool());

    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, kWaitMs);
    MessagesModel* bobModel = bob->messages(conv);
    QTRY_COMPARE_WITH_TIMEOUT(texts(bobModel), QStringList{QStringLiteral("你好, Bob")}, kWaitMs);
    QCOMPARE(bobModel->index(0).data(roles::MessageSenderName).toString(), QStringLiteral("ALICE"));
    QVERIFY(!bobModel->index(0).data(roles::MessageIsOwn).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(bob->conversations()->rowCount(), 1, kWaitMs);
    const QModelIndex row = bob->conversations()->index(0);
    QCOMPARE(row.data(roles::ConversationTitle).toString(), QStringLiteral("ALICE"));
    QCOMPARE(row.data(roles::ConversationLastText).toString(), QStringLiteral("你好, Bob"));

    // And back.
    const QUuid reply = bob->sendText(conv, QStringLiteral("hi alice"));
    QTRY_COMPARE_WITH_TIMEOUT(deliveryState(bobModel, reply), int(DeliveryState::Sent), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(texts(aliceModel), (QStringList{QStringLiteral("你好, Bob"), QStringLiteral("hi alice")}),
                              kWaitMs);
    QCOMPARE(seqs(aliceModel), seqs(bobModel));
}

void tst_ChatClient::groupChatToThree()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    auto alice = newClient();
    auto bob = newClient();
    auto carol = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    QVERIFY(enter(*carol, relay, QStringLiteral("carol"), true));

    QSignalSpy opened(alice.get(), &ChatClient::conversationOpened);
    alice->createGroup(QStringLiteral("项目组"), {bob->currentUser().id, carol->currentUser().id});
    QVERIFY(opened.wait(kWaitMs));
    const ConversationId group = opened.first().first().value<ConversationId>();
    QTRY_COMPARE_WITH_TIMEOUT(bob->conversations()->rowCount(), 1, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(carol->conversations()->rowCount(), 1, kWaitMs);
    QCOMPARE(bob->conversations()->index(0).data(roles::ConversationTitle).toString(), QStringLiteral("项目组"));
    QVERIFY(bob->conversations()->index(0).data(roles::ConversationIsGroup).toBool());

    alice->sendText(group, QStringLiteral("from alice"));
    bob->sendText(group, QStringLiteral("from bob"));
    carol->sendText(group, QStringLiteral("from carol"));
    for (ChatClient* c : {alice.get(), bob.get(), carol.get()})
        QTRY_COMPARE_WITH_TIMEOUT(c->messages(group)->storedCount(), 4, kWaitMs); // and "alice created the group"
    // Every member sees the same seq order.
    QCOMPARE(seqs(alice->messages(group)), seqs(bob->messages(group)));
    QCOMPARE(seqs(alice->messages(group)), seqs(carol->messages(group)));
    QCOMPARE(texts(alice->messages(group)).size(), 3);
}

void tst_ChatClient::unreadCountsAndMarkRead()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    auto alice = newClient();
    auto bob = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    const ConversationId conv = openPrivate(*alice, bob->currentUser().id);
    QVERIFY(conv.isValid());
    for (int i = 0; i < 3; ++i)
        alice->sendText(conv, QStringLiteral("m%1").arg(i));
    QTRY_COMPARE_WITH_TIMEOUT(bob->conversations()->unread(conv), 3, kWaitMs);
    QCOMPARE(bob->conversations()->totalUnread(), 3);
    QCOMPARE(alice->conversations()->unread(conv), 0); // own messages are never unread
    QCOMPARE(bob->conversations()->index(0).data(roles::ConversationUnread).toInt(), 3);

    QSignalSpy total(bob->conversations(), &ConversationsModel::totalUnreadChanged);
    bob->markRead(conv);
    QCOMPARE(bob->conversations()->unread(conv), 0);
    QCOMPARE(total.count(), 1);
    // Alice gets the read receipt: each of her messages is read by one other member.
    MessagesModel* aliceModel = alice->messages(conv);
    QTRY_COMPARE_WITH_TIMEOUT(aliceModel->index(2).data(roles::MessageReadCount).toInt(), 1, kWaitMs);

    // The read position is stored on the server: a new session of bob starts with nothing unread.
    auto bob2 = newClient();
    QVERIFY(enter(*bob2, relay, QStringLiteral("bob"), false));
    QTRY_COMPARE_WITH_TIMEOUT(bob2->conversations()->rowCount(), 1, kWaitMs);
    QCOMPARE(bob2->conversations()->unread(conv), 0);
    alice->sendText(conv, QStringLiteral("one more"));
    QTRY_COMPARE_WITH_TIMEOUT(bob2->conversations()->unread(conv), 1, kWaitMs);
}

void tst_ChatClient::offlineDeliveryInSeqOrder()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    auto alice = newClient();
    auto bob = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    const ConversationId conv = openPrivate(*alice, bob->currentUser().id);
    bob->disconnectFromServer();
    QCOMPARE(bob->state(), ChatClient::State::Offline);

    QStringList sent;
    for (int i = 0; i < 20; ++i) {
        sent.append(QStringLiteral("offline %1").arg(i));
        alice->sendText(conv, sent.last());
    }
    QTRY_COMPARE_WITH_TIMEOUT(alice->pendingCount(), 0, kWaitMs);

    auto bobAgain = newClient();
    QSignalSpy received(bobAgain.get(), &ChatClient::messageReceived);
    QVERIFY(enter(*bobAgain, relay, QStringLiteral("bob"), false));
    MessagesModel* model = bobAgain->messages(conv);
    QCOMPARE(texts(model), sent);
    QList<Seq> order = seqs(model);
    QVERIFY(std::is_sorted(order.begin(), order.end()));
    QCOMPARE(order, seqs(alice->messages(conv)));
    QCOMPARE(received.count(), 20);
    QCOMPARE(bobAgain->conversations()->unread(conv), 20);
}

void tst_ChatClient::syncOfThousandsIsPagedAndTimed()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    auto alice = newClient();
    auto bob = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    const ConversationId conv = openPrivate(*alice, bob->currentUser().id);
    bob->disconnectFromServer();
    constexpr int kCount = 2000;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kCount; ++i)
        alice->sendText(conv, QStringLiteral("burst %1").arg(i));
    QTRY_COMPARE_WITH_TIMEOUT(alice->pendingCount(), 0, 60000);
    const qint64 sendMs = timer.restart();
    auto bobAgain = newClient();
    QVERIFY(enter(*bobAgain, relay, QStringLiteral("bob"), false));
    const qint64 syncMs = timer.elapsed();
    qInfo("%d messages: sent and acked in %lld ms, synced by a fresh client (login included) in %lld ms", kCount,
          sendMs, syncMs);
    MessagesModel* model = bobAgain->messages(conv);
    QCOMPARE(model->storedCount(), kCount);
    QCOMPARE(model->index(kCount - 1).data(roles::MessageText).toString(), QStringLiteral("burst 1999"));
    const QList<Seq> order = seqs(model);
    QVERIFY(std::is_sorted(order.begin(), order.end()));
    QCOMPARE(bobAgain->conversations()->unread(conv), kCount);
}

void tst_ChatClient::unreadSurvivesClientRestart()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    QTemporaryDir settingsDir;
    QSettings settings(settingsDir.filePath(QStringLiteral("client.ini")), QSettings::IniFormat);
    auto alice = newClient();
    auto bob = newClient(&settings);
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    const ConversationId conv = openPrivate(*alice, bob->currentUser().id);
    QSignalSpy opened(alice.get(), &ChatClient::conversationOpened);
    alice->createGroup(QStringLiteral("read group"), {bob->currentUser().id});
    QVERIFY(opened.wait(kWaitMs));
    const ConversationId group = opened.first().first().value<ConversationId>();
    alice->sendText(group, QStringLiteral("group hello"));
    QTRY_COMPARE_WITH_TIMEOUT(bob->conversations()->unread(group), 1, kWaitMs);
    bob->markRead(group);
    alice->sendText(conv, QStringLiteral("read"));
    QTRY_COMPARE_WITH_TIMEOUT(bob->conversations()->unread(conv), 1, kWaitMs);
    bob->markRead(conv);
    for (int i = 0; i < 3; ++i)
        alice->sendText(conv, QStringLiteral("unread %1").arg(i));
    QTRY_COMPARE_WITH_TIMEOUT(bob->conversations()->unread(conv), 3, kWaitMs);
    bob.reset();

    // Restarted, bob's sync starts after those messages; the unread count must still be 3.
    auto bobAgain = newClient(&settings);
    QVERIFY(enter(*bobAgain, relay, QStringLiteral("bob"), false));
    QTRY_COMPARE_WITH_TIMEOUT(bobAgain->conversations()->unread(conv), 3, kWaitMs);
    QCOMPARE(bobAgain->conversations()->index(0).data(roles::ConversationLastText).toString(),
             QStringLiteral("unread 2"));
    // A conversation read before the restart still shows its preview and time, with nothing unread.
    QTRY_COMPARE_WITH_TIMEOUT(bobAgain->conversations()->index(1).data(roles::ConversationLastText).toString(),
                              QStringLiteral("group hello"), kWaitMs);
    QVERIFY(bobAgain->conversations()->index(1).data(roles::ConversationLastActivity).toDateTime().isValid());
    QCOMPARE(bobAgain->conversations()->unread(group), 0);
}

void tst_ChatClient::twoSessionsOfOneUser()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    auto alice = newClient();
    auto bobDesk = newClient();
    auto bobLaptop = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bobDesk, relay, QStringLiteral("bob"), true));
    QVERIFY(enter(*bobLaptop, relay, QStringLiteral("bob"), false));
    const ConversationId conv = openPrivate(*alice, bobDesk->currentUser().id);

    alice->sendText(conv, QStringLiteral("to both"));
    QTRY_COMPARE_WITH_TIMEOUT(texts(bobDesk->messages(conv)), QStringList{QStringLiteral("to both")}, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(texts(bobLaptop->messages(conv)), QStringList{QStringLiteral("to both")}, kWaitMs);

    // What bob sends from one device shows on the other as his own, not as unread.
    bobDesk->sendText(conv, QStringLiteral("from the desk"));
    MessagesModel* laptop = bobLaptop->messages(conv);
    QTRY_COMPARE_WITH_TIMEOUT(laptop->storedCount(), 2, kWaitMs);
    QVERIFY(laptop->index(1).data(roles::MessageIsOwn).toBool());
    QCOMPARE(bobLaptop->conversations()->unread(conv), 1);
    QCOMPARE(bobDesk->messages(conv)->rowCount(), 2);
}

void tst_ChatClient::largeMessagesSyncAcrossBigPages()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    auto alice = newClient();
    auto bob = newClient();
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    const ConversationId conv = openPrivate(*alice, bob->currentUser().id);
    bob->disconnectFromServer();
    // 30 messages of 64 KiB: one sync page is ~2 MiB, more than the 1 MiB the server accepts per frame.
    constexpr int kCount = 30;
    for (int i = 0; i < kCount; ++i)
        alice->sendText(conv, QString(64 * 1024, QLatin1Char('a' + i % 26)));
    QTRY_COMPARE_WITH_TIMEOUT(alice->pendingCount(), 0, kWaitMs);
    QCOMPARE(alice->messages(conv)->storedCount(), kCount);
    auto bobAgain = newClient();
    QVERIFY(enter(*bobAgain, relay, QStringLiteral("bob"), false));
    QCOMPARE(bobAgain->messages(conv)->storedCount(), kCount);
    QCOMPARE(bobAgain->messages(conv)->index(kCount - 1).data(roles::MessageText).toString().size(), 64 * 1024);
}

void tst_ChatClient::historyPagingAfterRestartOfClient()
{
    TestServer relay(false);
    QVERIFY(relay.start());
    QTemporaryDir settingsDir;
    QSettings settings(settingsDir.filePath(QStringLiteral("client.ini")), QSettings::IniFormat);
    auto alice = newClient();
    auto bob = newClient(&settings);
    QVERIFY(enter(*alice, relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*bob, relay, QStringLiteral("bob"), true));
    const ConversationId conv = openPrivate(*alice, bob->currentUser().id);
    constexpr int kCount = 120;
    for (int i = 0; i < kCount; ++i)
        alice->sendText(conv, QStringLiteral("h%1").arg(i));
    QTRY_COMPARE_WITH_TIMEOUT(bob->messages(conv)->storedCount(), kCount, kWaitMs);
    bob.reset();

    // A restarted client remembers the last seq: its sync brings nothing, history comes by paging.
    auto bobAgain = newClient(&settings);
    QVERIFY(enter(*bobAgain, relay, QStringLiteral("bob"), false));
    MessagesModel* model = bobAgain->messages(conv); // opening the model loads the newest page
    QTRY_COMPARE_WITH_TIMEOUT(model->storedCount(), 50, kWaitMs);
    QCOMPARE(model->index(49).data(roles::MessageText).toString(), QStringLiteral("h119"));
    QVERIFY(!model->atStart());

    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    bobAgain->loadOlder(conv);
    QTRY_COMPARE_WITH_TIMEOUT(model->storedCount(), 100, kWaitMs);
    QCOMPARE(inserted.count(), 1); // one page, one insertion at the top
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 49);
    bobAgain->loadOlder(conv);
    QTRY_VERIFY_WITH_TIMEOUT(model->atStart(), kWaitMs);
    QCOMPARE(model->storedCount(), kCount);
    QStringList expected;
    for (int i = 0; i < kCount; ++i)
        expected.append(QStringLiteral("h%1").arg(i));
    QCOMPARE(texts(model), expected);
}

void tst_ChatClient::resendAfterServerRestart()
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

void tst_ChatClient::unsentMessagesSurviveClientRestart()
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

void tst_ChatClient::tlsPinningTrustOnFirstUse()
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

void tst_ChatClient::presenceInContacts()
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

void tst_ChatClient::presenceUnknownWhileOffline()
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

void tst_ChatClient::groupManagementAndForbiddenSend()
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

void tst_ChatClient::refusedMessageIsNotResentUntilRetry()
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

void tst_ChatClient::transientRefusalIsResentByItself()
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

void tst_ChatClient::removedMemberKeepsAReadOnlyChat()
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

void tst_ChatClient::changePasswordAndLogout()
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

void tst_ChatClient::sessionRevokedStopsReconnecting()
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

void tst_ChatClient::refusedReloginEndsTheSession()
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

QTEST_GUILESS_MAIN(tst_ChatClient)
#include "tst_chatclient.moc"
