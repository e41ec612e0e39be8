#include "ldapsync.h"

#include "ldapaccounts.h"
#include "storage/storage.h"

#include <QSet>

namespace lanchat {

int LdapSync::Report::count() const
{
    int n = 0;
    for (const Change& change : changes) {
        if (change.kind != Change::Kind::Skipped && !change.noteOnly)
            ++n;
    }
    return n;
}

LdapSync::Report LdapSync::run(Storage& storage, const LdapConfig& config, const QList<LdapEntry>& entries,
                               LdapAttributes::PhotoStore photos, qint64 nowMs, bool dryRun)
{
    Report report;
    const QList<LdapLink> links = storage.ldapLinks().all();
    if (entries.isEmpty() && !links.isEmpty()) {
        report.failure = QStringLiteral("the directory returned no users");
        return report;
    }
    LdapAccounts accounts(storage, config, std::move(photos), nowMs);
    QSet<qint64> seen;
    for (const LdapEntry& entry : entries) {
        const LdapAccounts::Outcome outcome = accounts.apply(entry, dryRun);
        seen.insert(outcome.user.value());
        report.placementChanged = report.placementChanged || outcome.placementChanged;
        Change change{Change::Kind::Updated, outcome.user,  entry.username, outcome.newName, entry.dn,
                      outcome.fields,        outcome.notes, false};
        switch (outcome.change) {
        case LdapAccounts::Change::Unchanged:
            if (outcome.notes.isEmpty())
                continue;
            change.noteOnly = true; // the admin learns that a value was left alone
            break;
        case LdapAccounts::Change::Created:
            change.kind = Change::Kind::Created;
            break;
        case LdapAccounts::Change::Updated:
            if (!outcome.oldName.isEmpty())
                change.fields.prepend(QStringLiteral("display_name"));
            break;
        case LdapAccounts::Change::Refused:
            change.kind = Change::Kind::Skipped;
            change.notes = QStringList{outcome.note};
            break;
        case LdapAccounts::Change::Failed:
            report.failure = QStringLiteral("cannot store the account of %1").arg(entry.dn);
            return report;
        }
        report.changes.append(change);
    }
    for (const LdapLink& link : links) {
        if (seen.contains(link.user.value()))
            continue;
        const std::optional<UserRecord> user = storage.userById(link.user);
        if (!user || user->disabled)
            continue;
        if (!dryRun && (!storage.setUserDisabled(user->id, true) || storage.deviceTokens().removeAll(user->id) < 0)) {
            report.failure = QStringLiteral("cannot disable %1").arg(user->username);
            return report;
        }
        report.changes.append(
            Change{Change::Kind::Disabled, user->id, user->username, user->displayName, link.dn, {}, {}, false});
    }
    report.ok = true;
    return report;
}

} // namespace lanchat
