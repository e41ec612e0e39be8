// `lanchat-server user lock-name|unlock-name` through the real executable against a running in-process relay: the
// lock reaches every online client at once (`user` push with name_locked), profile_update of the name is then
// forbidden, and unlocking lets the user rename themselves again.

#include "adminrunner.h"
#include "messages/profilemessages.h"
#include "rawclient.h"
#include "testserver.h"

#include <QCborMap>
#include <QTest>

using namespace lanchat;
using namespace lanchat::test;

class tst_AdminNameLock : public QObject
{
    Q_OBJECT
private slots:
    void lockAndUnlock();
    void unknownUserFails();
};

void tst_AdminNameLock::lockAndUnlock()
{
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    RawClient grace;
    RawClient henry;
    QVERIFY(grace.connectTo(server.port(), false) && grace.signUp(QStringLiteral("grace")) > 0);
    QVERIFY(henry.connectTo(server.port(), false) && henry.signUp(QStringLiteral("henry")) > 0);
    henry.clearPushes();

    AdminRunner::Result r = admin.run({QStringLiteral("user"), QStringLiteral("lock-name"), QStringLiteral("grace")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("locked")), qPrintable(r.out));
    const QCborMap pushed = henry.waitPush(QStringLiteral("user")).value(QLatin1String("user")).toMap();
    QCOMPARE(pushed.value(QLatin1String("id")).toInteger(), grace.userId());
    QVERIFY(pushed.value(QLatin1String("name_locked")).toBool());

    ProfileUpdate rename;
    rename.displayName = QStringLiteral("Grace Hopper");
    QCOMPARE(RawClient::errorCode(grace.request(rename.encode())), QStringLiteral("forbidden"));

    r = admin.run({QStringLiteral("user"), QStringLiteral("unlock-name"), QStringLiteral("grace")});
    QCOMPARE(r.exitCode, 0);
    const QCborMap reply = grace.request(rename.encode());
    QCOMPARE(RawClient::errorCode(reply), QString());
    const QCborMap user = reply.value(QLatin1String("user")).toMap();
    QCOMPARE(user.value(QLatin1String("display_name")).toString(), QStringLiteral("Grace Hopper"));
    QVERIFY(!user.value(QLatin1String("name_locked")).toBool());
}

void tst_AdminNameLock::unknownUserFails()
{
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    QCOMPARE(admin.run({QStringLiteral("user"), QStringLiteral("lock-name"), QStringLiteral("nobody")}).exitCode, 1);
}

QTEST_GUILESS_MAIN(tst_AdminNameLock)
#include "tst_adminnamelock.moc"
