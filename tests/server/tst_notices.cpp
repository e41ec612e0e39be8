// Announcements over real sockets (docs/protocol.md 19): a group owner posts, the other members get the push (or
// find it in notice_list after their next login), acknowledgements reach the author live, a reminder reaches only
// those who have not acknowledged, and every request someone may not make is refused.
#include "protocolframes.h"
#include "rawclient.h"
#include "testserver.h"

#include <QCborArray>
#include <QTest>

using namespace lanchat;
using namespace lanchat::test;

namespace {

// Generous: these waits end as soon as the frame is there; the bound only turns a hang into a failure.
constexpr int kWaitMs = 60000;

QCborMap noticeRequest(const char* type, qint64 notice)
{
    QCborMap m = typed(type);
    m.insert(QLatin1String("notice"), notice);
    return m;
}

QCborMap postRequest(qint64 conversation, const QString& text, bool mustAck)
{
    QCborMap m = typed("notice_post");
    m.insert(QLatin1String("conversation"), conversation);
    m.insert(QLatin1String("text"), text);
    m.insert(QLatin1String("must_ack"), mustAck);
    return m;
}

QCborMap noticeOf(const QCborMap& frame)
{
    return frame.value(QLatin1String("notice")).toMap();
}

/** The `notice` pushes @p client has received so far. */
QList<QCborMap> noticePushes(const RawClient& client)
{
    QList<QCborMap> found;
    for (const QCborMap& push : client.pushes()) {
        if (frameType(push) == QLatin1String("notice"))
            found.append(push);
    }
    return found;
}

} // namespace

class tst_Notices : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void featureIsAnnounced();
    void membersGetTheNoticeAndTheAuthorCountsAcknowledgements();
    void anOfflineRecipientFindsItAfterLogin();
    void remindReachesOnlyThoseWhoHaveNotAcknowledged();
    void aPlainMemberMayNotPost();
    void aGroupAdminMayPost();
    void someoneOutsideTheGroupMayNotPost();
    void acknowledgingANoticeNotReceivedIsForbidden();
    void onlyTheAuthorSeesStatusAndReminds();
    void badPostsAreInvalid();
    void unknownNoticeIsNotFound();

private:
    std::unique_ptr<RawClient> client(const QString& username);
    /** A group of alice (owner) with bob and carol; alice, bob and carol connected. */
    qint64 makeGroup();
    qint64 post(const QString& text, bool mustAck);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_alice;
    std::unique_ptr<RawClient> m_bob;
    std::unique_ptr<RawClient> m_carol;
    qint64 m_group = 0;
};

void tst_Notices::init()
{
    m_server = std::make_unique<TestServer>(false);
    QVERIFY(m_server->start());
}

void tst_Notices::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_carol.reset();
    m_server.reset();
}

std::unique_ptr<RawClient> tst_Notices::client(const QString& username)
{
    auto c = std::make_unique<RawClient>();
    if (!c->connectTo(m_server->port(), false) || c->signUp(username) <= 0)
        return nullptr;
    return c;
}

qint64 tst_Notices::makeGroup()
{
    m_alice = client(QStringLiteral("alice"));
    m_bob = client(QStringLiteral("bob"));
    m_carol = client(QStringLiteral("carol"));
    if (!m_alice || !m_bob || !m_carol)
        return 0;
    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("Team"));
    create.insert(QLatin1String("members"), QCborArray{m_bob->userId(), m_carol->userId()});
    m_group = conversationId(m_alice->request(create, kWaitMs));
    return m_group;
}

qint64 tst_Notices::post(const QString& text, bool mustAck)
{
    const QCborMap reply = m_alice->request(postRequest(m_group, text, mustAck), kWaitMs);
    return noticeOf(reply).value(QLatin1String("id")).toInteger();
}

void tst_Notices::featureIsAnnounced()
{
    RawClient probe;
    QVERIFY(probe.connectTo(m_server->port(), false));
    QVERIFY(probe.hello().value(QLatin1String("features")).toArray().contains(QStringLiteral("notices")));
}

void tst_Notices::membersGetTheNoticeAndTheAuthorCountsAcknowledgements()
{
    QVERIFY(makeGroup() > 0);
    const QCborMap reply = m_alice->request(postRequest(m_group, QStringLiteral("Fire drill at 10:00"), true), kWaitMs);
    QCOMPARE(frameType(reply), QStringLiteral("ok"));
    const QCborMap posted = noticeOf(reply);
    const qint64 notice = posted.value(QLatin1String("id")).toInteger();
    QVERIFY(notice > 0);
    QCOMPARE(posted.value(QLatin1String("author")).toInteger(), m_alice->userId());
    QCOMPARE(posted.value(QLatin1String("audience")).toString(), QStringLiteral("group"));
    QCOMPARE(posted.value(QLatin1String("conversation")).toInteger(), m_group);
    QCOMPARE(posted.value(QLatin1String("recipients")).toInteger(), 2); // the author does not receive it
    QCOMPARE(posted.value(QLatin1String("acknowledged")).toInteger(), 0);

    for (RawClient* member : {m_bob.get(), m_carol.get()}) {
        const QCborMap push = noticeOf(member->waitPush(QStringLiteral("notice"), kWaitMs));
        QCOMPARE(push.value(QLatin1String("id")).toInteger(), notice);
        QCOMPARE(push.value(QLatin1String("text")).toString(), QStringLiteral("Fire drill at 10:00"));
        QCOMPARE(push.value(QLatin1String("must_ack")).toBool(), true);
        QVERIFY(!push.contains(QLatin1String("acked_ms")));
        QVERIFY(!push.contains(QLatin1String("recipients"))); // the others' progress is the author's business
    }

    const QCborMap acked = m_bob->request(noticeRequest("notice_ack", notice), kWaitMs);
    QCOMPARE(frameType(acked), QStringLiteral("ok"));
    const qint64 ackedMs = noticeOf(acked).value(QLatin1String("acked_ms")).toInteger();
    QVERIFY(ackedMs > 0);
    const QCborMap progress = m_alice->waitPush(QStringLiteral("notice_progress"), kWaitMs);
    QCOMPARE(progress.value(QLatin1String("notice")).toInteger(), notice);
    QCOMPARE(progress.value(QLatin1String("user")).toInteger(), m_bob->userId());
    QCOMPARE(progress.value(QLatin1String("acked_ms")).toInteger(), ackedMs);
    QCOMPARE(progress.value(QLatin1String("acknowledged")).toInteger(), 1);
    QCOMPARE(progress.value(QLatin1String("recipients")).toInteger(), 2);

    // Acknowledging again changes nothing: the first time stays.
    const QCborMap again = m_bob->request(noticeRequest("notice_ack", notice), kWaitMs);
    QCOMPARE(noticeOf(again).value(QLatin1String("acked_ms")).toInteger(), ackedMs);

    const QCborMap status = m_alice->request(noticeRequest("notice_status", notice), kWaitMs);
    QCOMPARE(frameType(status), QStringLiteral("ok"));
    QCOMPARE(noticeOf(status).value(QLatin1String("acknowledged")).toInteger(), 1);
    const QCborArray receipts = status.value(QLatin1String("receipts")).toArray();
    QCOMPARE(receipts.size(), 2);
    QCOMPARE(receipts.at(0).toMap().value(QLatin1String("user")).toInteger(), m_bob->userId());
    QCOMPARE(receipts.at(0).toMap().value(QLatin1String("acked_ms")).toInteger(), ackedMs);
    QCOMPARE(receipts.at(1).toMap().value(QLatin1String("user")).toInteger(), m_carol->userId());
    QVERIFY(!receipts.at(1).toMap().contains(QLatin1String("acked_ms")));

    const QCborMap authorList = m_alice->request(typed("notice_list"), kWaitMs);
    QCOMPARE(authorList.value(QLatin1String("posted")).toArray().size(), 1);
    QCOMPARE(authorList.value(QLatin1String("received")).toArray().size(), 0);
}

void tst_Notices::anOfflineRecipientFindsItAfterLogin()
{
    QVERIFY(makeGroup() > 0);
    const qint64 older = post(QStringLiteral("Read the handbook"), false);
    m_carol.reset(); // offline from here
    const qint64 notice = post(QStringLiteral("New VPN from Monday"), true);
    QVERIFY(older > 0 && notice > older);
    QCOMPARE(frameType(m_bob->request(noticeRequest("notice_ack", older), kWaitMs)), QStringLiteral("ok"));

    RawClient carol;
    QVERIFY(carol.connectTo(m_server->port(), false));
    QVERIFY(carol.signUp(QStringLiteral("carol")) > 0);
    const QCborArray received = carol.request(typed("notice_list"), kWaitMs).value(QLatin1String("received")).toArray();
    QCOMPARE(received.size(), 2);
    // Not acknowledged yet: the oldest first.
    QCOMPARE(received.at(0).toMap().value(QLatin1String("id")).toInteger(), older);
    QCOMPARE(received.at(1).toMap().value(QLatin1String("id")).toInteger(), notice);

    // Bob acknowledged the older one: his pending one comes first, the acknowledged one after it.
    const QCborArray bobs = m_bob->request(typed("notice_list"), kWaitMs).value(QLatin1String("received")).toArray();
    QCOMPARE(bobs.size(), 2);
    QCOMPARE(bobs.at(0).toMap().value(QLatin1String("id")).toInteger(), notice);
    QVERIFY(!bobs.at(0).toMap().contains(QLatin1String("acked_ms")));
    QCOMPARE(bobs.at(1).toMap().value(QLatin1String("id")).toInteger(), older);
    QVERIFY(bobs.at(1).toMap().value(QLatin1String("acked_ms")).toInteger() > 0);
}

void tst_Notices::remindReachesOnlyThoseWhoHaveNotAcknowledged()
{
    QVERIFY(makeGroup() > 0);
    const qint64 notice = post(QStringLiteral("Sign the safety form"), true);
    QVERIFY(notice > 0);
    m_carol->waitPush(QStringLiteral("notice"), kWaitMs);
    QCOMPARE(frameType(m_bob->request(noticeRequest("notice_ack", notice), kWaitMs)), QStringLiteral("ok"));
    m_bob->clearPushes();
    m_carol->clearPushes();

    const QCborMap reminded = m_alice->request(noticeRequest("notice_remind", notice), kWaitMs);
    QCOMPARE(frameType(reminded), QStringLiteral("ok"));
    QCOMPARE(reminded.value(QLatin1String("reminded")).toInteger(), 1);
    const QCborMap push = m_carol->waitPush(QStringLiteral("notice"), kWaitMs);
    QCOMPARE(push.value(QLatin1String("reminder")).toBool(), true);
    QCOMPARE(noticeOf(push).value(QLatin1String("id")).toInteger(), notice);
    // A push to Bob would have been queued before his next reply.
    QCOMPARE(frameType(m_bob->request(typed("ping"), kWaitMs)), QStringLiteral("ok"));
    QVERIFY(noticePushes(*m_bob).isEmpty());

    const QCborMap status = m_alice->request(noticeRequest("notice_status", notice), kWaitMs);
    const QCborArray receipts = status.value(QLatin1String("receipts")).toArray();
    QVERIFY(!receipts.at(0).toMap().contains(QLatin1String("reminded_ms")));
    QVERIFY(receipts.at(1).toMap().value(QLatin1String("reminded_ms")).toInteger() > 0);

    // Reminding again at once is refused.
    QCOMPARE(errorCodeOf(m_alice->request(noticeRequest("notice_remind", notice), kWaitMs)),
             QStringLiteral("rate_limited"));
}

void tst_Notices::aPlainMemberMayNotPost()
{
    QVERIFY(makeGroup() > 0);
    QCOMPARE(errorCodeOf(m_bob->request(postRequest(m_group, QStringLiteral("Hi all"), true), kWaitMs)),
             QStringLiteral("forbidden"));
    QCOMPARE(m_carol->request(typed("notice_list"), kWaitMs).value(QLatin1String("received")).toArray().size(), 0);
}

void tst_Notices::aGroupAdminMayPost()
{
    QVERIFY(makeGroup() > 0);
    QCborMap role = typed("group_set_role");
    role.insert(QLatin1String("conversation"), m_group);
    role.insert(QLatin1String("user"), m_bob->userId());
    role.insert(QLatin1String("role"), QStringLiteral("admin"));
    QCOMPARE(frameType(m_alice->request(role, kWaitMs)), QStringLiteral("ok"));
    const QCborMap reply = m_bob->request(postRequest(m_group, QStringLiteral("Admins speak too"), true), kWaitMs);
    QCOMPARE(frameType(reply), QStringLiteral("ok"));
    QCOMPARE(noticeOf(reply).value(QLatin1String("recipients")).toInteger(), 2); // the owner and Carol
    QCOMPARE(noticeOf(m_carol->waitPush(QStringLiteral("notice"), kWaitMs)).value(QLatin1String("author")).toInteger(),
             m_bob->userId());
}

void tst_Notices::someoneOutsideTheGroupMayNotPost()
{
    QVERIFY(makeGroup() > 0);
    auto eve = client(QStringLiteral("eve"));
    QVERIFY(eve);
    QCOMPARE(errorCodeOf(eve->request(postRequest(m_group, QStringLiteral("Hi all"), false), kWaitMs)),
             QStringLiteral("forbidden"));
}

void tst_Notices::acknowledgingANoticeNotReceivedIsForbidden()
{
    QVERIFY(makeGroup() > 0);
    const qint64 notice = post(QStringLiteral("Team only"), true);
    auto eve = client(QStringLiteral("eve"));
    QVERIFY(eve);
    QCOMPARE(errorCodeOf(eve->request(noticeRequest("notice_ack", notice), kWaitMs)), QStringLiteral("forbidden"));
    // Nor does the author receive their own notice.
    QCOMPARE(errorCodeOf(m_alice->request(noticeRequest("notice_ack", notice), kWaitMs)), QStringLiteral("forbidden"));
}

void tst_Notices::onlyTheAuthorSeesStatusAndReminds()
{
    QVERIFY(makeGroup() > 0);
    const qint64 notice = post(QStringLiteral("Team only"), true);
    for (const char* type : {"notice_status", "notice_remind"})
        QCOMPARE(errorCodeOf(m_bob->request(noticeRequest(type, notice), kWaitMs)), QStringLiteral("forbidden"));
}

void tst_Notices::badPostsAreInvalid()
{
    QVERIFY(makeGroup() > 0);
    QCOMPARE(errorCodeOf(m_alice->request(postRequest(m_group, QStringLiteral("   "), true), kWaitMs)),
             QStringLiteral("invalid_argument"));
    QCOMPARE(errorCodeOf(m_alice->request(postRequest(m_group, QString(4097, QLatin1Char('x')), true), kWaitMs)),
             QStringLiteral("invalid_argument"));
    QCborMap open = typed("open_private");
    open.insert(QLatin1String("user"), m_bob->userId());
    const qint64 chat = conversationId(m_alice->request(open, kWaitMs));
    QVERIFY(chat > 0);
    QCOMPARE(errorCodeOf(m_alice->request(postRequest(chat, QStringLiteral("Hi"), true), kWaitMs)),
             QStringLiteral("invalid_argument"));
    // The server keeps serving: a good post still goes through.
    QVERIFY(post(QStringLiteral("Still here"), false) > 0);
}

void tst_Notices::unknownNoticeIsNotFound()
{
    QVERIFY(makeGroup() > 0);
    for (const char* type : {"notice_ack", "notice_status", "notice_remind"})
        QCOMPARE(errorCodeOf(m_alice->request(noticeRequest(type, 999), kWaitMs)), QStringLiteral("not_found"));
}

QTEST_GUILESS_MAIN(tst_Notices)
#include "tst_notices.moc"
