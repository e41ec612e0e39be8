// Admin subcommands for accounts, groups and stats, through the real executable: offline (no server) and
// against a running in-process relay whose clients must see the change at once.

#include "adminrunner.h"
#include "chatclient.h"
#include "conversationsmodel.h"
#include "messagesmodel.h"
#include "passwordhasher.h"
#include "rawclient.h"
#include "sqlitestorage.h"
#include "testserver.h"

#include <QCborArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lanchat;
using namespace lanchat::test;

class tst_AdminUsers : public QObject
{
    Q_OBJECT
private slots:
    void helpAndUsageErrors();
    void userLifecycleWithoutServer();
    void disableClosesSessionsAtOnce();
    void passwdClosesSessionsAtOnce();
    void deleteAndRenameReachClients();
    void groupsWithRunningServer();
    void adminRemovalLeavesAReadOnlyChat();
    void statsWithAndWithoutServer();
    void broadcastReachesOnlineAndIsStoredForOthers();
};

void tst_AdminUsers::helpAndUsageErrors()
{
    for (const QString& command :
         {QStringLiteral("user"), QStringLiteral("group"), QStringLiteral("stats"), QStringLiteral("backup"),
          QStringLiteral("restore"), QStringLiteral("check"), QStringLiteral("prune"), QStringLiteral("broadcast")}) {
        const AdminRunner::Result help = AdminRunner::runRaw({command, QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(QStringLiteral("--data-dir")), qPrintable(command));
    }
    QTemporaryDir dir;
    const AdminRunner admin(dir.path());
    QCOMPARE(admin.run({QStringLiteral("user"), QStringLiteral("bogus")}).exitCode, 2);
    QCOMPARE(admin.run({QStringLiteral("user")}).exitCode, 2);
    QCOMPARE(admin.run({QStringLiteral("group"), QStringLiteral("add"), QStringLiteral("g")}).exitCode, 2);
    QCOMPARE(admin.run({QStringLiteral("backup")}).exitCode, 2);
    QCOMPARE(AdminRunner::runRaw({QStringLiteral("frobnicate")}).exitCode, 2);
    // Passwords never come from argv.
    const AdminRunner::Result noStdin = admin.run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("a")});
    QCOMPARE(noStdin.exitCode, 2);
    QVERIFY(noStdin.err.contains(QStringLiteral("--password-stdin")));
    const AdminRunner::Result shortPassword = admin.run(
        {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("a"), QStringLiteral("--password-stdin")},
        "short\n");
    QCOMPARE(shortPassword.exitCode, 2);
}

void tst_AdminUsers::userLifecycleWithoutServer()
{
    QTemporaryDir dir;
    const AdminRunner admin(dir.path());
    const QStringList add{QStringLiteral("user"),     QStringLiteral("add"),
                          QStringLiteral("alice"),    QStringLiteral("--display-name"),
                          QStringLiteral("Alice A."), QStringLiteral("--password-stdin")};
    AdminRunner::Result r = admin.run(add, "first-password\n");
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("server not running")));
    QCOMPARE(admin.run(add, "first-password\n").exitCode, 1); // taken
    r = admin.run(
        {QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("alice"), QStringLiteral("--password-stdin")},
        "second-password\n");
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(admin.run({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("ALICE")}).exitCode, 0);
    r = admin.run({QStringLiteral("user"), QStringLiteral("list")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("alice")) && r.out.contains(QStringLiteral("disabled")));
    QCOMPARE(admin.run({QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("alice")}).exitCode, 0);
    QCOMPARE(admin
                 .run({QStringLiteral("user"), QStringLiteral("rename"), QStringLiteral("alice"),
                       QStringLiteral("alicia"), QStringLiteral("--display-name"), QStringLiteral("Alicia")})
                 .exitCode,
             0);
    QCOMPARE(admin.run({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("nobody")}).exitCode, 1);
    {
        QString error;
        const auto storage = SqliteStorage::open(QDir(dir.path()).filePath(QStringLiteral("lanchat.db")), &error);
        QVERIFY2(storage, qPrintable(error));
        const std::optional<UserRecord> user = storage->userByName(QStringLiteral("alicia"));
        QVERIFY(user);
        QCOMPARE(user->displayName, QStringLiteral("Alicia"));
        QVERIFY(!user->disabled);
        QVERIFY(PasswordHasher({64, 1, 1}).verify(user->passwordHash, QStringLiteral("second-password")));
    }
    QCOMPARE(admin.run({QStringLiteral("user"), QStringLiteral("delete"), QStringLiteral("alicia")}).exitCode, 0);
    r = admin.run({QStringLiteral("user"), QStringLiteral("list")});
    QVERIFY(!r.out.contains(QStringLiteral("alicia")));
}

void tst_AdminUsers::disableClosesSessionsAtOnce()
{
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    RawClient bob;
    RawClient bobPhone;
    QVERIFY(bob.connectTo(server.port(), false));
    QVERIFY(bob.signUp(QStringLiteral("bob")) > 0);
    QVERIFY(bobPhone.connectTo(server.port(), false));
    QVERIFY(bobPhone.signUp(QStringLiteral("bob")) > 0);

    QCOMPARE(admin.run({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("bob")}).exitCode, 0);
    for (RawClient* client : {&bob, &bobPhone}) {
        const QCborMap error = client->waitPush(QStringLiteral("error"));
        QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("account_disabled"));
        QVERIFY(client->waitDisconnected());
    }
    RawClient again;
    QVERIFY(again.connectTo(server.port(), false));
    again.hello();
    QCOMPARE(RawClient::errorCode(again.login(QStringLiteral("bob"), QStringLiteral("password123"))),
             QStringLiteral("account_disabled"));
    QCOMPARE(admin.run({QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("bob")}).exitCode, 0);
    QCOMPARE(RawClient::errorCode(again.login(QStringLiteral("bob"), QStringLiteral("password123"))), QString());
}

void tst_AdminUsers::passwdClosesSessionsAtOnce()
{
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    RawClient bob;
    RawClient bobPhone;
    RawClient carol;
    QVERIFY(bob.connectTo(server.port(), false));
    QVERIFY(bob.signUp(QStringLiteral("bob")) > 0);
    QVERIFY(bobPhone.connectTo(server.port(), false));
    QVERIFY(bobPhone.signUp(QStringLiteral("bob")) > 0);
    QVERIFY(carol.connectTo(server.port(), false));
    QVERIFY(carol.signUp(QStringLiteral("carol")) > 0);

    QCOMPARE(admin
                 .run({QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("bob"),
                       QStringLiteral("--password-stdin")},
                      "reset-by-admin\n")
                 .exitCode,
             0);
    for (RawClient* client : {&bob, &bobPhone}) {
        const QCborMap error = client->waitPush(QStringLiteral("error"));
        QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("session_revoked"));
        QVERIFY(client->waitDisconnected());
    }
    QVERIFY(carol.isConnected());
    RawClient again;
    QVERIFY(again.connectTo(server.port(), false));
    again.hello();
    QCOMPARE(RawClient::errorCode(again.login(QStringLiteral("bob"), QStringLiteral("password123"))),
             QStringLiteral("bad_credentials"));
    QCOMPARE(RawClient::errorCode(again.login(QStringLiteral("bob"), QStringLiteral("reset-by-admin"))), QString());
}

void tst_AdminUsers::deleteAndRenameReachClients()
{
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    RawClient carol;
    RawClient dave;
    QVERIFY(carol.connectTo(server.port(), false));
    const qint64 carolId = carol.signUp(QStringLiteral("carol"));
    QVERIFY(dave.connectTo(server.port(), false));
    QVERIFY(dave.signUp(QStringLiteral("dave")) > 0);
    dave.clearPushes();

    QCOMPARE(admin
                 .run({QStringLiteral("user"), QStringLiteral("rename"), QStringLiteral("carol"),
                       QStringLiteral("caroline"), QStringLiteral("--display-name"), QStringLiteral("Caroline C.")})
                 .exitCode,
             0);
    const QCborMap push = dave.waitPush(QStringLiteral("user"));
    const QCborMap user = push.value(QLatin1String("user")).toMap();
    QCOMPARE(user.value(QLatin1String("id")).toInteger(), carolId);
    QCOMPARE(user.value(QLatin1String("username")).toString(), QStringLiteral("caroline"));
    QCOMPARE(user.value(QLatin1String("display_name")).toString(), QStringLiteral("Caroline C."));

    QCOMPARE(admin
                 .run({QStringLiteral("group"), QStringLiteral("create"), QStringLiteral("Team"),
                       QStringLiteral("caroline"), QStringLiteral("dave")})
                 .exitCode,
             0);
    QCOMPARE(dave.waitPush(QStringLiteral("conversation"))
                 .value(QLatin1String("conversation"))
                 .toMap()
                 .value(QLatin1String("members"))
                 .toArray()
                 .size(),
             2);

    QCOMPARE(admin.run({QStringLiteral("user"), QStringLiteral("delete"), QStringLiteral("caroline")}).exitCode, 0);
    QCOMPARE(carol.waitPush(QStringLiteral("error")).value(QLatin1String("code")).toString(),
             QStringLiteral("account_disabled"));
    QVERIFY(carol.waitDisconnected());
    QVERIFY(dave.isConnected());
    // The group of the deleted account is pushed again to its remaining members.
    const QCborArray left = dave.waitPush(QStringLiteral("conversation"))
                                .value(QLatin1String("conversation"))
                                .toMap()
                                .value(QLatin1String("members"))
                                .toArray();
    QCOMPARE(left.size(), 1);
}

void tst_AdminUsers::groupsWithRunningServer()
{
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    RawClient erin;
    RawClient frank;
    QVERIFY(erin.connectTo(server.port(), false));
    QVERIFY(erin.signUp(QStringLiteral("erin")) > 0);
    QVERIFY(frank.connectTo(server.port(), false));
    QVERIFY(frank.signUp(QStringLiteral("frank")) > 0);

    AdminRunner::Result r =
        admin.run({QStringLiteral("group"), QStringLiteral("create"), QStringLiteral("Ops"), QStringLiteral("erin")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(erin.waitPush(QStringLiteral("conversation"))
                 .value(QLatin1String("conversation"))
                 .toMap()
                 .value(QLatin1String("name"))
                 .toString(),
             QStringLiteral("Ops"));
    QCOMPARE(admin.run({QStringLiteral("group"), QStringLiteral("add"), QStringLiteral("Ops"), QStringLiteral("frank")})
                 .exitCode,
             0);
    const QCborMap added = frank.waitPush(QStringLiteral("conversation")).value(QLatin1String("conversation")).toMap();
    QCOMPARE(added.value(QLatin1String("members")).toArray().size(), 2);
    r = admin.run({QStringLiteral("group"), QStringLiteral("members"), QStringLiteral("Ops")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("erin (owner)")) && r.out.contains(QStringLiteral("frank")));
    r = admin.run({QStringLiteral("group"), QStringLiteral("list")});
    QVERIFY(r.out.contains(QStringLiteral("Ops")));

    QCOMPARE(
        admin.run({QStringLiteral("group"), QStringLiteral("remove"), QStringLiteral("Ops"), QStringLiteral("frank")})
            .exitCode,
        0);
    const QCborMap removedPush = frank.waitPush(QStringLiteral("conversation_removed"));
    QVERIFY(!removedPush.isEmpty());
    QCOMPARE(removedPush.value(QLatin1String("by")).toInteger(-1), 0); // 0: the administrator, not a member
    QCOMPARE(
        admin.run({QStringLiteral("group"), QStringLiteral("remove"), QStringLiteral("Ops"), QStringLiteral("frank")})
            .exitCode,
        1);
    QCOMPARE(admin.run({QStringLiteral("group"), QStringLiteral("delete"), QStringLiteral("Ops")}).exitCode, 0);
    QVERIFY(!erin.waitPush(QStringLiteral("conversation_removed")).isEmpty());
    QCOMPARE(admin.run({QStringLiteral("group"), QStringLiteral("members"), QStringLiteral("Ops")}).exitCode, 1);
}

void tst_AdminUsers::adminRemovalLeavesAReadOnlyChat()
{
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    RawClient owner;
    QVERIFY(owner.connectTo(server.port(), false));
    QVERIFY(owner.signUp(QStringLiteral("olga")) > 0);
    ChatClient bob;
    QSignalSpy synced(&bob, &ChatClient::synced);
    bob.connectToServer(QStringLiteral("127.0.0.1"), server.port(), false);
    bob.registerAccount(QStringLiteral("bob"), QStringLiteral("password123"), QStringLiteral("Bob"));
    QVERIFY(synced.wait(20000));
    QCOMPARE(admin
                 .run({QStringLiteral("group"), QStringLiteral("create"), QStringLiteral("Ops"), QStringLiteral("olga"),
                       QStringLiteral("bob")})
                 .exitCode,
             0);
    ConversationsModel* list = bob.conversations();
    QTRY_COMPARE_WITH_TIMEOUT(list->rowCount(), 1, 20000);
    const ConversationId group(list->index(0).data(roles::ConversationId).toLongLong());
    bob.sendText(group, QStringLiteral("before"));
    QTRY_COMPARE_WITH_TIMEOUT(bob.messages(group)->storedCount(), 1, 20000);

    // Removed by the administrator: the chat stays, readable, read-only and saying so; it does not vanish.
    QCOMPARE(
        admin.run({QStringLiteral("group"), QStringLiteral("remove"), QStringLiteral("Ops"), QStringLiteral("bob")})
            .exitCode,
        0);
    QTRY_VERIFY_WITH_TIMEOUT(list->isRemoved(group), 20000);
    QCOMPARE(list->rowCount(), 1);
    QCOMPARE(list->index(0).data(roles::ConversationRemoved).toBool(), true);
    QVERIFY(!list->removedBy(group).isValid());
    QCOMPARE(bob.messages(group)->storedCount(), 1);

    // Re-added by the administrator: a member again.
    QCOMPARE(admin.run({QStringLiteral("group"), QStringLiteral("add"), QStringLiteral("Ops"), QStringLiteral("bob")})
                 .exitCode,
             0);
    QTRY_VERIFY_WITH_TIMEOUT(!list->isRemoved(group), 20000);
}

void tst_AdminUsers::statsWithAndWithoutServer()
{
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    RawClient gina;
    QVERIFY(gina.connectTo(server.port(), false));
    QVERIFY(gina.signUp(QStringLiteral("gina")) > 0);
    AdminRunner::Result r = admin.run({QStringLiteral("stats")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("online now:  1 user, 1 connection")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("users:       1 (0 disabled)")));
    server.stop();
    r = admin.run({QStringLiteral("stats")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("server not running")), qPrintable(r.out));
}

void tst_AdminUsers::broadcastReachesOnlineAndIsStoredForOthers()
{
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    RawClient online;
    QVERIFY(online.connectTo(server.port(), false));
    QVERIFY(online.signUp(QStringLiteral("online")) > 0);
    QVERIFY(online.request(QCborMap{{QStringLiteral("t"), QStringLiteral("logout")}}).value(QLatin1String("t")) ==
            QStringLiteral("ok"));
    {
        RawClient later; // an account that is offline during the broadcast
        QVERIFY(later.connectTo(server.port(), false));
        QVERIFY(later.signUp(QStringLiteral("later")) > 0);
    }
    QVERIFY(!online.login(QStringLiteral("online"), QStringLiteral("password123")).isEmpty());

    const QStringList first{QStringLiteral("broadcast"), QStringLiteral("Server maintenance at 18:00")};
    QCOMPARE(admin.run(first).exitCode, 2); // the first one needs --owner
    const AdminRunner::Result r = admin.run(first + QStringList{QStringLiteral("--owner"), QStringLiteral("online")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("pushed to")), qPrintable(r.out));
    const QCborMap push = online.waitPush(QStringLiteral("message"));
    QCOMPARE(push.value(QLatin1String("kind")).toString(), QStringLiteral("system"));
    QCOMPARE(push.value(QLatin1String("text")).toString(), QStringLiteral("Server maintenance at 18:00"));
    const qint64 group = push.value(QLatin1String("conversation")).toInteger();

    // Stored for the account that was offline: its sync returns the notice.
    RawClient later;
    QVERIFY(later.connectTo(server.port(), false));
    later.hello();
    QCOMPARE(RawClient::errorCode(later.login(QStringLiteral("later"), QStringLiteral("password123"))), QString());
    const QCborMap page =
        later.request(QCborMap{{QStringLiteral("t"), QStringLiteral("sync")}, {QStringLiteral("since"), 0}});
    const QCborArray messages = page.value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).toMap().value(QLatin1String("conversation")).toInteger(), group);
    QCOMPARE(messages.at(0).toMap().value(QLatin1String("text")).toString(),
             QStringLiteral("Server maintenance at 18:00"));

    server.stop(); // a second broadcast without a server is stored only
    const AdminRunner::Result offline = admin.run({QStringLiteral("broadcast"), QStringLiteral("Back online")});
    QCOMPARE(offline.exitCode, 0);
    QVERIFY(offline.out.contains(QStringLiteral("server not running")));
}

QTEST_GUILESS_MAIN(tst_AdminUsers)
#include "tst_adminusers.moc"
