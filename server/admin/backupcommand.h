#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace lanchat {

/**
 * `lanchat-server backup FILE` and `lanchat-server restore FILE`.
 *
 * backup: a consistent copy of the database with SQLite `VACUUM INTO` on a separate connection; safe while
 * the server runs and writes (one read snapshot). FILE must not exist. The file store (`<data-dir>/files`) is
 * not included: copy it with any file tool (blobs are immutable, named by their SHA-256).
 *
 * restore: refuses while a server answers on the admin socket; checks that FILE is a LanChat database
 * (PRAGMA integrity_check = ok, user_version within 1..the latest this binary knows, a users table),
 * keeps a consistent copy of the replaced database as `lanchat.db.before-restore-<UTC time>`, then installs
 * FILE as `lanchat.db` (mode 0600). Exit codes: 0 ok, 1 failure, 2 usage.
 */
class BackupCommand
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::BackupCommand)

public:
    /** @p arguments: program name, then FILE and options (the word `backup` removed). */
    static int runBackup(const QStringList& arguments);
    /** @p arguments: program name, then FILE and options (the word `restore` removed). */
    static int runRestore(const QStringList& arguments);
};

} // namespace lanchat
