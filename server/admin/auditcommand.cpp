#include "auditcommand.h"

#include "admincontext.h"
#include "sqlitestorage.h"
#include "texttable.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lanchat {

namespace {

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

/** The username of @p id; "admin" for 0 (an administrator acted), "#id" for an unknown id. */
QString userName(Storage& storage, UserId id)
{
    if (!id.isValid())
        return QStringLiteral("admin");
    const std::optional<UserRecord> user = storage.userById(id);
    return user ? user->username : QStringLiteral("#%1").arg(id.value());
}

/** The original content: the text, or the file as "name (size bytes, sha256 hex)". */
QString content(const AuditEntry& e)
{
    if (e.file)
        return QStringLiteral("%1 (%2 bytes, sha256 %3)")
            .arg(e.file->name)
            .arg(e.file->size)
            .arg(QString::fromLatin1(e.file->sha256.toHex()));
    return e.text;
}

QString csvField(const QString& value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')) &&
        !value.contains(QLatin1Char('\r')))
        return value;
    return QLatin1Char('"') + QString(value).replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
}

int list(Storage& storage, const QList<AuditEntry>& entries)
{
    if (entries.isEmpty()) {
        AdminContext::print(AuditCommand::tr("no recalled or edited messages"));
        return AdminContext::kOk;
    }
    TextTable table;
    table.addRow({AuditCommand::tr("WHEN"), AuditCommand::tr("ACTION"), AuditCommand::tr("BY"),
                  AuditCommand::tr("CONVERSATION"), AuditCommand::tr("SEQ"), AuditCommand::tr("SENDER"),
                  AuditCommand::tr("ORIGINAL")});
    for (const AuditEntry& e : entries) {
        const QString when = QDateTime::fromMSecsSinceEpoch(e.actionMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        const QString action =
            e.action == QLatin1String("recall") ? AuditCommand::tr("recall") : AuditCommand::tr("edit");
        table.addRow({when, action, userName(storage, e.actor), QString::number(e.conversation.value()),
                      QString::number(e.seq), userName(storage, e.sender), content(e).simplified().left(80)});
    }
    AdminContext::print(table.lines());
    return AdminContext::kOk;
}

int exportCsv(Storage& storage, const QList<AuditEntry>& entries)
{
    QStringList lines{QStringLiteral("id,action,actor,action_time,conversation,seq,sender,sent_time,kind,text,"
                                     "file_name,file_size,file_sha256,previous_edited_time")};
    for (const AuditEntry& e : entries) {
        const QStringList fields{QString::number(e.id),
                                 e.action,
                                 userName(storage, e.actor),
                                 isoUtc(e.actionMs),
                                 QString::number(e.conversation.value()),
                                 QString::number(e.seq),
                                 userName(storage, e.sender),
                                 isoUtc(e.sentMs),
                                 e.file ? QStringLiteral("file") : QStringLiteral("text"),
                                 e.text,
                                 e.file ? e.file->name : QString(),
                                 e.file ? QString::number(e.file->size) : QString(),
                                 e.file ? QString::fromLatin1(e.file->sha256.toHex()) : QString(),
                                 e.previousEditedMs > 0 ? isoUtc(e.previousEditedMs) : QString()};
        QStringList quoted;
        for (const QString& field : fields)
            quoted.append(csvField(field));
        lines.append(quoted.join(QLatin1Char(',')));
    }
    AdminContext::print(lines);
    return AdminContext::kOk;
}

int exportJson(Storage& storage, const QList<AuditEntry>& entries)
{
    QJsonArray rows;
    for (const AuditEntry& e : entries) {
        QJsonObject row{{QStringLiteral("id"), e.id},
                        {QStringLiteral("action"), e.action},
                        {QStringLiteral("actor"), userName(storage, e.actor)},
                        {QStringLiteral("action_time"), isoUtc(e.actionMs)},
                        {QStringLiteral("conversation"), e.conversation.value()},
                        {QStringLiteral("seq"), e.seq},
                        {QStringLiteral("sender"), userName(storage, e.sender)},
                        {QStringLiteral("sent_time"), isoUtc(e.sentMs)},
                        {QStringLiteral("kind"), e.file ? QStringLiteral("file") : QStringLiteral("text")}};
        if (e.file) {
            row.insert(QStringLiteral("file_name"), e.file->name);
            row.insert(QStringLiteral("file_size"), e.file->size);
            row.insert(QStringLiteral("file_sha256"), QString::fromLatin1(e.file->sha256.toHex()));
        } else {
            row.insert(QStringLiteral("text"), e.text);
        }
        if (e.previousEditedMs > 0)
            row.insert(QStringLiteral("previous_edited_time"), isoUtc(e.previousEditedMs));
        rows.append(row);
    }
    AdminContext::print(QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Indented)).trimmed());
    return AdminContext::kOk;
}

} // namespace

int AuditCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show the originals of recalled and edited messages.") +
                                     QStringLiteral("\n"
                                                    "  audit list [--conversation N] [--since DATE]\n"
                                                    "  audit export --format csv|json [--conversation N] "
                                                    "[--since DATE]"));
    AdminContext context;
    context.addOptions(parser);
    const QCommandLineOption conversation(QStringLiteral("conversation"), tr("Only this conversation (its id)."),
                                          QStringLiteral("N"));
    const QCommandLineOption since(QStringLiteral("since"), tr("Only actions on or after DATE (ISO 8601, local time)."),
                                   QStringLiteral("DATE"));
    const QCommandLineOption format(QStringLiteral("format"), tr("Export format: csv or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("csv"));
    parser.addOptions({conversation, since, format});
    parser.addPositionalArgument(QStringLiteral("action"), tr("list or export."));
    if (const int code = context.parse(parser, arguments, 1, 1); code != 0)
        return code;
    const QString action = parser.positionalArguments().at(0);
    const QString formatName = parser.value(format);
    if ((action != QLatin1String("list") && action != QLatin1String("export")) ||
        (formatName != QLatin1String("csv") && formatName != QLatin1String("json")))
        //: the words after "usage:" are commands and options: keep them as they are
        return AdminContext::fail(tr("usage: audit list|export [--format csv|json] (see audit --help)"),
                                  AdminContext::kUsage);
    bool idOk = true;
    const qint64 conversationId = parser.isSet(conversation) ? parser.value(conversation).toLongLong(&idOk) : 0;
    QDateTime sinceTime;
    if (parser.isSet(since)) {
        sinceTime = QDateTime::fromString(parser.value(since), Qt::ISODate);
        if (!sinceTime.isValid())
            sinceTime = QDate::fromString(parser.value(since), Qt::ISODate).startOfDay();
    }
    if (!idOk || conversationId < 0 || (parser.isSet(since) && !sinceTime.isValid()))
        return AdminContext::fail(tr("--conversation takes an id and --since a date such as 2026-12-01"),
                                  AdminContext::kUsage);
    Storage* storage = context.storage();
    if (!storage)
        return AdminContext::kFailure;
    const QList<AuditEntry> entries =
        storage->audit(ConversationId(conversationId), sinceTime.isValid() ? sinceTime.toMSecsSinceEpoch() : 0);
    if (action == QLatin1String("list"))
        return list(*storage, entries);
    return formatName == QLatin1String("json") ? exportJson(*storage, entries) : exportCsv(*storage, entries);
}

} // namespace lanchat
