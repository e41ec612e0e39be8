#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace lanchat {

/**
 * `lanchat-server user add|list|passwd|disable|enable|delete|rename …`. Writes the database
 * directly, then tells a running server (`user_changed`) so that a disabled or deleted user's sessions are
 * closed with `account_disabled` at once, a user whose password was reset (passwd) loses every session with
 * `session_revoked`, and renames reach everyone online as a `user` push.
 * Passwords come from the first line of stdin with --password-stdin (argv is visible in ps), hashed with
 * Argon2id at the configured cost. Exit codes: 0 ok, 1 failure (unknown user, name taken), 2 usage.
 */
class UserCommand
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::UserCommand)

public:
    /** @p arguments: program name, then the action and its options (the word `user` removed). */
    static int run(const QStringList& arguments);
};

} // namespace lanchat
