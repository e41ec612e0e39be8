#include "ldapcommand.h"

#include "admincontext.h"
#include "ldap/ldapaccounts.h"
#include "ldap/ldapclient.h"
#include "logging.h"
#include "sqlitestorage.h"

#include <QCommandLineParser>
#include <QHash>
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
    if (checkPassword)
        AdminContext::print(LdapCommand::tr("password:     correct"));
    return AdminContext::kOk;
}

int sync(AdminContext& context, Storage& storage, bool dryRun)
{
    const LdapConfig& config = context.config().ldap;
    LdapClient::Status status = LdapClient::Status::Unavailable;
    QString detail;
    const QList<LdapEntry> entries = LdapClient(config).everyone(&status, &detail);
    if (status != LdapClient::Status::Ok)
        return AdminContext::fail(LdapCommand::tr("the directory cannot be reached (%1); nothing changed").arg(detail));
    const QList<LdapLink> links = storage.ldapLinks().all();
    if (entries.isEmpty() && !links.isEmpty())
        return AdminContext::fail(LdapCommand::tr("the directory returned no users; nothing changed (check base_dn "
                                                  "and user_filter)"));
    LdapAccounts accounts(storage, config);
    QHash<qint64, bool> seen;
    int changes = 0;
    QList<UserId> changed;
    for (const LdapEntry& entry : entries) {
        const LdapAccounts::Outcome outcome = accounts.apply(entry, dryRun);
        seen.insert(outcome.user.value(), true);
        switch (outcome.change) {
        case LdapAccounts::Change::Unchanged:
            continue;
        case LdapAccounts::Change::Created:
            //: %1 the username, %2 the display name
            AdminContext::print(
                (dryRun ? LdapCommand::tr("would be created: %1 (%2)") : LdapCommand::tr("created: %1 (%2)"))
                    .arg(entry.username, outcome.newName));
            break;
        case LdapAccounts::Change::Updated:
            //: %1 the username, %2 the display name, %3 the DN
            AdminContext::print(
                (dryRun ? LdapCommand::tr("would be updated: %1 (%2, %3)") : LdapCommand::tr("updated: %1 (%2, %3)"))
                    .arg(entry.username, outcome.newName, entry.dn));
            break;
        case LdapAccounts::Change::Refused:
            AdminContext::print(LdapCommand::tr("skipped: %1").arg(outcome.note));
            continue;
        case LdapAccounts::Change::Failed:
            return AdminContext::fail(LdapCommand::tr("cannot store the account of %1").arg(entry.dn));
        }
        ++changes;
        changed.append(outcome.user);
        qCInfo(lcServer) << "admin: ldap sync:" << (dryRun ? "(dry run)" : "") << outcome.note;
    }
    for (const LdapLink& link : links) {
        if (seen.contains(link.user.value()))
            continue;
        const std::optional<UserRecord> user = storage.userById(link.user);
        if (!user || user->disabled)
            continue;
        if (!dryRun && (!storage.setUserDisabled(user->id, true) || storage.deviceTokens().removeAll(user->id) < 0))
            return AdminContext::fail(LdapCommand::tr("cannot disable '%1'").arg(user->username));
        //: %1 the username, %2 the DN
        AdminContext::print((dryRun ? LdapCommand::tr("would be disabled: %1 (%2 is no longer in the directory)")
                                    : LdapCommand::tr("disabled: %1 (%2 is no longer in the directory)"))
                                .arg(user->username, link.dn));
        qCInfo(lcServer) << "admin: ldap sync:" << (dryRun ? "(dry run)" : "") << "disabled" << user->username;
        ++changes;
        changed.append(user->id);
    }
    AdminContext::print(dryRun ? LdapCommand::tr("%n change(s) planned, nothing changed (dry run)", nullptr,
                                                 AdminContext::pluralCount(changes))
                               : LdapCommand::tr("%n change(s)", nullptr, AdminContext::pluralCount(changes)));
    if (!dryRun && context.serverRunning()) {
        // Sessions of disabled users close with account_disabled; renames and new accounts reach everyone online.
        for (UserId user : std::as_const(changed))
            context.notifyUserChanged(user);
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
