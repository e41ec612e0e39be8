// Device tokens ("stay logged in"): issued on `login {remember}`, stored hashed, used up by each login and replaced,
// forgotten on logout from that device and on a password change, throttled like passwords. A real RelayServer
// in-process on 127.0.0.1:0 with a real SQLite file, clients over loopback.

#include "protocolframes.h"
#include "rawclient.h"
#include "security/devicetokens.h"
#include "sqlitestorage.h"
#include "testserver.h"

#include <QCborArray>
#include <QCborMap>
#include <QtTest>

using namespace lanchat;
using namespace lanchat::test;
using lanchat::test::RawClient;
using lanchat::test::TestServer;

namespace {

const QString kAlice = QStringLiteral("alice");
const QString kPassword = QStringLiteral("password123");

QCborMap rememberLogin(const QString& username, const QString& password, const QString& device)
{
    QCborMap m = typed("login");
    m.insert(QLatin1String("username"), username);
    m.insert(QLatin1String("password"), password);
    m.insert(QLatin1String("remember"), true);
    m.insert(QLatin1String("device_name"), device);
    return m;
}

QCborMap tokenLogin(const QString& username, const QByteArray& token)
{
    QCborMap m = typed("login");
    m.insert(QLatin1String("username"), username);
    m.insert(QLatin1String("device_token"), token);
    return m;
}

QByteArray tokenOf(const QCborMap& reply)
{
    return reply.value(QLatin1String("device_token")).toByteArray();
}

} // namespace

class tst_DeviceTokens : public QObject
{
    Q_OBJECT
private slots:
    void issuedHashedAndRotated_data();
    void issuedHashedAndRotated();
    void signUpCanStayLoggedIn();
    void tokenOfAnotherUserIsRefused();
    void logoutForgetsOnlyThatDevice();
    void passwordChangeForgetsEveryDevice();
    void refusedTokensAreThrottled();
    void malformedTokenIsInvalidArgument();

private:
    /** A fresh connection after hello; the caller owns it. */
    static std::unique_ptr<RawClient> connected(const TestServer& server)
    {
        auto client = std::make_unique<RawClient>();
        if (!client->connectTo(server.port(), server.tls()))
            return nullptr;
        client->hello();
        return client;
    }
};

void tst_DeviceTokens::issuedHashedAndRotated_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("plaintext") << false;
    QTest::newRow("tls") << true;
}

void tst_DeviceTokens::issuedHashedAndRotated()
{
    QFETCH(bool, tls);
    TestServer server(tls);
    QVERIFY(server.start());
    RawClient signUp;
    QVERIFY(signUp.connectTo(server.port(), tls));
    QVERIFY(signUp.signUp(kAlice, kPassword) > 0);

    auto laptop = connected(server);
    QVERIFY(laptop);
    const QCborMap welcome = laptop->hello();
    QVERIFY(welcome.value(QLatin1String("features")).toArray().contains(QStringLiteral("device_tokens")));
    const QCborMap first = laptop->request(rememberLogin(kAlice, kPassword, QStringLiteral("Alice's laptop")));
    QCOMPARE(RawClient::errorCode(first), QString());
    const QByteArray token = tokenOf(first);
    QCOMPARE(token.size(), 32);
    // A plain login gets no token.
    auto plain = connected(server);
    QVERIFY(tokenOf(plain->login(kAlice, kPassword)).isEmpty());

    // The token logs in without the password, once; the reply carries its successor.
    auto restarted = connected(server);
    const QCborMap second = restarted->request(tokenLogin(kAlice, token));
    QCOMPARE(RawClient::errorCode(second), QString());
    QCOMPARE(second.value(QLatin1String("user")).toMap().value(QLatin1String("username")).toString(), kAlice);
    const QByteArray next = tokenOf(second);
    QCOMPARE(next.size(), 32);
    QVERIFY(next != token);
    QCOMPARE(RawClient::errorCode(restarted->request(typed("users"))), QString()); // logged in for real

    auto replay = connected(server);
    QCOMPARE(RawClient::errorCode(replay->request(tokenLogin(kAlice, token))), QStringLiteral("bad_token"));
    QCOMPARE(RawClient::errorCode(replay->request(typed("users"))), QStringLiteral("unauthenticated"));

    // The successor survives a server restart; the database holds only hashes.
    QVERIFY(server.restart());
    {
        QString error;
        const auto storage = SqliteStorage::open(server.dataDir() + QStringLiteral("/lanchat.db"), &error);
        QVERIFY2(storage, qPrintable(error));
        const std::optional<UserRecord> alice = storage->userByName(kAlice);
        QVERIFY(alice);
        const QList<DeviceTokenRecord> devices = storage->deviceTokens().of(alice->id);
        QCOMPARE(devices.size(), 1);
        QCOMPARE(devices.first().deviceName, QStringLiteral("Alice's laptop"));
        QCOMPARE(devices.first().tokenHash, DeviceTokens::hash(next));
        QVERIFY(devices.first().lastUsedMs >= devices.first().createdMs);
    }
    auto afterRestart = connected(server);
    const QCborMap third = afterRestart->request(tokenLogin(kAlice, next));
    QCOMPARE(RawClient::errorCode(third), QString());
    QCOMPARE(tokenOf(third).size(), 32);
}

void tst_DeviceTokens::signUpCanStayLoggedIn()
{
    TestServer server(false);
    QVERIFY(server.start());
    auto client = connected(server);
    QCborMap signUp = typed("register");
    signUp.insert(QLatin1String("username"), kAlice);
    signUp.insert(QLatin1String("password"), kPassword);
    signUp.insert(QLatin1String("remember"), true);
    signUp.insert(QLatin1String("device_name"), QStringLiteral("new pc"));
    const QCborMap reply = client->request(signUp, 15000);
    QCOMPARE(RawClient::errorCode(reply), QString());
    const QByteArray token = tokenOf(reply);
    QCOMPARE(token.size(), 32);
    auto later = connected(server);
    QCOMPARE(RawClient::errorCode(later->request(tokenLogin(kAlice, token))), QString());
}

void tst_DeviceTokens::tokenOfAnotherUserIsRefused()
{
    TestServer server(false);
    QVERIFY(server.start());
    RawClient bob;
    QVERIFY(bob.connectTo(server.port(), false));
    QVERIFY(bob.signUp(QStringLiteral("bob"), kPassword) > 0);
    RawClient alice;
    QVERIFY(alice.connectTo(server.port(), false));
    QVERIFY(alice.signUp(kAlice, kPassword) > 0);
    auto device = connected(server);
    const QByteArray token = tokenOf(device->request(rememberLogin(kAlice, kPassword, QStringLiteral("pc"))));
    QCOMPARE(token.size(), 32);
    auto thief = connected(server);
    QCOMPARE(RawClient::errorCode(thief->request(tokenLogin(QStringLiteral("bob"), token))),
             QStringLiteral("bad_token"));
    // Refused for bob, the token is still alice's.
    QCOMPARE(RawClient::errorCode(thief->request(tokenLogin(kAlice, token))), QString());
}

void tst_DeviceTokens::logoutForgetsOnlyThatDevice()
{
    TestServer server(false);
    QVERIFY(server.start());
    RawClient signUp;
    QVERIFY(signUp.connectTo(server.port(), false));
    QVERIFY(signUp.signUp(kAlice, kPassword) > 0);
    auto laptop = connected(server);
    auto desktop = connected(server);
    const QByteArray laptopToken = tokenOf(laptop->request(rememberLogin(kAlice, kPassword, QStringLiteral("laptop"))));
    const QByteArray desktopToken =
        tokenOf(desktop->request(rememberLogin(kAlice, kPassword, QStringLiteral("desktop"))));
    QCOMPARE(laptopToken.size(), 32);
    QCOMPARE(desktopToken.size(), 32);

    // Logging out of a session that logged in with a token forgets that token's device.
    auto laptopAgain = connected(server);
    const QByteArray rotated = tokenOf(laptopAgain->request(tokenLogin(kAlice, laptopToken)));
    QCOMPARE(rotated.size(), 32);
    QCOMPARE(RawClient::errorCode(laptopAgain->request(typed("logout"))), QString());
    auto probe = connected(server);
    QCOMPARE(RawClient::errorCode(probe->request(tokenLogin(kAlice, rotated))), QStringLiteral("bad_token"));
    // A plain session's logout forgets nothing; the other device still stays logged in.
    QCOMPARE(RawClient::errorCode(signUp.request(typed("logout"))), QString());
    QCOMPARE(RawClient::errorCode(probe->request(tokenLogin(kAlice, desktopToken))), QString());
}

void tst_DeviceTokens::passwordChangeForgetsEveryDevice()
{
    TestServer server(false);
    QVERIFY(server.start());
    RawClient signUp;
    QVERIFY(signUp.connectTo(server.port(), false));
    QVERIFY(signUp.signUp(kAlice, kPassword) > 0);
    auto laptop = connected(server);
    const QByteArray token = tokenOf(laptop->request(rememberLogin(kAlice, kPassword, QStringLiteral("laptop"))));
    QCOMPARE(token.size(), 32);
    QCborMap change = typed("change_password");
    change.insert(QLatin1String("old_password"), kPassword);
    change.insert(QLatin1String("new_password"), QStringLiteral("new-password"));
    QCOMPARE(RawClient::errorCode(laptop->request(change)), QString());
    auto later = connected(server);
    QCOMPARE(RawClient::errorCode(later->request(tokenLogin(kAlice, token))), QStringLiteral("bad_token"));
    QCOMPARE(RawClient::errorCode(later->login(kAlice, QStringLiteral("new-password"))), QString());
}

void tst_DeviceTokens::refusedTokensAreThrottled()
{
    ServerConfig config = TestServer::openSignUp();
    config.loginFreeAttempts = 2;
    config.addressFreeAttempts = 1000;
    config.accountFreeAttempts = 1000;
    config.loginBaseDelayMs = 60 * 1000; // far longer than the test: a throttled answer cannot expire under load
    TestServer server(false, config);
    QVERIFY(server.start());
    RawClient signUp;
    QVERIFY(signUp.connectTo(server.port(), false));
    QVERIFY(signUp.signUp(kAlice, kPassword) > 0);
    auto device = connected(server);
    const QByteArray token = tokenOf(device->request(rememberLogin(kAlice, kPassword, QStringLiteral("pc"))));
    QCOMPARE(token.size(), 32);

    auto guesser = connected(server);
    const QByteArray guess(32, 'x');
    QCOMPARE(RawClient::errorCode(guesser->request(tokenLogin(kAlice, guess))), QStringLiteral("bad_token"));
    QCOMPARE(RawClient::errorCode(guesser->request(tokenLogin(kAlice, guess))), QStringLiteral("bad_token"));
    QCOMPARE(RawClient::errorCode(guesser->request(tokenLogin(kAlice, guess))), QStringLiteral("rate_limited"));
    // From the throttled address even the right token waits, and is not used up by the refusal.
    QCOMPARE(RawClient::errorCode(guesser->request(tokenLogin(kAlice, token))), QStringLiteral("rate_limited"));
    QCOMPARE(RawClient::errorCode(guesser->login(kAlice, kPassword)), QStringLiteral("rate_limited"));
}

void tst_DeviceTokens::malformedTokenIsInvalidArgument()
{
    TestServer server(false);
    QVERIFY(server.start());
    auto client = connected(server);
    QCOMPARE(RawClient::errorCode(client->request(tokenLogin(kAlice, QByteArray(16, 'x')))),
             QStringLiteral("invalid_argument"));
    QCborMap neither = typed("login");
    neither.insert(QLatin1String("username"), kAlice);
    QCOMPARE(RawClient::errorCode(client->request(neither)), QStringLiteral("invalid_argument"));
}

QTEST_GUILESS_MAIN(tst_DeviceTokens)
#include "tst_devicetokens.moc"
