#include "statscommand.h"

#include "admincontext.h"
#include "sqlitestorage.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>

namespace lanchat {

int StatsCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Show usage figures of the server."));
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
    const QString online = live ? QStringLiteral("%1 users, %2 connections")
                                      .arg(live->value(QLatin1String("online")).toInteger())
                                      .arg(live->value(QLatin1String("connections")).toInteger())
                                : QStringLiteral("server not running");
    const qint64 dayAgo = QDateTime::currentMSecsSinceEpoch() - qint64(24) * 60 * 60 * 1000;
    const QString db = context.config().databasePath();
    const qint64 dbBytes = QFileInfo(db).size() + QFileInfo(db + QStringLiteral("-wal")).size();
    AdminContext::print(QStringLiteral("users:          %1 (%2 disabled)").arg(users.size()).arg(disabled));
    AdminContext::print(QStringLiteral("online now:     %1").arg(online));
    AdminContext::print(QStringLiteral("messages:       %1 (last 24 h: %2)")
                            .arg(storage->messageCount())
                            .arg(storage->messageCount(dayAgo)));
    AdminContext::print(
        QStringLiteral("files:          %1 (%2 bytes)").arg(storage->blobs().size()).arg(storage->blobBytes()));
    AdminContext::print(QStringLiteral("database:       %1 bytes (%2)").arg(dbBytes).arg(db));
    return AdminContext::kOk;
}

} // namespace lanchat
