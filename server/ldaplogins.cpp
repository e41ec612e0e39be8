#include "ldaplogins.h"

#include "authhandlers.h"
#include "commitqueue.h"
#include "directoryhandlers.h"
#include "ldap/ldapaccounts.h"
#include "ldap/ldapauthenticator.h"
#include "logging.h"
#include "messages/authmessages.h"
#include "session.h"
#include "sessionregistry.h"
#include "userinfofactory.h"

#include <QDateTime>

namespace lanchat {

LdapLogins::LdapLogins(const LdapConfig& config, Storage& storage, CommitQueue& commits, SessionRegistry& sessions,
                       Admit admit, Failed failed, Fallback fallback)
    : m_config(config)
    , m_storage(storage)
    , m_commits(commits)
    , m_sessions(sessions)
    , m_admit(std::move(admit))
    , m_failed(std::move(failed))
    , m_fallback(std::move(fallback))
{
    if (m_config.enabled)
        m_authenticator = std::make_unique<LdapAuthenticator>(m_config);
}

LdapLogins::~LdapLogins() = default;

bool LdapLogins::decides(const std::optional<UserRecord>& local)
{
    if (!m_authenticator)
        return false;
    if (!local || m_config.order == LdapConfig::Order::LdapFirst)
        return true;
    return m_storage.ldapLinks().dnOf(local->id).has_value();
}

void LdapLogins::login(Session& session, const Login& request, quint64 id, const QString& address,
                       const std::optional<UserRecord>& local)
{
    QPointer<Session> guard(&session);
    const bool queued =
        m_authenticator->authenticate(request.username, request.password,
                                      [this, guard, id, address, request, local](const LdapClient::Result& result) {
                                          finish(guard, id, address, request, local, result);
                                      });
    if (!queued) {
        session.replyError(id, ErrorCode::RateLimited,
                           QStringLiteral("the server is busy asking the directory; retry in a few seconds"));
        return;
    }
    session.holdRequests();
}

void LdapLogins::finish(const QPointer<Session>& guard, quint64 id, const QString& address, const Login& request,
                        const std::optional<UserRecord>& local, const LdapClient::Result& result)
{
    const bool localAccount = local && !m_storage.ldapLinks().dnOf(local->id);
    if (result.status != LdapClient::Status::Ok && localAccount) {
        // order = ldap,local: the directory does not vouch for this name, its local password may.
        if (guard) {
            guard->resumeRequests();
            m_fallback(*guard, request, id, address, *local);
        }
        return;
    }
    switch (result.status) {
    case LdapClient::Status::Ok:
        break;
    case LdapClient::Status::Unavailable:
        qCWarning(lcServer) << "ldap: directory unavailable for a login:" << result.detail;
        refuse(guard, id, address, request, ErrorCode::DirectoryUnavailable);
        return;
    case LdapClient::Status::NotFound:
    case LdapClient::Status::BadPassword:
        qCInfo(lcServer) << "ldap: login refused:" << result.detail;
        refuse(guard, id, address, request, ErrorCode::BadCredentials);
        return;
    }
    if (!guard)
        return; // nobody to log in; the next login creates or refreshes the account
    if (!m_commits.begin()) {
        guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot store the account"));
        guard->resumeRequests();
        return;
    }
    bool announce = false;
    bool placed = false;
    const UserId user = accountFor(result.entry, &announce, &placed);
    if (!user.isValid()) {
        refuse(guard, id, address, request, ErrorCode::BadCredentials);
        return;
    }
    m_commits.afterCommit([this, guard, id, address, request, user, announce, placed](bool ok) {
        if (!ok) {
            if (guard) {
                guard->replyError(id, ErrorCode::Internal, QStringLiteral("cannot store the account"));
                guard->resumeRequests();
            }
            return;
        }
        if (placed)
            DirectoryHandlers::pushTree(m_storage, m_sessions);
        if (announce) {
            if (const std::optional<UserInfo> info = UserInfoFactory::load(m_storage, m_sessions, user))
                m_sessions.pushToAuthenticated(UserInfoFactory::pushFrame(*info));
        }
        m_admit(guard, id, user, address, request);
    });
}

UserId LdapLogins::accountFor(const LdapEntry& entry, bool* announce, bool* placed)
{
    const LdapAccounts::Outcome outcome =
        LdapAccounts(m_storage, m_config, m_photos, QDateTime::currentMSecsSinceEpoch()).apply(entry);
    for (const QString& note : outcome.notes)
        qCInfo(lcServer) << "ldap:" << entry.username << note;
    *placed = outcome.placementChanged;
    switch (outcome.change) {
    case LdapAccounts::Change::Unchanged:
        return outcome.user;
    case LdapAccounts::Change::Created:
    case LdapAccounts::Change::Updated:
        qCInfo(lcServer) << "ldap:" << outcome.note;
        *announce = true;
        return outcome.user;
    case LdapAccounts::Change::Refused:
        qCWarning(lcServer) << "ldap: login refused:" << outcome.note;
        return {};
    case LdapAccounts::Change::Failed:
        qCWarning(lcServer) << "ldap: cannot store the account of" << entry.dn;
        return {};
    }
    return {};
}

void LdapLogins::refuse(const QPointer<Session>& guard, quint64 id, const QString& address, const Login& request,
                        ErrorCode code)
{
    // Counted even when the client hung up meanwhile: closing early must not dodge the throttle.
    m_failed(address, request.username);
    if (!guard)
        return;
    guard->replyError(id, code,
                      code == ErrorCode::DirectoryUnavailable
                          ? QStringLiteral("the company directory cannot be reached; try again later")
                          : QStringLiteral("wrong username or password"));
    guard->resumeRequests();
}

} // namespace lanchat
