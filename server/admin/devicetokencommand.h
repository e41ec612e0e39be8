#pragma once

#include "storage.h"

#include <QCoreApplication>

namespace lanchat {

/**
 * The device-token actions of `lanchat-server user` ("stay logged in", docs/admin.md): `user tokens NAME` lists the
 * devices remembered for an account (name, created, last used, UTC), `user revoke-tokens NAME` forgets them all, so
 * each of those devices must log in with the password at its next start (sessions open now stay; `user disable` or
 * `user passwd` end those too). Writes the database directly; the server needs no notice, it reads tokens from the
 * database at each login. Returns the exit code (0 ok, 1 failure).
 */
class DeviceTokenCommand
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::DeviceTokenCommand)

public:
    /** True for the actions this class handles ("tokens", "revoke-tokens"). */
    static bool handles(const QString& action);
    static int run(Storage& storage, const QString& action, const UserRecord& user);
};

} // namespace lanchat
