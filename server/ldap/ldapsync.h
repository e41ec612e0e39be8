#pragma once

#include "ids.h"
#include "ldapattributes.h"
#include "ldapclient.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace lanchat {

class Storage;

/**
 * One directory sync (docs/admin.md, "LDAP and Active Directory"), shared by `lanchat-server ldap sync` and the
 * server's periodic sync (LdapPeriodicSync): every entry's account is created or brought up to date (LdapAccounts),
 * and accounts whose entry is gone are disabled and their device tokens forgotten. A directory that returns nobody
 * while accounts are linked changes nothing (a wrong base_dn must not lock everyone out). Accounts disabled by
 * hand or by an earlier sync are not enabled again. Writes go to the storage as they are (the caller's
 * transaction). Storage's thread.
 */
class LdapSync
{
public:
    struct Change
    {
        enum class Kind
        {
            Created,
            Updated,
            Disabled,
            Skipped, ///< an entry LanChat cannot take (LdapAccounts::Change::Refused); see notes
        };
        Kind kind = Kind::Updated;
        UserId user; ///< invalid for Skipped, and for Created in a dry run
        QString username;
        QString displayName; ///< Created / Updated
        QString dn;
        QStringList fields;    ///< Updated: the mapped fields that changed
        QStringList notes;     ///< directory values left alone (and why), or why an entry was skipped
        bool noteOnly = false; ///< nothing changed; listed for its notes only
    };
    struct Report
    {
        bool ok = false;
        QString failure;               ///< !ok: why nothing (more) changed, English
        QList<Change> changes;         ///< in the order made, note-only entries included
        bool placementChanged = false; ///< someone's title or department changed: the `directory` push is due
        /** Changes that count (not the note-only nor the skipped entries). */
        int count() const;
    };

    static Report run(Storage& storage, const LdapConfig& config, const QList<LdapEntry>& entries,
                      LdapAttributes::PhotoStore photos, qint64 nowMs, bool dryRun);
};

} // namespace lanchat
