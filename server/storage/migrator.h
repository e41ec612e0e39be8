#pragma once

#include <QMap>
#include <QString>

namespace lanchat {

class SqlStatements;

/**
 * Brings a database to the schema this binary knows. Migrations are the embedded resources
 * `:/lanchat/storage/sql/NNNN_name.sql` (source: server/storage/sql/), numbered from 1 without gaps,
 * never edited once shipped. The version reached is tracked in `PRAGMA user_version` (0 = empty file).
 *
 * Each file is handed whole to SQLite (`sqlite3_exec` on the connection's handle), so anything SQLite
 * parses may stand in it (triggers, `;` inside strings); it must not hold transaction control itself.
 * Each migration runs in one transaction together with its user_version bump, so a failure or a crash
 * leaves the database at the previous version. Before upgrading a database that already holds data
 * (0 < version < target) a consistent copy is written with `VACUUM INTO` to
 * `<database>.pre-v<target>.bak` (upgrades back up first). A database newer than the binary is refused:
 * a downgrade would silently drop what the newer schema stores.
 *
 * Runs on the thread that owns @p statements' connection.
 */
class Migrator
{
public:
    /**
     * Migrates through @p statements' connection with the migrations of @p migrationDir (files named
     * `NNNN_name.sql`; the default is the embedded set, another folder is for tests).
     */
    explicit Migrator(SqlStatements& statements, const QString& migrationDir = embeddedDirectory());

    /** The resource folder of the migrations built into this binary. */
    static QString embeddedDirectory();
    /** Highest migration number embedded in this binary. */
    static int latestVersion();

    /** PRAGMA user_version of the open database; -1 on failure. */
    int currentVersion();

    /**
     * Applies every migration above the current version up to @p targetVersion (-1: the highest in the
     * migration folder). @p databasePath names the backup file; empty or ":memory:" means no backup.
     * On failure returns false with @p error set, e.g. "database schema version 999 is newer than
     * this server supports (2)" or "migration 0004_x.sql failed: near \"CREAT\": syntax error"; the
     * failed migration is rolled back, those before it stay applied.
     */
    bool migrate(const QString& databasePath, QString* error, int targetVersion = -1);

    /** File written by the last migrate() as the pre-upgrade backup; empty if none was needed. */
    QString backupPath() const { return m_backupPath; }

private:
    bool backup(const QString& databasePath, int targetVersion, QString* error);
    bool apply(int version, QString* error);
    /** Runs @p sql (any number of statements) through sqlite3_exec; false with SQLite's message in @p error. */
    bool execScript(const QByteArray& sql, QString* error);
    /** sqlite3_commit_hook while a migration file runs: notes and refuses any COMMIT in it. */
    static int refuseCommit(void* committedItself);

    SqlStatements& m_statements;
    QMap<int, QString> m_files; ///< migration number → file path
    QString m_backupPath;
};

} // namespace lanchat
