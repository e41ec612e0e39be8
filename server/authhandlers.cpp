#include "authhandlers.h"

#include "commitqueue.h"
#include "framecodec.h"
#include "logging.h"
#include "messages/authmessages.h"
#include "messages/chatmessages.h"
#include "protocol.h"
#include "requestdecoder.h"
#include "router.h"
#include "security/connectionlimiter.h"
#include "security/passwordhashpool.h"
#include "security/registrationpolicy.h"
#include "serverconfig.h"
#include "session.h"
#include "sessionregistry.h"
#include "storage/storage.h"
#include "userinfofactory.h"

#include <QDateTime>
#include <QPointer>
#include <QRegularExpression>
#include <QScopeGuard>

namespace lanchat {

namespace {

bool isValidPassword(const QString& password)
{
    const qsizetype bytes = password.toUtf8().size();
    return bytes >= protocol::kMinPasswordBytes && bytes <= protocol::kMaxPasswordBytes;
}

/** The hello `client` text kept for the account_sessions listing. */
constexpr qsizetype kMaxClientChars = 64;

bool isValidName(const QString& name)
{
    const QString trimmed = name.trimmed();
    return !trimmed.isEmpty() && trimmed.size() <= protocol::kMaxNameChars;
}

} // namespace

AuthHandlers::AuthHandlers(const ServerConfig& config, Storage& storage, CommitQueue& commits,
                           SessionRegistry& sessions)
    : m_config(config)
    , m_storage(storage)
    , m_commits(commits)
    , m_sessions(sessions)
    , m_hashPool(std::make_unique<PasswordHashPool>(
          PasswordHasher::Cost{config.hashMemoryKiB, config.hashIterations, config.hashParallelism},
          PasswordHashPool::Limits{config.maxQueuedHashes, config.maxQueuedHashesPerAddress}))
    , m_throttle({config.loginFreeAttempts, config.addressFreeAttempts, config.accountFreeAttempts,
                  config.loginBaseDelayMs, config.loginMaxDelayMs, config.loginForgetMs})
    , m_registerLimiter(config.registerPerMinute)
    , m_passwordChangeLimiter(config.changePasswordPerMinute)
    , m_tokenLogins(
          storage, commits,
          [this](Session& session, UserId user, quint64 id, const DeviceTokens::Issued& issued) {
              completeLogin(session, user, id, issued);
          },
          [this](bool ok, const QString& address, const QString& username) {
              if (ok)
                  m_throttle.recordSuccess(address, username, m_clock.elapsed());
              else
                  recordFailedLogin(address, username);
          })
    , m_ldapLogins(
          config.ldap, storage, commits, sessions,
          [this](const QPointer<Session>& session, quint64 id, UserId user, const QString& address,
                 const Login& request) {
              admitLogin(session, id, user, address, request.username, request.remember, request.deviceName);
          },
          [this](const QString& address, const QString& username) { recordFailedLogin(address, username); },
          [this](Session& session, const Login& request, quint64 id, const QString& address, const UserRecord& user) {
              checkLocalPassword(session, request, id, address, user);
          })
{
    m_clock.start();
}

AuthHandlers::~AuthHandlers() = default;

void AuthHandlers::registerWith(Router& router)
{
    router.add(
        QLatin1String(Hello::kType), [this](Session& s, const QCborMap& r, quint64 id) { hello(s, r, id); },
        Access::Public);
    router.add(
        QLatin1String(Register::kType), [this](Session& s, const QCborMap& r, quint64 id) { registerUser(s, r, id); },
        Access::Public);
    router.add(
        QLatin1String(Login::kType), [this](Session& s, const QCborMap& r, quint64 id) { login(s, r, id); },
        Access::Public);
    router.add(
        QLatin1String(msgtype::kPing), [](Session& s, const QCborMap&, quint64 id) { s.reply(id, {}); },
        Access::Public);
    router.add(QLatin1String(msgtype::kLogout), [this](Session& s, const QCborMap&, quint64 id) { logout(s, id); });
    router.add(QLatin1String(ChangePassword::kType),
               [this](Session& s, const QCborMap& r, quint64 id) { changePassword(s, r, id); });
}

bool AuthHandlers::isValidUsername(const QString& username)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,%1}$").arg(protocol::kMaxUsernameChars));
    return pattern.match(username).hasMatch();
}

void AuthHandlers::hello(Session& session, const QCborMap& request, quint64 id)
{
    const auto hello = decodeRequest<Hello>(session, request, id);
    if (!hello)
        return;
    if (session.isAuthenticated()) {
        // The features a logged-in session was served with must not change under it.
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("hello after login; reconnect instead"));
        return;
    }
    if (hello->protocol != protocol::kVersion) {
        session.replyError(id, ErrorCode::UnsupportedProtocol,
                           QStringLiteral("protocol %1 is not supported; this server speaks %2")
                               .arg(hello->protocol)
                               .arg(protocol::kVersion));
        session.close();
        return;
    }
    session.setProtocolVersion(hello->protocol);
    session.setFeatures(hello->features);
    session.setClientName(hello->client.left(kMaxClientChars));
    Welcome welcome;
    welcome.protocol = protocol::kVersion;
    welcome.server = m_config.serverName;
    welcome.features = {QString::fromLatin1(protocol::kFeatureFileProof),
                        QString::fromLatin1(protocol::kFeatureDeviceTokens),
                        QString::fromLatin1(protocol::kFeatureAnnouncementChannel),
                        QString::fromLatin1(protocol::kFeatureForward),
                        QString::fromLatin1(protocol::kFeatureReadPositions),
                        QString::fromLatin1(protocol::kFeatureRecallEdit),
                        QString::fromLatin1(protocol::kFeatureMentions),
                        QString::fromLatin1(protocol::kFeatureTyping),
                        QString::fromLatin1(protocol::kFeatureReply),
                        QString::fromLatin1(protocol::kFeatureStatus),
                        QString::fromLatin1(protocol::kFeatureAccountSessions),
                        QString::fromLatin1(protocol::kFeatureDirectory),
                        QString::fromLatin1(protocol::kFeatureProfiles),
                        QString::fromLatin1(protocol::kFeatureDirectoryProfile),
                        QString::fromLatin1(protocol::kFeatureGroupRoles),
                        QString::fromLatin1(protocol::kFeatureNotices)};
    if (m_storage.searchIndexEnabled())
        welcome.features.append(QString::fromLatin1(protocol::kFeatureSearch));
    welcome.recallWindowSeconds = m_config.recallWindowSeconds;
    welcome.editWindowSeconds = m_config.editWindowSeconds;
    welcome.maxFrame = m_config.maxFrameBytes;
    welcome.maxFileBytes = m_config.maxFileBytes;
    welcome.serverTimeMs = QDateTime::currentMSecsSinceEpoch();
    welcome.registration = RegistrationPolicy(m_config).modeName();
    qCInfo(lcServer) << "hello" << session.peer() << logText(hello->client);
    session.reply(id, welcome.encode());
}

void AuthHandlers::registerUser(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<Register>(session, request, id);
    if (!req)
        return;
    if (const auto refusal = RegistrationPolicy(m_config).check(req->invite)) {
        session.replyError(id, refusal->code, refusal->message);
        return;
    }
    const QString displayName = req->displayName.trimmed().isEmpty() ? req->username : req->displayName.trimmed();
    if (!isValidUsername(req->username) || !isValidPassword(req->password) || !isValidName(displayName)) {
        session.replyError(id, ErrorCode::InvalidArgument,
                           QStringLiteral("username must be 1-32 of [A-Za-z0-9._-], password 8-1024 bytes, "
                                          "display name 1-64 characters"));
        return;
    }
    const QString address = ConnectionLimiter::key(session.peerAddress());
    if (!m_registerLimiter.tryTake(address, m_clock.elapsed())) {
        session.replyError(id, ErrorCode::RateLimited,
                           QStringLiteral("too many sign-ups from this address; retry in a minute"));
        return;
    }
    // The reply says so anyway: no reason to spend a hash on a name that is taken.
    if (m_storage.userByName(req->username)) {
        session.replyError(id, ErrorCode::UsernameTaken, QStringLiteral("username is taken"));
        return;
    }
    QPointer<Session> guard(&session);
    const PasswordHasher* hasher = &m_hashPool->hasher();
    const bool queued = m_hashPool->run<QByteArray>(
        address, &session, [hasher, password = req->password] { return hasher->hash(password); },
        [this, guard, id, username = req->username, displayName,
         device = req->remember ? std::optional<QString>(req->deviceName) : std::nullopt](const QByteArray& hash) {
            createAccount(guard, id, username, displayName, hash, device);
        });
    if (!queued) {
        replyBusy(session, id);
        return;
    }
    session.holdRequests();
}

void AuthHandlers::createAccount(const QPointer<Session>& guard, quint64 id, const QString& username,
                                 const QString& displayName, const QByteArray& hash,
                                 const std::optional<QString>& device)
{
    if (!guard)
        return; // nobody to log in: the client registers again after reconnecting
    // Until the reply, after the commit, the session's later requests wait (they may need the login).
    auto resume = qScopeGuard([guard] {
        if (guard)
            guard->resumeRequests();
    });
    if (hash.isEmpty() || !m_commits.begin()) {
        guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot create the account"));
        return;
    }
    UserId user;
    const CreateUserResult result = m_storage.createUser(username, displayName, hash, &user);
    if (result != CreateUserResult::Created) {
        const bool taken = result == CreateUserResult::UsernameTaken;
        guard->replyError(id, taken ? ErrorCode::UsernameTaken : ErrorCode::Internal,
                          taken ? QStringLiteral("username is taken") : QStringLiteral("cannot create the account"));
        return;
    }
    // Committed with the account: a sign-up that asked to stay logged in gets its token in the same reply.
    std::optional<DeviceTokens::Issued> issued;
    if (device) {
        issued = m_tokenLogins.remember(*guard, user, id, *device, false);
        if (!issued)
            return; // the batch commits the account anyway: the user logs in with the password
    }
    resume.dismiss();
    m_commits.afterCommit([this, guard, user, id, username, displayName, issued](bool ok) {
        if (!guard)
            return;
        const auto resumeAfterCommit = qScopeGuard([guard] {
            if (guard)
                guard->resumeRequests();
        });
        if (!ok) {
            guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot create the account"));
            return;
        }
        qCInfo(lcServer) << "register" << guard->peer() << username << user.value();
        m_sessions.pushToAuthenticated(UserInfoFactory::pushFrame(UserInfo{user, username, displayName, false}));
        completeLogin(*guard, user, id, issued.value_or(DeviceTokens::Issued{}));
    });
}

void AuthHandlers::login(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<Login>(session, request, id);
    if (!req)
        return;
    const QString address = ConnectionLimiter::key(session.peerAddress());
    const qint64 waitMs = m_throttle.retryAfterMs(address, req->username, m_clock.elapsed());
    if (waitMs > 0) {
        qCInfo(lcServer) << "login throttled" << session.peer() << req->username << "for" << waitMs << "ms";
        session.replyError(id, ErrorCode::RateLimited,
                           QStringLiteral("too many failed logins; retry in %1 s").arg((waitMs + 999) / 1000));
        return;
    }
    if (!req->deviceToken.isEmpty()) {
        m_tokenLogins.login(session, *req, id, address);
        return;
    }
    const std::optional<UserRecord> local = m_storage.userByName(req->username);
    if (m_ldapLogins.decides(local)) {
        m_ldapLogins.login(session, *req, id, address, local);
        return;
    }
    checkLocalPassword(session, *req, id, address, local);
}

void AuthHandlers::checkLocalPassword(Session& session, const Login& request, quint64 id, const QString& address,
                                      const std::optional<UserRecord>& user)
{
    LoginCheck check{address, request.username, user, false, request.remember, request.deviceName};
    QPointer<Session> guard(&session);
    const PasswordHasher* hasher = &m_hashPool->hasher();
    const bool queued = m_hashPool->run<LoginCheck>(
        address, &session,
        [hasher, check, password = request.password]() mutable {
            // Same Argon2id work for unknown users: the reply time does not tell which accounts exist.
            check.passwordOk =
                check.user ? hasher->verify(check.user->passwordHash, password) : hasher->verifyDummy(password);
            return check;
        },
        [this, guard, id](const LoginCheck& done) { finishLogin(guard, id, done); });
    if (!queued) {
        replyBusy(session, id);
        return;
    }
    session.holdRequests();
}

void AuthHandlers::finishLogin(const QPointer<Session>& guard, quint64 id, const LoginCheck& check)
{
    auto resume = qScopeGuard([guard] {
        if (guard)
            guard->resumeRequests();
    });
    // The account may have changed while its password was checked: deleted, disabled, or given a new password
    // (then the old one just verified must not log in).
    const std::optional<UserRecord> now = check.user ? m_storage.userById(check.user->id) : std::nullopt;
    const bool ok = check.passwordOk && now && now->passwordHash == check.user->passwordHash;
    if (!ok) {
        // Counted even when the client hung up meanwhile: closing early must not dodge the throttle.
        qCInfo(lcServer) << "login failed" << (guard ? guard->peer() : check.address);
        recordFailedLogin(check.address, check.username);
        if (guard)
            guard->replyError(id, ErrorCode::BadCredentials, QStringLiteral("wrong username or password"));
        return;
    }
    resume.dismiss();
    admitLogin(guard, id, now->id, check.address, check.username, check.remember, check.deviceName);
}

void AuthHandlers::admitLogin(const QPointer<Session>& guard, quint64 id, UserId user, const QString& address,
                              const QString& username, bool remember, const QString& deviceName)
{
    auto resume = qScopeGuard([guard] {
        if (guard)
            guard->resumeRequests();
    });
    if (!guard)
        return;
    const std::optional<UserRecord> now = m_storage.userById(user);
    if (!now) {
        guard->replyError(id, ErrorCode::Internal, QStringLiteral("account vanished"));
        return;
    }
    if (now->disabled) {
        guard->replyError(id, ErrorCode::AccountDisabled, QStringLiteral("the account is disabled"));
        return;
    }
    m_throttle.recordSuccess(address, username, m_clock.elapsed());
    if (!remember) {
        completeLogin(*guard, now->id, id);
        return;
    }
    if (m_tokenLogins.remember(*guard, now->id, id, deviceName, true))
        resume.dismiss(); // still held until the token is on disk
}

void AuthHandlers::completeLogin(Session& session, UserId user, quint64 id, const DeviceTokens::Issued& issued)
{
    if (session.isClosed())
        return; // hung up while its password was checked or its account committed: nobody to log in
    const std::optional<UserRecord> record = m_storage.userById(user);
    if (!record) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("account vanished"));
        return;
    }
    AuthOk ok;
    ok.user = UserInfoFactory::make(*record, m_storage.userProfile(user).value_or(UserProfile{}), true);
    if (const std::optional<Placement> placed = m_storage.directory().placement(user)) {
        ok.user.department = placed->department;
        ok.user.title = placed->title;
    }
    const UserStatusRecord status = m_storage.userStatuses().of(user);
    ok.user.status = status.status;
    ok.user.statusText = status.text;
    if (m_storage.ldapLinks().dnOf(user))
        ok.user.directoryFields = m_config.ldap.managedProfileFields();
    ok.lastSeq = m_storage.lastSeq();
    ok.deviceToken = issued.token;
    session.setDeviceToken(issued.device);
    session.setDeviceName({});
    if (issued.device != 0) {
        for (const DeviceTokenRecord& device : m_storage.deviceTokens().of(user)) {
            if (device.id == issued.device)
                session.setDeviceName(device.deviceName);
        }
    }
    session.reply(id, ok.encode());
    m_sessions.login(&session, user);
    qCInfo(lcServer) << "login" << session.peer() << record->username << user.value();
}

void AuthHandlers::logout(Session& session, quint64 id)
{
    qCInfo(lcServer) << "logout" << session.peer() << session.user().value();
    m_sessions.logout(&session);
    m_tokenLogins.logout(session, id);
}

void AuthHandlers::changePassword(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<ChangePassword>(session, request, id);
    if (!req)
        return;
    if (!isValidPassword(req->newPassword)) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("the new password must be 8-1024 bytes"));
        return;
    }
    const std::optional<UserRecord> user = m_storage.userById(session.user());
    if (!user) {
        session.replyError(id, ErrorCode::BadCredentials, QStringLiteral("wrong password"));
        return;
    }
    if (m_storage.ldapLinks().dnOf(user->id)) {
        session.replyError(id, ErrorCode::Forbidden, QStringLiteral("the directory manages this password"));
        return;
    }
    // A stolen session guessing the old password is a login attempt: the same throttle, plus a per-address rate.
    const QString address = ConnectionLimiter::key(session.peerAddress());
    const qint64 waitMs = m_throttle.retryAfterMs(address, user->username, m_clock.elapsed());
    if (waitMs > 0 || !m_passwordChangeLimiter.tryTake(address, m_clock.elapsed())) {
        session.replyError(id, ErrorCode::RateLimited,
                           waitMs > 0
                               ? QStringLiteral("too many wrong passwords; retry in %1 s").arg((waitMs + 999) / 1000)
                               : QStringLiteral("too many password changes from this address; retry in a minute"));
        return;
    }
    QPointer<Session> guard(&session);
    const PasswordHasher* hasher = &m_hashPool->hasher();
    // One job: the old password's check and the new hash, so the change cannot be refused half-way by the caps.
    const bool queued = m_hashPool->run<std::optional<QByteArray>>(
        address, &session,
        [hasher, oldHash = user->passwordHash, oldPassword = req->oldPassword,
         newPassword = req->newPassword]() -> std::optional<QByteArray> {
            if (!hasher->verify(oldHash, oldPassword))
                return std::nullopt;
            return hasher->hash(newPassword);
        },
        [this, guard, id, user = *user, address](const std::optional<QByteArray>& newHash) {
            storePassword(guard, id, user, address, newHash);
        });
    if (!queued) {
        replyBusy(session, id);
        return;
    }
    session.holdRequests();
}

void AuthHandlers::storePassword(const QPointer<Session>& guard, quint64 id, const UserRecord& user,
                                 const QString& address, const std::optional<QByteArray>& newHash)
{
    auto resume = qScopeGuard([guard] {
        if (guard)
            guard->resumeRequests();
    });
    if (!newHash) {
        qCInfo(lcServer) << "change_password: wrong old password" << (guard ? guard->peer() : address);
        recordFailedLogin(address, user.username);
        if (guard)
            guard->replyError(id, ErrorCode::BadCredentials, QStringLiteral("wrong password"));
        return;
    }
    if (!guard)
        return; // the client never learns the outcome: leave the password as it was
    // The password checked must still be the account's (another session or the admin may have changed it).
    const std::optional<UserRecord> now = m_storage.userById(user.id);
    if (!now || now->passwordHash != user.passwordHash) {
        guard->replyError(id, ErrorCode::BadCredentials, QStringLiteral("wrong password"));
        return;
    }
    // Every remembered device goes with the old password, in the same transaction.
    if (newHash->isEmpty() || !m_commits.begin() || !m_storage.setPasswordHash(user.id, *newHash) ||
        m_storage.deviceTokens().removeAll(user.id) < 0) {
        guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot store the password"));
        return;
    }
    resume.dismiss();
    m_commits.afterCommit([this, guard, id, user = user.id](bool ok) {
        if (ok) {
            // Whoever else holds a session of this account (a stolen one, a forgotten device) must log in again.
            const int revoked = m_sessions.revokeSessions(user, guard.data());
            qCInfo(lcServer) << "password changed" << user.value() << "-" << revoked << "other sessions closed";
            if (guard) {
                guard->setDeviceToken(0);
                guard->setDeviceName({});
            }
        }
        if (!guard)
            return;
        if (ok)
            guard->reply(id, {});
        else
            guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot store the password"));
        guard->resumeRequests();
    });
}

void AuthHandlers::recordFailedLogin(const QString& address, const QString& username)
{
    const LoginThrottle::Failure failure = m_throttle.recordFailure(address, username, m_clock.elapsed());
    if (failure.warn)
        qCWarning(lcServer) << "login: account" << username.left(64) << "under attack:" << failure.accountFailures
                            << "failed logins from addresses it never logged in from, the last from" << address
                            << "- such addresses are now delayed, its known ones are not";
}

void AuthHandlers::replyBusy(Session& session, quint64 id)
{
    session.replyError(id, ErrorCode::RateLimited,
                       QStringLiteral("the server is busy checking passwords; retry in a few seconds"));
}

} // namespace lanchat
