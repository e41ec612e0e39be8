#include "benchharness.h"

namespace lanchat::bench {

namespace {

// Connections between connect() and their login reply. Beyond the server's listen backlog (1024 since it sets its
// own; Qt's default of 50 before) SYNs are dropped and retried only after a second or more, which turned 5,000
// logins into minutes; 32 keep the handshakes of a real login wave within any backlog, old servers' included.
constexpr int kLoginsInFlight = 32;

} // namespace

BenchHarness::BenchHarness(QString serverBinary, bool tls)
    : m_binary(std::move(serverBinary))
    , m_tls(tls)
{}

BenchHarness::~BenchHarness()
{
    closeAll();
}

bool BenchHarness::startServer(QString* error, const QStringList& configLines, const QString& database)
{
    closeAll();
    m_server.reset();
    m_lost = 0;
    m_lostReason.clear();
    if (m_tls && !m_tlsContext.isValid()) {
        *error = QStringLiteral("OpenSSL client context could not be created");
        return false;
    }
    m_server = std::make_unique<ServerProcess>(m_binary, m_tls, configLines, database);
    return m_server->start(error);
}

BenchConnection* BenchHarness::newConnection()
{
    m_connections.push_back(std::make_unique<BenchConnection>(m_loop, m_tls ? &m_tlsContext : nullptr));
    BenchConnection* connection = m_connections.back().get();
    connection->setClosedHandler([this](const QString& why) {
        ++m_lost;
        m_lostReason = why;
    });
    return connection;
}

QList<BenchUser> BenchHarness::connectUsers(const QStringList& usernames, bool login, QString* error)
{
    QList<BenchUser> users(usernames.size());
    int started = 0;
    int ready = 0;
    int refused = 0;
    const int lostBefore = m_lost;
    const auto inFlight = [&] { return started - ready - refused - (m_lost - lostBefore); };
    const QCborMap hello{{QStringLiteral("t"), QStringLiteral("hello")},
                         {QStringLiteral("protocol"), 1},
                         {QStringLiteral("client"), QStringLiteral("lanchat-bench")}};
    const auto start = [&](int i) {
        BenchConnection* connection = newConnection();
        users[i].connection = connection;
        // Queued before the connect: they leave in the first write once TCP (and TLS) is up.
        connection->request(hello);
        const QCborMap auth{{QStringLiteral("t"), login ? QStringLiteral("login") : QStringLiteral("register")},
                            {QStringLiteral("username"), usernames.at(i)},
                            {QStringLiteral("password"), QLatin1String(kPassword)},
                            {QStringLiteral("display_name"), usernames.at(i)}};
        connection->request(auth, [&, i](const BenchFrame& frame) {
            const QCborMap reply = frame.toMap();
            if (frame.type != "ok") {
                ++refused;
                *error = QStringLiteral("login of %1: %2")
                             .arg(usernames.at(i), reply.value(QLatin1String("code")).toString());
                return;
            }
            users[i].userId = reply.value(QLatin1String("user")).toMap().value(QLatin1String("id")).toInteger();
            ++ready;
        });
        connection->connectTo(m_server->port());
    };
    const int total = int(usernames.size());
    const bool finished = m_loop.runUntil(
        [&] {
            while (started < total && inFlight() < kLoginsInFlight && refused == 0 && m_lost == lostBefore)
                start(started++);
            return ready == total || refused > 0 || m_lost > lostBefore;
        },
        180000);
    if (!finished || ready != total) {
        // The pending login handlers refer to this frame's locals: no reply may reach them after the return.
        closeAll();
        if (m_lost > lostBefore)
            *error = QStringLiteral("connection lost during login: %1").arg(m_lostReason);
        else if (error->isEmpty())
            *error = QStringLiteral("%1 of %2 logins finished in time").arg(ready).arg(total);
        return {};
    }
    return users;
}

QCborMap BenchHarness::call(BenchConnection* connection, QCborMap request, int timeoutMs)
{
    QCborMap reply;
    callRaw(
        connection, std::move(request), [&](const BenchFrame& frame) { reply = frame.toMap(); }, timeoutMs);
    return reply;
}

bool BenchHarness::callRaw(BenchConnection* connection, QCborMap request, const BenchConnection::FrameHandler& onReply,
                           int timeoutMs)
{
    bool done = false;
    connection->request(std::move(request), [&](const BenchFrame& frame) {
        onReply(frame);
        done = true;
    });
    return m_loop.runUntil([&] { return done || connection->isClosed(); }, timeoutMs) && done;
}

void BenchHarness::closeAll()
{
    m_connections.clear(); // each destructor closes its socket and leaves the loop
}

void BenchHarness::beginMeasure()
{
    m_serverCpuStart = m_server->cpuSeconds();
    m_selfCpuStart = selfCpuSeconds();
    m_clock.start();
}

double BenchHarness::endMeasure(RunResult* result)
{
    const double seconds = double(m_clock.nsecsElapsed()) / 1e9;
    result->serverCpuPct = 100.0 * (m_server->cpuSeconds() - m_serverCpuStart) / seconds;
    result->generatorCpuPct = 100.0 * (selfCpuSeconds() - m_selfCpuStart) / seconds;
    result->serverPeakRssKiB = m_server->peakRssKiB();
    result->variant = variant();
    return seconds;
}

} // namespace lanchat::bench
