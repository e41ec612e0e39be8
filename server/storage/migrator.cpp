#include "migrator.h"

#include "logging.h"
#include "sqlstatements.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace lanchat {

namespace {

const QString kMigrationDir = QStringLiteral(":/lanchat/storage/sql");

/** Migration number → resource path, from the embedded NNNN_name.sql files. */
QMap<int, QString> migrationFiles()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_[a-z0-9_]+\\.sql$"));
    QMap<int, QString> files;
    const QStringList names = QDir(kMigrationDir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString& name : names) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (match.hasMatch())
            files.insert(match.captured(1).toInt(), kMigrationDir + u'/' + name);
    }
    return files;
}

} // namespace

Migrator::Migrator(SqlStatements& statements)
    : m_statements(statements)
{}

int Migrator::latestVersion()
{
    const QMap<int, QString> files = migrationFiles();
    return files.isEmpty() ? 0 : files.lastKey();
}

QStringList Migrator::splitStatements(const QString& sql)
{
    QStringList statements;
    QString current;
    const QStringList lines = sql.split(u'\n');
    for (const QString& line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("--")))
            continue;
        current += line + u'\n';
        if (trimmed.endsWith(u';')) {
            statements.append(current.trimmed());
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
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
    const int latest = latestVersion();
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
    // Numbers are handed out to work in progress ahead of time, so a build may lack some (never one it once had:
    // shipped files are never removed); the ones it has run in order.
    const QList<int> versions = migrationFiles().keys();
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
    const QString resource = migrationFiles().value(version);
    QFile file(resource);
    if (resource.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("migration %1 is missing from this build").arg(version);
        return false;
    }
    const QStringList statements = splitStatements(QString::fromUtf8(file.readAll()));
    if (!m_statements.begin()) {
        *error = QStringLiteral("cannot start the transaction for migration %1").arg(version);
        return false;
    }
    // Checked again under the write lock: a second process opening the same file (an admin command
    // during the server's first start) waits here, then finds the work done.
    if (currentVersion() >= version)
        return m_statements.commit();
    QString failure;
    for (const QString& statement : statements) {
        if (!m_statements.execDirect(statement, &failure))
            break;
    }
    if (failure.isEmpty())
        m_statements.execDirect(QStringLiteral("PRAGMA user_version = %1").arg(version), &failure);
    if (failure.isEmpty() && m_statements.commit())
        return true;
    m_statements.rollback();
    *error = QStringLiteral("migration %1 failed: %2")
                 .arg(version)
                 .arg(failure.isEmpty() ? QStringLiteral("commit failed") : failure);
    return false;
}

} // namespace lanchat
