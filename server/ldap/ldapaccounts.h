#pragma once

#include "ldapattributes.h"
#include "ldapclient.h"
#include "storage/storage.h"

namespace lanchat {

/**
 * Keeps LanChat accounts in step with directory entries; shared by directory logins (LdapLogins) and
 * `lanchat-server ldap sync`. An entry's account is the one linked to its DN, else the one of its username (a moved
 * entry keeps its account; a local account is taken over only with `order = ldap,local`), else a new one without
 * a local password. The mapped attributes follow the entry (LdapAttributes). Writes go to @p storage as they are (the
 * caller opens the transaction). Storage's thread.
 */
class LdapAccounts
{
public:
    enum class Change
    {
        Unchanged,
        Created,
        Updated, ///< display name or mapped attributes refreshed, the entry moved (new DN), a local account taken over
        Refused, ///< no usable username, or a local account of that name under order = local,ldap (see note)
        Failed,  ///< a storage error
    };
    struct Outcome
    {
        Change change = Change::Unchanged;
        UserId user;        ///< the account (invalid when refused; planned changes of a dry run: the existing one)
        QString note;       ///< for the log and `ldap sync`: what was or would be done, in English
        QString oldName;    ///< Updated: the display name before
        QString newName;    ///< Created / Updated: the display name after
        QStringList fields; ///< mapped fields changed (LdapAttributes::Result::fields)
        QStringList notes;  ///< directory values left alone, and why
        bool placementChanged = false; ///< title or department changed: the `directory` push is due
    };

    /** @p photos and @p nowMs: see LdapAttributes. */
    LdapAccounts(Storage& storage, const LdapConfig& config, LdapAttributes::PhotoStore photos, qint64 nowMs);
    /** Brings the account of @p entry up to date; with @p dryRun only says what it would do. */
    Outcome apply(const LdapEntry& entry, bool dryRun = false);

private:
    void applyAttributes(const LdapEntry& entry, bool dryRun, Outcome* out);

    Storage& m_storage;
    const LdapConfig& m_config;
    LdapAttributes m_attributes;
};

} // namespace lanchat
