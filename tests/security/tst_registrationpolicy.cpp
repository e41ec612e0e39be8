// Sign-up modes end to end (RegistrationPolicy): a real RelayServer in-process on 127.0.0.1:0, raw clients over
// loopback. Off by default; open; invite with the right, a wrong or no code; welcome tells the mode; a reload of
// the configuration changes it for the next request.

#include "rawclient.h"
#include "serverconfig.h"
#include "testserver.h"

#include <QCborMap>
#include <QtTest>

using namespace lanchat;
using lanchat::test::RawClient;
using lanchat::test::TestServer;

namespace {

const QString kInvite = QStringLiteral("blue-harbour-7");

/** `register` with an optional invite (absent when @p invite is null). */
QCborMap signUp(RawClient& client, const QString& username, const QString& invite)
{
    QCborMap request;
    request.insert(QLatin1String("t"), QLatin1String("register"));
    request.insert(QLatin1String("username"), username);
    request.insert(QLatin1String("password"), QStringLiteral("password123"));
    if (!invite.isNull())
        request.insert(QLatin1String("invite"), invite);
    return client.request(request);
}

ServerConfig withMode(ServerConfig::Registration mode)
{
    ServerConfig config;
    config.registration = mode;
    config.inviteCode = kInvite.toUtf8();
    return config;
}

} // namespace

class tst_RegistrationPolicy : public QObject
{
    Q_OBJECT
private slots:
    void modes_data();
    void modes();
    void reloadChangesTheMode();
};

void tst_RegistrationPolicy::modes_data()
{
    QTest::addColumn<bool>("defaultConfig");
    QTest::addColumn<int>("mode"); // a ServerConfig::Registration
    QTest::addColumn<QString>("invite");
    QTest::addColumn<QString>("welcomed");
    QTest::addColumn<QString>("error"); // empty: the account is created and logged in
    using R = ServerConfig::Registration;
    QTest::newRow("default config: off") << true << 0 << QString() << "off"
                                         << "registration_disabled";
    QTest::newRow("off, even with the code") << false << int(R::Off) << kInvite << "off"
                                             << "registration_disabled";
    QTest::newRow("open") << false << int(R::Open) << QString() << "open" << QString();
    QTest::newRow("open ignores an invite")
        << false << int(R::Open) << QStringLiteral("whatever") << "open" << QString();
    QTest::newRow("invite, right code") << false << int(R::Invite) << kInvite << "invite" << QString();
    QTest::newRow("invite, no code") << false << int(R::Invite) << QString() << "invite"
                                     << "bad_invite";
    QTest::newRow("invite, empty code") << false << int(R::Invite) << QStringLiteral("") << "invite"
                                        << "bad_invite";
    QTest::newRow("invite, wrong code") << false << int(R::Invite) << QStringLiteral("blue-harbour-8") << "invite"
                                        << "bad_invite";
    QTest::newRow("invite, a prefix of the code") << false << int(R::Invite) << kInvite.left(4) << "invite"
                                                  << "bad_invite";
}

void tst_RegistrationPolicy::modes()
{
    QFETCH(bool, defaultConfig);
    QFETCH(int, mode);
    QFETCH(QString, invite);
    QFETCH(QString, welcomed);
    QFETCH(QString, error);
    TestServer server(false, defaultConfig ? ServerConfig{} : withMode(ServerConfig::Registration(mode)));
    QVERIFY(server.start());
    RawClient client;
    QVERIFY(client.connectTo(server.port(), false));
    const QCborMap welcome = client.hello();
    QCOMPARE(welcome.value(QLatin1String("registration")).toString(), welcomed);
    const QCborMap reply = signUp(client, QStringLiteral("newcomer"), invite);
    QCOMPARE(RawClient::errorCode(reply), error);
    if (error.isEmpty()) {
        QCOMPARE(reply.value(QLatin1String("user")).toMap().value(QLatin1String("username")).toString(),
                 QStringLiteral("newcomer"));
        return;
    }
    // Refused: nothing was created, and the connection is still usable.
    RawClient admin;
    QVERIFY(admin.connectTo(server.port(), false));
    QCOMPARE(RawClient::errorCode(admin.login(QStringLiteral("newcomer"), QStringLiteral("password123"))),
             QStringLiteral("bad_credentials"));
    QVERIFY(client.isConnected());
}

void tst_RegistrationPolicy::reloadChangesTheMode()
{
    TestServer server(false, withMode(ServerConfig::Registration::Open));
    QVERIFY(server.start());
    RawClient first;
    QVERIFY(first.connectTo(server.port(), false));
    first.hello();
    QCOMPARE(RawClient::errorCode(signUp(first, QStringLiteral("first"), {})), QString());

    // What SIGHUP does with a re-read file (the signal itself: tst_adminmaintenance).
    ServerConfig fresh = server.config();
    fresh.registration = ServerConfig::Registration::Off;
    server.server().reloadConfig(fresh);
    RawClient second;
    QVERIFY(second.connectTo(server.port(), false));
    QCOMPARE(second.hello().value(QLatin1String("registration")).toString(), QStringLiteral("off"));
    QCOMPARE(RawClient::errorCode(signUp(second, QStringLiteral("second"), {})),
             QStringLiteral("registration_disabled"));

    fresh.registration = ServerConfig::Registration::Invite;
    fresh.inviteCode = "a-new-code";
    server.server().reloadConfig(fresh);
    RawClient third;
    QVERIFY(third.connectTo(server.port(), false));
    QCOMPARE(third.hello().value(QLatin1String("registration")).toString(), QStringLiteral("invite"));
    QCOMPARE(RawClient::errorCode(signUp(third, QStringLiteral("third"), kInvite)), QStringLiteral("bad_invite"));
    QCOMPARE(RawClient::errorCode(signUp(third, QStringLiteral("third"), QStringLiteral("a-new-code"))), QString());
    QVERIFY(first.isConnected()); // a reload is not a restart
}

QTEST_GUILESS_MAIN(tst_RegistrationPolicy)
#include "tst_registrationpolicy.moc"
