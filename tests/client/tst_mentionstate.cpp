// The client side of @mentions and typing (docs/protocol.md 6.3, 6.4): ChatClient against an in-process relay over
// loopback with a real SQLite file. A conversation is "mentioned" while an unread message mentions the user, on
// every device, after an offline user syncs and after a restart of the client or the server; typing indicators
// appear, end with the typist's message and expire.
#include "chatclient.h"
#include "clientsteps.h"
#include "contactsmodel.h"
#include "conversationsmodel.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "relayserver.h"
#include "storage.h"
#include "testserver.h"
#include "typingtracker.h"

#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 30000;

bool mentioned(const ChatClient& client, ConversationId conversation)
{
    return client.conversations()->isMentioned(conversation);
}

bool mentionedRole(const ChatClient& client, ConversationId conversation)
{
    const int row = client.conversations()->rowOf(conversation);
    return row >= 0 && client.conversations()->index(row).data(roles::ConversationMentioned).toBool();
}

} // namespace

class tst_MentionState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void mentionedUntilReadOnEveryDevice();
    void mentionAllMarksEveryMemberButTheSender();
    void offlineUserSyncsTheMention();
    void mentionSurvivesClientAndServerRestart();
    void sentMentionsReachTheServer();
    void typingShowsAndEndsWithTheMessage();
    void typingExpires();

private:
    /** alice owns a group with bob and carol. */
    ConversationId makeGroup();

    std::unique_ptr<TestServer> m_relay;
    std::unique_ptr<ChatClient> m_alice, m_bob, m_carol;
};

void tst_MentionState::init()
{
    m_relay = std::make_unique<TestServer>(false);
    QVERIFY(m_relay->start());
    m_alice = newClient();
    m_bob = newClient();
    m_carol = newClient();
    QVERIFY(enter(*m_alice, *m_relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*m_bob, *m_relay, QStringLiteral("bob"), true));
    QVERIFY(enter(*m_carol, *m_relay, QStringLiteral("carol"), true));
}

void tst_MentionState::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_carol.reset();
    m_relay.reset();
}

ConversationId tst_MentionState::makeGroup()
{
    QSignalSpy opened(m_alice.get(), &ChatClient::conversationOpened);
    m_alice->createGroup(QStringLiteral("Team"), {m_bob->currentUser().id, m_carol->currentUser().id});
    if (!opened.wait(kWaitMs))
        return {};
    const auto group = opened.first().first().value<ConversationId>();
    for (ChatClient* c : {m_bob.get(), m_carol.get()}) {
        if (!QTest::qWaitFor([&] { return c->conversations()->rowOf(group) >= 0; }, kWaitMs))
            return {};
    }
    return group;
}

void tst_MentionState::mentionedUntilReadOnEveryDevice()
{
    const ConversationId group = makeGroup();
    QVERIFY(group.isValid());
    auto bobPhone = newClient();
    QVERIFY(enter(*bobPhone, *m_relay, QStringLiteral("bob"), false));

    m_alice->sendText(group, QStringLiteral("plain"));
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->conversations()->unread(group), 1, kWaitMs);
    QVERIFY(!mentioned(*m_bob, group));

    m_alice->sendText(group, QStringLiteral("@BOB look"), Mentions{{m_bob->currentUser().id}, false});
    QTRY_VERIFY_WITH_TIMEOUT(mentioned(*m_bob, group), kWaitMs);
    QVERIFY(mentionedRole(*m_bob, group));
    QTRY_VERIFY_WITH_TIMEOUT(mentioned(*bobPhone, group), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_carol->conversations()->unread(group), 2, kWaitMs);
    QVERIFY(!mentioned(*m_carol, group)); // not her
    QVERIFY(!mentioned(*m_alice, group)); // her own message

    // The message row says so too (the bubble highlights it).
    MessagesModel* messages = m_bob->messages(group);
    const QModelIndex newest = messages->index(messages->storedCount() - 1);
    QVERIFY(newest.data(roles::MessageMentionsMe).toBool());
    QCOMPARE(newest.data(roles::MessageMentionNames).toStringList(), QStringList{QStringLiteral("BOB")});
    QCOMPARE(newest.data(roles::MessageMentionOwnName).toString(), QStringLiteral("BOB"));

    // Read on the laptop: the mark goes there and, through the read receipt, on the phone.
    m_bob->markRead(group);
    QVERIFY(!mentioned(*m_bob, group));
    QTRY_VERIFY_WITH_TIMEOUT(!mentioned(*bobPhone, group), kWaitMs);
}

void tst_MentionState::mentionAllMarksEveryMemberButTheSender()
{
    const ConversationId group = makeGroup();
    QVERIFY(group.isValid());
    m_alice->sendText(group, QStringLiteral("@all meeting"), Mentions{{}, true});
    QTRY_VERIFY_WITH_TIMEOUT(mentioned(*m_bob, group), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(mentioned(*m_carol, group), kWaitMs);
    QVERIFY(!mentioned(*m_alice, group));

    // Bob is no owner: his @all is refused for good and marks nobody.
    QSignalSpy failed(m_bob.get(), &ChatClient::requestFailed);
    const QUuid id = m_bob->sendText(group, QStringLiteral("@all me too"), Mentions{{}, true});
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.first().at(1).value<ErrorCode>(), ErrorCode::Forbidden);
    MessagesModel* own = m_bob->messages(group);
    QCOMPARE(DeliveryState(own->index(own->rowOfClientId(id)).data(roles::MessageDeliveryState).toInt()),
             DeliveryState::Failed);
    m_carol->markRead(group);
    QVERIFY(!mentioned(*m_carol, group));
}

void tst_MentionState::offlineUserSyncsTheMention()
{
    const ConversationId group = makeGroup();
    QVERIFY(group.isValid());
    m_carol->disconnectFromServer();
    m_alice->sendText(group, QStringLiteral("@CAROL when you are back"), Mentions{{m_carol->currentUser().id}, false});
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->conversations()->unread(group), 1, kWaitMs);
    QVERIFY(!mentioned(*m_bob, group));
    QSignalSpy synced(m_carol.get(), &ChatClient::synced);
    m_carol->reconnect();
    QVERIFY(synced.wait(kWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(mentioned(*m_carol, group), kWaitMs);
}

void tst_MentionState::mentionSurvivesClientAndServerRestart()
{
    const ConversationId group = makeGroup();
    QVERIFY(group.isValid());
    QTemporaryDir settingsDir;
    QSettings settings(settingsDir.filePath(QStringLiteral("client.ini")), QSettings::IniFormat);
    m_carol.reset();
    auto carol = newClient(&settings);
    QVERIFY(enter(*carol, *m_relay, QStringLiteral("carol"), false));
    m_alice->sendText(group, QStringLiteral("@CAROL please review"), Mentions{{carol->currentUser().id}, false});
    QTRY_VERIFY_WITH_TIMEOUT(mentioned(*carol, group), kWaitMs);
    // Later messages do not hide it: it stays until read.
    m_bob->sendText(group, QStringLiteral("me too"));
    QTRY_COMPARE_WITH_TIMEOUT(carol->conversations()->unread(group), 2, kWaitMs);
    QVERIFY(mentioned(*carol, group));
    carol.reset();
    m_alice.reset();
    m_bob.reset();
    QVERIFY(m_relay->restart());

    // The restarted client syncs only what is newer than it saw: the mark comes from the unread range it reloads.
    auto carolAgain = newClient(&settings);
    QVERIFY(enter(*carolAgain, *m_relay, QStringLiteral("carol"), false));
    QTRY_COMPARE_WITH_TIMEOUT(carolAgain->conversations()->unread(group), 2, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(mentioned(*carolAgain, group), kWaitMs);
    carolAgain->markRead(group);
    QVERIFY(!mentioned(*carolAgain, group));
}

void tst_MentionState::sentMentionsReachTheServer()
{
    const ConversationId group = makeGroup();
    QVERIFY(group.isValid());
    const UserId bob = m_bob->currentUser().id;
    const UserId stranger(987654);
    m_alice->sendText(group, QStringLiteral("@BOB hi"), Mentions{{bob, stranger}, false});
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->pendingCount(), 0, kWaitMs);
    const QList<MessageRecord> stored = m_relay->server().storage().history(group, 0, 1);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().mentions.users, QList<UserId>{bob});
    QVERIFY(!stored.first().mentions.all);
}

void tst_MentionState::typingShowsAndEndsWithTheMessage()
{
    const ConversationId group = makeGroup();
    QVERIFY(group.isValid());
    QSignalSpy changed(m_alice->typing(), &TypingTracker::typingChanged);
    m_bob->noteTyping(group);
    m_bob->noteTyping(group); // within 3 s: not sent again
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->typing()->typingUsers(group), QList<UserId>{m_bob->currentUser().id}, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_carol->typing()->typingUsers(group), QList<UserId>{m_bob->currentUser().id}, kWaitMs);
    QVERIFY(m_bob->typing()->typingUsers(group).isEmpty()); // not shown to oneself
    m_carol->noteTyping(group);
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->typing()->typingUsers(group).size(), 2, kWaitMs);
    QCOMPARE(m_alice->typing()->typingUsers(group).first(), m_bob->currentUser().id); // in the order they started

    m_bob->sendText(group, QStringLiteral("here it is"));
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->typing()->typingUsers(group), QList<UserId>{m_carol->currentUser().id}, kWaitMs);
    QVERIFY(changed.size() >= 3);
}

void tst_MentionState::typingExpires()
{
    const ConversationId group = makeGroup();
    QVERIFY(group.isValid());
    m_alice->typing()->setExpiryMs(300);
    QList<int> shown; // how many typists each change left
    const auto watch = connect(m_alice->typing(), &TypingTracker::typingChanged, this,
                               [&](ConversationId c) { shown.append(int(m_alice->typing()->typingUsers(c).size())); });
    const auto unwatch = qScopeGuard([&] { disconnect(watch); }); // the lambda holds locals
    m_bob->noteTyping(group);
    // No message follows: the notice runs out by itself (QTimer), and says so.
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 2, kWaitMs);
    QCOMPARE(shown, (QList<int>{1, 0}));
    QVERIFY(m_alice->typing()->typingUsers(group).isEmpty());
}

QTEST_GUILESS_MAIN(tst_MentionState)
#include "tst_mentionstate.moc"
