// Status (docs/protocol.md 16): a status set on one device is seen by everyone at once (presence push), listed in
// `users` and the login reply, kept across reconnects and a server restart; bad names and texts are
// invalid_argument and the connection stays. Raw frames against the real relay in-process (127.0.0.1, port 0,
// SQLite in a QTemporaryDir).

#include "protocolframes.h"
#include "rawclient.h"
#include "testserver.h"

#include <QCborArray>
#include <QTest>

#include <memory>

using namespace lanchat::test;

class tst_Status : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void welcomeAnnouncesFeature();
    void defaultIsOnlineAndOffline();
    void setStatusIsSeenByOthersAtOnce();
    void keptAcrossReconnectAndRestart();
    void offlineKeepsTheText();
    void badRequests_data();
    void badRequests();
    void textAtTheLimitIsAccepted();
    void refusedBeforeLogin();

private:
    std::unique_ptr<RawClient> client(const QString& username);
    static QCborMap setStatus(const QString& status, const QString& text = {});
    /** The User map of @p userId in a `users` reply asked by @p as; empty when absent. */
    static QCborMap userEntry(RawClient& as, qint64 userId);

    std::unique_ptr<TestServer> m_server;
};

void tst_Status::init()
{
    m_server = std::make_unique<TestServer>(false);
    QVERIFY(m_server->start());
}

void tst_Status::cleanup()
{
    m_server.reset();
}

std::unique_ptr<RawClient> tst_Status::client(const QString& username)
{
    auto c = std::make_unique<RawClient>();
    if (!c->connectTo(m_server->port(), false) || c->signUp(username) <= 0)
        return nullptr;
    return c;
}

QCborMap tst_Status::setStatus(const QString& status, const QString& text)
{
    QCborMap m = typed("set_status");
    m.insert(QLatin1String("status"), status);
    if (!text.isNull())
        m.insert(QLatin1String("status_text"), text);
    return m;
}

QCborMap tst_Status::userEntry(RawClient& as, qint64 userId)
{
    const QCborMap reply = as.request(typed("users"));
    for (const QCborValue& user : reply.value(QLatin1String("users")).toArray()) {
        if (user.toMap().value(QLatin1String("id")).toInteger() == userId)
            return user.toMap();
    }
    return {};
}

void tst_Status::welcomeAnnouncesFeature()
{
    RawClient c;
    QVERIFY(c.connectTo(m_server->port(), false));
    const QCborArray features = c.hello().value(QLatin1String("features")).toArray();
    QVERIFY(features.contains(QCborValue(QStringLiteral("status"))));
    QVERIFY(features.contains(QCborValue(QStringLiteral("account_sessions"))));
}

void tst_Status::defaultIsOnlineAndOffline()
{
    auto alice = client(QStringLiteral("alice"));
    QVERIFY(alice);
    auto bob = client(QStringLiteral("bob"));
    QVERIFY(bob);
    const qint64 bobId = bob->userId();
    const QCborMap bobSeen = userEntry(*alice, bobId);
    QCOMPARE(bobSeen.value(QLatin1String("status")).toString(), QStringLiteral("online"));
    QVERIFY(!bobSeen.contains(QLatin1String("status_text")));
    bob.reset();
    QTRY_COMPARE(userEntry(*alice, bobId).value(QLatin1String("status")).toString(), QStringLiteral("offline"));
}

void tst_Status::setStatusIsSeenByOthersAtOnce()
{
    auto alice = client(QStringLiteral("alice"));
    QVERIFY(alice);
    auto bob = client(QStringLiteral("bob"));
    QVERIFY(bob);
    alice->clearPushes();
    const QString text = QStringLiteral("在开会，下午回复");
    QCOMPARE(RawClient::errorCode(bob->request(setStatus(QStringLiteral("busy"), text))), QString());

    const QCborMap push = alice->waitPush(QStringLiteral("presence"));
    QCOMPARE(push.value(QLatin1String("user")).toInteger(), bob->userId());
    QCOMPARE(push.value(QLatin1String("online")).toBool(), true);
    QCOMPARE(push.value(QLatin1String("status")).toString(), QStringLiteral("busy"));
    QCOMPARE(push.value(QLatin1String("status_text")).toString(), text);
    // The setter's own sessions learn it the same way (their other devices show it).
    const QCborMap own = bob->waitPush(QStringLiteral("presence"));
    QCOMPARE(own.value(QLatin1String("status")).toString(), QStringLiteral("busy"));

    const QCborMap listed = userEntry(*alice, bob->userId());
    QCOMPARE(listed.value(QLatin1String("status")).toString(), QStringLiteral("busy"));
    QCOMPARE(listed.value(QLatin1String("status_text")).toString(), text);

    // Surrounding whitespace is dropped; no text clears it.
    QCOMPARE(RawClient::errorCode(bob->request(setStatus(QStringLiteral("dnd"), QStringLiteral("  focus  ")))),
             QString());
    QCOMPARE(userEntry(*alice, bob->userId()).value(QLatin1String("status_text")).toString(), QStringLiteral("focus"));
    QCOMPARE(RawClient::errorCode(bob->request(setStatus(QStringLiteral("online")))), QString());
    const QCborMap cleared = userEntry(*alice, bob->userId());
    QCOMPARE(cleared.value(QLatin1String("status")).toString(), QStringLiteral("online"));
    QVERIFY(!cleared.contains(QLatin1String("status_text")));
}

void tst_Status::keptAcrossReconnectAndRestart()
{
    auto bob = client(QStringLiteral("bob"));
    QVERIFY(bob);
    QCOMPARE(RawClient::errorCode(bob->request(setStatus(QStringLiteral("away"), QStringLiteral("lunch")))), QString());
    bob.reset();

    // Another device of bob's: the login reply carries the status he chose.
    RawClient laptop;
    QVERIFY(laptop.connectTo(m_server->port(), false));
    laptop.hello();
    const QCborMap user =
        laptop.login(QStringLiteral("bob"), QStringLiteral("password123")).value(QLatin1String("user")).toMap();
    QCOMPARE(user.value(QLatin1String("status")).toString(), QStringLiteral("away"));
    QCOMPARE(user.value(QLatin1String("status_text")).toString(), QStringLiteral("lunch"));
    laptop.abort();

    QVERIFY(m_server->restart());
    auto alice = client(QStringLiteral("alice"));
    QVERIFY(alice);
    RawClient again;
    QVERIFY(again.connectTo(m_server->port(), false));
    again.hello();
    QCOMPARE(RawClient::errorCode(again.login(QStringLiteral("bob"), QStringLiteral("password123"))), QString());
    const QCborMap push = alice->waitPush(QStringLiteral("presence"));
    QCOMPARE(push.value(QLatin1String("online")).toBool(), true);
    QCOMPARE(push.value(QLatin1String("status")).toString(), QStringLiteral("away"));
    QCOMPARE(push.value(QLatin1String("status_text")).toString(), QStringLiteral("lunch"));
}

void tst_Status::offlineKeepsTheText()
{
    auto alice = client(QStringLiteral("alice"));
    QVERIFY(alice);
    auto bob = client(QStringLiteral("bob"));
    QVERIFY(bob);
    const qint64 bobId = bob->userId();
    QCOMPARE(RawClient::errorCode(bob->request(setStatus(QStringLiteral("busy"), QStringLiteral("trip")))), QString());
    alice->clearPushes();
    bob.reset();
    QCborMap push;
    QVERIFY(RawClient::waitUntil(
        [&] {
            for (const QCborMap& p : alice->pushes()) {
                if (frameType(p) == QLatin1String("presence") && !p.value(QLatin1String("online")).toBool())
                    push = p;
            }
            return !push.isEmpty();
        },
        5000));
    QCOMPARE(push.value(QLatin1String("user")).toInteger(), bobId);
    QCOMPARE(push.value(QLatin1String("status")).toString(), QStringLiteral("offline"));
    QCOMPARE(push.value(QLatin1String("status_text")).toString(), QStringLiteral("trip"));
}

void tst_Status::badRequests_data()
{
    QTest::addColumn<QCborMap>("request");
    QTest::newRow("offline is not settable") << setStatus(QStringLiteral("offline"));
    QTest::newRow("unknown status") << setStatus(QStringLiteral("sleeping"));
    QTest::newRow("upper case") << setStatus(QStringLiteral("Busy"));
    QTest::newRow("empty status") << setStatus(QString(""));
    QTest::newRow("text of 65 characters") << setStatus(QStringLiteral("busy"), QString(65, QLatin1Char('x')));
    QTest::newRow("text of 65 ideographs") << setStatus(QStringLiteral("busy"), QString(65, QChar(0x4F1A)));
    QTest::newRow("newline in text") << setStatus(QStringLiteral("busy"), QStringLiteral("a\nb"));
    QTest::newRow("escape in text") << setStatus(QStringLiteral("busy"), QStringLiteral("a\x1b[31mb"));
    QTest::newRow("line separator") << setStatus(QStringLiteral("busy"), QStringLiteral("a\u2028b"));
    QCborMap noStatus = typed("set_status");
    QTest::newRow("no status") << noStatus;
    QCborMap wrongType = typed("set_status");
    wrongType.insert(QLatin1String("status"), 3);
    QTest::newRow("status not text") << wrongType;
    QCborMap textNotText = setStatus(QStringLiteral("busy"));
    textNotText.insert(QLatin1String("status_text"), QByteArray("x"));
    QTest::newRow("status_text not text") << textNotText;
}

void tst_Status::badRequests()
{
    QFETCH(QCborMap, request);
    auto bob = client(QStringLiteral("bob"));
    QVERIFY(bob);
    QCOMPARE(RawClient::errorCode(bob->request(setStatus(QStringLiteral("away"), QStringLiteral("before")))),
             QString());
    QCOMPARE(RawClient::errorCode(bob->request(request)), QStringLiteral("invalid_argument"));
    QVERIFY(bob->isConnected());
    // Nothing changed, and the session goes on serving.
    const QCborMap self = userEntry(*bob, bob->userId());
    QCOMPARE(self.value(QLatin1String("status")).toString(), QStringLiteral("away"));
    QCOMPARE(self.value(QLatin1String("status_text")).toString(), QStringLiteral("before"));
}

void tst_Status::textAtTheLimitIsAccepted()
{
    auto bob = client(QStringLiteral("bob"));
    QVERIFY(bob);
    // 64 characters, counted in code points: emoji outside the BMP count once.
    const QString text = QString(63, QChar(0x4F1A)) + QString::fromUcs4(U"\U0001F600", 1);
    QCOMPARE(RawClient::errorCode(bob->request(setStatus(QStringLiteral("dnd"), text))), QString());
    QCOMPARE(userEntry(*bob, bob->userId()).value(QLatin1String("status_text")).toString(), text);
}

void tst_Status::refusedBeforeLogin()
{
    RawClient c;
    QVERIFY(c.connectTo(m_server->port(), false));
    c.hello();
    QCOMPARE(RawClient::errorCode(c.request(setStatus(QStringLiteral("busy")))), QStringLiteral("unauthenticated"));
}

QTEST_GUILESS_MAIN(tst_Status)
#include "tst_status.moc"
