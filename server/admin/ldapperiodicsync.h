#pragma once

#include "ldap/ldapclient.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <memory>

namespace lanchat {

class AdminChannel;
class CommitQueue;
class SessionRegistry;
class Storage;
struct ServerConfig;

/**
 * The server's own directory sync (`[ldap] sync_interval_min`, docs/admin.md): every that many minutes it reads
 * every user from the directory on a worker thread (never on the event loop), then applies LdapSync on the server
 * thread in the relay's group commit, like `lanchat-server ldap sync`. After the commit, accounts disabled because
 * their entry is gone lose their sessions (`account_disabled`, through AdminChannel::userChanged), changed accounts
 * are pushed to everyone online (`user`), and a changed title or department sends the `directory` push. A sync
 * that finds the directory unreachable changes nothing and is logged; the next one runs at the next interval. One
 * sync at a time. The destructor aborts a running directory read (LdapClient::abort) and waits for it.
 * Server thread.
 */
class LdapPeriodicSync : public QObject
{
    Q_OBJECT
public:
    /** Every reference must outlive this; @p config is read at each sync. The timer starts when the interval > 0. */
    LdapPeriodicSync(const ServerConfig& config, Storage& storage, CommitQueue& commits, SessionRegistry& sessions,
                     AdminChannel& admin, QObject* parent = nullptr);
    ~LdapPeriodicSync() override;

    /** Starts a sync now (tests; the timer calls it); false when one is running or LDAP is off. */
    bool runNow();
    /** Stops the timer (the relay stopped); a running sync still finishes. */
    void stop();

signals:
    /** A sync ended: @p ok false when the directory could not be read or a write failed; @p changes counted. */
    void finished(bool ok, int changes);

private:
    void apply(const QList<LdapEntry>& entries, bool ok, const QString& detail);

    const ServerConfig& m_config;
    Storage& m_storage;
    CommitQueue& m_commits;
    SessionRegistry& m_sessions;
    AdminChannel& m_admin;
    QTimer m_timer;
    QThreadPool m_worker;
    std::shared_ptr<LdapClient> m_running; ///< the directory read in progress, for abort(); null when idle
};

} // namespace lanchat
