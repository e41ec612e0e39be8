#pragma once

#include <QString>
#include <QStringList>

namespace lanchat {

class SqlStatements;

/**
 * Brings a database to the schema this binary knows. Migrations are the embedded resources
 * `:/lanchat/storage/sql/NNNN_name.sql` (source: server/storage/sql/), numbered from 1 without gaps,
 * never edited once shipped. The version reached is tracked in `PRAGMA user_version` (0 = empty file).
 *
 * Each migration runs in one transaction together with its user_version bump, so a crash leaves the
 * database at the previous version. Before upgrading a database that already holds data
 * (0 < version < target) a consistent copy is written with `VACUUM INTO` to
 * `<database>.pre-v<target>.bak` (issue 7: upgrades back up first). A database newer than the
 * binary is refused: a downgrade would silently drop what the newer schema stores.
 */
class Migrator
{
public:
    explicit Migrator(SqlStatements& statements);

    /** Highest migration number embedded in this binary. */
    static int latestVersion();
    /** Splits a migration file into statements: each ends with ';' at the end of a line; `--` lines are comments. */
    static QStringList splitStatements(const QString& sql);

    /** PRAGMA user_version of the open database; -1 on failure. */
    int currentVersion();

    /**
     * Applies every migration above the current version up to @p targetVersion (-1: latest).
     * @p databasePath names the backup file; empty or ":memory:" means no backup.
     * On failure returns false with @p error set, e.g. "database schema version 999 is newer than
     * this server supports (2)".
     */
    bool migrate(const QString& databasePath, QString* error, int targetVersion = -1);

    /** File written by the last migrate() as the pre-upgrade backup; empty if none was needed. */
    QString backupPath() const { return m_backupPath; }

private:
    bool backup(const QString& databasePath, int targetVersion, QString* error);
    bool apply(int version, QString* error);

    SqlStatements& m_statements;
    QString m_backupPath;
};

} // namespace lanchat
