#pragma once

#include "ids.h"

#include <QByteArray>
#include <QCborMap>
#include <QStringList>

#include <functional>

namespace lanchat {

class CommitQueue;
struct LdapConfig;
class Router;
class Session;
class SessionRegistry;
class Storage;
struct UserInfo;

/**
 * `profile_update` (docs/protocol.md 15.1): a user changes their own display name (unless an administrator locked
 * it: `forbidden`), phone, e-mail, signature (a field the company directory keeps for a directory account,
 * LdapConfig::managedProfileFields(), is `forbidden` too), or sets an avatar that already is someone's (else
 * `not_found`: upload it, 15.2) or removes theirs. Fields are checked by ProfileFields (`invalid_argument`). Every
 * change is committed with the relay's group commit, answered with the new User map and pushed (`user`) to every
 * logged-in session. AvatarHandlers use setAvatar() for the same commit and push. Lives on the server thread.
 */
class ProfileHandlers
{
public:
    /** Every reference must outlive the handlers. */
    ProfileHandlers(Storage& storage, CommitQueue& commits, SessionRegistry& sessions, const LdapConfig& ldap);

    /** Registers `profile_update`, Authenticated. */
    void registerWith(Router& router);

    /**
     * Makes @p sha256 (a stored, checked picture) the avatar of @p session's user; after the commit @p reply gets
     * the new User map and its answer goes to request @p id (or `internal` on failure), then the push follows.
     */
    void setAvatar(Session& session, quint64 id, const QByteArray& sha256,
                   std::function<QCborMap(const UserInfo&)> reply);

private:
    void update(Session& session, const QCborMap& request, quint64 id);
    /** The fields of @p user the directory keeps (empty for a local account). */
    QStringList directoryFields(UserId user);
    /** After the writes of this turn: reply through @p reply once committed, and push the user to everyone. */
    void announce(Session& session, quint64 id, std::function<QCborMap(const UserInfo&)> reply);

    Storage& m_storage;
    CommitQueue& m_commits;
    SessionRegistry& m_sessions;
    const LdapConfig& m_ldap;
};

} // namespace lanchat
