#include "migrator.h"

#include "logging.h"
#include "sqlstatements.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QVariant>

#include <sqlite3.h>

namespace lanchat {

namespace {

/** Migration number → path, from the NNNN_name.sql files in @p directory. */
QMap<int, QString> migrationFiles(const QString& directory)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_[a-z0-9_]+\\.sql$"));
    QMap<int, QString> files;
    const QStringList names = QDir(directory).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString& name : names) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (match.hasMatch())
            files.insert(match.captured(1).toInt(), directory + u'/' + name);
    }
    return files;
}

} // namespace

Migrator::Migrator(SqlStatements& statements, const QString& migrationDir)
    : m_statements(statements)
    , m_files(migrationFiles(migrationDir))
{}

QString Migrator::embeddedDirectory()
{
    return QStringLiteral(":/lanchat/storage/sql");
}

int Migrator::latestVersion()
{
    const QMap<int, QString> files = migrationFiles(embeddedDirectory());
    return files.isEmpty() ? 0 : files.lastKey();
}

int Migrator::currentVersion()
{
    const QVariant version = m_statements.scalarDirect(QStringLiteral("PRAGMA user_version"));
    return version.isValid() ? version.toInt() : -1;
}

bool Migrator::migrate(const QString& databasePath, QString* error, int targetVersion)
{
    QString ignored;
    if (!error)
        error = &ignored;
    m_backupPath.clear();
    const int latest = m_files.isEmpty() ? 0 : m_files.lastKey();
    const int target = targetVersion < 0 ? latest : targetVersion;
    const int current = currentVersion();
    if (current < 0 || target > latest) {
        *error = current < 0 ? QStringLiteral("cannot read the database schema version")
                             : QStringLiteral("no migration to schema version %1").arg(target);
        return false;
    }
    if (current > latest) {
        *error = QStringLiteral("database schema version %1 is newer than this server supports (%2)")
                     .arg(current)
                     .arg(latest);
        return false;
    }
    if (current >= target)
        return true;
    if (current > 0 && !backup(databasePath, target, error))
        return false;
    // In number order; the embedded files are numbered without gaps (tst_migrations checks that).
    const QList<int> versions = m_files.keys();
    for (int version : versions) {
        if (version > current && version <= target && !apply(version, error))
            return false;
    }
    qCInfo(lcStorage) << "database schema migrated from version" << current << "to" << target;
    return true;
}

bool Migrator::backup(const QString& databasePath, int targetVersion, QString* error)
{
    if (databasePath.isEmpty() || databasePath == QLatin1String(":memory:"))
        return true;
    // VACUUM INTO refuses to overwrite; keep an earlier backup and pick the next free name.
    const QString base = databasePath + QStringLiteral(".pre-v%1").arg(targetVersion);
    QString path = base + QStringLiteral(".bak");
    for (int i = 1; QFileInfo::exists(path) && i < 1000; ++i)
        path = base + QStringLiteral(".%1.bak").arg(i);
    if (!m_statements.vacuumInto(path, error))
        return false;
    m_backupPath = path;
    qCInfo(lcStorage) << "database backed up before migration to" << path;
    return true;
}

bool Migrator::apply(int version, QString* error)
{
    const QString path = m_files.value(version);
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("migration %1 is missing from this build").arg(version);
        return false;
    }
    const QByteArray sql = file.readAll();
    if (!m_statements.handle()) {
        *error = QStringLiteral("migration %1: the database driver gives no SQLite handle").arg(name);
        return false;
    }
    if (!m_statements.begin()) {
        *error = QStringLiteral("cannot start the transaction for migration %1").arg(name);
        return false;
    }
    // Checked again under the write lock: a second process opening the same file (an admin command
    // during the server's first start) waits here, then finds the work done.
    if (currentVersion() >= version)
        return m_statements.commit();
    // A COMMIT in the file would make its first part permanent without the version bump: the hook turns it
    // into a rollback; a ROLLBACK in the file leaves autocommit on.
    bool committedItself = false;
    sqlite3_commit_hook(m_statements.handle(), &Migrator::refuseCommit, &committedItself);
    QString failure;
    const bool ran = execScript(sql, &failure);
    sqlite3_commit_hook(m_statements.handle(), nullptr, nullptr);
    if (committedItself || (ran && sqlite3_get_autocommit(m_statements.handle())))
        failure = QStringLiteral("it ends the migration's transaction (no BEGIN, COMMIT or ROLLBACK in a migration)");
    if (failure.isEmpty())
        execScript(QStringLiteral("PRAGMA user_version = %1;").arg(version).toUtf8(), &failure);
    if (failure.isEmpty() && m_statements.commit())
        return true;
    m_statements.rollback();
    *error = QStringLiteral("migration %1 failed: %2")
                 .arg(name, failure.isEmpty() ? QStringLiteral("commit failed") : failure);
    return false;
}

int Migrator::refuseCommit(void* committedItself)
{
    *static_cast<bool*>(committedItself) = true;
    return 1; // non-zero: SQLite rolls back instead of committing
}

bool Migrator::execScript(const QByteArray& sql, QString* error)
{
    char* message = nullptr;
    if (sqlite3_exec(m_statements.handle(), sql.constData(), nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    *error = message ? QString::fromUtf8(message) : QString::fromUtf8(sqlite3_errmsg(m_statements.handle()));
    sqlite3_free(message);
    return false;
}

} // namespace lanchat
