#include "ldapcommand.h"

#include "admincontext.h"
#include "files/avatarblobs.h"
#include "ldap/ldapclient.h"
#include "ldap/ldapsync.h"
#include "logging.h"
#include "sqlitestorage.h"

#include <QCborMap>
#include <QCommandLineParser>
#include <QDateTime>
#include <QTextStream>

namespace lanchat {

namespace {

QString statusText(LdapClient::Status status)
{
    switch (status) {
    case LdapClient::Status::Ok:
        return LdapCommand::tr("found");
    case LdapClient::Status::NotFound:
        return LdapCommand::tr("no such user under base_dn (or more than one match)");
    case LdapClient::Status::BadPassword:
        return LdapCommand::tr("wrong password");
    case LdapClient::Status::Unavailable:
        return LdapCommand::tr("the directory cannot be reached");
    }
    return {};
}

int testUser(const ServerConfig& config, const QString& username, bool checkPassword)
{
    LdapClient client(config.ldap);
    LdapClient::Result result;
    if (checkPassword) {
        QTextStream in(stdin);
        result = client.authenticate(username, in.readLine());
    } else {
        result = client.lookup(username);
    }
    if (result.status != LdapClient::Status::Ok)
        //: %1 the user, %2 what went wrong, %3 detail from the directory (English)
        return AdminContext::fail(
            LdapCommand::tr("'%1': %2 (%3)").arg(username, statusText(result.status), result.detail));
    AdminContext::print(LdapCommand::tr("DN:           %1").arg(result.entry.dn));
    AdminContext::print(LdapCommand::tr("username:     %1").arg(result.entry.username));
    AdminContext::print(LdapCommand::tr("display name: %1").arg(result.entry.displayName));
    const LdapConfig& ldap = config.ldap;
    if (!ldap.emailAttribute.isEmpty())
        AdminContext::print(LdapCommand::tr("e-mail:       %1").arg(result.entry.email));
    if (!ldap.phoneAttribute.isEmpty())
        AdminContext::print(LdapCommand::tr("phone:        %1").arg(result.entry.phone));
    if (!ldap.titleAttribute.isEmpty())
        AdminContext::print(LdapCommand::tr("title:        %1").arg(result.entry.title));
    if (ldap.departmentSource != LdapConfig::DepartmentSource::None)
        AdminContext::print(
            LdapCommand::tr("department:   %1").arg(result.entry.department.join(QLatin1String(" / "))));
    if (!ldap.photoAttribute.isEmpty())
        //: %n the size of the directory's photo
        AdminContext::print(
            LdapCommand::tr("photo:        %n byte(s)", nullptr, AdminContext::pluralCount(result.entry.photo.size())));
    if (checkPassword)
        AdminContext::print(LdapCommand::tr("password:     correct"));
    return AdminContext::kOk;
}

void printChange(const LdapSync::Change& change, bool dryRun)
{
    using Kind = LdapSync::Change::Kind;
    switch (change.kind) {
    case Kind::Created:
        //: %1 the username, %2 the display name
        AdminContext::print(
            (dryRun ? LdapCommand::tr("would be created: %1 (%2)") : LdapCommand::tr("created: %1 (%2)"))
                .arg(change.username, change.displayName));
        break;
    case Kind::Updated:
        if (change.noteOnly)
            break;
        if (change.fields.isEmpty()) {
            //: %1 the username, %2 the display name, %3 the DN
            AdminContext::print(
                (dryRun ? LdapCommand::tr("would be updated: %1 (%2, %3)") : LdapCommand::tr("updated: %1 (%2, %3)"))
                    .arg(change.username, change.displayName, change.dn));
        } else {
            //: %1 the username, %2 the display name, %3 the DN, %4 the fields (display_name, email, phone, photo,
            //: title, department: keep these words as they are)
            AdminContext::print(
                (dryRun ? LdapCommand::tr("would be updated: %1 (%2, %3): %4")
                        : LdapCommand::tr("updated: %1 (%2, %3): %4"))
                    .arg(change.username, change.displayName, change.dn, change.fields.join(QLatin1String(", "))));
        }
        break;
    case Kind::Disabled:
        //: %1 the username, %2 the DN
        AdminContext::print((dryRun ? LdapCommand::tr("would be disabled: %1 (%2 is no longer in the directory)")
                                    : LdapCommand::tr("disabled: %1 (%2 is no longer in the directory)"))
                                .arg(change.username, change.dn));
        break;
    case Kind::Skipped:
        AdminContext::print(LdapCommand::tr("skipped: %1").arg(change.notes.join(QLatin1String("; "))));
        return;
    }
    for (const QString& note : change.notes)
        //: %1 the username, %2 what was left alone and why (English, from the server)
        AdminContext::print(LdapCommand::tr("note: %1: %2").arg(change.username, note));
}

int sync(AdminContext& context, Storage& storage, bool dryRun)
{
    const LdapConfig& config = context.config().ldap;
    LdapClient::Status status = LdapClient::Status::Unavailable;
    QString detail;
    const QList<LdapEntry> entries = LdapClient(config).everyone(&status, &detail);
    if (status != LdapClient::Status::Ok)
        return AdminContext::fail(LdapCommand::tr("the directory cannot be reached (%1); nothing changed").arg(detail));
    const QString dataDir = context.config().dataDir;
    const auto photos = [dataDir, &storage](const QByteArray& picture, const QByteArray& sha256, QString* why) {
        return AvatarBlobs::store(dataDir, storage, picture, sha256, why);
    };
    if (!dryRun && !storage.beginTransaction())
        return AdminContext::fail(LdapCommand::tr("cannot write the database"));
    const LdapSync::Report report =
        LdapSync::run(storage, config, entries, photos, QDateTime::currentMSecsSinceEpoch(), dryRun);
    if (!report.ok) {
        if (!dryRun)
            storage.rollbackTransaction();
        if (report.changes.isEmpty() && entries.isEmpty())
            return AdminContext::fail(LdapCommand::tr("the directory returned no users; nothing changed (check "
                                                      "base_dn and user_filter)"));
        return AdminContext::fail(LdapCommand::tr("%1; nothing changed").arg(report.failure));
    }
    if (!dryRun && !storage.commitTransaction())
        return AdminContext::fail(LdapCommand::tr("cannot write the database"));
    for (const LdapSync::Change& change : report.changes) {
        printChange(change, dryRun);
        if (!change.noteOnly && change.kind != LdapSync::Change::Kind::Skipped)
            qCInfo(lcServer) << "admin: ldap sync:" << (dryRun ? "(dry run)" : "") << change.username << change.fields;
    }
    const int changes = report.count();
    AdminContext::print(dryRun ? LdapCommand::tr("%n change(s) planned, nothing changed (dry run)", nullptr,
                                                 AdminContext::pluralCount(changes))
                               : LdapCommand::tr("%n change(s)", nullptr, AdminContext::pluralCount(changes)));
    if (!dryRun && context.serverRunning()) {
        // Sessions of disabled users close with account_disabled; renames, new accounts and new profiles reach
        // everyone online, and a new place in the directory the `directory` push.
        for (const LdapSync::Change& change : report.changes) {
            if (!change.noteOnly && change.user.isValid())
                context.notifyUserChanged(change.user);
        }
        if (report.placementChanged) {
            QCborMap request;
            request.insert(QLatin1String("t"), QLatin1String("directory_changed"));
            context.notifyServer(request);
        }
    }
    return AdminContext::kOk;
}

} // namespace

int LdapCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Check and synchronise the accounts of the LDAP / Active Directory directory.") +
        QStringLiteral("\n"
                       "  ldap test USER [--password-stdin]\n"
                       "  ldap sync [--dry-run]"));
    AdminContext context;
    context.addOptions(parser);
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
                                           tr("Also check the password read from the first line of stdin."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), tr("Print the changes without making them."));
    parser.addOptions({passwordStdin, dryRun});
    parser.addPositionalArgument(QStringLiteral("action"), tr("test or sync."));
    if (const int code = context.parse(parser, arguments, 1, 2); code != 0)
        return code;
    const QStringList args = parser.positionalArguments();
    const bool test = args.at(0) == QLatin1String("test") && args.size() == 2;
    const bool syncing = args.at(0) == QLatin1String("sync") && args.size() == 1;
    if (!test && !syncing)
        //: the words after "usage:" are commands: keep them as they are
        return AdminContext::fail(tr("usage: ldap test USER | ldap sync [--dry-run] (see ldap --help)"),
                                  AdminContext::kUsage);
    if (!context.config().ldap.enabled)
        return AdminContext::fail(tr("LDAP is not enabled in the configuration file ([ldap] enabled=true)"));
    if (test)
        return testUser(context.config(), args.at(1), parser.isSet(passwordStdin));
    Storage* storage = context.storage();
    if (!storage)
        return AdminContext::kFailure;
    return sync(context, *storage, parser.isSet(dryRun));
}

} // namespace lanchat
