#include "benchharness.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTimer>

#include <chrono>

namespace lanchat::bench {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QString benchText(qint64 sentNs)
{
    QString text = QLatin1String(BenchConnection::kMarker) + QStringLiteral("%1").arg(sentNs, 16, 16, QLatin1Char('0'));
    text.append(QString(100 - text.size(), QLatin1Char('x')));
    return text;
}

BenchHarness::BenchHarness(QString serverBinary, bool tls)
    : m_binary(std::move(serverBinary))
    , m_tls(tls)
{}

BenchHarness::~BenchHarness()
{
    closeAll();
}

bool BenchHarness::startServer(QString* error)
{
    closeAll();
    m_server.reset();
    m_server = std::make_unique<ServerProcess>(m_binary, m_tls);
    return m_server->start(error);
}

bool BenchHarness::waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QTimer wake; // bounds each wait so the deadline is checked even when no socket event arrives
    wake.start(100);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents | QEventLoop::AllEvents);
    return done();
}

QList<BenchUser> BenchHarness::connectUsers(const QStringList& usernames, bool login, QString* error)
{
    QList<BenchUser> users(usernames.size());
    int ready = 0;
    int failed = 0;
    for (int i = 0; i < usernames.size(); ++i) {
        auto* connection = new BenchConnection(m_tls);
        m_connections.append(connection);
        users[i].connection = connection;
        QObject::connect(connection, &BenchConnection::failed, connection, [&failed, error](const QString& why) {
            ++failed;
            *error = why;
        });
        QObject::connect(connection, &BenchConnection::connected, connection, [&, i, connection] {
            QCborMap hello{{QStringLiteral("t"), QStringLiteral("hello")},
                           {QStringLiteral("protocol"), 1},
                           {QStringLiteral("client"), QStringLiteral("lanchat-bench")}};
            connection->request(hello);
            QCborMap auth{{QStringLiteral("t"), login ? QStringLiteral("login") : QStringLiteral("register")},
                          {QStringLiteral("username"), usernames.at(i)},
                          {QStringLiteral("password"), QLatin1String(kPassword)},
                          {QStringLiteral("display_name"), usernames.at(i)}};
            connection->request(auth, [&, i](const QCborMap& reply) {
                if (reply.value(QLatin1String("t")).toString() != QLatin1String("ok")) {
                    ++failed;
                    *error = QStringLiteral("login of %1: %2")
                                 .arg(usernames.at(i), reply.value(QLatin1String("code")).toString());
                    return;
                }
                users[i].userId = reply.value(QLatin1String("user")).toMap().value(QLatin1String("id")).toInteger();
                ++ready;
            });
        });
        connection->connectTo(m_server->port());
        // Bound the handshakes in flight so the listen backlog never overflows.
        if (i % 200 == 199)
            waitUntil([&] { return ready + failed > i - 100; }, 60000);
    }
    if (!waitUntil([&] { return ready + failed == usernames.size(); }, 120000) || failed > 0) {
        if (error->isEmpty())
            *error = QStringLiteral("%1 of %2 logins finished").arg(ready).arg(usernames.size());
        return {};
    }
    return users;
}

QCborMap BenchHarness::call(BenchConnection* connection, QCborMap request, int timeoutMs)
{
    QCborMap reply;
    bool done = false;
    connection->request(std::move(request), [&](const QCborMap& r) {
        reply = r;
        done = true;
    });
    waitUntil([&] { return done; }, timeoutMs);
    return reply;
}

void BenchHarness::closeAll()
{
    for (BenchConnection* c : std::as_const(m_connections))
        delete c;
    m_connections.clear();
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
