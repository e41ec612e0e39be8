#pragma once

#include "storage.h"

#include <QCoreApplication>

namespace lanchat {

class AdminContext;

/**
 * The display-name lock of `lanchat-server user` (docs/admin.md, "Display-name lock"): `user lock-name NAME` stops
 * the user from changing their display name (`profile_update` answers `forbidden`; the administrator still renames
 * with `user rename`), `user unlock-name NAME` lets them again. Writes the database, then tells a running server,
 * which pushes the user's new User map (`name_locked`) to every logged-in session. Returns the exit code (0 ok,
 * 1 failure).
 */
class NameLockCommand
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::NameLockCommand)

public:
    /** True for the actions this class handles ("lock-name", "unlock-name"). */
    static bool handles(const QString& action);
    static int run(AdminContext& context, Storage& storage, const QString& action, const UserRecord& user);
};

} // namespace lanchat
