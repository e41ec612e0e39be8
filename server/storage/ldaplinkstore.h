#pragma once

#include "ids.h"

#include <QList>
#include <QString>

#include <optional>

namespace lanchat {

/** An account that belongs to a directory entry. */
struct LdapLink
{
    UserId user;
    QString dn; ///< the entry's distinguished name, as the directory spelled it at the last login or sync
};

/**
 * Which accounts belong to LDAP / Active Directory entries (`users.ldap_dn`, schema 16), part of Storage. An account
 * without a link is local: it has its own password. Writes follow the storage's transaction rules. Failures return
 * false / nullopt and log to lanchat.storage. Same thread as the Storage it belongs to.
 */
class LdapLinkStore
{
public:
    /** The password_hash of directory accounts: no PHC string, so no local password ever matches it. */
    static constexpr const char* kNoLocalPassword = "!ldap";

    virtual ~LdapLinkStore() = default;
    /** The DN of @p user's entry; nullopt for a local (or unknown) account. */
    virtual std::optional<QString> dnOf(UserId user) = 0;
    /** The account linked to @p dn (compared exactly); invalid if none. */
    virtual UserId userOf(const QString& dn) = 0;
    /** Links @p user to @p dn (replacing an earlier DN: the entry was moved). False if another account has @p dn. */
    virtual bool link(UserId user, const QString& dn) = 0;
    /** Every linked account, ordered by user id. */
    virtual QList<LdapLink> all() = 0;
};

} // namespace lanchat
