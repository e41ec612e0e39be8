#include "idlescenario.h"

#include <algorithm>
#include <sys/resource.h>

namespace lanchat::bench {

IdleScenario::IdleScenario(BenchHarness& harness, int connections)
    : m_harness(harness)
    , m_connections(connections)
{}

RunResult IdleScenario::run()
{
    RunResult result;
    result.scenario = QStringLiteral("idle %1").arg(m_connections);
    result.unit = QStringLiteral("KiB/conn");
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit); // inherited by the server child started next
    getrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < rlim_t(m_connections) + 256) {
        result.note = QStringLiteral("open-file limit %1 is below %2 connections (raise the hard limit: ulimit -Hn)")
                          .arg(limit.rlim_cur)
                          .arg(m_connections);
        return result;
    }

    QString error;
    if (!m_harness.startServer(&error)) {
        result.note = error;
        return result;
    }
    constexpr int kAccounts = 100;
    QStringList accounts;
    for (int i = 0; i < kAccounts; ++i)
        accounts << QStringLiteral("idle%1").arg(i);
    if (m_harness.connectUsers(accounts, false, &error).isEmpty()) {
        result.note = error;
        return result;
    }
    m_harness.closeAll();
    m_harness.loop().runFor(500); // let the server settle after the registrations
    const qint64 before = m_harness.server().rssKiB();
    m_harness.beginMeasure();
    QStringList sessions;
    for (int i = 0; i < m_connections; ++i)
        sessions << accounts.at(i % kAccounts);
    const bool ok = !m_harness.connectUsers(sessions, true, &error).isEmpty();
    m_harness.loop().runFor(500);
    const qint64 after = m_harness.server().rssKiB();
    m_harness.endMeasure(&result);
    // Idle connections the server dropped while settling would make the per-connection figure a lie.
    if (ok && m_harness.lostConnections() > 0)
        error =
            QStringLiteral("%1 idle connections lost: %2").arg(m_harness.lostConnections()).arg(m_harness.lostReason());
    result.ok = ok && m_harness.lostConnections() == 0;
    result.rate = double(after - before) / m_connections;
    result.note = result.ok
                      ? QStringLiteral("RSS %1 → %2 MiB").arg(before / 1024.0, 0, 'f', 1).arg(after / 1024.0, 0, 'f', 1)
                      : error;
    m_harness.closeAll();
    m_harness.server().stop();
    return result;
}

} // namespace lanchat::bench
