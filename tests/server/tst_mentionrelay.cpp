// @mentions and typing notices (docs/protocol.md 6.3, 6.4) through an in-process relay on 127.0.0.1 with a real
// SQLite file: three users in a group, raw frames only, as a client written from the spec would send them.
#include "protocolframes.h"
#include "rawclient.h"
#include "testserver.h"

#include <QCborArray>
#include <QTest>
#include <QUuid>

using namespace lanchat;
using namespace lanchat::test;

namespace {

// Generous: these waits end as soon as the frame is there; the bound only turns a hang into a failure.
constexpr int kWaitMs = 60000;

QCborMap sendRequest(qint64 conversation, const QString& text, const QCborArray& mentions, bool all = false)
{
    QCborMap m = typed("send");
    m.insert(QLatin1String("conversation"), conversation);
    m.insert(QLatin1String("client_msg_id"), QUuid::createUuid().toRfc4122());
    m.insert(QLatin1String("text"), text);
    if (!mentions.isEmpty())
        m.insert(QLatin1String("mentions"), mentions);
    if (all)
        m.insert(QLatin1String("mention_all"), true);
    return m;
}

QCborMap typingRequest(qint64 conversation)
{
    QCborMap m = typed("typing");
    m.insert(QLatin1String("conversation"), conversation);
    return m;
}

QList<qint64> mentionsOf(const QCborMap& message)
{
    QList<qint64> ids;
    for (const QCborValue& v : message.value(QLatin1String("mentions")).toArray())
        ids.append(v.toInteger());
    return ids;
}

qsizetype countOf(const QList<QCborMap>& pushes, const QString& type)
{
    return std::count_if(pushes.cbegin(), pushes.cend(),
                         [&type](const QCborMap& p) { return p.value(QLatin1String("t")).toString() == type; });
}

/** The newest history page of @p conversation as seen by @p client. */
QCborArray history(RawClient& client, qint64 conversation)
{
    QCborMap m = typed("history");
    m.insert(QLatin1String("conversation"), conversation);
    return client.request(m, kWaitMs).value(QLatin1String("messages")).toArray();
}

} // namespace

class tst_MentionRelay : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void nonMembersAndSelfAreDropped();
    void mentionsSurviveSyncAndRestart();
    void mentionAllOnlyFromTheOwner();
    void privateChatMentionsAreDropped();
    void malformedMentionsAreInvalid();
    void typingReachesOnlyOnlineMembers();
    void typingBeyondTheRateIsDroppedSilently();
    void typingOutsideTheConversationRevealsNothing();

private:
    std::unique_ptr<RawClient> user(const QString& username);
    /** alice owns a group with bob and carol; dave is not in it. */
    void makeGroup();

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_alice, m_bob, m_carol, m_dave;
    qint64 m_group = 0;
};

void tst_MentionRelay::init()
{
    m_server = std::make_unique<TestServer>(false);
    QVERIFY(m_server->start());
    makeGroup();
}

void tst_MentionRelay::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_carol.reset();
    m_dave.reset();
    m_server.reset();
}

std::unique_ptr<RawClient> tst_MentionRelay::user(const QString& username)
{
    auto c = std::make_unique<RawClient>();
    if (!c->connectTo(m_server->port(), false) || c->signUp(username) <= 0)
        return nullptr;
    return c;
}

void tst_MentionRelay::makeGroup()
{
    m_alice = user(QStringLiteral("alice"));
    m_bob = user(QStringLiteral("bob"));
    m_carol = user(QStringLiteral("carol"));
    m_dave = user(QStringLiteral("dave"));
    QVERIFY(m_alice && m_bob && m_carol && m_dave);
    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("Team"));
    create.insert(QLatin1String("members"), QCborArray{m_bob->userId(), m_carol->userId()});
    m_group = conversationId(m_alice->request(create, kWaitMs));
    QVERIFY(m_group > 0);
    // Everyone has seen the group's creation line: later pushes are the test's own.
    QVERIFY(!m_bob->waitPush(QStringLiteral("message"), kWaitMs).isEmpty());
    QVERIFY(!m_carol->waitPush(QStringLiteral("message"), kWaitMs).isEmpty());
    for (RawClient* c : {m_alice.get(), m_bob.get(), m_carol.get(), m_dave.get()})
        c->clearPushes();
}

void tst_MentionRelay::nonMembersAndSelfAreDropped()
{
    const QCborArray asked{m_dave->userId(), m_carol->userId(), m_alice->userId(), 999999, m_carol->userId()};
    const QCborMap ack = m_alice->request(sendRequest(m_group, QStringLiteral("@Carol @Dave look"), asked), kWaitMs);
    QCOMPARE(frameType(ack), QStringLiteral("ok"));
    const QCborMap pushed = m_bob->waitPush(QStringLiteral("message"), kWaitMs);
    QCOMPARE(mentionsOf(pushed), QList<qint64>{m_carol->userId()});
    QVERIFY(!pushed.contains(QLatin1String("mention_all")));
    QCOMPARE(mentionsOf(m_carol->waitPush(QStringLiteral("message"), kWaitMs)), QList<qint64>{m_carol->userId()});

    // A message without mentions carries neither field.
    QCOMPARE(frameType(m_alice->sendText(m_group, QStringLiteral("plain"))), QStringLiteral("ok"));
    m_bob->clearPushes();
    const QCborArray page = history(*m_bob, m_group);
    QVERIFY(page.size() >= 2);
    QVERIFY(!page.at(0).toMap().contains(QLatin1String("mentions")));
    QCOMPARE(mentionsOf(page.at(1).toMap()), QList<qint64>{m_carol->userId()});
}

void tst_MentionRelay::mentionsSurviveSyncAndRestart()
{
    // Carol is offline while she is mentioned; she reads it in her sync, and after a server restart too.
    const qint64 carolId = m_carol->userId();
    m_carol.reset();
    const QCborMap ack =
        m_bob->request(sendRequest(m_group, QStringLiteral("@Carol ping"), QCborArray{carolId}), kWaitMs);
    QCOMPARE(frameType(ack), QStringLiteral("ok"));
    const qint64 seq = ack.value(QLatin1String("seq")).toInteger();
    for (int pass = 0; pass < 2; ++pass) {
        if (pass == 1) {
            m_alice.reset();
            m_bob.reset();
            m_dave.reset();
            QVERIFY(m_server->restart());
        }
        auto carol = user(QStringLiteral("carol"));
        QVERIFY(carol);
        QCborMap sync = typed("sync");
        sync.insert(QLatin1String("since"), seq - 1);
        const QCborArray messages = carol->request(sync, kWaitMs).value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.at(0).toMap().value(QLatin1String("seq")).toInteger(), seq);
        QCOMPARE(mentionsOf(messages.at(0).toMap()), QList<qint64>{carolId});
        QCOMPARE(mentionsOf(history(*carol, m_group).at(0).toMap()), QList<qint64>{carolId});
    }
}

void tst_MentionRelay::mentionAllOnlyFromTheOwner()
{
    const QCborMap refused = m_bob->request(sendRequest(m_group, QStringLiteral("@all lunch?"), {}, true), kWaitMs);
    QCOMPARE(errorCodeOf(refused), QStringLiteral("forbidden"));
    // Nothing was stored: the owner's @all is the next message everyone gets.
    const QCborMap ok = m_alice->request(sendRequest(m_group, QStringLiteral("@all lunch!"), {}, true), kWaitMs);
    QCOMPARE(frameType(ok), QStringLiteral("ok"));
    for (RawClient* member : {m_bob.get(), m_carol.get()}) {
        const QCborMap pushed = member->waitPush(QStringLiteral("message"), kWaitMs);
        QCOMPARE(pushed.value(QLatin1String("text")).toString(), QStringLiteral("@all lunch!"));
        QCOMPARE(pushed.value(QLatin1String("mention_all")).toBool(), true);
    }
    QCOMPARE(history(*m_carol, m_group).at(0).toMap().value(QLatin1String("mention_all")).toBool(), true);
}

void tst_MentionRelay::privateChatMentionsAreDropped()
{
    QCborMap open = typed("open_private");
    open.insert(QLatin1String("user"), m_bob->userId());
    const qint64 chat = conversationId(m_alice->request(open, kWaitMs));
    QVERIFY(chat > 0);
    const QCborMap ack =
        m_alice->request(sendRequest(chat, QStringLiteral("@Bob hi"), QCborArray{m_bob->userId()}, true), kWaitMs);
    QCOMPARE(frameType(ack), QStringLiteral("ok"));
    const QCborMap pushed = m_bob->waitPush(QStringLiteral("message"), kWaitMs);
    QCOMPARE(pushed.value(QLatin1String("text")).toString(), QStringLiteral("@Bob hi"));
    QVERIFY(!pushed.contains(QLatin1String("mentions")));
    QVERIFY(!pushed.contains(QLatin1String("mention_all")));
}

void tst_MentionRelay::malformedMentionsAreInvalid()
{
    QCborMap notAnArray = sendRequest(m_group, QStringLiteral("x"), {});
    notAnArray.insert(QLatin1String("mentions"), QStringLiteral("bob"));
    QCOMPARE(errorCodeOf(m_alice->request(notAnArray, kWaitMs)), QStringLiteral("invalid_argument"));
    QCborMap negative = sendRequest(m_group, QStringLiteral("x"), QCborArray{-3});
    QCOMPARE(errorCodeOf(m_alice->request(negative, kWaitMs)), QStringLiteral("invalid_argument"));
    QCborMap notBool = sendRequest(m_group, QStringLiteral("x"), {});
    notBool.insert(QLatin1String("mention_all"), 1);
    QCOMPARE(errorCodeOf(m_alice->request(notBool, kWaitMs)), QStringLiteral("invalid_argument"));
    // The session keeps working.
    QCOMPARE(frameType(m_alice->sendText(m_group, QStringLiteral("still here"))), QStringLiteral("ok"));
}

void tst_MentionRelay::typingReachesOnlyOnlineMembers()
{
    // Carol is offline; Bob has a second device; Dave is not a member.
    m_carol.reset();
    auto bobPhone = user(QStringLiteral("bob"));
    QVERIFY(bobPhone);
    const quint64 id = m_bob->send(typingRequest(m_group));
    const QCborMap atAlice = m_alice->waitPush(QStringLiteral("typing"), kWaitMs);
    QCOMPARE(atAlice.value(QLatin1String("conversation")).toInteger(), m_group);
    QCOMPARE(atAlice.value(QLatin1String("user")).toInteger(), m_bob->userId());
    QVERIFY(!atAlice.contains(QLatin1String("id")));
    QCOMPARE(bobPhone->waitPush(QStringLiteral("typing"), kWaitMs).value(QLatin1String("user")).toInteger(),
             m_bob->userId());
    // A message after the notice orders the check: whatever the notice caused has arrived before it.
    QCOMPARE(frameType(m_bob->sendText(m_group, QStringLiteral("done"))), QStringLiteral("ok"));
    QVERIFY(!m_alice->waitPush(QStringLiteral("message"), kWaitMs).isEmpty());
    QCOMPARE(countOf(m_bob->pushes(), QStringLiteral("typing")), 0);
    QVERIFY(!m_bob->takeReplies().contains(id)); // no reply, not even an error
    QCOMPARE(countOf(m_dave->pushes(), QStringLiteral("typing")), 0);

    // Carol comes back: nothing of it was kept for her.
    auto carol = user(QStringLiteral("carol"));
    QVERIFY(carol);
    QCOMPARE(frameType(carol->request(typed("ping"), kWaitMs)), QStringLiteral("ok"));
    QCOMPARE(countOf(carol->pushes(), QStringLiteral("typing")), 0);
}

void tst_MentionRelay::typingBeyondTheRateIsDroppedSilently()
{
    // Three notices back to back: one is relayed, the others fall within the 2 s and are dropped.
    const quint64 first = m_bob->send(typingRequest(m_group));
    const quint64 second = m_bob->send(typingRequest(m_group));
    const quint64 third = m_bob->send(typingRequest(m_group));
    QCOMPARE(frameType(m_bob->request(typed("ping"), kWaitMs)), QStringLiteral("ok"));
    QCOMPARE(frameType(m_bob->sendText(m_group, QStringLiteral("typed it"))), QStringLiteral("ok"));
    QVERIFY(!m_alice->waitPush(QStringLiteral("message"), kWaitMs).isEmpty());
    QCOMPARE(countOf(m_alice->pushes(), QStringLiteral("typing")), 1);
    const auto replies = m_bob->takeReplies();
    for (quint64 id : {first, second, third})
        QVERIFY2(!replies.contains(id), "typing must never be answered");
    // Another conversation has its own allowance.
    QCborMap open = typed("open_private");
    open.insert(QLatin1String("user"), m_alice->userId());
    const qint64 chat = conversationId(m_bob->request(open, kWaitMs));
    QVERIFY(chat > 0);
    m_alice->clearPushes();
    m_bob->send(typingRequest(chat));
    QCOMPARE(m_alice->waitPush(QStringLiteral("typing"), kWaitMs).value(QLatin1String("conversation")).toInteger(),
             chat);
}

void tst_MentionRelay::typingOutsideTheConversationRevealsNothing()
{
    const quint64 member = m_dave->send(typingRequest(m_group));
    const quint64 missing = m_dave->send(typingRequest(m_group + 1000));
    QCborMap bad = typed("typing");
    bad.insert(QLatin1String("conversation"), QStringLiteral("seven"));
    const quint64 malformed = m_dave->send(bad);
    QCOMPARE(frameType(m_dave->request(typed("ping"), kWaitMs)), QStringLiteral("ok"));
    const auto replies = m_dave->takeReplies();
    for (quint64 id : {member, missing, malformed})
        QVERIFY(!replies.contains(id));
    QCOMPARE(frameType(m_alice->sendText(m_group, QStringLiteral("after"))), QStringLiteral("ok"));
    QVERIFY(!m_bob->waitPush(QStringLiteral("message"), kWaitMs).isEmpty());
    QCOMPARE(countOf(m_bob->pushes(), QStringLiteral("typing")), 0);
    QCOMPARE(countOf(m_alice->pushes(), QStringLiteral("typing")), 0);
}

QTEST_GUILESS_MAIN(tst_MentionRelay)
#include "tst_mentionrelay.moc"
