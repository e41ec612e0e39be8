// The account's own sessions (docs/protocol.md 17): `account_sessions` lists every logged-in session and remembered
// device of the user, marking the asking one; `logout_others` ends every other session with session_revoked and
// forgets every other device token (bad_token afterwards) while the asking session and its device stay; a wrong old
// password in change_password is bad_credentials and counts in the login throttle. Raw frames against the real
// relay in-process (127.0.0.1, port 0, SQLite in a QTemporaryDir).

#include "protocolframes.h"
#include "rawclient.h"
#include "testserver.h"

#include <QCborArray>
#include <QTest>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

const QString kPassword = QStringLiteral("password123");

QCborMap rememberLogin(const QString& username, const QString& device)
{
    QCborMap m = typed("login");
    m.insert(QLatin1String("username"), username);
    m.insert(QLatin1String("password"), kPassword);
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

QCborMap changePassword(const QString& oldPassword, const QString& newPassword)
{
    QCborMap m = typed("change_password");
    m.insert(QLatin1String("old_password"), oldPassword);
    m.insert(QLatin1String("new_password"), newPassword);
    return m;
}

} // namespace

class tst_AccountSessions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsSessionsAndDevices();
    void logoutOthersEndsTheRestKeepsThisOne();
    void logoutOthersAloneIsHarmless();
    void wrongOldPasswordIsThrottledLikeLogin();
    void refusedBeforeLogin();

private:
    /** Connects, says hello and logs @p username in remembering @p device; the device token, empty on failure. */
    static QByteArray deviceLogin(TestServer& server, RawClient& client, const QString& username,
                                  const QString& device);
};

QByteArray tst_AccountSessions::deviceLogin(TestServer& server, RawClient& client, const QString& username,
                                            const QString& device)
{
    if (!client.connectTo(server.port(), false))
        return {};
    client.hello();
    return client.request(rememberLogin(username, device), 15000).value(QLatin1String("device_token")).toByteArray();
}

void tst_AccountSessions::listsSessionsAndDevices()
{
    TestServer server(false);
    QVERIFY(server.start());
    RawClient signUp;
    QVERIFY(signUp.connectTo(server.port(), false));
    QVERIFY(signUp.signUp(QStringLiteral("dave")) > 0);
    signUp.abort();

    RawClient laptop;
    QVERIFY(!deviceLogin(server, laptop, QStringLiteral("dave"), QStringLiteral("Dave 笔记本")).isEmpty());
    RawClient office;
    QVERIFY(!deviceLogin(server, office, QStringLiteral("dave"), QStringLiteral("office-pc")).isEmpty());
    RawClient plain; // logged in without remembering the device
    QVERIFY(plain.connectTo(server.port(), false));
    plain.hello();
    QCOMPARE(RawClient::errorCode(plain.login(QStringLiteral("dave"), kPassword)), QString());

    QCOMPARE(frameType(office.request(typed("account_sessions"))), QStringLiteral("ok"));
    // The sign-up session is gone once the server noticed; only the three live ones are listed.
    QTRY_COMPARE(office.request(typed("account_sessions")).value(QLatin1String("sessions")).toArray().size(), 3);
    QStringList devices;
    int current = 0;
    for (const QCborValue& value :
         office.request(typed("account_sessions")).value(QLatin1String("sessions")).toArray()) {
        const QCborMap session = value.toMap();
        devices << session.value(QLatin1String("device")).toString();
        QCOMPARE(session.value(QLatin1String("address")).toString(), QStringLiteral("127.0.0.1"));
        QVERIFY(session.value(QLatin1String("since_ms")).toInteger() > 0);
        QVERIFY(session.value(QLatin1String("last_seen_ms")).toInteger() >=
                session.value(QLatin1String("since_ms")).toInteger());
        QVERIFY(!session.value(QLatin1String("client")).toString().isEmpty());
        if (session.value(QLatin1String("current")).toBool()) {
            ++current;
            QCOMPARE(session.value(QLatin1String("device")).toString(), QStringLiteral("office-pc"));
        }
    }
    QCOMPARE(current, 1);
    QCOMPARE(devices, (QStringList{QStringLiteral("Dave 笔记本"), QStringLiteral("office-pc"), QString()}));

    const QCborArray remembered = office.request(typed("account_sessions")).value(QLatin1String("devices")).toArray();
    QCOMPARE(remembered.size(), 2);
    QCOMPARE(remembered.at(0).toMap().value(QLatin1String("name")).toString(), QStringLiteral("Dave 笔记本"));
    QCOMPARE(remembered.at(0).toMap().value(QLatin1String("current")).toBool(), false);
    QCOMPARE(remembered.at(1).toMap().value(QLatin1String("name")).toString(), QStringLiteral("office-pc"));
    QCOMPARE(remembered.at(1).toMap().value(QLatin1String("current")).toBool(), true);
    QVERIFY(remembered.at(1).toMap().value(QLatin1String("last_used_ms")).toInteger() > 0);

    // Only one's own: another user sees none of dave's.
    RawClient erin;
    QVERIFY(erin.connectTo(server.port(), false));
    QVERIFY(erin.signUp(QStringLiteral("erin")) > 0);
    const QCborMap theirs = erin.request(typed("account_sessions"));
    QCOMPARE(theirs.value(QLatin1String("sessions")).toArray().size(), 1);
    QCOMPARE(theirs.value(QLatin1String("devices")).toArray().size(), 0);
}

void tst_AccountSessions::logoutOthersEndsTheRestKeepsThisOne()
{
    TestServer server(false);
    QVERIFY(server.start());
    RawClient signUp;
    QVERIFY(signUp.connectTo(server.port(), false));
    QVERIFY(signUp.signUp(QStringLiteral("dave")) > 0);
    signUp.abort();
    RawClient laptop;
    const QByteArray laptopToken = deviceLogin(server, laptop, QStringLiteral("dave"), QStringLiteral("laptop"));
    QVERIFY(!laptopToken.isEmpty());
    RawClient office;
    const QByteArray officeToken = deviceLogin(server, office, QStringLiteral("dave"), QStringLiteral("office"));
    QVERIFY(!officeToken.isEmpty());
    RawClient plain;
    QVERIFY(plain.connectTo(server.port(), false));
    plain.hello();
    QCOMPARE(RawClient::errorCode(plain.login(QStringLiteral("dave"), kPassword)), QString());
    RawClient erin; // another user, untouched
    QVERIFY(erin.connectTo(server.port(), false));
    QVERIFY(erin.signUp(QStringLiteral("erin")) > 0);

    const QCborMap reply = office.request(typed("logout_others"));
    QCOMPARE(frameType(reply), QStringLiteral("ok"));
    QCOMPARE(reply.value(QLatin1String("sessions")).toInteger(), 2);
    QCOMPARE(reply.value(QLatin1String("devices")).toInteger(), 1);

    for (RawClient* other : {&laptop, &plain}) {
        const QCborMap error = other->waitPush(QStringLiteral("error"));
        QCOMPARE(errorCodeOf(error), QStringLiteral("session_revoked"));
        QVERIFY(other->waitDisconnected());
    }
    QVERIFY(office.isConnected());
    QVERIFY(erin.isConnected());
    QCOMPARE(frameType(office.request(typed("users"))), QStringLiteral("ok"));
    QCOMPARE(frameType(erin.request(typed("users"))), QStringLiteral("ok"));

    // The laptop's token is forgotten; the office's device is still remembered (it is this one).
    RawClient comeback;
    QVERIFY(comeback.connectTo(server.port(), false));
    comeback.hello();
    QCOMPARE(RawClient::errorCode(comeback.request(tokenLogin(QStringLiteral("dave"), laptopToken))),
             QStringLiteral("bad_token"));
    const QCborArray devices = office.request(typed("account_sessions")).value(QLatin1String("devices")).toArray();
    QCOMPARE(devices.size(), 1);
    QCOMPARE(devices.at(0).toMap().value(QLatin1String("name")).toString(), QStringLiteral("office"));
    office.abort();
    RawClient officeAgain;
    QVERIFY(officeAgain.connectTo(server.port(), false));
    officeAgain.hello();
    const QCborMap again = officeAgain.request(tokenLogin(QStringLiteral("dave"), officeToken));
    QCOMPARE(RawClient::errorCode(again), QString());
    QVERIFY(!again.value(QLatin1String("device_token")).toByteArray().isEmpty());
}

void tst_AccountSessions::logoutOthersAloneIsHarmless()
{
    TestServer server(false);
    QVERIFY(server.start());
    RawClient only;
    QVERIFY(only.connectTo(server.port(), false));
    QVERIFY(only.signUp(QStringLiteral("dave")) > 0);
    const QCborMap reply = only.request(typed("logout_others"));
    QCOMPARE(reply.value(QLatin1String("sessions")).toInteger(), 0);
    QCOMPARE(reply.value(QLatin1String("devices")).toInteger(), 0);
    QVERIFY(only.isConnected());
    QCOMPARE(frameType(only.request(typed("users"))), QStringLiteral("ok"));
}

void tst_AccountSessions::wrongOldPasswordIsThrottledLikeLogin()
{
    ServerConfig config = TestServer::openSignUp();
    config.loginBaseDelayMs = 60 * 1000; // no attempt becomes free again during the test
    config.changePasswordPerMinute = 1000;
    TestServer server(false, config);
    QVERIFY(server.start());
    RawClient dave;
    QVERIFY(dave.connectTo(server.port(), false));
    QVERIFY(dave.signUp(QStringLiteral("dave")) > 0);

    for (int i = 0; i < config.loginFreeAttempts; ++i) {
        QCOMPARE(RawClient::errorCode(
                     dave.request(changePassword(QStringLiteral("guess-%1").arg(i), kPassword + "x"), 15000)),
                 QStringLiteral("bad_credentials"));
    }
    QVERIFY(dave.isConnected());
    // The wrong old passwords were failed logins of the account from this address: a login is throttled now,
    // the right password included, before any check.
    RawClient again;
    QVERIFY(again.connectTo(server.port(), false));
    again.hello();
    QCOMPARE(RawClient::errorCode(again.login(QStringLiteral("dave"), kPassword)), QStringLiteral("rate_limited"));
    // And the password was never changed.
    QCOMPARE(RawClient::errorCode(dave.request(typed("users"))), QString());
}

void tst_AccountSessions::refusedBeforeLogin()
{
    TestServer server(false);
    QVERIFY(server.start());
    RawClient c;
    QVERIFY(c.connectTo(server.port(), false));
    c.hello();
    QCOMPARE(RawClient::errorCode(c.request(typed("account_sessions"))), QStringLiteral("unauthenticated"));
    QCOMPARE(RawClient::errorCode(c.request(typed("logout_others"))), QStringLiteral("unauthenticated"));
}

QTEST_GUILESS_MAIN(tst_AccountSessions)
#include "tst_accountsessions.moc"
