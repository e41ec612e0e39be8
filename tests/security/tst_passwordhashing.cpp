// Password hashing off the socket thread: a real RelayServer in-process on 127.0.0.1:0 with a real SQLite file and
// the SHIPPED Argon2id cost (m = 19456 KiB, t = 2, p = 1), clients over loopback from several 127.0.0.x source
// addresses (Linux routes all of 127/8 to lo). A bystander's pings overtake 40 queued hashes (ordering, not timing:
// the round-trip figures are logged; `lanchat-bench login-storm` measures them).

#include "framecodec.h"
#include "passwordhasher.h"
#include "protocol.h"
#include "protocolframes.h"
#include "rawclient.h"
#include "relayserver.h"
#include "serverconfig.h"
#include "storage/storage.h"

#include <QCborArray>
#include <QCborValue>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>
#include <vector>

using namespace lanchat;
using lanchat::test::RawClient;
using lanchat::test::typed;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

QCborMap account(const char* type, const QString& username, const QString& password)
{
    QCborMap m = typed(type);
    m.insert(QLatin1String("username"), username);
    m.insert(QLatin1String("password"), password);
    return m;
}

QString codeOf(const QCborMap& reply)
{
    const QString type = reply.value(QLatin1String("t")).toString();
    return type == QLatin1String("error") ? reply.value(QLatin1String("code")).toString() : type;
}

/**
 * A protocol client whose socket is bound to a chosen 127.0.0.x source address (the server's per-address key),
 * TLS or plaintext. send() writes the frame to the kernel at once (flush), so frames sent one after another
 * without running the event loop reach the server together, in one of its turns.
 */
class Peer
{
public:
    bool connectFrom(const QString& localAddress, quint16 port, bool tls)
    {
        if (!m_socket.bind(QHostAddress(localAddress), 0))
            return false;
        QObject::connect(&m_socket, &QSslSocket::readyRead, [this] { read(); });
        if (tls) {
            m_socket.setPeerVerifyMode(QSslSocket::VerifyNone);
            m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
            return RawClient::waitUntil([this] { return m_socket.isEncrypted(); }, 10000);
        }
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        return RawClient::waitUntil([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 10000);
    }
    qint64 send(QCborMap map)
    {
        const qint64 id = m_nextId++;
        map.insert(QLatin1String("id"), id);
        m_socket.write(FrameCodec::encode(map));
        m_socket.flush();
        return id;
    }
    bool hasReply(qint64 id) const { return m_replies.contains(id); }
    QCborMap waitReply(qint64 id, int timeoutMs = 60000)
    {
        (void)RawClient::waitUntil([&] { return m_replies.contains(id); }, timeoutMs);
        return m_replies.value(id);
    }
    QCborMap request(const QCborMap& map, int timeoutMs = 60000) { return waitReply(send(map), timeoutMs); }
    bool hello()
    {
        QCborMap m = typed("hello");
        m.insert(QLatin1String("protocol"), protocol::kVersion);
        return codeOf(request(m)) == QLatin1String("welcome");
    }
    qsizetype replyCount() const { return m_replies.size(); }

private:
    void read()
    {
        m_codec.append(m_socket.readAll());
        while (std::optional<FrameCodec::Frame> frame = m_codec.next()) {
            const QCborValue id = frame->map.value(QLatin1String("id"));
            if (id.isInteger())
                m_replies.insert(id.toInteger(), frame->map);
        }
    }

    QSslSocket m_socket;
    FrameCodec m_codec{1024 * 1024};
    QHash<qint64, QCborMap> m_replies;
    qint64 m_nextId = 1;
};

/** An in-process relay at the shipped Argon2id cost (ServerConfig's defaults) unless @p config says otherwise. */
class Relay
{
public:
    explicit Relay(ServerConfig config, bool tls = false)
    {
        config.dataDir = m_dir.path();
        config.tls = tls;
        config.discoveryEnabled = false;
        m_server = std::make_unique<RelayServer>(config);
        QString error;
        m_started = m_server->start(QHostAddress::LocalHost, 0, &error);
        if (!m_started)
            qWarning("relay did not start: %s", qPrintable(error));
    }
    bool started() const { return m_started; }
    quint16 port() const { return m_server->serverPort(); }
    /** Creates @p username with kPassword directly in the database (one hash at the server's cost). */
    bool addUser(const QString& username)
    {
        const ServerConfig& c = m_server->config();
        const PasswordHasher hasher({c.hashMemoryKiB, c.hashIterations, c.hashParallelism});
        UserId id;
        return m_server->storage().createUser(username, username, hasher.hash(kPassword), &id) ==
               CreateUserResult::Created;
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<RelayServer> m_server;
    bool m_started = false;
};

ServerConfig cheapHashing()
{
    ServerConfig config;
    config.hashMemoryKiB = 64;
    config.hashIterations = 1;
    return config;
}

} // namespace

class tst_PasswordHashing : public QObject
{
    Q_OBJECT
private slots:
    void shippedCostIsTheDefault();
    void bystanderPingsOvertakeQueuedHashes();
    void hashCapsAnswerRateLimited_data();
    void hashCapsAnswerRateLimited();
    void pipelinedRequestsAfterLoginKeepTheirOrder();
    void registerIsRateLimitedPerAddress();
    void changePasswordIsRateLimitedPerAddress();
    void wrongOldPasswordCountsAsFailedLogin();
    void loginOfAClosedConnectionLogsNobodyIn();
};

void tst_PasswordHashing::shippedCostIsTheDefault()
{
    // The bystander test below relies on ServerConfig's defaults being the cost we ship.
    const ServerConfig config;
    QCOMPARE(config.hashMemoryKiB, 19456u);
    QCOMPARE(config.hashIterations, 2u);
    QCOMPARE(config.hashParallelism, 1u);
}

void tst_PasswordHashing::bystanderPingsOvertakeQueuedHashes()
{
    Relay relay(ServerConfig{}); // plaintext: the bound is about hashing, not about TLS record work
    QVERIFY(relay.started());
    QVERIFY(relay.addUser(QStringLiteral("owner")));

    Peer bystander;
    QVERIFY(bystander.connectFrom(QStringLiteral("127.0.0.1"), relay.port(), false));
    QVERIFY(bystander.hello());
    QCOMPARE(codeOf(bystander.request(typed("ping"))), QStringLiteral("ok"));

    // 40 connections from four addresses (within the default per-address cap), one login each, half of them
    // for unknown users (the dummy hash: the same work).
    constexpr int kHashes = 40;
    std::vector<std::unique_ptr<Peer>> peers;
    for (int i = 0; i < kHashes; ++i) {
        peers.push_back(std::make_unique<Peer>());
        QVERIFY(peers.back()->connectFrom(QStringLiteral("127.0.0.%1").arg(2 + i % 4), relay.port(), false));
        QVERIFY(peers.back()->hello());
    }
    QStringList expected;
    std::vector<qint64> ids(kHashes, 0);
    int sent = 0;
    const auto sendLogin = [&](int i) {
        ++sent;
        const bool known = i % 2 == 0;
        const QString user = known ? QStringLiteral("owner") : QStringLiteral("nobody%1").arg(i);
        ids[i] = peers[i]->send(account("login", user, kPassword));
        expected << (known ? QStringLiteral("ok") : QStringLiteral("bad_credentials"));
    };
    const auto answered = [&] {
        int n = 0;
        for (int i = 0; i < kHashes; ++i)
            n += ids[i] != 0 && peers[i]->hasReply(ids[i]) ? 1 : 0;
        return n;
    };

    // The logins go out four at a time, each group followed by a ping: on the socket thread a ping would be
    // answered only after those four hashes (about 100 ms at this cost), off it while they are still queued or
    // running. Then two pings, a wait until one more hash is answered, and again, so the pings are spread over the
    // whole time the hashes are queued or running. A ping overtook when some login sent before it has no answer
    // once the pong is in (answers that came before the pong are read first: processEvents() reads every socket
    // that is ready).
    std::vector<qint64> roundTripsUs;
    int overtaking = 0;
    const auto timedPing = [&] {
        QElapsedTimer rtt;
        rtt.start();
        const QCborMap pong = bystander.request(typed("ping"), 10000);
        roundTripsUs.push_back(rtt.nsecsElapsed() / 1000);
        QCoreApplication::processEvents();
        if (answered() < sent)
            ++overtaking;
        return codeOf(pong) == QLatin1String("ok");
    };
    constexpr int kGroup = 4;
    for (int group = 0; group < kHashes; group += kGroup) {
        for (int i = group; i < group + kGroup; ++i)
            sendLogin(i);
        QVERIFY(timedPing());
    }
    const int answeredWhenAllSent = answered();
    for (int done = answered(); done < kHashes; done = answered()) {
        QVERIFY(timedPing());
        QVERIFY(timedPing());
        QVERIFY(RawClient::waitUntil([&] { return answered() > done; }, 120000));
    }
    std::vector<qint64> sorted = roundTripsUs;
    std::sort(sorted.begin(), sorted.end());
    const qint64 worstUs = sorted.back();
    const auto worstAt = std::find(roundTripsUs.begin(), roundTripsUs.end(), worstUs) - roundTripsUs.begin();
    qInfo("%d pings during %d hashes, %d of them answered before an earlier login: median %.2f ms, worst %.2f ms "
          "(ping %d)",
          int(sorted.size()), kHashes, overtaking, sorted[sorted.size() / 2] / 1000.0, worstUs / 1000.0, int(worstAt));
    QVERIFY2(
        overtaking * 2 >= int(roundTripsUs.size()),
        qPrintable(QStringLiteral("%1 of %2 pings overtook a queued hash").arg(overtaking).arg(roundTripsUs.size())));

    QCOMPARE(answered(), kHashes);
    // The pings did overlap the hashing: most hashes were still queued when the last login had gone out.
    QVERIFY2(
        answeredWhenAllSent < kHashes / 2,
        qPrintable(
            QStringLiteral("%1 of %2 hashes done when the last login was sent").arg(answeredWhenAllSent).arg(kHashes)));
    QVERIFY2(roundTripsUs.size() >= 40, qPrintable(QString::number(roundTripsUs.size())));

    QStringList codes;
    for (int i = 0; i < kHashes; ++i)
        codes << codeOf(peers[i]->waitReply(ids[i]));
    QCOMPARE(codes, expected);
}

void tst_PasswordHashing::hashCapsAnswerRateLimited_data()
{
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("perAddress");
    QTest::newRow("per address") << 0 << 3;
    QTest::newRow("in total") << 3 << 0;
}

void tst_PasswordHashing::hashCapsAnswerRateLimited()
{
    QFETCH(int, total);
    QFETCH(int, perAddress);
    ServerConfig config; // the shipped cost: each hash takes long enough for the whole burst to queue behind it
    config.maxQueuedHashes = total;
    config.maxQueuedHashesPerAddress = perAddress;
    Relay relay(config);
    QVERIFY(relay.started());
    QVERIFY(relay.addUser(QStringLiteral("owner")));

    constexpr int kBurst = 5;
    std::vector<std::unique_ptr<Peer>> peers;
    for (int i = 0; i < kBurst; ++i) {
        peers.push_back(std::make_unique<Peer>());
        QVERIFY(peers.back()->connectFrom(QStringLiteral("127.0.0.2"), relay.port(), false));
        QVERIFY(peers.back()->hello());
    }
    // Written to the kernel without running the event loop: the server reads all five in one turn.
    std::vector<qint64> ids;
    for (auto& peer : peers)
        ids.push_back(peer->send(account("login", QStringLiteral("owner"), kPassword)));
    QStringList order; // codes in the order they arrive
    QVERIFY(RawClient::waitUntil(
        [&] {
            for (int i = 0; i < kBurst; ++i) {
                if (ids[i] != 0 && peers[i]->hasReply(ids[i])) {
                    order << codeOf(peers[i]->waitReply(ids[i]));
                    ids[i] = 0;
                }
            }
            return order.size() == kBurst;
        },
        60000));
    // Refused at once, without hashing: both refusals come before the first hash is done.
    QCOMPARE(order, QStringList({QStringLiteral("rate_limited"), QStringLiteral("rate_limited"), QStringLiteral("ok"),
                                 QStringLiteral("ok"), QStringLiteral("ok")}));

    // A legitimate login from another address is not held up by the refusals.
    Peer other;
    QVERIFY(other.connectFrom(QStringLiteral("127.0.0.3"), relay.port(), false));
    QVERIFY(other.hello());
    QCOMPARE(codeOf(other.request(account("login", QStringLiteral("owner"), kPassword))), QStringLiteral("ok"));
}

void tst_PasswordHashing::pipelinedRequestsAfterLoginKeepTheirOrder()
{
    // A request sent right behind a login is handled after the login, even though the login's hash ran elsewhere.
    Relay relay(cheapHashing());
    QVERIFY(relay.started());
    QVERIFY(relay.addUser(QStringLiteral("owner")));
    Peer client;
    QVERIFY(client.connectFrom(QStringLiteral("127.0.0.1"), relay.port(), false));
    QVERIFY(client.hello());
    const qint64 login = client.send(account("login", QStringLiteral("owner"), kPassword));
    const qint64 users = client.send(typed("users"));
    QCOMPARE(codeOf(client.waitReply(users)), QStringLiteral("ok"));
    QCOMPARE(codeOf(client.waitReply(login)), QStringLiteral("ok"));
}

void tst_PasswordHashing::registerIsRateLimitedPerAddress()
{
    ServerConfig config = cheapHashing();
    config.registration = ServerConfig::Registration::Open;
    config.registerPerMinute = 2;
    Relay relay(config);
    QVERIFY(relay.started());
    QStringList codes;
    for (int i = 0; i < 3; ++i) {
        Peer peer;
        QVERIFY(peer.connectFrom(QStringLiteral("127.0.0.2"), relay.port(), false));
        QVERIFY(peer.hello());
        codes << codeOf(peer.request(account("register", QStringLiteral("user%1").arg(i), kPassword)));
    }
    QCOMPARE(codes, QStringList({QStringLiteral("ok"), QStringLiteral("ok"), QStringLiteral("rate_limited")}));
    Peer other;
    QVERIFY(other.connectFrom(QStringLiteral("127.0.0.3"), relay.port(), false));
    QVERIFY(other.hello());
    QCOMPARE(codeOf(other.request(account("register", QStringLiteral("user9"), kPassword))), QStringLiteral("ok"));
}

void tst_PasswordHashing::changePasswordIsRateLimitedPerAddress()
{
    ServerConfig config = cheapHashing();
    config.changePasswordPerMinute = 2;
    Relay relay(config);
    QVERIFY(relay.started());
    QVERIFY(relay.addUser(QStringLiteral("owner")));
    Peer peer;
    QVERIFY(peer.connectFrom(QStringLiteral("127.0.0.2"), relay.port(), false));
    QVERIFY(peer.hello());
    QCOMPARE(codeOf(peer.request(account("login", QStringLiteral("owner"), kPassword))), QStringLiteral("ok"));
    QStringList codes;
    for (int i = 0; i < 3; ++i) {
        QCborMap change = typed("change_password");
        change.insert(QLatin1String("old_password"), kPassword);
        change.insert(QLatin1String("new_password"), kPassword);
        codes << codeOf(peer.request(change));
    }
    QCOMPARE(codes, QStringList({QStringLiteral("ok"), QStringLiteral("ok"), QStringLiteral("rate_limited")}));
}

void tst_PasswordHashing::wrongOldPasswordCountsAsFailedLogin()
{
    ServerConfig config = cheapHashing();
    config.changePasswordPerMinute = 0;
    config.loginBaseDelayMs = 60 * 1000; // no attempt becomes free again during the test
    Relay relay(config);
    QVERIFY(relay.started());
    QVERIFY(relay.addUser(QStringLiteral("owner")));
    Peer thief; // holds a stolen session and guesses the password to take over the account
    QVERIFY(thief.connectFrom(QStringLiteral("127.0.0.2"), relay.port(), false));
    QVERIFY(thief.hello());
    QCOMPARE(codeOf(thief.request(account("login", QStringLiteral("owner"), kPassword))), QStringLiteral("ok"));
    QStringList codes;
    for (int i = 0; i < config.loginFreeAttempts + 3; ++i) {
        QCborMap change = typed("change_password");
        change.insert(QLatin1String("old_password"), QStringLiteral("guess-%1").arg(i));
        change.insert(QLatin1String("new_password"), QStringLiteral("mine-now-%1").arg(i));
        codes << codeOf(thief.request(change));
    }
    QVERIFY2(codes.startsWith(QStringLiteral("bad_credentials")), qPrintable(codes.join(QLatin1Char(' '))));
    QVERIFY2(codes.endsWith(QStringLiteral("rate_limited")), qPrintable(codes.join(QLatin1Char(' '))));
    // The guesses count as failed logins of this account from this address.
    Peer again;
    QVERIFY(again.connectFrom(QStringLiteral("127.0.0.2"), relay.port(), false));
    QVERIFY(again.hello());
    QCOMPARE(codeOf(again.request(account("login", QStringLiteral("owner"), kPassword))),
             QStringLiteral("rate_limited"));
}

void tst_PasswordHashing::loginOfAClosedConnectionLogsNobodyIn()
{
    // Clients that sign up or log in and hang up at once: the server may finish their password check (and the
    // account's commit) after it has seen the hang-up, and must then log nobody in. A session logged in after
    // it closed would be listed for ever (a pointer to a deleted session) and its user shown online.
    ServerConfig config = cheapHashing();
    config.registration = ServerConfig::Registration::Open;
    config.registerPerMinute = 0;
    config.maxUnauthenticatedPerAddress = 0; // forty connections from one address in quick succession
    Relay relay(config);
    QVERIFY(relay.started());
    QVERIFY(relay.addUser(QStringLiteral("watcher")));
    RawClient watcher;
    QVERIFY(watcher.connectTo(relay.port(), false));
    watcher.hello();
    QCOMPARE(codeOf(watcher.login(QStringLiteral("watcher"), kPassword)), QStringLiteral("ok"));
    constexpr int kClients = 40;
    for (int i = 0; i < kClients; ++i) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, relay.port());
        QVERIFY(socket.waitForConnected(10000));
        const QString name = QStringLiteral("gone%1").arg(i);
        QCborMap hello = typed("hello");
        hello.insert(QLatin1String("protocol"), protocol::kVersion);
        hello.insert(QLatin1String("id"), 1);
        QCborMap signUp = account(i % 2 ? "login" : "register", i % 2 ? QStringLiteral("watcher") : name, kPassword);
        signUp.insert(QLatin1String("id"), 2);
        socket.write(FrameCodec::encode(hello) + FrameCodec::encode(signUp));
        socket.disconnectFromHost(); // the bytes, then the hang-up, in one go
        if (socket.state() != QAbstractSocket::UnconnectedState)
            QVERIFY(socket.waitForDisconnected(10000));
    }
    // Nobody but the watcher online once the server has handled the hang-ups. (A sign-up whose connection closed
    // before its password check started is dropped, so how many accounts exist depends on timing.)
    QVERIFY(RawClient::waitUntil(
        [&] {
            const QCborArray users = watcher.request(typed("users")).value(QLatin1String("users")).toArray();
            return std::all_of(users.begin(), users.end(), [](const QCborValue& u) {
                const QCborMap user = u.toMap();
                return user.value(QLatin1String("online")).toBool() ==
                       (user.value(QLatin1String("username")).toString() == QLatin1String("watcher"));
            });
        },
        60000));
}

QTEST_GUILESS_MAIN(tst_PasswordHashing)
#include "tst_passwordhashing.moc"
