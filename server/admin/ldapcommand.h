#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace lanchat {

/**
 * `lanchat-server ldap test USER [--password-stdin]` and `lanchat-server ldap sync [--dry-run]` (docs/admin.md,
 * "LDAP and Active Directory"), with the `[ldap]` settings of the server's configuration file.
 *
 * test: finds USER with the service account and prints the entry and what LanChat reads from it; with
 * --password-stdin also checks that password by binding (the way a login does). sync: creates accounts for new
 * directory users, refreshes display names and moved entries (LdapAccounts), and disables accounts whose entry is
 * gone (their devices are forgotten and a running server closes their sessions with `account_disabled`); prints
 * each change; --dry-run prints them without changing anything. A directory that returns nobody disables nobody
 * (a wrong base_dn must not lock everyone out). Accounts disabled by hand or by an earlier sync are not enabled
 * again (`user enable`). Exit codes: 0 ok, 1 failure (directory unreachable, user not found, wrong password), 2 usage.
 * CLI thread; blocks on the directory (each step bounded by timeout_ms).
 */
class LdapCommand
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::LdapCommand)

public:
    /** @p arguments: program name, then the action and its options (the word `ldap` removed). */
    static int run(const QStringList& arguments);
};

} // namespace lanchat
