#include "noticecommand.h"

#include "admincontext.h"
#include "departmentpath.h"
#include "logging.h"
#include "noticecsv.h"
#include "protocol.h"
#include "sqlitestorage.h"
#include "texttable.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>

namespace lanchat {

namespace {

QString utc(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QStringLiteral("-");
}

struct Options
{
    QCommandLineOption all{QStringLiteral("all"), NoticeCommand::tr("post: to every enabled account.")};
    QCommandLineOption group{QStringLiteral("group"), NoticeCommand::tr("post: to the members of group ID."),
                             QStringLiteral("ID")};
    QCommandLineOption dept{QStringLiteral("dept"),
                            NoticeCommand::tr("post: to the people of department PATH and its sub-departments "
                                              "(repeatable)."),
                            QStringLiteral("PATH")};
    QCommandLineOption ack{QStringLiteral("ack"), NoticeCommand::tr("post: recipients must acknowledge it.")};
    QCommandLineOption csv{QStringLiteral("csv"), NoticeCommand::tr("status: write CSV to stdout.")};
};

/** Asks a running server to push notice @p id; prints what happened. */
void pushNotice(const AdminContext& context, qint64 id, bool reminder)
{
    QCborMap request;
    request.insert(QLatin1String("t"), QLatin1String("notice_push"));
    request.insert(QLatin1String("notice"), id);
    if (reminder)
        request.insert(QLatin1String("reminder"), true);
    const std::optional<QCborMap> reply = context.notifyServer(request);
    if (!reply) {
        AdminContext::print(NoticeCommand::tr("server not running: recipients get it at their next login"));
        return;
    }
    AdminContext::print(
        NoticeCommand::tr("pushed to %n recipient(s) online", nullptr,
                          AdminContext::pluralCount(reply->value(QLatin1String("online")).toInteger())));
}

/** The recipients of a new notice; nullopt after printing why there are none. */
std::optional<QList<UserId>> recipientsOf(Storage& storage, const QCommandLineParser& parser, const Options& o,
                                          NoticeInfo* notice)
{
    QList<UserId> users;
    if (parser.isSet(o.all)) {
        notice->audience = NoticeAudience::Everyone;
        for (const UserRecord& user : storage.users()) {
            if (!user.disabled)
                users.append(user.id);
        }
    } else if (parser.isSet(o.dept)) {
        notice->audience = NoticeAudience::Departments;
        for (const QString& path : parser.values(o.dept)) {
            QStringList names;
            QString error;
            if (!DepartmentPath::parse(path, &names, &error)) {
                AdminContext::fail(error);
                return std::nullopt;
            }
            const DepartmentId department = DepartmentPath::find(storage.directory(), names);
            if (!department.isValid()) {
                AdminContext::fail(NoticeCommand::tr("no department '%1'").arg(path));
                return std::nullopt;
            }
            notice->departments.append(department.value());
            // A department includes its sub-departments; someone in two of the named ones receives it once.
            for (UserId user : storage.directory().people(department, true)) {
                const std::optional<UserRecord> record = storage.userById(user);
                if (record && !record->disabled && !users.contains(user))
                    users.append(user);
            }
        }
    } else {
        notice->audience = NoticeAudience::Group;
        notice->conversation = ConversationId(parser.value(o.group).toLongLong());
        const std::optional<ConversationInfo> group = storage.conversation(notice->conversation, UserId());
        if (!group || group->kind != ConversationKind::Group) {
            AdminContext::fail(NoticeCommand::tr("no group %1").arg(parser.value(o.group)));
            return std::nullopt;
        }
        users = group->members;
    }
    if (users.isEmpty()) {
        AdminContext::fail(NoticeCommand::tr("nobody would receive it"));
        return std::nullopt;
    }
    return users;
}

int post(const AdminContext& context, Storage& storage, const QCommandLineParser& parser, const Options& o,
         const QString& text)
{
    NoticeInfo notice;
    notice.text = text;
    notice.mustAck = parser.isSet(o.ack);
    notice.createdMs = QDateTime::currentMSecsSinceEpoch();
    const std::optional<QList<UserId>> users = recipientsOf(storage, parser, o, &notice);
    if (!users)
        return AdminContext::kFailure;
    qint64 id = 0;
    if (storage.beginTransaction()) {
        id = storage.notices().post(notice, *users);
        if (id == 0 || !storage.commitTransaction()) {
            id = 0;
            if (storage.inTransaction())
                storage.rollbackTransaction();
        }
    }
    if (id == 0)
        return AdminContext::fail(NoticeCommand::tr("cannot store the notice"));
    qCInfo(lcServer) << "admin: notice" << id << "posted to" << users->size();
    AdminContext::print(
        NoticeCommand::tr("notice %1 posted to %n recipient(s)", nullptr, AdminContext::pluralCount(users->size()))
            .arg(id));
    pushNotice(context, id, false);
    return AdminContext::kOk;
}

QString authorName(Storage& storage, UserId author)
{
    if (!author.isValid())
        //: the author of a notice posted with `lanchat-server notice post`
        return NoticeCommand::tr("(administrator)");
    const std::optional<UserRecord> user = storage.userById(author);
    return user ? user->username : QString::number(author.value());
}

int list(Storage& storage)
{
    TextTable table;
    table.addRow({NoticeCommand::tr("ID"), NoticeCommand::tr("POSTED (UTC)"), NoticeCommand::tr("AUTHOR"),
                  NoticeCommand::tr("AUDIENCE"), NoticeCommand::tr("ACK"), NoticeCommand::tr("ACKNOWLEDGED"),
                  NoticeCommand::tr("TEXT")});
    for (const NoticeInfo& notice : storage.notices().all()) {
        const QString audience = notice.audience == NoticeAudience::Group
                                     ? QStringLiteral("group %1").arg(notice.conversation.value())
                                     : NoticeInfo::audienceName(notice.audience);
        QString text = notice.text.simplified();
        if (text.size() > 40)
            text = text.left(39) + QChar(0x2026);
        table.addRow({QString::number(notice.id), utc(notice.createdMs), authorName(storage, notice.author), audience,
                      notice.mustAck ? NoticeCommand::tr("yes") : NoticeCommand::tr("no"),
                      QStringLiteral("%1/%2").arg(notice.acknowledged).arg(notice.recipients), text});
    }
    AdminContext::print(table.lines());
    return AdminContext::kOk;
}

int status(Storage& storage, const NoticeInfo& notice, bool csv)
{
    const QList<NoticeReceipt> receipts = storage.notices().receipts(notice.id);
    QList<NoticeCsvRow> rows;
    for (const NoticeReceipt& receipt : receipts) {
        const std::optional<UserRecord> user = storage.userById(receipt.user);
        rows.append({user ? user->username : QString::number(receipt.user.value()),
                     user ? user->displayName : QString(), receipt.ackedMs});
    }
    if (csv) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(NoticeCsv::write(rows)) < 0)
            return AdminContext::fail(NoticeCommand::tr("cannot write the CSV"));
        return AdminContext::kOk;
    }
    //: %1 the notice id, %2 how many acknowledged, %3 how many received it
    AdminContext::print(NoticeCommand::tr("notice %1: acknowledged by %2 of %3")
                            .arg(notice.id)
                            .arg(notice.acknowledged)
                            .arg(notice.recipients));
    TextTable table;
    table.addRow({NoticeCommand::tr("USER"), NoticeCommand::tr("DISPLAY NAME"), NoticeCommand::tr("ACKNOWLEDGED (UTC)"),
                  NoticeCommand::tr("REMINDED (UTC)")});
    for (qsizetype i = 0; i < rows.size(); ++i)
        table.addRow(
            {rows.at(i).username, rows.at(i).displayName, utc(rows.at(i).ackedMs), utc(receipts.at(i).remindedMs)});
    AdminContext::print(table.lines());
    return AdminContext::kOk;
}

int remind(const AdminContext& context, Storage& storage, const NoticeInfo& notice)
{
    const QList<UserId> users = storage.notices().remind(notice.id, QDateTime::currentMSecsSinceEpoch());
    if (users.isEmpty()) {
        AdminContext::print(NoticeCommand::tr("everyone has acknowledged notice %1").arg(notice.id));
        return AdminContext::kOk;
    }
    AdminContext::print(NoticeCommand::tr("%n recipient(s) have not acknowledged notice %1", nullptr,
                                          AdminContext::pluralCount(users.size()))
                            .arg(notice.id));
    pushNotice(context, notice.id, true);
    return AdminContext::kOk;
}

} // namespace

int NoticeCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Announcements, optionally to be acknowledged.") +
                                     QStringLiteral("\n"
                                                    "  notice post --all|--group ID|--dept PATH… [--ack] TEXT\n"
                                                    "  notice list\n"
                                                    "  notice status ID [--csv]\n"
                                                    "  notice remind ID"));
    AdminContext context;
    context.addOptions(parser);
    const Options o;
    parser.addOptions({o.all, o.group, o.dept, o.ack, o.csv});
    parser.addPositionalArgument(QStringLiteral("action"), tr("post, list, status or remind."));
    if (const int code = context.parse(parser, arguments, 1, 2); code != 0)
        return code;
    const QStringList args = parser.positionalArguments();
    const QString action = args.at(0);
    const bool known = (action == QLatin1String("list") && args.size() == 1) ||
                       (action == QLatin1String("post") && args.size() == 2 &&
                        int(parser.isSet(o.all)) + int(parser.isSet(o.group)) + int(parser.isSet(o.dept)) == 1) ||
                       ((action == QLatin1String("status") || action == QLatin1String("remind")) && args.size() == 2);
    if (!known)
        //: the words after "usage:" are commands and options: keep them as they are
        return AdminContext::fail(
            tr("usage: notice post --all|--group ID|--dept PATH… [--ack] TEXT | list | status ID [--csv] | "
               "remind ID"),
            AdminContext::kUsage);
    if (action == QLatin1String("post")) {
        const QString text = args.at(1);
        if (text.trimmed().isEmpty() || text.toUtf8().size() > protocol::kMaxNoticeTextBytes)
            return AdminContext::fail(tr("the text must have 1 to %1 bytes").arg(protocol::kMaxNoticeTextBytes),
                                      AdminContext::kUsage);
    }
    Storage* storage = context.storage();
    if (!storage)
        return AdminContext::kFailure;
    if (action == QLatin1String("post"))
        return post(context, *storage, parser, o, args.at(1));
    if (action == QLatin1String("list"))
        return list(*storage);
    bool isNumber = false;
    const std::optional<NoticeInfo> notice = storage->notices().notice(args.at(1).toLongLong(&isNumber));
    if (!isNumber || !notice)
        return AdminContext::fail(tr("no notice %1").arg(args.at(1)));
    return action == QLatin1String("status") ? status(*storage, *notice, parser.isSet(o.csv))
                                             : remind(context, *storage, *notice);
}

} // namespace lanchat
