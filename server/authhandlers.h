#pragma once

#include "devicetokenlogins.h"
#include "ids.h"
#include "ldaplogins.h"
#include "security/addressratelimiter.h"
#include "security/loginthrottle.h"
#include "storage/storage.h"

#include <QByteArray>
#include <QCborMap>
#include <QElapsedTimer>
#include <QPointer>

#include <memory>
#include <optional>

namespace lanchat {

class CommitQueue;
class PasswordHashPool;
class Router;
class Session;
class SessionRegistry;
class Storage;
struct Login;
struct ServerConfig;

/**
 * Handshake and account requests (docs/protocol.md, "Handshake" and "Accounts"): hello, register, login,
 * logout, change_password, ping. Usernames are [A-Za-z0-9._-]{1,32}, unique case-insensitively; passwords
 * 8..1024 UTF-8 bytes, hashed with Argon2id (PasswordHasher, cost from ServerConfig). A failed login answers
 * `bad_credentials` whether or not the user exists, after the same Argon2id work (verifyDummy). New accounts
 * are announced to logged-in sessions with a `user` push. Failed logins are throttled per (account, address), per
 * address and per account (LoginThrottle, limits from ServerConfig; no account is ever locked): a throttled attempt
 * gets `rate_limited` without any password check; a wrong old password in change_password counts as a failed
 * login. Sign-up follows RegistrationPolicy.
 *
 * Argon2id never runs on the server thread: register, login and change_password hash on PasswordHashPool and
 * finish when the result is posted back; their session holds its further requests meanwhile (so pipelined
 * requests keep their order) and may close meanwhile (QPointer). Beyond the pool's caps, and beyond
 * register_per_minute / change_password_per_minute per address (AddressRateLimiter), requests get `rate_limited`
 * without hashing. A changed password ends every other session of the user with `session_revoked`.
 *
 * Device tokens ("stay logged in", DeviceTokenLogins): `login {remember: true}` is answered with a new token once it is
 * committed; `login {username, device_token}` needs no hashing, uses the token up and answers with its successor,
 * throttled as a password login (a refused token counts as a failed login, answered `bad_token`). Logout forgets the
 * session's device; a password change forgets every device of the account.
 * Directory accounts (LdapLogins, docs/admin.md "LDAP and Active Directory"): with `[ldap] enabled`, password logins
 * are checked by the directory off the server thread (`directory_unavailable` when it cannot be reached in time);
 * local accounts keep their passwords, in the order the admin chose.
 * Lives on the server thread.
 */
class AuthHandlers
{
public:
    AuthHandlers(const ServerConfig& config, Storage& storage, CommitQueue& commits, SessionRegistry& sessions);
    /** Drops queued hashing jobs and waits for the running ones. */
    ~AuthHandlers();

    /** Registers hello, register, login, ping (Public) and logout, change_password (Authenticated). */
    void registerWith(Router& router);

    /** True if @p username is 1..32 characters of [A-Za-z0-9._-]. */
    static bool isValidUsername(const QString& username);

    /** The directory side of logins (RelayServer gives it the photo store). */
    LdapLogins& ldapLogins() { return m_ldapLogins; }

private:
    void hello(Session& session, const QCborMap& request, quint64 id);
    /** What a login checked off the server thread, to finish it on the server thread. */
    struct LoginCheck
    {
        QString address;                ///< ConnectionLimiter::key of the peer
        QString username;               ///< as the client sent it
        std::optional<UserRecord> user; ///< at the time of the lookup; nullopt for an unknown name
        bool passwordOk = false;
        bool remember = false; ///< issue a device token named deviceName once logged in
        QString deviceName;
    };

    void registerUser(Session& session, const QCborMap& request, quint64 id);
    /** @p device: remember the device under this name (a device token in the reply); nullopt: do not. */
    void createAccount(const QPointer<Session>& session, quint64 id, const QString& username,
                       const QString& displayName, const QByteArray& hash, const std::optional<QString>& device);
    void login(Session& session, const QCborMap& request, quint64 id);
    /** Checks @p request's password against the local account @p user (nullopt: unknown, dummy work). */
    void checkLocalPassword(Session& session, const Login& request, quint64 id, const QString& address,
                            const std::optional<UserRecord>& user);
    void finishLogin(const QPointer<Session>& session, quint64 id, const LoginCheck& check);
    /** After a correct password (local or directory): refuses a disabled account, else logs in (and remembers). */
    void admitLogin(const QPointer<Session>& session, quint64 id, UserId user, const QString& address,
                    const QString& username, bool remember, const QString& deviceName);
    void logout(Session& session, quint64 id);
    void changePassword(Session& session, const QCborMap& request, quint64 id);
    void storePassword(const QPointer<Session>& session, quint64 id, const UserRecord& user, const QString& address,
                       const std::optional<QByteArray>& newHash);
    void completeLogin(Session& session, UserId user, quint64 id, const DeviceTokens::Issued& issued = {});
    /** Counts a failed login (or a wrong old password) in the throttle, and warns the admin of an attack. */
    void recordFailedLogin(const QString& address, const QString& username);
    /** Answers rate_limited because the hashing pool is full (after it refused a job). */
    static void replyBusy(Session& session, quint64 id);

    const ServerConfig& m_config;
    Storage& m_storage;
    CommitQueue& m_commits;
    SessionRegistry& m_sessions;
    std::unique_ptr<PasswordHashPool> m_hashPool;
    LoginThrottle m_throttle;
    AddressRateLimiter m_registerLimiter;
    AddressRateLimiter m_passwordChangeLimiter;
    QElapsedTimer m_clock; ///< monotonic time for m_throttle and the limiters
    DeviceTokenLogins m_tokenLogins;
    LdapLogins m_ldapLogins;
};

} // namespace lanchat
