// The admin side of "stay logged in", through the real lanchat-server executable against a running in-process relay:
// `user tokens` lists the remembered devices, `user revoke-tokens`, `user passwd` and `user disable` forget them.

#include "adminrunner.h"
#include "rawclient.h"
#include "testserver.h"

#include <QCborMap>
#include <QTest>

using namespace lanchat;
using namespace lanchat::test;

namespace {

const QString kPassword = QStringLiteral("password123");

QCborMap login(const QString& username, const QString& device)
{
    QCborMap m;
    m.insert(QLatin1String("t"), QLatin1String("login"));
    m.insert(QLatin1String("username"), username);
    m.insert(QLatin1String("password"), kPassword);
    m.insert(QLatin1String("remember"), true);
    m.insert(QLatin1String("device_name"), device);
    return m;
}

QCborMap tokenLogin(const QString& username, const QByteArray& token)
{
    QCborMap m;
    m.insert(QLatin1String("t"), QLatin1String("login"));
    m.insert(QLatin1String("username"), username);
    m.insert(QLatin1String("device_token"), token);
    return m;
}

} // namespace

class tst_AdminDeviceTokens : public QObject
{
    Q_OBJECT
private slots:
    void listAndRevoke();
    void passwdAndDisableForgetDevices_data();
    void passwdAndDisableForgetDevices();

private:
    /** Signs @p username up and returns a token for a device named @p device (empty on failure). */
    static QByteArray rememberedDevice(TestServer& server, RawClient& client, const QString& username,
                                       const QString& device);
    static QString tokenLoginError(TestServer& server, const QString& username, const QByteArray& token);
};

QByteArray tst_AdminDeviceTokens::rememberedDevice(TestServer& server, RawClient& client, const QString& username,
                                                   const QString& device)
{
    if (!client.connectTo(server.port(), false))
        return {};
    client.hello();
    return client.request(login(username, device), 15000).value(QLatin1String("device_token")).toByteArray();
}

QString tst_AdminDeviceTokens::tokenLoginError(TestServer& server, const QString& username, const QByteArray& token)
{
    RawClient client;
    if (!client.connectTo(server.port(), false))
        return QStringLiteral("no connection");
    client.hello();
    return RawClient::errorCode(client.request(tokenLogin(username, token)));
}

void tst_AdminDeviceTokens::listAndRevoke()
{
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    RawClient signUp;
    QVERIFY(signUp.connectTo(server.port(), false));
    QVERIFY(signUp.signUp(QStringLiteral("dave"), kPassword) > 0);
    QVERIFY(signUp.signUp(QStringLiteral("erin"), kPassword) > 0);
    RawClient laptop;
    RawClient office;
    RawClient erin;
    const QByteArray laptopToken =
        rememberedDevice(server, laptop, QStringLiteral("dave"), QStringLiteral("Dave 笔记本"));
    const QByteArray officeToken =
        rememberedDevice(server, office, QStringLiteral("dave"), QStringLiteral("office-pc"));
    const QByteArray erinToken = rememberedDevice(server, erin, QStringLiteral("erin"), QStringLiteral("erin-pc"));
    QCOMPARE(laptopToken.size(), 32);
    QCOMPARE(officeToken.size(), 32);
    QCOMPARE(erinToken.size(), 32);

    AdminRunner::Result r = admin.run({QStringLiteral("user"), QStringLiteral("tokens"), QStringLiteral("dave")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Dave 笔记本")) && r.out.contains(QStringLiteral("office-pc")),
             qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("LAST USED")));
    QVERIFY(!r.out.contains(QStringLiteral("erin-pc")));

    r = admin.run({QStringLiteral("user"), QStringLiteral("revoke-tokens"), QStringLiteral("dave")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("2 device")), qPrintable(r.out));
    QCOMPARE(tokenLoginError(server, QStringLiteral("dave"), laptopToken), QStringLiteral("bad_token"));
    QCOMPARE(tokenLoginError(server, QStringLiteral("dave"), officeToken), QStringLiteral("bad_token"));
    QCOMPARE(tokenLoginError(server, QStringLiteral("erin"), erinToken), QString()); // another account: untouched
    r = admin.run({QStringLiteral("user"), QStringLiteral("tokens"), QStringLiteral("dave")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("no device")));
    QCOMPARE(admin.run({QStringLiteral("user"), QStringLiteral("tokens"), QStringLiteral("nobody")}).exitCode, 1);
}

void tst_AdminDeviceTokens::passwdAndDisableForgetDevices_data()
{
    QTest::addColumn<QString>("action");
    QTest::newRow("passwd") << QStringLiteral("passwd");
    QTest::newRow("disable") << QStringLiteral("disable");
}

void tst_AdminDeviceTokens::passwdAndDisableForgetDevices()
{
    QFETCH(QString, action);
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    RawClient signUp;
    QVERIFY(signUp.connectTo(server.port(), false));
    QVERIFY(signUp.signUp(QStringLiteral("frank"), kPassword) > 0);
    RawClient device;
    const QByteArray token = rememberedDevice(server, device, QStringLiteral("frank"), QStringLiteral("pc"));
    QCOMPARE(token.size(), 32);
    QStringList args{QStringLiteral("user"), action, QStringLiteral("frank")};
    if (action == QLatin1String("passwd"))
        args << QStringLiteral("--password-stdin");
    QCOMPARE(admin.run(args, "another-password\n").exitCode, 0);
    if (action == QLatin1String("disable"))
        QCOMPARE(admin.run({QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("frank")}).exitCode, 0);
    // Even once enabled again, the device must log in with a password.
    QCOMPARE(tokenLoginError(server, QStringLiteral("frank"), token), QStringLiteral("bad_token"));
}

QTEST_GUILESS_MAIN(tst_AdminDeviceTokens)
#include "tst_admindevicetokens.moc"
