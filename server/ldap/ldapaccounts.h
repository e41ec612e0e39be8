#pragma once

#include "ldapclient.h"
#include "storage/storage.h"

namespace lanchat {

/**
 * Keeps LanChat accounts in step with directory entries; shared by directory logins (LdapLogins) and
 * `lanchat-server ldap sync`. An entry's account is the one linked to its DN, else the one of its username (a moved
 * entry keeps its account; a local account is taken over only with `order = ldap,local`), else a new one without
 * a local password. Writes go to @p storage as they are (the caller opens the transaction). Storage's thread.
 */
class LdapAccounts
{
public:
    enum class Change
    {
        Unchanged,
        Created,
        Updated, ///< display name refreshed and/or the entry moved (new DN) or a local account taken over
        Refused, ///< no usable username, or a local account of that name under order = local,ldap (see note)
        Failed,  ///< a storage error
    };
    struct Outcome
    {
        Change change = Change::Unchanged;
        UserId user;     ///< the account (invalid when refused; planned changes of a dry run: the existing one)
        QString note;    ///< for the log and `ldap sync`: what was or would be done, in English
        QString oldName; ///< Updated: the display name before
        QString newName; ///< Created / Updated: the display name after
    };

    LdapAccounts(Storage& storage, const LdapConfig& config);
    /** Brings the account of @p entry up to date; with @p dryRun only says what it would do. */
    Outcome apply(const LdapEntry& entry, bool dryRun = false);

private:
    Storage& m_storage;
    const LdapConfig& m_config;
};

} // namespace lanchat
