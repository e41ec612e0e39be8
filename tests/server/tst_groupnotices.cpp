// System lines of group changes: every change of a group leaves a `kind: "system"` message with its event
// (docs/protocol.md 8.3), delivered to the members after the `conversation` push and stored (history).
#include "protocolframes.h"
#include "rawclient.h"
#include "testserver.h"

#include <QCborArray>
#include <QTest>

using namespace lanchat;
using namespace lanchat::test;

namespace {

// Generous: these waits end as soon as the frame is there; the bound only turns a hang into a failure.
constexpr int kWaitMs = 60000;

QCborMap change(const char* type, qint64 group, qint64 user = 0)
{
    QCborMap m = typed(type);
    m.insert(QLatin1String("conversation"), group);
    if (user > 0)
        m.insert(QLatin1String("user"), user);
    return m;
}

QCborMap eventOf(const QCborMap& message)
{
    return message.value(QLatin1String("event")).toMap();
}

QString eventType(const QCborMap& message)
{
    return eventOf(message).value(QLatin1String("type")).toString();
}

/** Index of the first push of @p type in @p pushes, -1 when none. */
qsizetype indexOf(const QList<QCborMap>& pushes, const QString& type)
{
    for (qsizetype i = 0; i < pushes.size(); ++i) {
        if (pushes.at(i).value(QLatin1String("t")).toString() == type)
            return i;
    }
    return -1;
}

} // namespace

class tst_GroupNotices : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void everyChangeLeavesASystemLine();
    void addingAMemberAgainLeavesNoLine();

private:
    std::unique_ptr<RawClient> client(const QString& username, const QString& displayName);
    qint64 idOf(const std::unique_ptr<RawClient>& c) const { return m_ids.value(c.get()); }

    std::unique_ptr<TestServer> m_server;
    QHash<const RawClient*, qint64> m_ids;
};

void tst_GroupNotices::init()
{
    m_server = std::make_unique<TestServer>(false);
    QVERIFY(m_server->start());
}

void tst_GroupNotices::cleanup()
{
    m_server.reset();
    m_ids.clear();
}

std::unique_ptr<RawClient> tst_GroupNotices::client(const QString& username, const QString& displayName)
{
    auto c = std::make_unique<RawClient>();
    if (!c->connectTo(m_server->port(), false) || c->hello().isEmpty())
        return nullptr;
    const QCborMap reply = c->registerUser(username, QStringLiteral("password123"), displayName);
    if (reply.value(QLatin1String("t")).toString() != QLatin1String("ok"))
        return nullptr;
    m_ids.insert(c.get(), reply.value(QLatin1String("user")).toMap().value(QLatin1String("id")).toInteger());
    return c;
}

void tst_GroupNotices::everyChangeLeavesASystemLine()
{
    auto a = client(QStringLiteral("alice"), QStringLiteral("Alice"));
    auto b = client(QStringLiteral("bob"), QStringLiteral("Bob"));
    auto c = client(QStringLiteral("carol"), QStringLiteral("Carol"));
    QVERIFY(a && b && c);

    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("项目组 Alpha"));
    create.insert(QLatin1String("members"), QCborArray{idOf(b)});
    const QCborMap created = a->request(create, kWaitMs);
    const qint64 group = created.value(QLatin1String("conversation")).toMap().value(QLatin1String("id")).toInteger();
    QVERIFY(group > 0);

    // Bob learns of the group first, then reads the line "Alice created the group".
    QVERIFY(RawClient::waitUntil([&] { return indexOf(b->pushes(), QStringLiteral("message")) >= 0; }, kWaitMs));
    QVERIFY(indexOf(b->pushes(), QStringLiteral("conversation")) >= 0);
    QVERIFY(indexOf(b->pushes(), QStringLiteral("conversation")) < indexOf(b->pushes(), QStringLiteral("message")));
    QCborMap line = b->waitPush(QStringLiteral("message"));
    QCOMPARE(line.value(QLatin1String("kind")).toString(), QStringLiteral("system"));
    QCOMPARE(line.value(QLatin1String("conversation")).toInteger(), group);
    QCOMPARE(line.value(QLatin1String("sender")).toInteger(), 0);
    QCOMPARE(eventType(line), QStringLiteral("group_created"));
    QCOMPARE(eventOf(line).value(QLatin1String("name")).toString(), QStringLiteral("项目组 Alpha"));
    QCOMPARE(line.value(QLatin1String("text")).toString(), QStringLiteral("Alice created the group \"项目组 Alpha\""));
    const qint64 aliceId = idOf(a);
    QCOMPARE(eventOf(line).value(QLatin1String("actor")).toInteger(), aliceId);
    QVERIFY(!eventOf(line).contains(QLatin1String("target")));

    // Carol is added: she gets the group, then the line; Bob the line too.
    b->clearPushes();
    QCOMPARE(a->request(change("group_add", group, idOf(c)), kWaitMs).value(QLatin1String("t")).toString(),
             QStringLiteral("ok"));
    QVERIFY(RawClient::waitUntil([&] { return indexOf(c->pushes(), QStringLiteral("message")) >= 0; }, kWaitMs));
    QVERIFY(indexOf(c->pushes(), QStringLiteral("conversation")) < indexOf(c->pushes(), QStringLiteral("message")));
    line = c->waitPush(QStringLiteral("message"));
    QCOMPARE(eventType(line), QStringLiteral("member_added"));
    QCOMPARE(eventOf(line).value(QLatin1String("actor")).toInteger(), aliceId);
    QCOMPARE(eventOf(line).value(QLatin1String("target")).toInteger(), idOf(c));
    QCOMPARE(line.value(QLatin1String("text")).toString(), QStringLiteral("Alice added Carol"));
    QCOMPARE(eventType(b->waitPush(QStringLiteral("message"), kWaitMs)), QStringLiteral("member_added"));

    QCborMap rename = change("group_rename", group);
    rename.insert(QLatin1String("name"), QStringLiteral("Team B"));
    QCOMPARE(a->request(rename, kWaitMs).value(QLatin1String("t")).toString(), QStringLiteral("ok"));
    line = b->waitPush(QStringLiteral("message"), kWaitMs);
    QCOMPARE(eventType(line), QStringLiteral("group_renamed"));
    QCOMPARE(eventOf(line).value(QLatin1String("name")).toString(), QStringLiteral("Team B"));

    // Carol is removed: the members read it; Carol, no longer one, gets conversation_removed and no line.
    c->clearPushes();
    QCOMPARE(a->request(change("group_remove", group, idOf(c)), kWaitMs).value(QLatin1String("t")).toString(),
             QStringLiteral("ok"));
    line = b->waitPush(QStringLiteral("message"), kWaitMs);
    QCOMPARE(eventType(line), QStringLiteral("member_removed"));
    QCOMPARE(eventOf(line).value(QLatin1String("target")).toInteger(), idOf(c));
    QCOMPARE(line.value(QLatin1String("text")).toString(), QStringLiteral("Alice removed Carol"));
    QVERIFY(!c->waitPush(QStringLiteral("conversation_removed"), kWaitMs).isEmpty());
    // A reply on the same connection comes after any push queued before it.
    QVERIFY(!c->request(typed("conversations"), kWaitMs).isEmpty());
    QCOMPARE(indexOf(c->pushes(), QStringLiteral("message")), -1);

    a->clearPushes();
    QCOMPARE(b->request(change("group_leave", group), kWaitMs).value(QLatin1String("t")).toString(),
             QStringLiteral("ok"));
    line = a->waitPush(QStringLiteral("message"), kWaitMs);
    QCOMPARE(eventType(line), QStringLiteral("member_left"));
    QCOMPARE(eventOf(line).value(QLatin1String("actor")).toInteger(), idOf(b));
    QCOMPARE(line.value(QLatin1String("text")).toString(), QStringLiteral("Bob left the group"));

    // Stored with their events: the history (read back from SQLite) has all five, newest first.
    QCborMap history = change("history", group);
    const QCborArray page = a->request(history, kWaitMs).value(QLatin1String("messages")).toArray();
    QStringList types;
    for (const QCborValue& m : page)
        types.prepend(eventType(m.toMap()));
    QCOMPARE(types, (QStringList{QStringLiteral("group_created"), QStringLiteral("member_added"),
                                 QStringLiteral("group_renamed"), QStringLiteral("member_removed"),
                                 QStringLiteral("member_left")}));
    QCOMPARE(eventOf(page.at(2).toMap()).value(QLatin1String("name")).toString(), QStringLiteral("Team B"));
    QCOMPARE(eventOf(page.at(1).toMap()).value(QLatin1String("target")).toInteger(), idOf(c));
}

void tst_GroupNotices::addingAMemberAgainLeavesNoLine()
{
    auto a = client(QStringLiteral("alice"), QStringLiteral("Alice"));
    auto b = client(QStringLiteral("bob"), QStringLiteral("Bob"));
    QVERIFY(a && b);
    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("team"));
    create.insert(QLatin1String("members"), QCborArray{idOf(b)});
    const qint64 group =
        a->request(create, kWaitMs).value(QLatin1String("conversation")).toMap().value(QLatin1String("id")).toInteger();
    QVERIFY(group > 0);
    QCOMPARE(a->request(change("group_add", group, idOf(b)), kWaitMs).value(QLatin1String("t")).toString(),
             QStringLiteral("ok"));
    const QCborArray page = a->request(change("history", group), kWaitMs).value(QLatin1String("messages")).toArray();
    QCOMPARE(page.size(), 1);
    QCOMPARE(eventType(page.at(0).toMap()), QStringLiteral("group_created"));
}

QTEST_GUILESS_MAIN(tst_GroupNotices)
#include "tst_groupnotices.moc"
