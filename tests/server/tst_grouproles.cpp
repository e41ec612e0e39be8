// Group roles (docs/protocol.md 9, feature `group_roles`) end to end over loopback with a real SQLite file: what the
// owner, an admin and a plain member may do, each refusal on its own; ownership transfer then the owner leaving;
// dissolving; @all; and the deleted owner's group passing to its longest-standing admin, else member (the real
// `lanchat-server user delete` against the running relay).
#include "adminrunner.h"
#include "protocolframes.h"
#include "rawclient.h"
#include "testserver.h"

#include <QCborArray>
#include <QTest>
#include <QUuid>

#include <algorithm>

using namespace lanchat;
using namespace lanchat::test;

namespace {

// Generous: these waits end as soon as the frame is there; the bound only turns a hang into a failure.
constexpr int kWaitMs = 60000;

QCborMap request(const char* type, qint64 group, qint64 user = 0)
{
    QCborMap m = typed(type);
    m.insert(QLatin1String("conversation"), group);
    if (user > 0)
        m.insert(QLatin1String("user"), user);
    return m;
}

QCborMap setRole(qint64 group, qint64 user, const QString& role)
{
    QCborMap m = request("group_set_role", group, user);
    m.insert(QLatin1String("role"), role);
    return m;
}

QCborMap rename(qint64 group, const QString& name)
{
    QCborMap m = request("group_rename", group);
    m.insert(QLatin1String("name"), name);
    return m;
}

QCborMap sendAll(qint64 group, const QString& text)
{
    QCborMap m = typed("send");
    m.insert(QLatin1String("conversation"), group);
    m.insert(QLatin1String("client_msg_id"), QUuid::createUuid().toRfc4122());
    m.insert(QLatin1String("text"), text);
    m.insert(QLatin1String("mention_all"), true);
    return m;
}

QCborMap conversationOf(const QCborMap& replyOrPush)
{
    return replyOrPush.value(QLatin1String("conversation")).toMap();
}

QList<qint64> idsIn(const QCborMap& conversation, const char* field)
{
    QList<qint64> ids;
    for (const QCborValue& v : conversation.value(QLatin1String(field)).toArray())
        ids.append(v.toInteger());
    return ids;
}

QString eventType(const QCborMap& message)
{
    return message.value(QLatin1String("event")).toMap().value(QLatin1String("type")).toString();
}

/** The types of the events in @p group's history as @p client reads it, oldest first. */
QString eventTypes(RawClient& client, qint64 group)
{
    QStringList types;
    for (const QCborValue& m :
         client.request(request("history", group), kWaitMs).value(QLatin1String("messages")).toArray())
        types.prepend(eventType(m.toMap()));
    return types.join(u',');
}

} // namespace

class tst_GroupRoles : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void welcomeAnnouncesGroupRoles();
    void ownerAppointsAndRemovesAdmins();
    void settingTheSameRoleAgainLeavesNoLine();
    void adminAddsRemovesAndRenames();
    void adminMayMentionEveryone();

    void memberCannotAddRemoveOrRename_data();
    void memberCannotAddRemoveOrRename();
    void memberCannotMentionEveryone();
    void memberCannotAppointAdmins();
    void memberCannotTransferOrDissolve_data();
    void memberCannotTransferOrDissolve();
    void adminCannotRemoveTheOwner();
    void adminCannotRemoveAnotherAdmin();
    void adminCannotAppointAdmins();
    void adminCannotTransferOrDissolve_data();
    void adminCannotTransferOrDissolve();
    void ownerRoleCannotBeSetOrTransferredToSelf();
    void roleOfANonMemberIsNotFound();
    void unknownRoleIsInvalid();
    void announcementChannelRefusesRoleChanges();

    void ownerLeavesOnlyAfterTransferringOwnership();
    void dissolveRemovesEveryMemberAndKeepsNoWayBack();
    void deletedOwnerPassesTheGroupToTheLongestStandingAdmin();
    void deletedOwnerWithoutAdminsPassesTheGroupToTheLongestStandingMember();

private:
    std::unique_ptr<RawClient> client(const QString& username, const QString& displayName);
    /** alice owns "Team" with bob (admin), carol and dave (members); erin exists but is not in it. */
    void makeTeam();
    qint64 idOf(const std::unique_ptr<RawClient>& c) const { return m_ids.value(c.get()); }
    static QString codeOf(const QCborMap& reply) { return RawClient::errorCode(reply); }

    std::unique_ptr<TestServer> m_server;
    QHash<const RawClient*, qint64> m_ids;
    std::unique_ptr<RawClient> m_alice, m_erin, m_bob, m_carol, m_dave;
    qint64 m_group = 0;
};

void tst_GroupRoles::init()
{
    m_server = std::make_unique<TestServer>(false);
    QVERIFY(m_server->start());
}

void tst_GroupRoles::cleanup()
{
    m_alice.reset();
    m_erin.reset();
    m_bob.reset();
    m_carol.reset();
    m_dave.reset();
    m_server.reset();
    m_ids.clear();
    m_group = 0;
}

std::unique_ptr<RawClient> tst_GroupRoles::client(const QString& username, const QString& displayName)
{
    auto c = std::make_unique<RawClient>();
    if (!c->connectTo(m_server->port(), false) || c->hello().isEmpty())
        return nullptr;
    const QCborMap reply = c->registerUser(username, QStringLiteral("password123"), displayName);
    if (frameType(reply) != QLatin1String("ok"))
        return nullptr;
    m_ids.insert(c.get(), reply.value(QLatin1String("user")).toMap().value(QLatin1String("id")).toInteger());
    return c;
}

void tst_GroupRoles::makeTeam()
{
    // erin registers second: a lower user id than bob, carol and dave, so "longest-standing" is not "lowest id".
    m_alice = client(QStringLiteral("alice"), QStringLiteral("Alice"));
    m_erin = client(QStringLiteral("erin"), QStringLiteral("Erin"));
    m_bob = client(QStringLiteral("bob"), QStringLiteral("Bob"));
    m_carol = client(QStringLiteral("carol"), QStringLiteral("Carol"));
    m_dave = client(QStringLiteral("dave"), QStringLiteral("Dave"));
    QVERIFY(m_alice && m_erin && m_bob && m_carol && m_dave);
    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("Team"));
    create.insert(QLatin1String("members"), QCborArray{idOf(m_bob), idOf(m_carol), idOf(m_dave)});
    m_group = conversationId(m_alice->request(create, kWaitMs));
    QVERIFY(m_group > 0);
    const QCborMap appointed = m_alice->request(setRole(m_group, idOf(m_bob), QStringLiteral("admin")), kWaitMs);
    QCOMPARE(frameType(appointed), QStringLiteral("ok"));
    QCOMPARE(idsIn(conversationOf(appointed), "admins"), QList<qint64>{idOf(m_bob)});
    // Every member has read the line of the appointment (the last of the setup) before the test starts.
    for (RawClient* c : {m_alice.get(), m_bob.get(), m_carol.get(), m_dave.get()}) {
        QVERIFY(RawClient::waitUntil(
            [c] {
                const QList<QCborMap> pushes = c->pushes();
                return std::any_of(pushes.cbegin(), pushes.cend(), [](const QCborMap& push) {
                    return eventType(push) == QLatin1String("admin_added");
                });
            },
            kWaitMs));
    }
    for (RawClient* c : {m_alice.get(), m_erin.get(), m_bob.get(), m_carol.get(), m_dave.get()})
        c->clearPushes();
}

void tst_GroupRoles::welcomeAnnouncesGroupRoles()
{
    RawClient c;
    QVERIFY(c.connectTo(m_server->port(), false));
    const QCborMap welcome = c.hello();
    QVERIFY(welcome.value(QLatin1String("features")).toArray().contains(QStringLiteral("group_roles")));
}

void tst_GroupRoles::ownerAppointsAndRemovesAdmins()
{
    makeTeam();
    // Carol is made an admin: every member gets the group with both admins, then the line.
    const QCborMap reply = m_alice->request(setRole(m_group, idOf(m_carol), QStringLiteral("admin")), kWaitMs);
    QCOMPARE(frameType(reply), QStringLiteral("ok"));
    QCOMPARE(idsIn(conversationOf(reply), "admins"), (QList<qint64>{idOf(m_bob), idOf(m_carol)}));
    QCOMPARE(conversationOf(reply).value(QLatin1String("owner")).toInteger(), idOf(m_alice));
    const QCborMap pushed = conversationOf(m_dave->waitPush(QStringLiteral("conversation"), kWaitMs));
    QCOMPARE(idsIn(pushed, "admins"), (QList<qint64>{idOf(m_bob), idOf(m_carol)}));
    QCborMap line = m_dave->waitPush(QStringLiteral("message"), kWaitMs);
    QCOMPARE(eventType(line), QStringLiteral("admin_added"));
    QCOMPARE(line.value(QLatin1String("event")).toMap().value(QLatin1String("target")).toInteger(), idOf(m_carol));
    QCOMPARE(line.value(QLatin1String("text")).toString(), QStringLiteral("Alice made Carol an admin"));

    // Bob is a plain member again.
    const QCborMap demoted = m_alice->request(setRole(m_group, idOf(m_bob), QStringLiteral("member")), kWaitMs);
    QCOMPARE(idsIn(conversationOf(demoted), "admins"), QList<qint64>{idOf(m_carol)});
    line = m_carol->waitPush(QStringLiteral("message"), kWaitMs);
    QCOMPARE(eventType(line), QStringLiteral("admin_removed"));
    QCOMPARE(line.value(QLatin1String("text")).toString(), QStringLiteral("Alice removed Bob as admin"));
    // And Bob, no longer an admin, may not rename.
    QCOMPARE(codeOf(m_bob->request(rename(m_group, QStringLiteral("Bob's")), kWaitMs)), QStringLiteral("forbidden"));

    // Carol too: a group without admins has no `admins` field.
    const QCborMap none = m_alice->request(setRole(m_group, idOf(m_carol), QStringLiteral("member")), kWaitMs);
    QVERIFY(!conversationOf(none).contains(QLatin1String("admins")));
    QCOMPARE(eventTypes(*m_alice, m_group),
             QStringLiteral("group_created,admin_added,admin_added,admin_removed,admin_removed"));
}

void tst_GroupRoles::settingTheSameRoleAgainLeavesNoLine()
{
    makeTeam();
    QCOMPARE(frameType(m_alice->request(setRole(m_group, idOf(m_bob), QStringLiteral("admin")), kWaitMs)),
             QStringLiteral("ok"));
    QCOMPARE(frameType(m_alice->request(setRole(m_group, idOf(m_carol), QStringLiteral("member")), kWaitMs)),
             QStringLiteral("ok"));
    QCOMPARE(eventTypes(*m_alice, m_group), QStringLiteral("group_created,admin_added"));
}

void tst_GroupRoles::adminAddsRemovesAndRenames()
{
    makeTeam();
    QCOMPARE(frameType(m_bob->request(request("group_add", m_group, idOf(m_erin)), kWaitMs)), QStringLiteral("ok"));
    QVERIFY(!m_erin->waitPush(QStringLiteral("conversation"), kWaitMs).isEmpty());
    QCOMPARE(frameType(m_bob->request(request("group_remove", m_group, idOf(m_dave)), kWaitMs)), QStringLiteral("ok"));
    QCOMPARE(m_dave->waitPush(QStringLiteral("conversation_removed"), kWaitMs).value(QLatin1String("by")).toInteger(),
             idOf(m_bob));
    const QCborMap renamed = m_bob->request(rename(m_group, QStringLiteral("Team B")), kWaitMs);
    QCOMPARE(conversationOf(renamed).value(QLatin1String("name")).toString(), QStringLiteral("Team B"));
    QCOMPARE(idsIn(conversationOf(renamed), "members"),
             (QList<qint64>{idOf(m_alice), idOf(m_erin), idOf(m_bob), idOf(m_carol)}));
}

void tst_GroupRoles::adminMayMentionEveryone()
{
    makeTeam();
    const QCborMap reply = m_bob->request(sendAll(m_group, QStringLiteral("@all standup in 5")), kWaitMs);
    QCOMPARE(frameType(reply), QStringLiteral("ok"));
    QCOMPARE(m_carol->waitPush(QStringLiteral("message"), kWaitMs).value(QLatin1String("mention_all")).toBool(), true);
}

void tst_GroupRoles::memberCannotAddRemoveOrRename_data()
{
    QTest::addColumn<QString>("type");
    QTest::newRow("add") << QStringLiteral("group_add");
    QTest::newRow("remove") << QStringLiteral("group_remove");
    QTest::newRow("rename") << QStringLiteral("group_rename");
}

void tst_GroupRoles::memberCannotAddRemoveOrRename()
{
    QFETCH(QString, type);
    makeTeam();
    QCborMap req =
        request(type.toLatin1().constData(), m_group, type == QLatin1String("group_add") ? idOf(m_erin) : idOf(m_dave));
    if (type == QLatin1String("group_rename"))
        req = rename(m_group, QStringLiteral("Carol's"));
    QCOMPARE(codeOf(m_carol->request(req, kWaitMs)), QStringLiteral("forbidden"));
    // Nothing changed: same members, same name, no line.
    const QCborArray list =
        m_alice->request(typed("conversations"), kWaitMs).value(QLatin1String("conversations")).toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toMap().value(QLatin1String("name")).toString(), QStringLiteral("Team"));
    QCOMPARE(idsIn(list.at(0).toMap(), "members").size(), 4);
    QCOMPARE(eventTypes(*m_alice, m_group), QStringLiteral("group_created,admin_added"));
}

void tst_GroupRoles::memberCannotMentionEveryone()
{
    makeTeam();
    QCOMPARE(codeOf(m_carol->request(sendAll(m_group, QStringLiteral("@all lunch?")), kWaitMs)),
             QStringLiteral("forbidden"));
    QCOMPARE(eventTypes(*m_alice, m_group), QStringLiteral("group_created,admin_added"));
}

void tst_GroupRoles::memberCannotAppointAdmins()
{
    makeTeam();
    QCOMPARE(codeOf(m_carol->request(setRole(m_group, idOf(m_carol), QStringLiteral("admin")), kWaitMs)),
             QStringLiteral("forbidden"));
    QCOMPARE(codeOf(m_carol->request(setRole(m_group, idOf(m_bob), QStringLiteral("member")), kWaitMs)),
             QStringLiteral("forbidden"));
}

void tst_GroupRoles::memberCannotTransferOrDissolve_data()
{
    QTest::addColumn<QString>("type");
    QTest::newRow("transfer") << QStringLiteral("group_transfer");
    QTest::newRow("dissolve") << QStringLiteral("group_dissolve");
}

void tst_GroupRoles::memberCannotTransferOrDissolve()
{
    QFETCH(QString, type);
    makeTeam();
    const QCborMap req =
        request(type.toLatin1().constData(), m_group, type == QLatin1String("group_transfer") ? idOf(m_carol) : 0);
    QCOMPARE(codeOf(m_carol->request(req, kWaitMs)), QStringLiteral("forbidden"));
    const QCborArray list =
        m_carol->request(typed("conversations"), kWaitMs).value(QLatin1String("conversations")).toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toMap().value(QLatin1String("owner")).toInteger(), idOf(m_alice));
    QCOMPARE(idsIn(list.at(0).toMap(), "members").size(), 4);
}

void tst_GroupRoles::adminCannotRemoveTheOwner()
{
    makeTeam();
    QCOMPARE(codeOf(m_bob->request(request("group_remove", m_group, idOf(m_alice)), kWaitMs)),
             QStringLiteral("forbidden"));
    // The owner removing themself is a broken rule, not a permission.
    QCOMPARE(codeOf(m_alice->request(request("group_remove", m_group, idOf(m_alice)), kWaitMs)),
             QStringLiteral("invalid_argument"));
}

void tst_GroupRoles::adminCannotRemoveAnotherAdmin()
{
    makeTeam();
    QCOMPARE(frameType(m_alice->request(setRole(m_group, idOf(m_carol), QStringLiteral("admin")), kWaitMs)),
             QStringLiteral("ok"));
    QCOMPARE(codeOf(m_bob->request(request("group_remove", m_group, idOf(m_carol)), kWaitMs)),
             QStringLiteral("forbidden"));
    // The owner may.
    QCOMPARE(frameType(m_alice->request(request("group_remove", m_group, idOf(m_carol)), kWaitMs)),
             QStringLiteral("ok"));
}

void tst_GroupRoles::adminCannotAppointAdmins()
{
    makeTeam();
    QCOMPARE(codeOf(m_bob->request(setRole(m_group, idOf(m_carol), QStringLiteral("admin")), kWaitMs)),
             QStringLiteral("forbidden"));
    QCOMPARE(codeOf(m_bob->request(setRole(m_group, idOf(m_bob), QStringLiteral("member")), kWaitMs)),
             QStringLiteral("forbidden"));
}

void tst_GroupRoles::adminCannotTransferOrDissolve_data()
{
    memberCannotTransferOrDissolve_data();
}

void tst_GroupRoles::adminCannotTransferOrDissolve()
{
    QFETCH(QString, type);
    makeTeam();
    const QCborMap req =
        request(type.toLatin1().constData(), m_group, type == QLatin1String("group_transfer") ? idOf(m_bob) : 0);
    QCOMPARE(codeOf(m_bob->request(req, kWaitMs)), QStringLiteral("forbidden"));
    const QCborArray list =
        m_bob->request(typed("conversations"), kWaitMs).value(QLatin1String("conversations")).toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toMap().value(QLatin1String("owner")).toInteger(), idOf(m_alice));
}

void tst_GroupRoles::ownerRoleCannotBeSetOrTransferredToSelf()
{
    makeTeam();
    QCOMPARE(codeOf(m_alice->request(setRole(m_group, idOf(m_alice), QStringLiteral("admin")), kWaitMs)),
             QStringLiteral("invalid_argument"));
    QCOMPARE(codeOf(m_alice->request(request("group_transfer", m_group, idOf(m_alice)), kWaitMs)),
             QStringLiteral("invalid_argument"));
}

void tst_GroupRoles::roleOfANonMemberIsNotFound()
{
    makeTeam();
    QCOMPARE(codeOf(m_alice->request(setRole(m_group, idOf(m_erin), QStringLiteral("admin")), kWaitMs)),
             QStringLiteral("not_found"));
    QCOMPARE(codeOf(m_alice->request(request("group_transfer", m_group, idOf(m_erin)), kWaitMs)),
             QStringLiteral("not_found"));
    // And a non-member asking about the group: forbidden, nothing learnt.
    QCOMPARE(codeOf(m_erin->request(request("group_dissolve", m_group), kWaitMs)), QStringLiteral("forbidden"));
}

void tst_GroupRoles::unknownRoleIsInvalid()
{
    makeTeam();
    QCOMPARE(codeOf(m_alice->request(setRole(m_group, idOf(m_carol), QStringLiteral("owner")), kWaitMs)),
             QStringLiteral("invalid_argument"));
    QCOMPARE(codeOf(m_alice->request(request("group_set_role", m_group, idOf(m_carol)), kWaitMs)),
             QStringLiteral("invalid_argument"));
    // The connection keeps serving.
    QCOMPARE(frameType(m_alice->request(typed("ping"), kWaitMs)), QStringLiteral("ok"));
}

void tst_GroupRoles::announcementChannelRefusesRoleChanges()
{
    m_alice = client(QStringLiteral("alice"), QStringLiteral("Alice"));
    QVERIFY(m_alice);
    const AdminRunner admin(m_server->dataDir());
    QCOMPARE(admin
                 .run({QStringLiteral("broadcast"), QStringLiteral("Fire drill at 3"), QStringLiteral("--owner"),
                       QStringLiteral("alice")})
                 .exitCode,
             0);
    qint64 channel = 0;
    QVERIFY(RawClient::waitUntil(
        [&] {
            const QCborArray list =
                m_alice->request(typed("conversations"), kWaitMs).value(QLatin1String("conversations")).toArray();
            channel = list.isEmpty() ? 0 : list.at(0).toMap().value(QLatin1String("id")).toInteger();
            return channel > 0;
        },
        kWaitMs));
    QCOMPARE(codeOf(m_alice->request(setRole(channel, idOf(m_alice), QStringLiteral("admin")), kWaitMs)),
             QStringLiteral("forbidden"));
    QCOMPARE(codeOf(m_alice->request(request("group_dissolve", channel), kWaitMs)), QStringLiteral("forbidden"));
}

void tst_GroupRoles::ownerLeavesOnlyAfterTransferringOwnership()
{
    makeTeam();
    QCOMPARE(codeOf(m_alice->request(request("group_leave", m_group), kWaitMs)), QStringLiteral("invalid_argument"));

    const QCborMap transferred = m_alice->request(request("group_transfer", m_group, idOf(m_carol)), kWaitMs);
    QCOMPARE(frameType(transferred), QStringLiteral("ok"));
    QCOMPARE(conversationOf(transferred).value(QLatin1String("owner")).toInteger(), idOf(m_carol));
    QCOMPARE(idsIn(conversationOf(transferred), "admins"), QList<qint64>{idOf(m_bob)});
    const QCborMap line = m_dave->waitPush(QStringLiteral("message"), kWaitMs);
    QCOMPARE(eventType(line), QStringLiteral("owner_transferred"));
    QCOMPARE(line.value(QLatin1String("text")).toString(), QStringLiteral("Alice transferred ownership to Carol"));

    // Alice is a plain member now: no more owner's rights.
    QCOMPARE(codeOf(m_alice->request(rename(m_group, QStringLiteral("Alice's")), kWaitMs)),
             QStringLiteral("forbidden"));
    // The new owner appoints; and Alice may leave.
    QCOMPARE(frameType(m_carol->request(setRole(m_group, idOf(m_dave), QStringLiteral("admin")), kWaitMs)),
             QStringLiteral("ok"));
    QCOMPARE(frameType(m_alice->request(request("group_leave", m_group), kWaitMs)), QStringLiteral("ok"));
    QCOMPARE(m_alice->waitPush(QStringLiteral("conversation_removed"), kWaitMs)
                 .value(QLatin1String("conversation"))
                 .toInteger(),
             m_group);
    const QCborArray list =
        m_carol->request(typed("conversations"), kWaitMs).value(QLatin1String("conversations")).toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(idsIn(list.at(0).toMap(), "members"), (QList<qint64>{idOf(m_bob), idOf(m_carol), idOf(m_dave)}));
    QCOMPARE(list.at(0).toMap().value(QLatin1String("owner")).toInteger(), idOf(m_carol));
}

void tst_GroupRoles::dissolveRemovesEveryMemberAndKeepsNoWayBack()
{
    makeTeam();
    const QCborMap reply = m_alice->request(request("group_dissolve", m_group), kWaitMs);
    QCOMPARE(frameType(reply), QStringLiteral("ok"));
    for (RawClient* c : {m_alice.get(), m_bob.get(), m_carol.get(), m_dave.get()}) {
        const QCborMap removed = c->waitPush(QStringLiteral("conversation_removed"), kWaitMs);
        QCOMPARE(removed.value(QLatin1String("conversation")).toInteger(), m_group);
        QCOMPARE(removed.value(QLatin1String("by")).toInteger(), idOf(m_alice));
        QCOMPARE(removed.value(QLatin1String("dissolved")).toBool(), true);
        QVERIFY(c->request(typed("conversations"), kWaitMs).value(QLatin1String("conversations")).toArray().isEmpty());
    }
    // Nobody reads, posts or changes it any more.
    QCOMPARE(codeOf(m_bob->request(request("history", m_group), kWaitMs)), QStringLiteral("forbidden"));
    QCOMPARE(codeOf(m_alice->request(request("group_add", m_group, idOf(m_bob)), kWaitMs)),
             QStringLiteral("forbidden"));
    QCOMPARE(codeOf(m_bob->sendText(m_group, QStringLiteral("hello?"))), QStringLiteral("forbidden"));
    // No line of it reached anyone: it stays in the history kept on the server.
    for (RawClient* c : {m_alice.get(), m_bob.get(), m_carol.get(), m_dave.get()}) {
        for (const QCborMap& push : c->pushes())
            QVERIFY(frameType(push) != QLatin1String("message"));
    }
}

void tst_GroupRoles::deletedOwnerPassesTheGroupToTheLongestStandingAdmin()
{
    makeTeam();
    // Erin joins last and is made admin first; Dave, a founding member, is made admin after her.
    QCOMPARE(frameType(m_alice->request(request("group_add", m_group, idOf(m_erin)), kWaitMs)), QStringLiteral("ok"));
    QCOMPARE(frameType(m_alice->request(setRole(m_group, idOf(m_bob), QStringLiteral("member")), kWaitMs)),
             QStringLiteral("ok"));
    QCOMPARE(frameType(m_alice->request(setRole(m_group, idOf(m_erin), QStringLiteral("admin")), kWaitMs)),
             QStringLiteral("ok"));
    QCOMPARE(frameType(m_alice->request(setRole(m_group, idOf(m_dave), QStringLiteral("admin")), kWaitMs)),
             QStringLiteral("ok"));
    m_carol->clearPushes();

    const AdminRunner admin(m_server->dataDir());
    QCOMPARE(admin.run({QStringLiteral("user"), QStringLiteral("delete"), QStringLiteral("alice")}).exitCode, 0);
    QCborMap pushed;
    QVERIFY(RawClient::waitUntil(
        [&] {
            for (const QCborMap& push : m_carol->pushes()) {
                if (frameType(push) == QLatin1String("conversation") &&
                    !idsIn(conversationOf(push), "members").contains(idOf(m_alice)))
                    pushed = conversationOf(push);
            }
            return !pushed.isEmpty();
        },
        kWaitMs));
    QCOMPARE(pushed.value(QLatin1String("owner")).toInteger(), idOf(m_dave));
    QCOMPARE(idsIn(pushed, "admins"), QList<qint64>{idOf(m_erin)});
    // And the new owner has the owner's rights at once.
    QCOMPARE(frameType(m_dave->request(request("group_transfer", m_group, idOf(m_erin)), kWaitMs)),
             QStringLiteral("ok"));
}

void tst_GroupRoles::deletedOwnerWithoutAdminsPassesTheGroupToTheLongestStandingMember()
{
    makeTeam();
    QCOMPARE(frameType(m_alice->request(request("group_add", m_group, idOf(m_erin)), kWaitMs)), QStringLiteral("ok"));
    QCOMPARE(frameType(m_alice->request(setRole(m_group, idOf(m_bob), QStringLiteral("member")), kWaitMs)),
             QStringLiteral("ok"));
    // Bob leaves and comes back: now he joined after Carol.
    QCOMPARE(frameType(m_bob->request(request("group_leave", m_group), kWaitMs)), QStringLiteral("ok"));
    QCOMPARE(frameType(m_alice->request(request("group_add", m_group, idOf(m_bob)), kWaitMs)), QStringLiteral("ok"));

    const AdminRunner admin(m_server->dataDir());
    QCOMPARE(admin.run({QStringLiteral("user"), QStringLiteral("delete"), QStringLiteral("alice")}).exitCode, 0);
    QVERIFY(RawClient::waitUntil(
        [&] {
            const QCborArray list =
                m_dave->request(typed("conversations"), kWaitMs).value(QLatin1String("conversations")).toArray();
            return list.size() == 1 && list.at(0).toMap().value(QLatin1String("owner")).toInteger() == idOf(m_carol);
        },
        kWaitMs));
}

QTEST_GUILESS_MAIN(tst_GroupRoles)
#include "tst_grouproles.moc"
