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
#include "security/registrationpolicy.h"
#include "serverconfig.h"
#include "session.h"
#include "sessionregistry.h"
#include "storage/storage.h"

#include <QDateTime>
#include <QPointer>
#include <QRegularExpression>

namespace lanchat {

namespace {

bool isValidPassword(const QString& password)
{
    const qsizetype bytes = password.toUtf8().size();
    return bytes >= protocol::kMinPasswordBytes && bytes <= protocol::kMaxPasswordBytes;
}

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
    , m_hasher(PasswordHasher::Cost{config.hashMemoryKiB, config.hashIterations, config.hashParallelism})
    , m_throttle({config.loginFreeAttempts, config.addressFreeAttempts, config.accountFreeAttempts,
                  config.loginBaseDelayMs, config.loginMaxDelayMs, config.loginForgetMs})
{
    m_clock.start();
}

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
    Welcome welcome;
    welcome.protocol = protocol::kVersion;
    welcome.server = m_config.serverName;
    welcome.features = {QString::fromLatin1(protocol::kFeatureFileProof)};
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
    const QByteArray hash = m_hasher.hash(req->password);
    if (hash.isEmpty() || !m_commits.begin()) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot create the account"));
        return;
    }
    UserId user;
    const CreateUserResult result = m_storage.createUser(req->username, displayName, hash, &user);
    if (result != CreateUserResult::Created) {
        const bool taken = result == CreateUserResult::UsernameTaken;
        session.replyError(id, taken ? ErrorCode::UsernameTaken : ErrorCode::Internal,
                           taken ? QStringLiteral("username is taken") : QStringLiteral("cannot create the account"));
        return;
    }
    QPointer<Session> guard(&session);
    m_commits.afterCommit([this, guard, user, id, username = req->username, displayName](bool ok) {
        if (!guard)
            return;
        if (!ok) {
            guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot create the account"));
            return;
        }
        qCInfo(lcServer) << "register" << guard->peer() << username << user.value();
        // Nested: a push never has a top-level `id` (that would read as a reply).
        QCborMap push;
        push.insert(QLatin1String("t"), QLatin1String(msgtype::kUserPush));
        push.insert(QLatin1String("user"), UserInfo{user, username, displayName, false}.toCbor());
        m_sessions.pushToAuthenticated(FrameCodec::encode(push));
        completeLogin(*guard, user, id);
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
    const std::optional<UserRecord> user = m_storage.userByName(req->username);
    // Same Argon2id work for unknown users: the reply time does not tell which accounts exist.
    const bool ok = user ? m_hasher.verify(user->passwordHash, req->password) : m_hasher.verifyDummy(req->password);
    if (!ok) {
        qCInfo(lcServer) << "login failed" << session.peer();
        const LoginThrottle::Failure failure = m_throttle.recordFailure(address, req->username, m_clock.elapsed());
        if (failure.warn)
            qCWarning(lcServer) << "login: account" << req->username.left(64)
                                << "under attack:" << failure.accountFailures
                                << "failed logins from addresses it never logged in from, the last from" << address
                                << "- such addresses are now delayed, its known ones are not";
        session.replyError(id, ErrorCode::BadCredentials, QStringLiteral("wrong username or password"));
        return;
    }
    if (user->disabled) {
        session.replyError(id, ErrorCode::AccountDisabled, QStringLiteral("the account is disabled"));
        return;
    }
    m_throttle.recordSuccess(address, req->username, m_clock.elapsed());
    completeLogin(session, user->id, id);
}

void AuthHandlers::completeLogin(Session& session, UserId user, quint64 id)
{
    const std::optional<UserRecord> record = m_storage.userById(user);
    if (!record) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("account vanished"));
        return;
    }
    AuthOk ok;
    ok.user = UserInfo{record->id, record->username, record->displayName, true};
    ok.lastSeq = m_storage.lastSeq();
    session.reply(id, ok.encode());
    m_sessions.login(&session, user);
    qCInfo(lcServer) << "login" << session.peer() << record->username << user.value();
}

void AuthHandlers::logout(Session& session, quint64 id)
{
    qCInfo(lcServer) << "logout" << session.peer() << session.user().value();
    m_sessions.logout(&session);
    session.reply(id, {});
}

void AuthHandlers::changePassword(Session& session, const QCborMap& request, quint64 id)
{
    const auto req = decodeRequest<ChangePassword>(session, request, id);
    if (!req)
        return;
    const std::optional<UserRecord> user = m_storage.userById(session.user());
    if (!user || !m_hasher.verify(user->passwordHash, req->oldPassword)) {
        session.replyError(id, ErrorCode::BadCredentials, QStringLiteral("wrong password"));
        return;
    }
    if (!isValidPassword(req->newPassword)) {
        session.replyError(id, ErrorCode::InvalidArgument, QStringLiteral("the new password must be 8-1024 bytes"));
        return;
    }
    const QByteArray hash = m_hasher.hash(req->newPassword);
    if (hash.isEmpty() || !m_commits.begin() || !m_storage.setPasswordHash(user->id, hash)) {
        session.replyError(id, ErrorCode::Internal, QStringLiteral("cannot store the password"));
        return;
    }
    QPointer<Session> guard(&session);
    m_commits.afterCommit([guard, id](bool ok) {
        if (!guard)
            return;
        if (ok)
            guard->reply(id, {});
        else
            guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot store the password"));
    });
}

} // namespace lanchat
