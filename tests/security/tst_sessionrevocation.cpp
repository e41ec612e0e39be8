// A changed password ends every other session of the account at once (connection-level `session_revoked`, then
// close): a real RelayServer in-process on 127.0.0.1:0 with a real SQLite file, clients over loopback.

#include "protocolframes.h"
#include "rawclient.h"
#include "testserver.h"

#include <QCborMap>
#include <QtTest>

using namespace lanchat;
using lanchat::test::RawClient;
using lanchat::test::TestServer;
using lanchat::test::typed;

namespace {

QCborMap changePassword(const QString& oldPassword, const QString& newPassword)
{
    QCborMap m = typed("change_password");
    m.insert(QLatin1String("old_password"), oldPassword);
    m.insert(QLatin1String("new_password"), newPassword);
    return m;
}

} // namespace

class tst_SessionRevocation : public QObject
{
    Q_OBJECT
private slots:
    void changePasswordEndsOtherSessions_data();
    void changePasswordEndsOtherSessions();
    void wrongOldPasswordEndsNothing();
};

void tst_SessionRevocation::changePasswordEndsOtherSessions_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("plaintext") << false;
    QTest::newRow("tls") << true;
}

void tst_SessionRevocation::changePasswordEndsOtherSessions()
{
    QFETCH(bool, tls);
    TestServer server(tls);
    QVERIFY(server.start());
    RawClient laptop;
    RawClient phone;
    RawClient tablet;
    RawClient bob;
    for (RawClient* client : {&laptop, &phone, &tablet, &bob})
        QVERIFY(client->connectTo(server.port(), tls));
    QVERIFY(laptop.signUp(QStringLiteral("alice"), QStringLiteral("old-password")) > 0);
    QVERIFY(phone.signUp(QStringLiteral("alice"), QStringLiteral("old-password")) > 0);
    QVERIFY(tablet.signUp(QStringLiteral("alice"), QStringLiteral("old-password")) > 0);
    QVERIFY(bob.signUp(QStringLiteral("bob")) > 0);

    const QCborMap reply =
        laptop.request(changePassword(QStringLiteral("old-password"), QStringLiteral("new-password")));
    QCOMPARE(reply.value(QLatin1String("t")).toString(), QStringLiteral("ok"));
    for (RawClient* other : {&phone, &tablet}) {
        const QCborMap error = other->waitPush(QStringLiteral("error"));
        QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("session_revoked"));
        QVERIFY(!error.contains(QLatin1String("id")));
        QVERIFY(other->waitDisconnected());
    }
    // The session that changed the password stays logged in; other users are not touched.
    QCOMPARE(RawClient::errorCode(laptop.request(typed("users"))), QString());
    QCOMPARE(RawClient::errorCode(bob.request(typed("users"))), QString());
    QVERIFY(laptop.isConnected() && bob.isConnected());

    RawClient again;
    QVERIFY(again.connectTo(server.port(), tls));
    again.hello();
    QCOMPARE(RawClient::errorCode(again.login(QStringLiteral("alice"), QStringLiteral("old-password"))),
             QStringLiteral("bad_credentials"));
    QCOMPARE(RawClient::errorCode(again.login(QStringLiteral("alice"), QStringLiteral("new-password"))), QString());
}

void tst_SessionRevocation::wrongOldPasswordEndsNothing()
{
    TestServer server(false);
    QVERIFY(server.start());
    RawClient laptop;
    RawClient phone;
    QVERIFY(laptop.connectTo(server.port(), false));
    QVERIFY(phone.connectTo(server.port(), false));
    QVERIFY(laptop.signUp(QStringLiteral("alice")) > 0);
    QVERIFY(phone.signUp(QStringLiteral("alice")) > 0);
    QCOMPARE(
        RawClient::errorCode(laptop.request(changePassword(QStringLiteral("wrong-guess"), QStringLiteral("x2345678")))),
        QStringLiteral("bad_credentials"));
    // A ping round trip on the phone after the refusal: a revocation would have come before its reply.
    QCOMPARE(RawClient::errorCode(phone.request(typed("ping"))), QString());
    QVERIFY(phone.waitPush(QStringLiteral("error"), 0).isEmpty());
    QVERIFY(phone.isConnected());
}

QTEST_GUILESS_MAIN(tst_SessionRevocation)
#include "tst_sessionrevocation.moc"
