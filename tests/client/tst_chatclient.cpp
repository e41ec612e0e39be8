// End-to-end tests of ChatClient against the real relay in-process (127.0.0.1, port 0, SQLite in a
// QTemporaryDir): sign-up and login, private and group chat, unread counts, offline delivery and sync, history
// paging. No sleeps: everything waits with QTRY_* or QSignalSpy::wait.

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
    void syncOfThousandsIsPagedAndTimed();
    void unreadSurvivesClientRestart();
    void twoSessionsOfOneUser();
    void largeMessagesSyncAcrossBigPages();
    void historyPagingAfterRestartOfClient();
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

QTEST_GUILESS_MAIN(tst_ChatClient)
#include "tst_chatclient.moc"
