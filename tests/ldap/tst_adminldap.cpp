// `lanchat-server ldap test` and `ldap sync` through the real executable, against a real slapd (SlapdFixture) and a
// running in-process relay: sync creates, updates and disables accounts, --dry-run changes nothing, and an employee
// removed from the directory is locked out and disconnected.

#include "adminrunner.h"
#include "protocolframes.h"
#include "rawclient.h"
#include "slapdfixture.h"
#include "storage/storage.h"
#include "testserver.h"

#include <QCborMap>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

class tst_AdminLdap : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void testFindsAndChecksUsers_data();
    void testFindsAndChecksUsers();
    void syncCreatesUpdatesAndDisables();

private:
    std::unique_ptr<SlapdFixture> m_slapd;
};

void tst_AdminLdap::initTestCase()
{
    m_slapd = std::make_unique<SlapdFixture>();
    if (!m_slapd->start())
        QSKIP(qPrintable(QStringLiteral("cannot start slapd: %1").arg(m_slapd->reason())));
}

void tst_AdminLdap::testFindsAndChecksUsers_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("stdinData");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    const QByteArray password = SlapdFixture::password(QStringLiteral("lina")).toUtf8() + '\n';
    QTest::newRow("found") << QStringList{QStringLiteral("lina")} << QByteArray() << 0
                           << QStringLiteral("DN:           uid=lina,ou=sales,ou=people,dc=example,dc=com");
    QTest::newRow("chinese display name")
        << QStringList{QStringLiteral("lina")} << QByteArray() << 0 << QStringLiteral("display name: 李娜");
    QTest::newRow("mapped attributes") << QStringList{QStringLiteral("wangfang")} << QByteArray() << 0
                                       << QStringLiteral("department:   研发部 / 平台组");
    QTest::newRow("mapped title") << QStringList{QStringLiteral("wangfang")} << QByteArray() << 0
                                  << QStringLiteral("title:        高级工程师");
    QTest::newRow("password checked") << QStringList{QStringLiteral("lina"), QStringLiteral("--password-stdin")}
                                      << password << 0 << QStringLiteral("password:     correct");
    QTest::newRow("wrong password") << QStringList{QStringLiteral("lina"), QStringLiteral("--password-stdin")}
                                    << QByteArray("wrong-password\n") << 1 << QStringLiteral("wrong password");
    QTest::newRow("unknown") << QStringList{QStringLiteral("nobody")} << QByteArray() << 1
                             << QStringLiteral("no such user");
    QTest::newRow("outside the base") << QStringList{QStringLiteral("outsider")} << QByteArray() << 1
                                      << QStringLiteral("no such user");
    QTest::newRow("wildcard is literal") << QStringList{QStringLiteral("li*")} << QByteArray() << 1
                                         << QStringLiteral("no such user");
}

void tst_AdminLdap::testFindsAndChecksUsers()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, stdinData);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const AdminRunner admin(dir.path(), m_slapd->iniLines());
    const AdminRunner::Result result =
        admin.run(QStringList{QStringLiteral("ldap"), QStringLiteral("test")} + args, stdinData);
    QCOMPARE(result.exitCode, exitCode);
    const QString output = result.out + result.err;
    QVERIFY2(output.contains(expected), qPrintable(output));
}

void tst_AdminLdap::syncCreatesUpdatesAndDisables()
{
    ServerConfig config = TestServer::openSignUp();
    config.ldap = m_slapd->config();
    TestServer server(false, config);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir(), m_slapd->iniLines());
    Storage& storage = server.server().storage();

    // zhangwei has logged in once (and stays logged in on a laptop); the others never did.
    RawClient zhang;
    QVERIFY(zhang.connectTo(server.port(), false));
    zhang.hello();
    QCborMap login = typed("login");
    login.insert(QLatin1String("username"), QStringLiteral("zhangwei"));
    login.insert(QLatin1String("password"), SlapdFixture::password(QStringLiteral("zhangwei")));
    login.insert(QLatin1String("remember"), true);
    login.insert(QLatin1String("device_name"), QStringLiteral("laptop"));
    const QCborMap loggedIn = zhang.request(login, 20000);
    QCOMPARE(frameType(loggedIn), QStringLiteral("ok"));
    const QByteArray token = loggedIn.value(QLatin1String("device_token")).toByteArray();
    QVERIFY(!token.isEmpty());
    RawClient local;
    QVERIFY(local.connectTo(server.port(), false));
    QVERIFY(local.signUp(QStringLiteral("admin")) > 0);

    AdminRunner::Result dry = admin.run({QStringLiteral("ldap"), QStringLiteral("sync"), QStringLiteral("--dry-run")});
    QCOMPARE(dry.exitCode, 0);
    QVERIFY2(dry.out.contains(QStringLiteral("would be created: alice (Alice Smith)")), qPrintable(dry.out));
    QVERIFY2(dry.out.contains(QStringLiteral("would be created: lina (李娜)")), qPrintable(dry.out));
    QVERIFY(!dry.out.contains(QStringLiteral("zhangwei")));
    QCOMPARE(storage.users().size(), qsizetype(2)); // zhangwei and admin: nothing created

    AdminRunner::Result run = admin.run({QStringLiteral("ldap"), QStringLiteral("sync")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("created: wangfang (王芳)")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("created: lina (李娜)")), qPrintable(run.out));
    const std::optional<UserRecord> lina = storage.userByName(QStringLiteral("lina"));
    QVERIFY(lina);
    QCOMPARE(lina->displayName, QStringLiteral("李娜"));
    QVERIFY(storage.ldapLinks().dnOf(lina->id));
    QVERIFY(!storage.ldapLinks().dnOf(storage.userByName(QStringLiteral("admin"))->id)); // local stays local
    QVERIFY(admin.run({QStringLiteral("ldap"), QStringLiteral("sync")}).out.contains(QStringLiteral("0 change")));
    // The mapped attributes came along: wangfang's place from her DN, her title, e-mail and phone.
    const std::optional<UserRecord> wang = storage.userByName(QStringLiteral("wangfang"));
    QVERIFY(wang);
    const std::optional<Placement> placed = storage.directory().placement(wang->id);
    QCOMPARE(placed->title, QStringLiteral("高级工程师"));
    QCOMPARE(storage.directory().department(placed->department)->name, QStringLiteral("平台组"));
    QCOMPARE(storage.userProfile(wang->id)->email, QStringLiteral("wangfang@example.com"));

    // A changed phone and title are named in the sync's output and reach everyone online.
    QVERIFY(m_slapd->modify(
        QStringLiteral("dn: uid=alice,ou=engineering,ou=people,dc=example,dc=com\nchangetype: modify\n"
                       "replace: telephoneNumber\ntelephoneNumber: 8042\n-\nreplace: title\ntitle: Team Lead\n")));
    local.clearPushes();
    run = admin.run({QStringLiteral("ldap"), QStringLiteral("sync")});
    QVERIFY2(run.out.contains(QStringLiteral("updated: alice (Alice Smith, "
                                             "uid=alice,ou=engineering,ou=people,dc=example,dc=com): phone, title")),
             qPrintable(run.out));
    QCOMPARE(local.waitPush(QStringLiteral("user"))
                 .value(QLatin1String("user"))
                 .toMap()
                 .value(QLatin1String("phone"))
                 .toString(),
             QStringLiteral("8042"));
    QVERIFY(!local.waitPush(QStringLiteral("directory")).isEmpty());

    // A new name in the directory is picked up.
    QVERIFY(m_slapd->modify(QStringLiteral("dn: uid=lina,ou=sales,ou=people,dc=example,dc=com\nchangetype: modify\n"
                                           "replace: displayName\ndisplayName: 李娜 (Sales)\n")));
    run = admin.run({QStringLiteral("ldap"), QStringLiteral("sync")});
    QVERIFY2(run.out.contains(QStringLiteral("updated: lina (李娜 (Sales)")), qPrintable(run.out));
    QCOMPARE(storage.userById(lina->id)->displayName, QStringLiteral("李娜 (Sales)"));

    // zhangwei leaves the company: a dry run only says so; the sync locks them out and ends their session.
    QVERIFY(m_slapd->modify(
        QStringLiteral("dn: uid=zhangwei,ou=engineering,ou=people,dc=example,dc=com\nchangetype: delete\n")));
    dry = admin.run({QStringLiteral("ldap"), QStringLiteral("sync"), QStringLiteral("--dry-run")});
    QVERIFY2(dry.out.contains(QStringLiteral("would be disabled: zhangwei")), qPrintable(dry.out));
    QVERIFY(!storage.userByName(QStringLiteral("zhangwei"))->disabled);
    QVERIFY(zhang.isConnected());
    run = admin.run({QStringLiteral("ldap"), QStringLiteral("sync")});
    QVERIFY2(run.out.contains(QStringLiteral("disabled: zhangwei")), qPrintable(run.out));
    QCOMPARE(zhang.waitPush(QStringLiteral("error")).value(QLatin1String("code")).toString(),
             QStringLiteral("account_disabled"));
    QVERIFY(zhang.waitDisconnected());
    QVERIFY(storage.userByName(QStringLiteral("zhangwei"))->disabled);
    // Neither the remembered laptop nor the old password gets back in; the local admin is untouched.
    RawClient again;
    QVERIFY(again.connectTo(server.port(), false));
    again.hello();
    QCborMap tokenLogin = typed("login");
    tokenLogin.insert(QLatin1String("username"), QStringLiteral("zhangwei"));
    tokenLogin.insert(QLatin1String("device_token"), token);
    QCOMPARE(errorCodeOf(again.request(tokenLogin)), QStringLiteral("bad_token"));
    QCOMPARE(errorCodeOf(again.login(QStringLiteral("zhangwei"), SlapdFixture::password(QStringLiteral("zhangwei")))),
             QStringLiteral("bad_credentials"));
    QVERIFY(local.isConnected());
}

QTEST_GUILESS_MAIN(tst_AdminLdap)
#include "tst_adminldap.moc"
