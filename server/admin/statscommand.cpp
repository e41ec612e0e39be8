#include "statscommand.h"

#include "admincontext.h"
#include "sqlitestorage.h"
#include "texttable.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>

namespace lanchat {

namespace {

/** Users and connections from the running server's answer, or that none runs. */
QString onlineText(const std::optional<QCborMap>& live)
{
    if (!live)
        return StatsCommand::tr("server not running");
    const qint64 users = live->value(QLatin1String("online")).toInteger();
    const qint64 connections = live->value(QLatin1String("connections")).toInteger();
    return StatsCommand::tr("%1, %2", "stats: online users, connections")
        .arg(StatsCommand::tr("%n user(s)", nullptr, AdminContext::pluralCount(users)),
             StatsCommand::tr("%n connection(s)", nullptr, AdminContext::pluralCount(connections)));
}

} // namespace

int StatsCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show usage figures of the server."));
    AdminContext context;
    context.addOptions(parser);
    if (const int code = context.parse(parser, arguments, 0, 0); code != 0)
        return code;
    Storage* storage = context.storage();
    if (!storage)
        return AdminContext::kFailure;
    const QList<UserRecord> users = storage->users();
    const qsizetype disabled =
        std::count_if(users.cbegin(), users.cend(), [](const UserRecord& u) { return u.disabled; });
    QCborMap request;
    request.insert(QLatin1String("t"), QLatin1String("stats"));
    const std::optional<QCborMap> live = context.notifyServer(request);
    const qint64 dayAgo = QDateTime::currentMSecsSinceEpoch() - qint64(24) * 60 * 60 * 1000;
    const QString db = context.config().databasePath();
    const qint64 dbBytes = QFileInfo(db).size() + QFileInfo(db + QStringLiteral("-wal")).size();
    // Labels padded by display width, so the values line up in Chinese too.
    TextTable table;
    table.addRow({tr("users:"), tr("%1 (%2 disabled)").arg(users.size()).arg(disabled)});
    table.addRow({tr("online now:"), onlineText(live)});
    table.addRow(
        {tr("messages:"), tr("%1 (last 24 h: %2)").arg(storage->messageCount()).arg(storage->messageCount(dayAgo))});
    table.addRow({tr("files:"), tr("%1 (%2 bytes)").arg(storage->blobs().size()).arg(storage->blobBytes())});
    //: %1 the size of the database files, %2 the path of the database
    const QString database = tr("%1 bytes (%2)").arg(dbBytes).arg(db);
    table.addRow({tr("database:"), database});
    AdminContext::print(table.lines());
    return AdminContext::kOk;
}

} // namespace lanchat
