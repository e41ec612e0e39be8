#pragma once

#include "ids.h"
#include "router.h"
#include "security/connectionlimiter.h"
#include "serverconfig.h"

#include <QHostAddress>
#include <QObject>
#include <QString>

#include <memory>

namespace lanchat {

class AdminChannel;
class LdapPeriodicSync;
class AuthHandlers;
class ChatHandlers;
class CommitQueue;
class Discovery;
class EventPoller;
class FileHandlers;
class ForwardHandler;
class SearchHandler;
class NoticeHandlers;
class DirectoryHandlers;
class StatusHandler;
class AccountHandlers;
class ProfileHandlers;
class AvatarHandlers;
class GroupHandlers;
class GroupRoleHandlers;
class MessageActions;
class TypingRelay;
class Listener;
class MessagePoster;
class ReceiptHandlers;
class Session;
class SessionRegistry;
class SessionWatchdog;
class Storage;
class TlsContext;
class TlsIdentity;

/**
 * The relay: listens (TLS by default, or plaintext), runs one Session per connection, routes
 * requests to the handlers, group-commits writes, delivers pushes, answers discovery probes. Sockets are
 * served by EventPoller (epoll) with OpenSSL directly for TLS (TlsContext), not by QTcpSocket/QSslSocket:
 * see EventPoller for the memory and CPU this saves.
 *
 * Construction opens the database (<dataDir>/lanchat.db, created with the directory if missing) and registers
 * every handler; start() loads or generates the TLS identity and listens. The composition root of the server
 * (docs/architecture.md): it owns every part as a member and hands each handler module its dependencies through
 * its constructor; the members are declared in dependency order, so they are destroyed in reverse, each before
 * what it uses. Sessions are the exception: one QObject child per connection, deleted on close. Tests instantiate it
 * in-process on 127.0.0.1 port 0 with a QTemporaryDir data dir and a cheap hash cost. Lives on one thread (the one that
 * created it); not thread-safe.
 */
class RelayServer : public QObject
{
    Q_OBJECT
public:
    /** listen(2) backlog: room for a wave of simultaneous connects (Qt's default is 50). */
    static constexpr int kListenBacklog = 1024;

    explicit RelayServer(ServerConfig config, QObject* parent = nullptr);
    ~RelayServer() override;

    /**
     * Listens on @p address:@p port (port 0 = any free port; QHostAddress::Any = IPv4 and IPv6). Returns false
     * with @p error set when the database could not be opened, the certificate could not be loaded or
     * generated, or the port is taken.
     */
    bool start(const QHostAddress& address, quint16 port, QString* error);
    /** The bound TCP port after start(); 0 before. */
    quint16 serverPort() const;
    /** The bound discovery UDP port after start(); 0 when discovery is off or could not bind. */
    quint16 discoveryPort() const;
    /** Lowercase hex SHA-256 of the DER certificate (64 chars); empty in plaintext mode. */
    QString certificateFingerprint() const;
    /**
     * Stops: sends the `shutdown` push to every client, commits the pending group commit (acks go out
     * first), closes every connection and the listener. Idempotent; the destructor calls it. The
     * connections flush asynchronously: stopped() fires once the last one is closed (at most ~5 s later).
     */
    void stop();

    /** The database. Valid when isOpen(). */
    Storage& storage();
    /** False if the database could not be opened at construction (start() then fails with the reason). */
    bool isOpen() const { return m_storage != nullptr; }

    const ServerConfig& config() const { return m_config; }
    /**
     * SIGHUP: takes the keys that apply without a restart from @p fresh — registration, invite_code_file,
     * max_file_bytes, store_quota_bytes, retention_days, file_retention_days, upload_expiry_hours — and logs the
     * changed keys that need a restart (ports, TLS, data dir, …).
     */
    void reloadConfig(const ServerConfig& fresh);
    // The parts, for tests and tools that drive the relay in-process. Valid when isOpen().
    Router& router() { return m_router; }
    CommitQueue& commits() { return *m_commits; }
    SessionRegistry& sessions() { return *m_sessions; }
    MessagePoster& poster() { return *m_poster; }
    /** The admin socket and retention job; nullptr before start(). */
    AdminChannel* adminChannel() const { return m_admin.get(); }
    /** The periodic directory sync; null until start() (tests call runNow()). */
    LdapPeriodicSync* ldapSync() const { return m_ldapSync.get(); }

signals:
    /** A session was created for a new connection (tests, stats). */
    void sessionOpened(lanchat::Session* session);
    /** After stop(): every connection has flushed its last frames and closed; safe to quit the process. */
    void stopped();
    /**
     * @p user lost access to @p conversation (left, removed by the owner or an admin), or to every conversation
     * (@p conversation invalid: the account was disabled or deleted), committed. The file handlers drop the user's
     * uploads into it.
     */
    void membershipRevoked(lanchat::ConversationId conversation, lanchat::UserId user);

private:
    void registerHandlers();
    bool listen(const QHostAddress& address, quint16 port, QString* error);
    void onAccepted(qintptr descriptor);
    void refuseConnection(Session* session);
    void onUserOnline(UserId user);
    void onUserOffline(UserId user);

    // Declared in dependency order: each member uses only those above it, and members are destroyed bottom-up.
    ServerConfig m_config; ///< handlers hold a reference: reloadConfig() assigns it, they read the new values
    QString m_openError;
    ConnectionLimiter m_connections;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<CommitQueue> m_commits;
    std::unique_ptr<SessionRegistry> m_sessions;
    std::unique_ptr<MessagePoster> m_poster;
    Router m_router;
    std::unique_ptr<AuthHandlers> m_auth;
    std::unique_ptr<ChatHandlers> m_chat;
    std::unique_ptr<ReceiptHandlers> m_receipts;
    std::unique_ptr<GroupHandlers> m_groups;
    std::unique_ptr<GroupRoleHandlers> m_groupRoles;
    std::unique_ptr<ForwardHandler> m_forward;
    std::unique_ptr<SearchHandler> m_search;
    std::unique_ptr<NoticeHandlers> m_notices;
    std::unique_ptr<DirectoryHandlers> m_directory;
    std::unique_ptr<StatusHandler> m_status;
    std::unique_ptr<AccountHandlers> m_account;
    std::unique_ptr<ProfileHandlers> m_profiles;
    std::unique_ptr<AvatarHandlers> m_avatars;
    std::unique_ptr<MessageActions> m_actions;
    std::unique_ptr<TypingRelay> m_typing;
    std::unique_ptr<FileHandlers> m_files;
    std::unique_ptr<TlsIdentity> m_identity;
    std::unique_ptr<TlsContext> m_tls;
    std::unique_ptr<EventPoller> m_poller;
    std::unique_ptr<SessionWatchdog> m_watchdog;
    std::unique_ptr<Listener> m_listener;
    std::unique_ptr<Discovery> m_discovery;
    std::unique_ptr<AdminChannel> m_admin;
    std::unique_ptr<LdapPeriodicSync> m_ldapSync; ///< after m_admin: destroyed before it
    bool m_stopped = false;
};

} // namespace lanchat
