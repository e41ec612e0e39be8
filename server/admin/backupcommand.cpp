#include "backupcommand.h"

#include "admincontext.h"
#include "logging.h"
#include "migrator.h"
#include "sqlitestorage.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <unistd.h>

namespace lanchat {

namespace {

/** Empty when @p path is a healthy LanChat database this binary can open, else the reason. */
QString validateDatabase(const QString& path)
{
    if (!QFileInfo(path).isFile())
        return BackupCommand::tr("%1 is not a file").arg(path);
    const QString name = QStringLiteral("lanchat-restore-check-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery query(db);
        if (!db.open() || !query.exec(QStringLiteral("PRAGMA integrity_check")) || !query.next()) {
            problem = BackupCommand::tr("%1 is not an SQLite database").arg(path);
        } else if (query.value(0).toString() != QLatin1String("ok")) {
            //: %2 is SQLite's own (English) report
            problem = BackupCommand::tr("%1 fails the integrity check: %2").arg(path, query.value(0).toString());
        } else if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next() || query.value(0).toInt() < 1 ||
                   query.value(0).toInt() > Migrator::latestVersion()) {
            problem = BackupCommand::tr("%1 is not a LanChat database of schema 1..%2")
                          .arg(path)
                          .arg(Migrator::latestVersion());
        } else if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM users")) || !query.next()) {
            problem = BackupCommand::tr("%1 has no users table").arg(path);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return problem;
}

} // namespace

int BackupCommand::runBackup(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write a consistent copy of the database to FILE (a new file); safe while the server runs."));
    AdminContext context;
    context.addOptions(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The backup to write."));
    if (const int code = context.parse(parser, arguments, 1, 1); code != 0)
        return code;
    const QString target = parser.positionalArguments().at(0);
    if (QFileInfo::exists(target))
        return AdminContext::fail(tr("%1 exists: choose a new file name").arg(target));
    if (!QFileInfo::exists(context.config().databasePath()))
        return AdminContext::fail(tr("no database at %1").arg(context.config().databasePath()));
    Storage* storage = context.storage();
    if (!storage)
        return AdminContext::kFailure;
    QString error;
    if (!storage->backupTo(target, &error))
        return AdminContext::fail(tr("backup failed: %1").arg(error));
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    AdminContext::print(tr("backup written to %1 (%2 bytes)").arg(target).arg(QFileInfo(target).size()));
    return AdminContext::kOk;
}

int BackupCommand::runRestore(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Replace the database by the backup FILE. Stop the server first; the replaced database is kept next to it."));
    AdminContext context;
    context.addOptions(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("A backup written by `backup`."));
    if (const int code = context.parse(parser, arguments, 1, 1); code != 0)
        return code;
    const QString source = parser.positionalArguments().at(0);
    if (context.serverRunning())
        return AdminContext::fail(tr("the server is running on %1: stop it first (systemctl stop lanchat-server)")
                                      .arg(context.config().dataDir));
    if (const QString problem = validateDatabase(source); !problem.isEmpty())
        return AdminContext::fail(problem);
    const QString db = context.config().databasePath();
    if (QFileInfo::exists(db)) {
        Storage* storage = context.storage();
        const QString saved = db + QStringLiteral(".before-restore-") +
                              QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmssZ"));
        QString error;
        if (!storage || !storage->backupTo(saved, &error))
            return AdminContext::fail(tr("cannot keep a copy of the current database: %1").arg(error));
        AdminContext::print(tr("current database kept as %1").arg(saved));
    }
    context.closeStorage();
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(db + suffix);
    if (!QFile::copy(source, db))
        return AdminContext::fail(tr("cannot copy %1 to %2").arg(source, db));
    QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // Run as root next to a service account (systemd DynamicUser): the new file must belong to the account
    // that owns the data directory, or the server cannot open it.
    const QFileInfo dir(context.config().dataDir);
    if (::geteuid() == 0 && ::chown(QFile::encodeName(db).constData(), dir.ownerId(), dir.groupId()) != 0)
        return AdminContext::fail(tr("cannot give %1 to the owner of %2").arg(db, dir.filePath()));
    qCInfo(lcServer) << "admin: database restored from" << source;
    AdminContext::print(tr("database restored from %1").arg(source));
    return AdminContext::kOk;
}

} // namespace lanchat
