#include "ldapaccounts.h"

#include "authhandlers.h"
#include "protocol.h"

namespace lanchat {

LdapAccounts::LdapAccounts(Storage& storage, const LdapConfig& config, LdapAttributes::PhotoStore photos, qint64 nowMs)
    : m_storage(storage)
    , m_config(config)
    , m_attributes(storage, config, std::move(photos), nowMs)
{}

LdapAccounts::Outcome LdapAccounts::apply(const LdapEntry& entry, bool dryRun)
{
    Outcome out;
    if (!AuthHandlers::isValidUsername(entry.username)) {
        out.change = Change::Refused;
        out.note = QStringLiteral("%1 has no usable username in %2 (1-32 of [A-Za-z0-9._-])")
                       .arg(entry.dn, m_config.usernameAttribute);
        return out;
    }
    QString displayName = entry.displayName.trimmed().left(protocol::kMaxNameChars);
    if (displayName.isEmpty())
        displayName = entry.username;
    out.newName = displayName;
    LdapLinkStore& links = m_storage.ldapLinks();
    out.user = links.userOf(entry.dn);
    if (!out.user.isValid()) {
        const std::optional<UserRecord> named = m_storage.userByName(entry.username);
        if (!named) {
            out.change = Change::Created;
            out.note = QStringLiteral("account %1 created for %2").arg(entry.username, entry.dn);
            if (!dryRun && (m_storage.createUser(entry.username, displayName, LdapLinkStore::kNoLocalPassword,
                                                 &out.user) != CreateUserResult::Created ||
                            !links.link(out.user, entry.dn)))
                out.change = Change::Failed;
            if (out.change != Change::Failed && !dryRun)
                applyAttributes(entry, false, &out);
            return out;
        }
        const bool linked = links.dnOf(named->id).has_value();
        if (!linked && m_config.order != LdapConfig::Order::LdapFirst) {
            out.change = Change::Refused;
            out.note = QStringLiteral("%1 matches the local account %2, left alone (order=ldap,local hands local "
                                      "accounts to the directory)")
                           .arg(entry.dn, named->username);
            return out;
        }
        out.user = named->id;
        out.change = Change::Updated;
        out.note = QStringLiteral("account %1 now follows %2").arg(named->username, entry.dn);
        if (!dryRun && (!links.link(out.user, entry.dn) ||
                        !m_storage.setPasswordHash(out.user, LdapLinkStore::kNoLocalPassword))) {
            out.change = Change::Failed;
            return out;
        }
    }
    const std::optional<UserRecord> record = m_storage.userById(out.user);
    if (!record) {
        out.change = dryRun ? out.change : Change::Failed;
        return out;
    }
    if (record->displayName != displayName) {
        out.oldName = record->displayName;
        if (out.change == Change::Unchanged)
            out.note = QStringLiteral("account %1 renamed").arg(record->username);
        out.change = Change::Updated;
        if (!dryRun && !m_storage.setDisplayName(out.user, displayName))
            out.change = Change::Failed;
    }
    if (out.change != Change::Failed)
        applyAttributes(entry, dryRun, &out);
    return out;
}

void LdapAccounts::applyAttributes(const LdapEntry& entry, bool dryRun, Outcome* out)
{
    const LdapAttributes::Result result = m_attributes.apply(out->user, entry, dryRun);
    out->fields = result.fields;
    out->notes = result.notes;
    out->placementChanged = result.placementChanged;
    if (result.failed) {
        out->change = Change::Failed;
    } else if (!result.fields.isEmpty() && out->change == Change::Unchanged) {
        out->change = Change::Updated;
        out->note = QStringLiteral("account %1 updated from the directory: %2")
                        .arg(entry.username, result.fields.join(QLatin1String(", ")));
    }
}

} // namespace lanchat
