#pragma once

#include "benchconnection.h"
#include "eventloop.h"
#include "runresult.h"
#include "serverprocess.h"
#include "tlscontext.h"

#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QStringList>

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
 * What every scenario needs: a fresh server per run, the generator's one epoll loop and TLS context, connecting
 * and logging in many users (a sliding window of handshakes that stays within the server's listen backlog),
 * bounded waits, and the CPU / RSS accounting of a measured phase. Single-threaded (the generator's thread).
 */
class BenchHarness
{
public:
    BenchHarness(QString serverBinary, bool tls);
    ~BenchHarness();

    /**
     * Starts a fresh server (new data dir); the previous one and its connections are gone. @p configLines override
     * the bench's server config (ServerProcess). @p database: a database file moved into the data dir first.
     */
    bool startServer(QString* error, const QStringList& configLines = {}, const QString& database = {});
    ServerProcess& server() { return *m_server; }
    EventLoop& loop() { return m_loop; }
    bool tls() const { return m_tls; }
    QString variant() const { return m_tls ? QStringLiteral("tls") : QStringLiteral("plaintext"); }

    /** Runs the loop until @p done returns true or @p timeoutMs pass; returns done(). */
    bool waitUntil(const std::function<bool()>& done, int timeoutMs) { return m_loop.runUntil(done, timeoutMs); }

    /**
     * Opens one connection per name and registers (or, with @p login, logs in) each; names may repeat with
     * @p login for several sessions of one user. hello and register/login leave in the connection's first
     * write. Returns empty on any failure, @p error set.
     */
    QList<BenchUser> connectUsers(const QStringList& usernames, bool login, QString* error);
    /** A request and a bounded wait for its reply, fully decoded (setup requests); empty on timeout. */
    QCborMap call(BenchConnection* connection, QCborMap request, int timeoutMs = 30000);
    /** A request and a bounded wait; @p onReply sees the reply in place. False on timeout or a lost link. */
    bool callRaw(BenchConnection* connection, QCborMap request, const BenchConnection::FrameHandler& onReply,
                 int timeoutMs = 30000);
    /** A new connection, not yet connected; owned by the harness (closeAll()), losses counted. */
    BenchConnection* newConnection();
    /** Closes and deletes every connection made so far. */
    void closeAll();

    /** Connections lost (closed by the server or by an error) since the last startServer(). */
    int lostConnections() const { return m_lost; }
    QString lostReason() const { return m_lostReason; }

    /** Starts the clock and CPU counters of a measured phase. */
    void beginMeasure();
    /** Fills elapsed-dependent fields of @p result: CPU shares, peak RSS. Returns elapsed seconds. */
    double endMeasure(RunResult* result);

    static constexpr const char* kPassword = "bench-password";

private:
    QString m_binary;
    bool m_tls;
    EventLoop m_loop;
    TlsContext m_tlsContext;
    std::unique_ptr<ServerProcess> m_server;
    std::vector<std::unique_ptr<BenchConnection>> m_connections;
    int m_lost = 0;
    QString m_lostReason;
    QElapsedTimer m_clock;
    double m_serverCpuStart = 0;
    double m_selfCpuStart = 0;
};

} // namespace lanchat::bench
