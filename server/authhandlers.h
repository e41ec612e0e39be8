#pragma once

#include "ids.h"
#include "passwordhasher.h"
#include "security/loginthrottle.h"

#include <QCborMap>
#include <QElapsedTimer>

namespace lanchat {

class CommitQueue;
class Router;
class Session;
class SessionRegistry;
class Storage;
struct ServerConfig;

/**
 * Handshake and account requests (docs/protocol.md, "Handshake" and "Accounts"): hello, register, login,
 * logout, change_password, ping. Usernames are [A-Za-z0-9._-]{1,32}, unique case-insensitively; passwords
 * 8..1024 UTF-8 bytes, hashed with Argon2id (PasswordHasher, cost from ServerConfig). A failed login answers
 * `bad_credentials` whether or not the user exists, after the same Argon2id work (verifyDummy). New accounts
 * are announced to logged-in sessions with a `user` push. Failed logins are throttled per (account, address), per
 * address and per account (LoginThrottle, limits from ServerConfig; no account is ever locked): a throttled attempt
 * gets `rate_limited` without any password check. Sign-up follows RegistrationPolicy. Lives on the server thread.
 */
class AuthHandlers
{
public:
    AuthHandlers(const ServerConfig& config, Storage& storage, CommitQueue& commits, SessionRegistry& sessions);

    /** Registers hello, register, login, ping (Public) and logout, change_password (Authenticated). */
    void registerWith(Router& router);

    /** True if @p username is 1..32 characters of [A-Za-z0-9._-]. */
    static bool isValidUsername(const QString& username);

private:
    void hello(Session& session, const QCborMap& request, quint64 id);
    void registerUser(Session& session, const QCborMap& request, quint64 id);
    void login(Session& session, const QCborMap& request, quint64 id);
    void logout(Session& session, quint64 id);
    void changePassword(Session& session, const QCborMap& request, quint64 id);
    void completeLogin(Session& session, UserId user, quint64 id);

    const ServerConfig& m_config;
    Storage& m_storage;
    CommitQueue& m_commits;
    SessionRegistry& m_sessions;
    PasswordHasher m_hasher;
    LoginThrottle m_throttle;
    QElapsedTimer m_clock; ///< monotonic time for m_throttle
};

} // namespace lanchat
