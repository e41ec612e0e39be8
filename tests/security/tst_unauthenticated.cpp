// Connections that never log in: a login deadline that pings do not extend, a per-address cap of their own
// below the connection cap, and an open-file limit that fits max_connections. A real RelayServer on
// 127.0.0.1:0 with short limits; every wait is bounded (no sleeps).

#include "framecodec.h"
#include "protocolframes.h"
#include "rawclient.h"
#include "security/connectionlimiter.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTimer>
#include <QtTest>

#include <memory>
#include <sys/resource.h>
#include <vector>

using namespace lanchat;
using lanchat::test::errorCodeOf;
using lanchat::test::RawClient;
using lanchat::test::TestServer;
using lanchat::test::typed;

namespace {

rlimit fileLimit()
{
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    return limit;
}

} // namespace

class tst_Unauthenticated : public QObject
{
    Q_OBJECT
private slots:
    void limiterCountsUnauthenticatedApart();
    void pingingWithoutLoginIsClosed();
    void loggedInSessionOutlivesTheDeadline();
    void logoutStartsTheDeadlineAgain();
    void unauthenticatedCappedPerAddress();
    void openFileLimitRaisedForMaxConnections();
    // Last: it lowers this process's hard limit, which cannot be raised again.
    void openFileLimitShortfallIsLogged();

private:
    static std::unique_ptr<TestServer> startServer(ServerConfig config);
};

std::unique_ptr<TestServer> tst_Unauthenticated::startServer(ServerConfig config)
{
    auto server = std::make_unique<TestServer>(false, std::move(config));
    if (!server->start())
        return nullptr;
    return server;
}

void tst_Unauthenticated::limiterCountsUnauthenticatedApart()
{
    ConnectionLimiter limiter(4, 100, 2);
    const QHostAddress a(QStringLiteral("10.0.0.1"));
    const QHostAddress b(QStringLiteral("10.0.0.2"));
    QVERIFY(limiter.tryAcquire(a));
    QVERIFY(limiter.tryAcquire(QHostAddress(QStringLiteral("::ffff:10.0.0.1"))));
    QVERIFY(!limiter.tryAcquire(a)); // two not logged in from a
    QVERIFY(limiter.tryAcquire(b));  // another address has its own
    QCOMPARE(limiter.unauthenticatedCount(a), 2);
    limiter.setAuthenticated(a, true);
    QCOMPARE(limiter.unauthenticatedCount(a), 1);
    QVERIFY(limiter.tryAcquire(a));
    limiter.setAuthenticated(a, true);
    limiter.setAuthenticated(a, true);
    QVERIFY(limiter.tryAcquire(a));
    QCOMPARE(limiter.count(a), 4);
    QVERIFY(!limiter.tryAcquire(a)); // the cap of all connections still holds
    limiter.release(a, true);
    limiter.release(a, false);
    QCOMPARE(limiter.count(a), 2);
    QCOMPARE(limiter.unauthenticatedCount(a), 0);
    QCOMPARE(limiter.total(), 3);
}

void tst_Unauthenticated::pingingWithoutLoginIsClosed()
{
    ServerConfig config = TestServer::openSignUp();
    config.handshakeTimeoutMs = 5000;
    config.heartbeatTimeoutMs = 5000;
    config.loginTimeoutMs = 400;
    auto server = startServer(config);
    QVERIFY(server);
    QElapsedTimer timer;
    timer.start();
    RawClient idler;
    QVERIFY(idler.connectTo(server->port(), false));
    QCOMPARE(idler.hello().value(QLatin1String("t")).toString(), QStringLiteral("welcome"));
    QTimer pinger;
    connect(&pinger, &QTimer::timeout, &idler, [&idler] { idler.send(typed("ping")); });
    pinger.start(50);
    QCOMPARE(errorCodeOf(idler.waitPush(QStringLiteral("error"), 20000)), QStringLiteral("timeout"));
    QVERIFY(idler.waitDisconnected(10000));
    QVERIFY(timer.elapsed() >= 350); // not before the configured time (coarse timers may fire a little early)
}

void tst_Unauthenticated::loggedInSessionOutlivesTheDeadline()
{
    ServerConfig config = TestServer::openSignUp();
    config.loginTimeoutMs = 300;
    auto server = startServer(config);
    QVERIFY(server);
    RawClient user;
    QVERIFY(user.connectTo(server->port(), false));
    QVERIFY(user.signUp(QStringLiteral("prompt")) > 0);
    // Five login deadlines: a logged-in session is not subject to it.
    QVERIFY(!RawClient::waitUntil([&] { return !user.isConnected(); }, 1500));
    QCOMPARE(user.request(typed("ping")).value(QLatin1String("t")).toString(), QStringLiteral("ok"));
}

void tst_Unauthenticated::logoutStartsTheDeadlineAgain()
{
    ServerConfig config = TestServer::openSignUp();
    config.loginTimeoutMs = 300;
    auto server = startServer(config);
    QVERIFY(server);
    RawClient user;
    QVERIFY(user.connectTo(server->port(), false));
    QVERIFY(user.signUp(QStringLiteral("leaver")) > 0);
    QVERIFY(!RawClient::waitUntil([&] { return !user.isConnected(); }, 600)); // past the first deadline
    QCOMPARE(user.request(typed("logout")).value(QLatin1String("t")).toString(), QStringLiteral("ok"));
    QCOMPARE(errorCodeOf(user.waitPush(QStringLiteral("error"), 20000)), QStringLiteral("timeout"));
    QVERIFY(user.waitDisconnected(10000));
}

void tst_Unauthenticated::unauthenticatedCappedPerAddress()
{
    constexpr int kCap = 4;
    ServerConfig config = TestServer::openSignUp();
    config.maxConnectionsPerAddress = 64;
    config.maxUnauthenticatedPerAddress = kCap;
    auto server = startServer(config);
    QVERIFY(server);
    std::vector<std::unique_ptr<RawClient>> waiting;
    for (int i = 0; i < kCap; ++i) {
        waiting.push_back(std::make_unique<RawClient>());
        QVERIFY(waiting.back()->connectTo(server->port(), false));
        QCOMPARE(waiting.back()->hello().value(QLatin1String("t")).toString(), QStringLiteral("welcome"));
    }
    // One more that has not logged in is refused...
    RawClient refused;
    QVERIFY(refused.connectTo(server->port(), false));
    QCOMPARE(errorCodeOf(refused.waitPush(QStringLiteral("error"))), QStringLiteral("too_many_connections"));
    QVERIFY(refused.waitDisconnected(10000));
    // ...while another address is not affected.
    QTcpSocket other;
    QVERIFY(other.bind(QHostAddress(QStringLiteral("127.0.0.2")), 0));
    other.connectToHost(QHostAddress::LocalHost, server->port());
    QVERIFY(other.waitForConnected(5000));
    QCborMap ping = typed("ping");
    ping.insert(QLatin1String("id"), 1);
    other.write(FrameCodec::encode(ping));
    FrameCodec codec(1024 * 1024);
    std::optional<FrameCodec::Frame> pong;
    QVERIFY(RawClient::waitUntil(
        [&] {
            codec.append(other.readAll());
            pong = codec.next();
            return pong.has_value();
        },
        5000));
    QCOMPARE(pong->map.value(QLatin1String("t")).toString(), QStringLiteral("ok"));
    // A login frees a slot of the unauthenticated cap (the connection stays, under the larger cap).
    QVERIFY(waiting.front()->signUp(QStringLiteral("waiter")) > 0);
    RawClient admitted;
    QVERIFY(admitted.connectTo(server->port(), false));
    QCOMPARE(admitted.request(typed("ping")).value(QLatin1String("t")).toString(), QStringLiteral("ok"));
    // A closed one frees its slot too.
    waiting.back().reset();
    RawClient again;
    QVERIFY(RawClient::waitUntil(
        [&] {
            return again.connectTo(server->port(), false) &&
                   again.request(typed("ping"), 1000).value(QLatin1String("t")).toString() == QLatin1String("ok");
        },
        10000));
}

void tst_Unauthenticated::openFileLimitRaisedForMaxConnections()
{
    constexpr int kMaxConnections = 3000;
    rlimit limit = fileLimit();
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < rlim_t(kMaxConnections) + 512)
        QSKIP("the hard open-file limit is below what this test needs");
    limit.rlim_cur = 512; // below what the server needs, above what this process uses
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &limit), 0);
    ServerConfig config = TestServer::openSignUp();
    config.maxConnections = kMaxConnections;
    auto server = startServer(config);
    QVERIFY(server);
    QVERIFY(fileLimit().rlim_cur >= rlim_t(kMaxConnections));
}

void tst_Unauthenticated::openFileLimitShortfallIsLogged()
{
    rlimit limit = fileLimit();
    limit.rlim_max = limit.rlim_cur = 1024;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
        QSKIP("cannot lower the hard open-file limit");
    ServerConfig config = TestServer::openSignUp();
    config.maxConnections = 5000;
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^open-file limit 1024 .*max_connections=5000")));
    auto server = startServer(config);
    QVERIFY(server); // the server still starts: fewer connections fit, it says so
    QCOMPARE(fileLimit().rlim_cur, rlim_t(1024));
}

QTEST_GUILESS_MAIN(tst_Unauthenticated)
#include "tst_unauthenticated.moc"
