#pragma once

#include "errorcode.h"
#include "ids.h"
#include "ldap/ldapattributes.h"
#include "ldap/ldapclient.h"
#include "storage/storage.h"

#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace lanchat {

class CommitQueue;
class LdapAuthenticator;
class Session;
class SessionRegistry;
struct Login;

/**
 * The directory side of AuthHandlers (docs/protocol.md, "Login"; docs/admin.md, "LDAP and Active Directory"):
 * password logins of directory accounts, checked by LdapAuthenticator off the server thread. The first login of a
 * directory user creates their LanChat account (named after the username attribute, display name and the mapped
 * attributes from the directory, no local password); later logins refresh them (pushed to everyone online like any
 * profile change, with the `directory` push when a title or department changed) and follow a moved entry (new DN). The
 * password is never stored. A directory that cannot be reached within LdapConfig::timeoutMs answers
 * `directory_unavailable`, counted like a failed login.
 *
 * Which logins go to the directory: every name when LDAP is enabled, except local accounts under
 * `order = local,ldap`; under `order = ldap,local` a local account the directory does not know (or cannot be
 * asked about) falls back to its local password. Server thread only.
 */
class LdapLogins
{
public:
    /** Finishes a checked login of @p user (disabled check, throttle, device token); resumes the session's requests. */
    using Admit = std::function<void(const QPointer<Session>& session, quint64 id, UserId user, const QString& address,
                                     const Login& request)>;
    /** Counts a failed login of @p username from @p address. */
    using Failed = std::function<void(const QString& address, const QString& username)>;
    /** Checks @p request against the local password of @p user (order = ldap,local after the directory said no). */
    using Fallback = std::function<void(Session& session, const Login& request, quint64 id, const QString& address,
                                        const UserRecord& user)>;

    LdapLogins(const LdapConfig& config, Storage& storage, CommitQueue& commits, SessionRegistry& sessions, Admit admit,
               Failed failed, Fallback fallback);
    ~LdapLogins();

    /** Where directory photos are stored (the file layer's AvatarBlobs); without it photos are left alone. */
    void setPhotoStore(LdapAttributes::PhotoStore photos) { m_photos = std::move(photos); }
    /** True when a password login for @p local (nullopt: no account of that name) is checked by the directory. */
    bool decides(const std::optional<UserRecord>& local);
    /**
     * Checks @p request in the directory and answers it; the session holds its later requests meanwhile. Beyond
     * LdapConfig::maxPending answers `rate_limited`.
     */
    void login(Session& session, const Login& request, quint64 id, const QString& address,
               const std::optional<UserRecord>& local);

private:
    void finish(const QPointer<Session>& session, quint64 id, const QString& address, const Login& request,
                const std::optional<UserRecord>& local, const LdapClient::Result& result);
    /** The account of @p entry, created or refreshed in the open batch; invalid (and logged) when it cannot be. */
    UserId accountFor(const LdapEntry& entry, bool* announce, bool* placed);
    void refuse(const QPointer<Session>& session, quint64 id, const QString& address, const Login& request,
                ErrorCode code);

    const LdapConfig& m_config;
    Storage& m_storage;
    CommitQueue& m_commits;
    SessionRegistry& m_sessions;
    Admit m_admit;
    Failed m_failed;
    Fallback m_fallback;
    LdapAttributes::PhotoStore m_photos;
    std::unique_ptr<LdapAuthenticator> m_authenticator; ///< created when LDAP is enabled
};

} // namespace lanchat
