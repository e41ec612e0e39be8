// Sign-in through LDAP against a real slapd over LDAPS (tests/ldap/slapdfixture.h): the first login creates the
// account from the directory, bad input is refused and throttled, and a directory that is down or frozen answers
// directory_unavailable in bounded time while local users and connected sessions carry on.

#include "ldap/ldapfilter.h"
#include "protocolframes.h"
#include "rawclient.h"
#include "slapdfixture.h"
#include "storage/storage.h"
#include "testserver.h"

#include <QCborMap>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

QCborMap loginRequest(const QString& username, const QString& password, bool remember = false)
{
    QCborMap m = typed("login");
    m.insert(QLatin1String("username"), username);
    m.insert(QLatin1String("password"), password);
    if (remember) {
        m.insert(QLatin1String("remember"), true);
        m.insert(QLatin1String("device_name"), QStringLiteral("test laptop"));
    }
    return m;
}

} // namespace

class tst_LdapAuth : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void configIsChecked_data();
    void configIsChecked();
    void filterValuesAreEscaped_data();
    void filterValuesAreEscaped();
    void firstLoginCreatesAccountLaterLoginsRefresh();
    void refusedLogins_data();
    void refusedLogins();
    void localAccountKeepsItsPasswordFirst();
    void directoryDownOthersUnaffected_data();
    void directoryDownOthersUnaffected();

private:
    /** A server signing in against m_slapd; nullptr (with a failed QVERIFY) if it cannot start. */
    std::unique_ptr<TestServer> startServer(int timeoutMs = 5000);
    /** hello + login over a new plaintext connection; returns the reply. */
    QCborMap loginOnce(TestServer& server, const QString& username, const QString& password);

    std::unique_ptr<SlapdFixture> m_slapd;
};

void tst_LdapAuth::initTestCase()
{
    m_slapd = std::make_unique<SlapdFixture>();
    if (!m_slapd->start())
        QSKIP(qPrintable(QStringLiteral("cannot start slapd: %1").arg(m_slapd->reason())));
}

std::unique_ptr<TestServer> tst_LdapAuth::startServer(int timeoutMs)
{
    ServerConfig config = TestServer::openSignUp();
    config.ldap = m_slapd->config(timeoutMs);
    auto server = std::make_unique<TestServer>(false, config);
    if (!server->start())
        return nullptr;
    return server;
}

QCborMap tst_LdapAuth::loginOnce(TestServer& server, const QString& username, const QString& password)
{
    RawClient client;
    if (!client.connectTo(server.port(), false))
        return {};
    client.hello();
    return client.request(loginRequest(username, password), 20000);
}

void tst_LdapAuth::configIsChecked_data()
{
    QTest::addColumn<QByteArray>("ldapGroup");
    QTest::addColumn<QString>("error"); // empty: accepted
    const QByteArray base = "enabled=true\nbase_dn=\"ou=people,dc=example,dc=com\"\n";
    QTest::newRow("ldaps") << base + "url=ldaps://dc1.example.com ldaps://dc2.example.com\n" << QString();
    QTest::newRow("ldap with StartTLS") << base + "url=ldap://dc1.example.com\n" << QString();
    QTest::newRow("plaintext refused") << base + "url=ldap://dc1.example.com\nstart_tls=false\n"
                                       << QStringLiteral("clear text");
    QTest::newRow("plaintext allowed") << base + "url=ldap://dc1.example.com\nstart_tls=false\nallow_plaintext=true\n"
                                       << QString();
    QTest::newRow("no url") << base << QStringLiteral("needs url");
    QTest::newRow("filter without %u") << base + "url=ldaps://x\nuser_filter=(uid=admin)\n" << QStringLiteral("%u");
    QTest::newRow("unknown preset") << base + "url=ldaps://x\npreset=novell\n" << QStringLiteral("preset");
    QTest::newRow("bad order") << base + "url=ldaps://x\norder=ldap\n" << QStringLiteral("order");
    QTest::newRow("missing password file") << base + "url=ldaps://x\nbind_password_file=/nonexistent/pw\n"
                                           << QStringLiteral("bind_password_file");
}

void tst_LdapAuth::configIsChecked()
{
    QFETCH(QByteArray, ldapGroup);
    QFETCH(QString, error);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("server.conf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[server]\nport=0\n[ldap]\n" + ldapGroup);
    file.close();
    ServerConfig config;
    QString problem;
    QCOMPARE(ServerConfig::fromIni(path, &config, &problem), error.isEmpty());
    QVERIFY2(problem.contains(error), qPrintable(problem));
    if (error.isEmpty()) {
        QCOMPARE(config.ldap.baseDn, QStringLiteral("ou=people,dc=example,dc=com"));
        QCOMPARE(config.ldap.userFilter, QStringLiteral("(&(objectClass=inetOrgPerson)(uid=%u))"));
    }
}

void tst_LdapAuth::filterValuesAreEscaped_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("escaped");
    // The examples of RFC 4515 section 4, and the characters an attacker reaches for.
    QTest::newRow("parentheses") << QStringLiteral("Parens R Us (for all your parenthetical needs)")
                                 << QStringLiteral("Parens R Us \\28for all your parenthetical needs\\29");
    QTest::newRow("star") << QStringLiteral("*") << QStringLiteral("\\2a");
    QTest::newRow("backslash") << QStringLiteral("C:\\MyFile") << QStringLiteral("C:\\5cMyFile");
    QTest::newRow("nul") << QString::fromUtf8("a\0b", 3) << QStringLiteral("a\\00b");
    QTest::newRow("injection") << QStringLiteral("*)(uid=*") << QStringLiteral("\\2a\\29\\28uid=\\2a");
    QTest::newRow("utf-8 stays") << QStringLiteral("张伟 Lučić") << QStringLiteral("张伟 Lučić");
}

void tst_LdapAuth::filterValuesAreEscaped()
{
    QFETCH(QString, value);
    QFETCH(QString, escaped);
    QCOMPARE(LdapFilter::escapeValue(value), escaped);
    QCOMPARE(LdapFilter::forUser(QStringLiteral("(uid=%u)"), value), QStringLiteral("(uid=%1)").arg(escaped));
}

void tst_LdapAuth::firstLoginCreatesAccountLaterLoginsRefresh()
{
    const auto server = startServer();
    QVERIFY(server);
    RawClient watcher;
    QVERIFY(watcher.connectTo(server->port(), false));
    QVERIFY(watcher.signUp(QStringLiteral("watcher")) > 0);

    RawClient zhang;
    QVERIFY(zhang.connectTo(server->port(), false));
    zhang.hello();
    const QCborMap first = zhang.request(
        loginRequest(QStringLiteral("zhangwei"), SlapdFixture::password(QStringLiteral("zhangwei")), true), 20000);
    QCOMPARE(frameType(first), QStringLiteral("ok"));
    const QCborMap user = first.value(QLatin1String("user")).toMap();
    QCOMPARE(user.value(QLatin1String("username")).toString(), QStringLiteral("zhangwei"));
    QCOMPARE(user.value(QLatin1String("display_name")).toString(), QStringLiteral("张伟"));
    QVERIFY(!first.value(QLatin1String("device_token")).toByteArray().isEmpty());
    // Everyone logged in learns of the new colleague.
    const QCborMap push = watcher.waitPush(QStringLiteral("user"), 10000);
    QCOMPARE(push.value(QLatin1String("user")).toMap().value(QLatin1String("username")).toString(),
             QStringLiteral("zhangwei"));

    // The account belongs to the directory entry; no password of it is stored.
    Storage& storage = server->server().storage();
    const std::optional<UserRecord> record = storage.userByName(QStringLiteral("zhangwei"));
    QVERIFY(record);
    QCOMPARE(storage.ldapLinks().dnOf(record->id).value_or(QString()),
             QStringLiteral("uid=zhangwei,ou=engineering,ou=people,dc=example,dc=com"));
    QCOMPARE(record->passwordHash, QByteArray(LdapLinkStore::kNoLocalPassword));

    // The directory renames them and moves them to sales: the next login follows both, same account.
    QVERIFY(m_slapd->modify(QStringLiteral("dn: uid=zhangwei,ou=engineering,ou=people,dc=example,dc=com\n"
                                           "changetype: modify\nreplace: displayName\ndisplayName: 张伟（销售）\n\n"
                                           "dn: uid=zhangwei,ou=engineering,ou=people,dc=example,dc=com\n"
                                           "changetype: modrdn\nnewrdn: uid=zhangwei\ndeleteoldrdn: 1\n"
                                           "newsuperior: ou=sales,ou=people,dc=example,dc=com\n")));
    const QCborMap again =
        loginOnce(*server, QStringLiteral("ZhangWei"), SlapdFixture::password(QStringLiteral("zhangwei")));
    QCOMPARE(frameType(again), QStringLiteral("ok"));
    const QCborMap refreshed = again.value(QLatin1String("user")).toMap();
    QCOMPARE(refreshed.value(QLatin1String("id")).toInteger(), qint64(record->id.value()));
    QCOMPARE(refreshed.value(QLatin1String("display_name")).toString(), QStringLiteral("张伟（销售）"));
    QCOMPARE(storage.ldapLinks().dnOf(record->id).value_or(QString()),
             QStringLiteral("uid=zhangwei,ou=sales,ou=people,dc=example,dc=com"));
    QCOMPARE(storage.users().size(), qsizetype(2)); // watcher and zhangwei: no second account
    QVERIFY(m_slapd->modify(QStringLiteral("dn: uid=zhangwei,ou=sales,ou=people,dc=example,dc=com\n"
                                           "changetype: modrdn\nnewrdn: uid=zhangwei\ndeleteoldrdn: 1\n"
                                           "newsuperior: ou=engineering,ou=people,dc=example,dc=com\n\n"
                                           "dn: uid=zhangwei,ou=engineering,ou=people,dc=example,dc=com\n"
                                           "changetype: modify\nreplace: displayName\ndisplayName: 张伟\n")));
}

void tst_LdapAuth::refusedLogins_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    const QString alice = SlapdFixture::password(QStringLiteral("alice"));
    QTest::newRow("wrong password") << QStringLiteral("alice") << QStringLiteral("not-her-password");
    QTest::newRow("empty password (an unauthenticated bind)") << QStringLiteral("alice") << QString();
    QTest::newRow("unknown user") << QStringLiteral("nobody") << QStringLiteral("nobody-secret-1");
    QTest::newRow("outside the search base")
        << QStringLiteral("outsider") << SlapdFixture::password(QStringLiteral("outsider"));
    QTest::newRow("the service account") << QStringLiteral("lanchat") << QStringLiteral("service-secret-1");
    // Unescaped, each of these would find alice's entry and log in with her password.
    QTest::newRow("wildcard") << QStringLiteral("al*") << alice;
    QTest::newRow("star alone") << QStringLiteral("*") << alice;
    QTest::newRow("closing parenthesis") << QStringLiteral("alice)(uid=*") << alice;
    QTest::newRow("or injection") << QStringLiteral("*)(|(uid=alice") << alice;
    QTest::newRow("parentheses") << QStringLiteral("(alice)") << alice;
    QTest::newRow("nul") << QString::fromUtf8("alice\0x", 7) << alice;
    QTest::newRow("backslash escape") << QStringLiteral("\\61lice") << alice;
}

void tst_LdapAuth::refusedLogins()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    const auto server = startServer();
    QVERIFY(server);
    const QCborMap reply = loginOnce(*server, username, password);
    QCOMPARE(errorCodeOf(reply), QStringLiteral("bad_credentials"));
    QVERIFY(server->server().storage().users().isEmpty());
    // The directory still serves the right password: nothing above broke the server or the directory.
    QCOMPARE(frameType(loginOnce(*server, QStringLiteral("alice"), SlapdFixture::password(QStringLiteral("alice")))),
             QStringLiteral("ok"));
}

void tst_LdapAuth::localAccountKeepsItsPasswordFirst()
{
    const auto server = startServer();
    QVERIFY(server);
    RawClient local;
    QVERIFY(local.connectTo(server->port(), false));
    QVERIFY(local.signUp(QStringLiteral("alice"), QStringLiteral("local-password")) > 0);
    // order = local,ldap: the local account answers for its name; the directory's password does not open it.
    QCOMPARE(errorCodeOf(loginOnce(*server, QStringLiteral("alice"), SlapdFixture::password(QStringLiteral("alice")))),
             QStringLiteral("bad_credentials"));
    QCOMPARE(frameType(loginOnce(*server, QStringLiteral("alice"), QStringLiteral("local-password"))),
             QStringLiteral("ok"));
    const std::optional<UserRecord> record = server->server().storage().userByName(QStringLiteral("alice"));
    QVERIFY(record);
    QVERIFY(!server->server().storage().ldapLinks().dnOf(record->id));
}

void tst_LdapAuth::directoryDownOthersUnaffected_data()
{
    QTest::addColumn<bool>("frozen");
    QTest::newRow("stopped") << false;
    QTest::newRow("answers nothing") << true;
}

void tst_LdapAuth::directoryDownOthersUnaffected()
{
    QFETCH(bool, frozen);
    ServerConfig config = TestServer::openSignUp();
    config.ldap = m_slapd->config(1000);
    config.loginFreeAttempts = 2;
    TestServer server(false, config);
    QVERIFY(server.start());
    RawClient bob;
    RawClient carol;
    QVERIFY(bob.connectTo(server.port(), false) && carol.connectTo(server.port(), false));
    QVERIFY(bob.signUp(QStringLiteral("bob")) > 0);
    QVERIFY(carol.signUp(QStringLiteral("carol")) > 0);
    QCborMap open = typed("open_private");
    open.insert(QLatin1String("user"), carol.userId());
    const qint64 conversation = conversationId(bob.request(open));
    QVERIFY(conversation > 0);

    if (frozen)
        m_slapd->pause();
    else
        m_slapd->stop();
    const auto restore = qScopeGuard([this, frozen] {
        if (frozen)
            m_slapd->resume();
        else
            QVERIFY(m_slapd->start());
    });

    RawClient lina;
    QVERIFY(lina.connectTo(server.port(), false));
    lina.hello();
    const quint64 pending =
        lina.send(loginRequest(QStringLiteral("lina"), SlapdFixture::password(QStringLiteral("lina"))));
    // While the directory keeps lina waiting, a local user logs in and a connected one keeps chatting.
    QCOMPARE(frameType(loginOnce(server, QStringLiteral("carol"), QStringLiteral("password123"))),
             QStringLiteral("ok"));
    QCOMPARE(frameType(bob.sendText(conversation, QStringLiteral("still here"))), QStringLiteral("ok"));
    QCOMPARE(carol.waitPush(QStringLiteral("message")).value(QLatin1String("text")).toString(),
             QStringLiteral("still here"));
    QCOMPARE(errorCodeOf(lina.waitReply(pending, 30000)), QStringLiteral("directory_unavailable"));
    // Counted like a failed login: after the free attempts the throttle answers without asking the directory.
    QCOMPARE(errorCodeOf(lina.request(loginRequest(QStringLiteral("lina"), QStringLiteral("x")), 30000)),
             QStringLiteral("directory_unavailable"));
    QCOMPARE(errorCodeOf(lina.request(loginRequest(QStringLiteral("lina"), QStringLiteral("x")), 30000)),
             QStringLiteral("rate_limited"));
    QVERIFY(lina.isConnected());
}

QTEST_GUILESS_MAIN(tst_LdapAuth)
#include "tst_ldapauth.moc"
