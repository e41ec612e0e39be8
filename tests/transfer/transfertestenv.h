#pragma once

#include "clientconnection.h"
#include "ids.h"
#include "messagerecord.h"
#include "serverconfig.h"
#include "testserver.h"
#include "transfermanager.h"

#include <QCborMap>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace lanchat {

class RelayServer;

/** One test user: a logged-in connection (re-logging in after every reconnect) and its TransferManager. */
struct TestUser
{
    std::unique_ptr<ClientConnection> connection;
    std::unique_ptr<TransferManager> transfers;
    UserId id;
    QString name;
    QString downloadDir;
};

/**
 * A relay for the file-transfer tests: in-process (the tests' TestServer, plaintext) or the real
 * `lanchat-server` executable as a child process on the same data dir, plus helpers to create users,
 * conversations and random files. Waits are bounded event-loop waits, never sleeps.
 */
class TransferTestEnv
{
public:
    TransferTestEnv();
    ~TransferTestEnv();

    /** The configuration the next startServer() uses. */
    ServerConfig& config() { return m_server.config(); }
    QString dataDir() const { return m_server.dataDir(); }
    QString scratchDir() const { return m_scratch.path(); }
    quint16 port() const { return m_port; }

    /** Starts the in-process relay on @p port (0 = any; the chosen port is kept for restarts). */
    bool startServer(quint16 port = 0);
    /** Stops and destroys the in-process relay (clients see the connection drop). */
    void stopServer();
    RelayServer* server() const { return m_server.isRunning() ? &m_server.server() : nullptr; }

    /** Starts `lanchat-server serve` as a child process on a free port (or the previous one). */
    bool startServerProcess();
    /** SIGKILLs the child server. */
    void killServerProcess();
    qint64 serverPid() const { return m_process ? m_process->processId() : 0; }

    /**
     * Registers @p name and logs in; the returned user logs in again after every reconnect. @p features replaces
     * the hello feature flags (an empty list plays a client older than every flag).
     */
    std::unique_ptr<TestUser> connectUser(const QString& name, std::optional<QStringList> features = std::nullopt);
    ConversationId openPrivate(TestUser& a, const TestUser& b);
    ConversationId createGroup(TestUser& owner, const QList<const TestUser*>& members);
    /** The newest messages of @p conversation (newest first). */
    QList<MessageRecord> history(TestUser& user, ConversationId conversation);

    /**
     * SHA-256 of the newest message of @p conversation if it is a file message, waiting (≤ 15 s) while the
     * user is reconnecting after a server restart; empty when there is none.
     */
    QByteArray newestFileSha(TestUser& user, ConversationId conversation);
    /** Sends @p request and waits (≤ 30 s) for its reply; an empty map when not connected or on timeout. */
    static QCborMap call(ClientConnection& connection, const QCborMap& request);
    /** Writes @p size random bytes to @p path; returns their SHA-256 (empty on failure). */
    static QByteArray writeRandomFile(const QString& path, qint64 size);
    /** Waits (bounded) until transfer @p key is Done, Failed or Cancelled; returns its state. */
    static int waitFinished(const TransferManager& manager, int key, int timeoutMs = 120000);
    /** The state of transfer @p key, or -1 if no such row. */
    static int stateOf(const TransferManager& manager, int key);
    static QVariant roleOf(const TransferManager& manager, int key, int role);

private:
    test::TestServer m_server{false};
    QTemporaryDir m_scratch;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
};

} // namespace lanchat
