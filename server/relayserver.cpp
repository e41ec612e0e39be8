#include "relayserver.h"

#include "accounthandlers.h"
#include "admin/adminchannel.h"
#include "admin/ldapperiodicsync.h"
#include "authhandlers.h"
#include "chathandlers.h"
#include "commitqueue.h"
#include "directoryhandlers.h"
#include "discovery.h"
#include "files/avatarblobs.h"
#include "files/avatarhandlers.h"
#include "files/filehandlers.h"
#include "forwardhandler.h"
#include "framecodec.h"
#include "grouphandlers.h"
#include "grouprolehandlers.h"
#include "logging.h"
#include "logthrottle.h"
#include "messageactions.h"
#include "messageposter.h"
#include "messages/chatmessages.h"
#include "net/connection.h"
#include "net/eventpoller.h"
#include "net/listener.h"
#include "net/tlscontext.h"
#include "noticehandlers.h"
#include "profilehandlers.h"
#include "receipthandlers.h"
#include "searchhandler.h"
#include "session.h"
#include "sessionregistry.h"
#include "sessionwatchdog.h"
#include "sqlitestorage.h"
#include "statushandler.h"
#include "tlsidentity.h"
#include "typingrelay.h"

#include <QCborMap>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>

namespace lanchat {

namespace {

// Descriptors besides the connections' sockets: the database and its WAL, the listener, epoll, the admin
// socket, open upload parts (FileStore::kMaxOpenParts) and blobs being read.
constexpr rlim_t kFileLimitHeadroom = 512;

/**
 * Raises the soft RLIMIT_NOFILE (up to the hard limit) so that @p maxConnections connections fit: the usual
 * soft default of 1024 would make accept() fail long before max_connections. 0 = no limit: as high as allowed.
 */
void raiseOpenFileLimit(int maxConnections)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    const rlim_t wanted = maxConnections > 0 ? rlim_t(maxConnections) + kFileLimitHeadroom : limit.rlim_max;
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < wanted) {
        const rlim_t target = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);
        const rlimit raised{target, limit.rlim_max};
        if (target > limit.rlim_cur && setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit.rlim_cur = target;
    }
    if (maxConnections > 0 && limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < wanted) {
        qCWarning(lcServer).nospace() << "open-file limit " << limit.rlim_cur << " (hard " << limit.rlim_max
                                      << ") is below the " << wanted << " that max_connections=" << maxConnections
                                      << " needs: raise the hard limit (systemd LimitNOFILE=, ulimit -Hn) or lower "
                                         "max_connections";
    }
}

LogThrottle& refusalLog()
{
    // One line per refused connection would let a connect flood fill the log.
    static LogThrottle throttle(20, 60 * 1000);
    return throttle;
}

} // namespace

RelayServer::RelayServer(ServerConfig config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_connections(m_config.maxConnectionsPerAddress, m_config.maxConnections, m_config.maxUnauthenticatedPerAddress)
{
    const bool existed = QFileInfo::exists(m_config.dataDir);
    if (!QDir().mkpath(m_config.dataDir)) {
        m_openError = QStringLiteral("cannot create the data directory %1").arg(m_config.dataDir);
        return;
    }
    // Password hashes, history and the TLS key live here: owner-only whatever the umask of whoever started us.
    if (!existed)
        QFile::setPermissions(m_config.dataDir,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    std::unique_ptr<SqliteStorage> sqlite =
        SqliteStorage::open(m_config.databasePath(), &m_openError, m_config.searchIndex);
    if (!sqlite)
        return;
    QString checkpointError;
    if (!sqlite->startBackgroundCheckpoints(&checkpointError))
        qCWarning(lcServer) << checkpointError << "- checkpoints stay inside commits";
    m_storage = std::move(sqlite);
    m_commits = std::make_unique<CommitQueue>(*m_storage);
    m_sessions = std::make_unique<SessionRegistry>();
    m_poster = std::make_unique<MessagePoster>(*m_storage, *m_commits, *m_sessions);
    connect(m_sessions.get(), &SessionRegistry::userOnline, this, &RelayServer::onUserOnline);
    connect(m_sessions.get(), &SessionRegistry::userOffline, this, &RelayServer::onUserOffline);
    registerHandlers();
}

RelayServer::~RelayServer()
{
    stop();
    // Sessions are this object's children, and ~QObject would delete them only after every member is gone: they
    // use the poller (their connection), the router and the registry, so they go first, while all of that exists.
    qDeleteAll(findChildren<Session*>(Qt::FindDirectChildrenOnly));
}

namespace {

/** The admin channel's answer to `notice_push`: `ok {online}` or `error {message}`. */
QCborMap noticePushAnswer(int online)
{
    QCborMap answer;
    answer.insert(QLatin1String("t"), QLatin1String(online < 0 ? "error" : "ok"));
    if (online < 0)
        answer.insert(QLatin1String("message"), QStringLiteral("no such notice"));
    else
        answer.insert(QLatin1String("online"), online);
    return answer;
}

} // namespace

void RelayServer::registerHandlers()
{
    m_auth = std::make_unique<AuthHandlers>(m_config, *m_storage, *m_commits, *m_sessions);
    m_auth->registerWith(m_router);
    m_chat = std::make_unique<ChatHandlers>(*m_storage, *m_commits, *m_sessions, *m_poster);
    m_chat->registerWith(m_router);
    m_receipts = std::make_unique<ReceiptHandlers>(*m_storage);
    m_receipts->registerWith(m_router);
    m_groups = std::make_unique<GroupHandlers>(*m_storage, *m_commits, *m_sessions, *m_poster);
    m_groups->registerWith(m_router);
    m_groupRoles = std::make_unique<GroupRoleHandlers>(*m_storage, *m_commits, *m_groups, *m_sessions, *m_poster);
    m_groupRoles->registerWith(m_router);
    m_actions = std::make_unique<MessageActions>(m_config, *m_storage, *m_commits, *m_poster);
    m_actions->registerWith(m_router);
    m_typing = std::make_unique<TypingRelay>(*m_storage, *m_sessions);
    m_typing->registerWith(m_router);
    m_groups->setMemberRemovedHandler(
        [this](ConversationId group, UserId user) { emit membershipRevoked(group, user); });
    m_forward = std::make_unique<ForwardHandler>(*m_storage, *m_poster);
    m_forward->registerWith(m_router);
    m_directory = std::make_unique<DirectoryHandlers>(*m_storage, *m_commits, *m_sessions, *m_poster);
    m_directory->registerWith(m_router);
    m_search = std::make_unique<SearchHandler>(*m_storage);
    m_search->registerWith(m_router);
    m_notices = std::make_unique<NoticeHandlers>(*m_storage, *m_commits, *m_sessions);
    m_notices->registerWith(m_router);
    m_status = std::make_unique<StatusHandler>(*m_storage, *m_commits, *m_sessions);
    m_status->registerWith(m_router);
    m_account = std::make_unique<AccountHandlers>(*m_storage, *m_commits, *m_sessions);
    m_account->registerWith(m_router);
    m_profiles = std::make_unique<ProfileHandlers>(*m_storage, *m_commits, *m_sessions, m_config.ldap);
    m_profiles->registerWith(m_router);
    m_avatars = std::make_unique<AvatarHandlers>(m_config.dataDir, *m_storage, *m_profiles);
    m_avatars->registerWith(m_router);
    m_auth->ldapLogins().setPhotoStore([this](const QByteArray& picture, const QByteArray& sha256, QString* why) {
        return AvatarBlobs::store(m_config.dataDir, *m_storage, picture, sha256, why);
    });
    m_files = std::make_unique<FileHandlers>(m_config, *m_storage, *m_commits, *m_poster);
    m_files->registerWith(m_router);
    connect(this, &RelayServer::membershipRevoked, m_files.get(), &FileHandlers::dropUploads);
}

void RelayServer::reloadConfig(const ServerConfig& fresh)
{
    ServerConfig applied = m_config;
    applied.registration = fresh.registration;
    applied.inviteCodeFile = fresh.inviteCodeFile;
    applied.inviteCode = fresh.inviteCode;
    applied.maxFileBytes = fresh.maxFileBytes;
    applied.storeQuotaBytes = fresh.storeQuotaBytes;
    applied.retentionDays = fresh.retentionDays;
    applied.fileRetentionDays = fresh.fileRetentionDays;
    applied.uploadExpiryHours = fresh.uploadExpiryHours;
    if (applied.toIni() != fresh.toIni())
        qCWarning(lcServer) << "config reloaded; keys other than registration, invite_code_file, max_file_bytes, "
                               "store_quota_bytes, retention_days, file_retention_days, upload_expiry_hours need a "
                               "restart";
    m_config = applied;
    qCInfo(lcServer) << "config reloaded";
}

Storage& RelayServer::storage()
{
    return *m_storage;
}

bool RelayServer::start(const QHostAddress& address, quint16 port, QString* error)
{
    if (!m_storage) {
        *error = m_openError;
        return false;
    }
    if (m_config.tls) {
        std::optional<TlsIdentity> identity =
            TlsIdentity::loadOrGenerate(m_config.certFile, m_config.keyFile, m_config.dataDir, error);
        if (!identity)
            return false;
        m_identity = std::make_unique<TlsIdentity>(std::move(*identity));
        qCInfo(lcServer) << "TLS certificate SHA-256 fingerprint:" << m_identity->fingerprint();
    } else {
        qCWarning(lcServer) << "TLS is OFF (--insecure-plaintext): messages and passwords cross the network in clear";
    }
    raiseOpenFileLimit(m_config.maxConnections);
    if (!listen(address, port, error))
        return false;
    if (m_config.discoveryEnabled) {
        m_discovery = std::make_unique<Discovery>(
            Discovery::Announcement{m_config.serverName, serverPort(), m_config.tls, certificateFingerprint()});
        QString discoveryError;
        // Discovery is a convenience: without it clients type the address, so the server still starts.
        if (!m_discovery->start(m_config.discoveryPort, &discoveryError))
            qCWarning(lcServer) << discoveryError;
    }
    m_stopped = false;
    // admin.sock for the admin subcommands, and the daily retention job. The old channel (a start() after a
    // failed one) goes first: closing it removes the socket file, which must not be the new channel's.
    m_ldapSync.reset();
    m_admin.reset();
    m_admin = std::make_unique<AdminChannel>(m_config, *m_storage, *m_commits, *m_sessions, *m_poster);
    connect(m_admin.get(), &AdminChannel::membershipRevoked, this, &RelayServer::membershipRevoked);
    m_admin->addRequest(QStringLiteral("notice_push"), [this](const QCborMap& request) {
        return noticePushAnswer(m_notices->deliver(request.value(QLatin1String("notice")).toInteger(),
                                                   request.value(QLatin1String("reminder")).toBool()));
    });
    connect(this, &RelayServer::stopped, m_admin.get(), &AdminChannel::close);
    m_ldapSync = std::make_unique<LdapPeriodicSync>(m_config, *m_storage, *m_commits, *m_sessions, *m_admin);
    connect(this, &RelayServer::stopped, m_ldapSync.get(), &LdapPeriodicSync::stop);
    qCInfo(lcServer) << "listening on"
                     << (address == QHostAddress::Any ? QStringLiteral("any (IPv4+IPv6)") : address.toString())
                     << "port" << serverPort() << (m_config.tls ? "(TLS)" : "(plaintext)");
    return true;
}

bool RelayServer::listen(const QHostAddress& address, quint16 port, QString* error)
{
    if (m_config.tls) {
        m_tls = TlsContext::create(m_identity->certificate().toPem(), m_identity->key().toPem(), error);
        if (!m_tls)
            return false;
    }
    if (!m_poller) {
        m_poller = std::make_unique<EventPoller>();
        if (!m_poller->isValid()) {
            *error = QStringLiteral("cannot create the epoll set (out of file descriptors?)");
            return false;
        }
    }
    if (!m_watchdog)
        m_watchdog = std::make_unique<SessionWatchdog>(*m_sessions, m_config.handshakeTimeoutMs,
                                                       m_config.heartbeatTimeoutMs, m_config.loginTimeoutMs);
    m_listener = std::make_unique<Listener>();
    // Qt's default backlog of 50 drops SYNs when hundreds of clients connect at once (the morning login
    // wave, a restart); a dropped SYN is retried only after a second or more.
    m_listener->setListenBacklogSize(kListenBacklog);
    connect(m_listener.get(), &Listener::accepted, this, &RelayServer::onAccepted);
    if (!m_listener->listen(address, port)) {
        *error = QStringLiteral("cannot listen on %1 port %2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(m_listener->errorString());
        m_listener.reset();
        return false;
    }
    return true;
}

void RelayServer::onAccepted(qintptr descriptor)
{
    if (m_stopped) {
        ::close(int(descriptor));
        return;
    }
    auto connection = std::make_unique<Connection>(*m_poller, int(descriptor), m_tls ? m_tls->handle() : nullptr);
    const QHostAddress peer = connection->peerAddress();
    auto* session =
        new Session(std::move(connection), m_router, m_config.maxFrameBytes, m_config.maxPendingOutputBytes, this);
    if (!m_connections.tryAcquire(peer)) {
        refuseConnection(session);
        return;
    }
    std::optional<RequestLimiter> limiter;
    if (m_config.maxRequestsPerSecond > 0)
        limiter.emplace(m_config.maxRequestsPerSecond, m_config.requestBurst, m_config.rateLimitCloseAfter, 0);
    session->applyLimits(m_config.handshakeTimeoutMs, m_config.heartbeatTimeoutMs, m_config.loginTimeoutMs,
                         std::move(limiter));
    // What the limiter was last told: a closing session is logged out by the registry, which would report a
    // state the limiter did not count.
    auto authenticated = std::make_shared<bool>(false);
    connect(session, &Session::authenticationChanged, this, [this, peer, authenticated](Session*, bool now) {
        if (std::exchange(*authenticated, now) != now)
            m_connections.setAuthenticated(peer, now);
    });
    connect(session, &Session::closed, this,
            [this, peer, authenticated] { m_connections.release(peer, *authenticated); });
    m_sessions->add(session);
    emit sessionOpened(session);
}

void RelayServer::refuseConnection(Session* session)
{
    const QHostAddress peer = session->peerAddress();
    if (const std::optional<quint64> dropped = refusalLog().admit()) {
        qCWarning(lcServer) << "error" << peer.toString() << "too_many_connections:" << m_connections.count(peer)
                            << "from this address," << m_connections.unauthenticatedCount(peer)
                            << "of them not logged in," << m_connections.total() << "in total - refused"
                            << qUtf8Printable(LogThrottle::summary(*dropped));
    }
    // Not registered: the session only carries the error frame (after the TLS handshake), then closes
    // itself within the close flush time even if the peer never reads.
    session->applyLimits(0, 0, 0, std::nullopt);
    session->push(FrameCodec::encode(ErrorReply{errorCodeName(ErrorCode::TooManyConnections),
                                                QStringLiteral("connection limit reached (per address or in total)")}
                                         .encode()));
    session->close();
}

quint16 RelayServer::serverPort() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

quint16 RelayServer::discoveryPort() const
{
    return m_discovery ? m_discovery->port() : 0;
}

QString RelayServer::certificateFingerprint() const
{
    return m_identity ? m_identity->fingerprint() : QString();
}

void RelayServer::onUserOnline(UserId user)
{
    m_sessions->pushToAuthenticated(m_status->presenceFrame(user, true));
}

void RelayServer::onUserOffline(UserId user)
{
    if (!m_stopped)
        m_sessions->pushToAuthenticated(m_status->presenceFrame(user, false));
}

void RelayServer::stop()
{
    if (m_stopped || !m_storage)
        return;
    m_stopped = true;
    if (m_listener)
        m_listener->close();
    // Pending acks first (the commit answers the requests of this turn), then the goodbye.
    m_commits->drain();
    const QByteArray goodbye = FrameCodec::encode(emptyRequest(msgtype::kShutdownPush));
    const QList<Session*> sessions = m_sessions->all();
    for (Session* session : sessions) {
        connect(session, &Session::closed, this, [this] {
            // The registry's own slot ran first (connected earlier), so the count is already updated.
            if (m_sessions->connectionCount() == 0)
                emit stopped();
        });
        session->push(goodbye);
        session->close();
    }
    if (m_poller)
        m_poller->flushAll(); // the goodbyes leave now, even if the caller deletes us before the next turn
    if (m_sessions->connectionCount() == 0)
        QMetaObject::invokeMethod(this, &RelayServer::stopped, Qt::QueuedConnection);
    m_discovery.reset();
    qCInfo(lcServer) << "stopped;" << sessions.size() << "connections closed";
}

} // namespace lanchat
