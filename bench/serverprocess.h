#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace lanchat::bench {

/**
 * A real `lanchat-server` child process on 127.0.0.1 with a fresh data directory, and its resource use read
 * from /proc (Linux): CPU seconds (utime + stime), current and peak RSS (VmRSS, VmHWM).
 */
class ServerProcess
{
public:
    /**
     * @p configLines (e.g. "hash_iterations=2") override the bench's server config, whose defaults make password
     * hashing cheap and switch the per-connection request limit and heartbeat off (see start()). @p database: an
     * existing database file that start() moves into the data directory (it is the server's from then on).
     */
    ServerProcess(QString binary, bool tls, QStringList configLines = {}, QString database = {});
    ~ServerProcess();

    /** Starts the server and waits (bounded, 20 s) until it accepts connections. */
    bool start(QString* error);
    void stop();
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    QString dataDir() const { return m_dir.path(); }

    /** CPU time used so far, seconds. */
    double cpuSeconds() const;
    /** Resident set size now, KiB. */
    qint64 rssKiB() const;
    /** Peak resident set size since start, KiB. */
    qint64 peakRssKiB() const;

private:
    qint64 statusField(const char* name) const;

    QString m_binary;
    bool m_tls;
    QStringList m_configLines;
    QString m_database;
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

/** CPU seconds this process (the load generator) has used so far. */
double selfCpuSeconds();

} // namespace lanchat::bench
