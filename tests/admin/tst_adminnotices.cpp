// `lanchat-server notice …` (the real executable) against an in-process relay and without one: the administrator's
// notices reach the recipients online at once and the others at their next login; status, CSV, list and remind.
#include "adminrunner.h"
#include "protocolframes.h"
#include "rawclient.h"
#include "testserver.h"

#include <QCborArray>
#include <QTest>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 60000;

QCborMap noticeRequest(const char* type, qint64 notice)
{
    QCborMap m = typed(type);
    m.insert(QLatin1String("notice"), notice);
    return m;
}

QCborMap noticeOf(const QCborMap& frame)
{
    return frame.value(QLatin1String("notice")).toMap();
}

} // namespace

class tst_AdminNotices : public QObject
{
    Q_OBJECT
private slots:
    void postToEveryoneReachesOnlineAndOfflineRecipients();
    void statusListCsvAndRemind();
    void postToAGroupReachesItsMembers();
    void postToADepartmentIncludesItsSubDepartments();
    void badUsageIsRefused();
    void withoutAServerTheNoticeWaitsForLogin();
};

void tst_AdminNotices::postToEveryoneReachesOnlineAndOfflineRecipients()
{
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    RawClient ann;
    QVERIFY(ann.connectTo(server.port(), false));
    QVERIFY(ann.signUp(QStringLiteral("ann")) > 0);
    {
        RawClient later;
        QVERIFY(later.connectTo(server.port(), false));
        QVERIFY(later.signUp(QStringLiteral("later")) > 0);
    }

    const AdminRunner::Result r = admin.run({QStringLiteral("notice"), QStringLiteral("post"), QStringLiteral("--all"),
                                             QStringLiteral("--ack"), QStringLiteral("Office closed on Friday")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("posted to 2 recipients")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("pushed to 1 recipient online")), qPrintable(r.out));
    const QCborMap push = noticeOf(ann.waitPush(QStringLiteral("notice"), kWaitMs));
    QCOMPARE(push.value(QLatin1String("author")).toInteger(), 0);
    QCOMPARE(push.value(QLatin1String("audience")).toString(), QStringLiteral("all"));
    QCOMPARE(push.value(QLatin1String("must_ack")).toBool(), true);
    QCOMPARE(push.value(QLatin1String("text")).toString(), QStringLiteral("Office closed on Friday"));

    RawClient later;
    QVERIFY(later.connectTo(server.port(), false));
    QVERIFY(later.signUp(QStringLiteral("later")) > 0);
    const QCborArray received = later.request(typed("notice_list"), kWaitMs).value(QLatin1String("received")).toArray();
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.at(0).toMap().value(QLatin1String("id")).toInteger(),
             push.value(QLatin1String("id")).toInteger());

    // Accounts made afterwards do not receive it: the recipients were fixed when it was posted.
    RawClient newcomer;
    QVERIFY(newcomer.connectTo(server.port(), false));
    QVERIFY(newcomer.signUp(QStringLiteral("newcomer")) > 0);
    QVERIFY(newcomer.request(typed("notice_list"), kWaitMs).value(QLatin1String("received")).toArray().isEmpty());
}

void tst_AdminNotices::statusListCsvAndRemind()
{
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    RawClient ann;
    QVERIFY(ann.connectTo(server.port(), false));
    QVERIFY(ann.signUp(QStringLiteral("ann")) > 0);
    RawClient ben;
    QVERIFY(ben.connectTo(server.port(), false));
    QVERIFY(ben.signUp(QStringLiteral("ben")) > 0);

    QCOMPARE(admin
                 .run({QStringLiteral("notice"), QStringLiteral("post"), QStringLiteral("--all"),
                       QStringLiteral("--ack"), QStringLiteral("New expense policy")})
                 .exitCode,
             0);
    const qint64 id = noticeOf(ann.waitPush(QStringLiteral("notice"), kWaitMs)).value(QLatin1String("id")).toInteger();
    ben.waitPush(QStringLiteral("notice"), kWaitMs);
    QCOMPARE(frameType(ann.request(noticeRequest("notice_ack", id), kWaitMs)), QStringLiteral("ok"));

    const AdminRunner::Result status =
        admin.run({QStringLiteral("notice"), QStringLiteral("status"), QString::number(id)});
    QVERIFY2(status.exitCode == 0, qPrintable(status.err));
    QVERIFY2(status.out.contains(QStringLiteral("acknowledged by 1 of 2")), qPrintable(status.out));

    const AdminRunner::Result csv =
        admin.run({QStringLiteral("notice"), QStringLiteral("status"), QString::number(id), QStringLiteral("--csv")});
    QCOMPARE(csv.exitCode, 0);
    const QStringList lines = csv.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), QStringLiteral("username,display_name,acknowledged_at_utc"));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("ann,ann,20")) && lines.at(1).endsWith(QLatin1Char('Z')),
             qPrintable(lines.at(1)));
    QCOMPARE(lines.at(2), QStringLiteral("ben,ben,"));

    const AdminRunner::Result list = admin.run({QStringLiteral("notice"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains(QStringLiteral("1/2")) && list.out.contains(QStringLiteral("New expense policy")),
             qPrintable(list.out));

    ann.clearPushes();
    const AdminRunner::Result remind =
        admin.run({QStringLiteral("notice"), QStringLiteral("remind"), QString::number(id)});
    QVERIFY2(remind.exitCode == 0, qPrintable(remind.err));
    QVERIFY2(remind.out.contains(QStringLiteral("1 recipient has not acknowledged")), qPrintable(remind.out));
    const QCborMap reminder = ben.waitPush(QStringLiteral("notice"), kWaitMs);
    QCOMPARE(reminder.value(QLatin1String("reminder")).toBool(), true);
    QCOMPARE(frameType(ann.request(typed("ping"), kWaitMs)), QStringLiteral("ok"));
    for (const QCborMap& push : ann.pushes())
        QVERIFY(frameType(push) != QLatin1String("notice"));
}

void tst_AdminNotices::postToAGroupReachesItsMembers()
{
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    RawClient owner;
    QVERIFY(owner.connectTo(server.port(), false));
    QVERIFY(owner.signUp(QStringLiteral("owner")) > 0);
    RawClient outsider;
    QVERIFY(outsider.connectTo(server.port(), false));
    QVERIFY(outsider.signUp(QStringLiteral("outsider")) > 0);
    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("Ops"));
    create.insert(QLatin1String("members"), QCborArray{});
    const qint64 group = conversationId(owner.request(create, kWaitMs));
    QVERIFY(group > 0);

    const AdminRunner::Result r =
        admin.run({QStringLiteral("notice"), QStringLiteral("post"), QStringLiteral("--group"), QString::number(group),
                   QStringLiteral("Ops meeting moved")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    const QCborMap push = noticeOf(owner.waitPush(QStringLiteral("notice"), kWaitMs));
    QCOMPARE(push.value(QLatin1String("conversation")).toInteger(), group);
    QCOMPARE(push.value(QLatin1String("must_ack")).toBool(), false);
    QVERIFY(outsider.request(typed("notice_list"), kWaitMs).value(QLatin1String("received")).toArray().isEmpty());
}

void tst_AdminNotices::postToADepartmentIncludesItsSubDepartments()
{
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    RawClient dev;
    QVERIFY(dev.connectTo(server.port(), false));
    QVERIFY(dev.signUp(QStringLiteral("dev")) > 0);
    RawClient lead;
    QVERIFY(lead.connectTo(server.port(), false));
    QVERIFY(lead.signUp(QStringLiteral("lead")) > 0);
    RawClient sales;
    QVERIFY(sales.connectTo(server.port(), false));
    QVERIFY(sales.signUp(QStringLiteral("sales")) > 0);
    for (const QStringList& args :
         {QStringList{QStringLiteral("dept"), QStringLiteral("add"), QStringLiteral("总部/研发部/平台组")},
          QStringList{QStringLiteral("dept"), QStringLiteral("add"), QStringLiteral("总部/市场部")},
          QStringList{QStringLiteral("user"), QStringLiteral("set"), QStringLiteral("dev"), QStringLiteral("--dept"),
                      QStringLiteral("总部/研发部/平台组")},
          QStringList{QStringLiteral("user"), QStringLiteral("set"), QStringLiteral("lead"), QStringLiteral("--dept"),
                      QStringLiteral("总部/研发部")},
          QStringList{QStringLiteral("user"), QStringLiteral("set"), QStringLiteral("sales"), QStringLiteral("--dept"),
                      QStringLiteral("总部/市场部")}}) {
        const AdminRunner::Result r = admin.run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(args.join(QLatin1Char(' ')) + QLatin1Char('\n') + r.out + r.err));
    }

    const AdminRunner::Result r =
        admin.run({QStringLiteral("notice"), QStringLiteral("post"), QStringLiteral("--dept"),
                   QStringLiteral("总部/研发部"), QStringLiteral("--ack"), QStringLiteral("Code freeze tonight")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("posted to 2 recipients")), qPrintable(r.out));
    for (RawClient* client : {&dev, &lead}) {
        const QCborMap push = noticeOf(client->waitPush(QStringLiteral("notice"), kWaitMs));
        QCOMPARE(push.value(QLatin1String("audience")).toString(), QStringLiteral("departments"));
        QCOMPARE(push.value(QLatin1String("departments")).toArray().size(), 1);
    }
    QVERIFY(sales.request(typed("notice_list"), kWaitMs).value(QLatin1String("received")).toArray().isEmpty());

    const AdminRunner::Result unknown =
        admin.run({QStringLiteral("notice"), QStringLiteral("post"), QStringLiteral("--dept"),
                   QStringLiteral("总部/法务部"), QStringLiteral("x")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral("no department")), qPrintable(unknown.err));
}

void tst_AdminNotices::badUsageIsRefused()
{
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    QCOMPARE(admin.run({QStringLiteral("notice"), QStringLiteral("post"), QStringLiteral("Both or none")}).exitCode, 2);
    QCOMPARE(
        admin.run({QStringLiteral("notice"), QStringLiteral("post"), QStringLiteral("--all"), QStringLiteral("  ")})
            .exitCode,
        2);
    const AdminRunner::Result noGroup =
        admin.run({QStringLiteral("notice"), QStringLiteral("post"), QStringLiteral("--group"), QStringLiteral("999"),
                   QStringLiteral("x")});
    QCOMPARE(noGroup.exitCode, 1);
    QVERIFY2(noGroup.err.contains(QStringLiteral("no group 999")), qPrintable(noGroup.err));
    const AdminRunner::Result noNotice =
        admin.run({QStringLiteral("notice"), QStringLiteral("status"), QStringLiteral("42")});
    QCOMPARE(noNotice.exitCode, 1);
    QVERIFY2(noNotice.err.contains(QStringLiteral("no notice 42")), qPrintable(noNotice.err));
}

void tst_AdminNotices::withoutAServerTheNoticeWaitsForLogin()
{
    TestServer server(false);
    QVERIFY(server.start());
    {
        RawClient ann;
        QVERIFY(ann.connectTo(server.port(), false));
        QVERIFY(ann.signUp(QStringLiteral("ann")) > 0);
    }
    server.stop();
    const AdminRunner admin(server.dataDir());
    const AdminRunner::Result r = admin.run({QStringLiteral("notice"), QStringLiteral("post"), QStringLiteral("--all"),
                                             QStringLiteral("--ack"), QStringLiteral("Welcome back")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("server not running")), qPrintable(r.out));
    QVERIFY(server.restart());
    RawClient ann;
    QVERIFY(ann.connectTo(server.port(), false));
    QVERIFY(ann.signUp(QStringLiteral("ann")) > 0);
    const QCborArray received = ann.request(typed("notice_list"), kWaitMs).value(QLatin1String("received")).toArray();
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.at(0).toMap().value(QLatin1String("text")).toString(), QStringLiteral("Welcome back"));
}

QTEST_GUILESS_MAIN(tst_AdminNotices)
#include "tst_adminnotices.moc"
