#pragma once

#include "benchconnection.h"
#include "runresult.h"
#include "serverprocess.h"

#include <QElapsedTimer>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace lanchat::bench {

/** A logged-in bench user: its connection and its user id on the server. */
struct BenchUser
{
    BenchConnection* connection = nullptr;
    qint64 userId = 0;
};

/**
 * What every scenario needs: a fresh server per run, connecting and logging in many users with pipelined
 * requests, waiting on the event loop with a bound, and CPU/RSS accounting for the result row.
 * Single-threaded (the generator's thread).
 */
class BenchHarness
{
public:
    BenchHarness(QString serverBinary, bool tls);
    ~BenchHarness();

    /** Starts a fresh server (new data dir); the previous one is stopped. */
    bool startServer(QString* error);
    ServerProcess& server() { return *m_server; }
    bool tls() const { return m_tls; }
    QString variant() const { return m_tls ? QStringLiteral("tls") : QStringLiteral("plaintext"); }

    /** Runs the event loop until @p done returns true or @p timeoutMs pass; returns done(). */
    static bool waitUntil(const std::function<bool()>& done, int timeoutMs);

    /**
     * Opens one connection per name and registers (or, with @p login, logs in) each; names may repeat with
     * @p login for several sessions of one user. Returns empty on any failure, @p error set.
     */
    QList<BenchUser> connectUsers(const QStringList& usernames, bool login, QString* error);
    /** A request and a bounded wait for its reply; the reply map, or empty on timeout. */
    QCborMap call(BenchConnection* connection, QCborMap request, int timeoutMs = 30000);
    /** Closes and deletes every connection made so far. */
    void closeAll();

    /** Starts the clock and CPU counters of a measured phase. */
    void beginMeasure();
    /** Fills elapsed-dependent fields of @p result: CPU shares, peak RSS. Returns elapsed seconds. */
    double endMeasure(RunResult* result);

    static constexpr const char* kPassword = "bench-password";

private:
    QString m_binary;
    bool m_tls;
    std::unique_ptr<ServerProcess> m_server;
    QList<BenchConnection*> m_connections;
    QElapsedTimer m_clock;
    double m_serverCpuStart = 0;
    double m_selfCpuStart = 0;
};

/** Nanoseconds on the steady clock (latency stamps; sender and receiver share this process). */
qint64 nowNs();

/** A 100-byte bench text carrying the send time after BenchConnection::kMarker. */
QString benchText(qint64 sentNs);

} // namespace lanchat::bench
