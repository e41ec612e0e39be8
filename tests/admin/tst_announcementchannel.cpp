// The announcement channel over real sockets: `lanchat-server broadcast` (the real executable, against an
// in-process relay) creates a group marked as the channel in storage and on the wire; members read it, and
// the relay refuses anything a client posts into it (text, file offer) or changes about it with `forbidden`.

#include "adminrunner.h"
#include "protocolframes.h"
#include "rawclient.h"
#include "sha256.h"
#include "testserver.h"

#include <QCborArray>
#include <QTest>
#include <QUuid>

using namespace lanchat;
using namespace lanchat::test;

namespace {

/** The conversation @p id from a `conversations` reply of @p client; empty if it is not listed. */
QCborMap listed(RawClient& client, qint64 id)
{
    const QCborArray list = client.request(typed("conversations")).value(QLatin1String("conversations")).toArray();
    for (const QCborValue& entry : list) {
        if (entry.toMap().value(QLatin1String("id")).toInteger() == id)
            return entry.toMap();
    }
    return {};
}

} // namespace

class tst_AnnouncementChannel : public QObject
{
    Q_OBJECT
private slots:
    void membersReadButCannotPost();
};

void tst_AnnouncementChannel::membersReadButCannotPost()
{
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    RawClient probe;
    QVERIFY(probe.connectTo(server.port(), false));
    QVERIFY(probe.hello().value(QLatin1String("features")).toArray().contains(QStringLiteral("announcement_channel")));
    RawClient owner;
    QVERIFY(owner.connectTo(server.port(), false));
    QVERIFY(owner.signUp(QStringLiteral("boss")) > 0);
    RawClient member;
    QVERIFY(member.connectTo(server.port(), false));
    QVERIFY(member.signUp(QStringLiteral("member")) > 0);

    // A group a user happens to name "Announcements" is not the channel and stays an ordinary group.
    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("Announcements"));
    create.insert(QLatin1String("members"), QCborArray{owner.userId()});
    const qint64 ordinary =
        member.request(create).value(QLatin1String("conversation")).toMap().value(QLatin1String("id")).toInteger();
    QVERIFY(ordinary > 0);
    // That group's own system line ("member created the group") reaches its creator first.
    QCOMPARE(member.waitPush(QStringLiteral("message")).value(QLatin1String("kind")).toString(),
             QStringLiteral("system"));

    const AdminRunner::Result r = admin.run({QStringLiteral("broadcast"), QStringLiteral("Fire drill at 10:00"),
                                             QStringLiteral("--owner"), QStringLiteral("boss")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    const QCborMap push = member.waitPush(QStringLiteral("message"));
    QCOMPARE(push.value(QLatin1String("text")).toString(), QStringLiteral("Fire drill at 10:00"));
    const qint64 channel = push.value(QLatin1String("conversation")).toInteger();
    QVERIFY(channel != ordinary);

    const QCborMap info = listed(member, channel);
    QCOMPARE(info.value(QLatin1String("channel")).toString(), QStringLiteral("announcements"));
    QCOMPARE(info.value(QLatin1String("read_only")).toBool(), true);
    QVERIFY(!listed(member, ordinary).contains(QLatin1String("channel")));

    // Neither a member nor the account that owns the group posts or changes anything in it.
    for (RawClient* client : {&member, &owner}) {
        QCOMPARE(RawClient::errorCode(client->sendText(channel, QStringLiteral("me too"))),
                 QStringLiteral("forbidden"));
        QCborMap offer = typed("file_offer");
        offer.insert(QLatin1String("conversation"), channel);
        offer.insert(QLatin1String("client_msg_id"), QUuid::createUuid().toRfc4122());
        offer.insert(QLatin1String("name"), QStringLiteral("reply.txt"));
        offer.insert(QLatin1String("size"), 3);
        offer.insert(QLatin1String("sha256"), Sha256::hash(QByteArrayLiteral("abc")));
        QCOMPARE(RawClient::errorCode(client->request(offer)), QStringLiteral("forbidden"));
    }
    QCborMap rename = typed("group_rename");
    rename.insert(QLatin1String("conversation"), channel);
    rename.insert(QLatin1String("name"), QStringLiteral("Chat"));
    QCOMPARE(RawClient::errorCode(owner.request(rename)), QStringLiteral("forbidden"));
    QCborMap leave = typed("group_leave");
    leave.insert(QLatin1String("conversation"), channel);
    QCOMPARE(RawClient::errorCode(member.request(leave)), QStringLiteral("forbidden"));

    QCborMap history = typed("history");
    history.insert(QLatin1String("conversation"), channel);
    history.insert(QLatin1String("limit"), 50);
    QCOMPARE(member.request(history).value(QLatin1String("messages")).toArray().size(), 1);

    // The ordinary group of the same name still takes posts; a second broadcast reuses the channel.
    QCOMPARE(RawClient::errorCode(member.sendText(ordinary, QStringLiteral("lunch?"))), QString());
    member.clearPushes();
    QCOMPARE(admin.run({QStringLiteral("broadcast"), QStringLiteral("Drill over")}).exitCode, 0);
    QCOMPARE(member.waitPush(QStringLiteral("message")).value(QLatin1String("conversation")).toInteger(), channel);
}

QTEST_GUILESS_MAIN(tst_AnnouncementChannel)
#include "tst_announcementchannel.moc"
