#pragma once

#include "ldapclient.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <mutex>
#include <set>

namespace lanchat {

/**
 * Runs directory logins (LdapClient::authenticate) off the server thread, each within a bounded time.
 *
 * Threads: up to kThreads workers in a QThreadPool; libldap blocks them, never the event loop. Time: a job that has
 * not answered LdapConfig::timeoutMs after it was queued is answered Unavailable on the server thread by a timer,
 * whatever libldap still waits for (a directory that accepts connections and never answers holds a worker until its
 * own timeouts end; its late result is dropped). Admission: at most LdapConfig::maxPending jobs queued or running;
 * beyond, authenticate() refuses (returns false) and the caller answers rate_limited.
 *
 * @p done runs on the server thread exactly once per accepted job, even when the client that asked is gone (the
 * caller still counts a failed login and checks its session itself). The
 * destructor drops queued jobs and aborts the running ones (LdapClient::abort: their sockets are shut down), so a
 * directory that never answers cannot hold up the server's shutdown. Server thread.
 */
class LdapAuthenticator : public QObject
{
    Q_OBJECT
public:
    static constexpr int kThreads = 4;
    /** How often the destructor aborts the running jobs again while it waits for them, ms. */
    static constexpr int kAbortRoundMs = 20;
    using Done = std::function<void(const LdapClient::Result&)>;

    explicit LdapAuthenticator(const LdapConfig& config, QObject* parent = nullptr);
    ~LdapAuthenticator() override;

    /** Checks @p password of @p username in the directory; false (nothing queued) beyond maxPending. */
    bool authenticate(const QString& username, const QString& password, Done done);
    /** Jobs queued or running (tests). */
    int pending() const { return int(m_jobs.size()); }

private:
    void finish(quint64 jobId, const LdapClient::Result& result);

    LdapConfig m_config;
    /** The clients of running jobs, for the destructor's abort; guarded by m_runningMutex (workers add/remove). */
    std::mutex m_runningMutex;
    std::set<LdapClient*> m_running;
    QThreadPool m_threads;
    QHash<quint64, Done> m_jobs;
    quint64 m_nextJob = 1;
};

} // namespace lanchat
