#include "usercommand.h"

#include "admincontext.h"
#include "deptcommand.h"
#include "devicetokencommand.h"
#include "logging.h"
#include "namelockcommand.h"
#include "passwordhasher.h"
#include "protocol.h"
#include "sqlitestorage.h"
#include "texttable.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>

namespace lanchat {

namespace {

struct UserOptions
{
    QCommandLineOption passwordStdin{QStringLiteral("password-stdin"),
                                     UserCommand::tr("Read the password from the first line of stdin.")};
    QCommandLineOption displayName{QStringLiteral("display-name"),
                                   UserCommand::tr("Display name (add: default the username; rename: set it)."),
                                   QStringLiteral("NAME")};
};

bool validUsername(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,%1}$").arg(protocol::kMaxUsernameChars));
    return pattern.match(name).hasMatch();
}

bool validDisplayName(const QString& name)
{
    const QString trimmed = name.trimmed();
    return !trimmed.isEmpty() && trimmed.size() <= protocol::kMaxNameChars;
}

/** The first line of stdin without its line end; nullopt when it breaks the protocol's length rule. */
std::optional<QString> readPassword()
{
    QTextStream in(stdin);
    const QString password = in.readLine();
    const qsizetype bytes = password.toUtf8().size();
    if (bytes < protocol::kMinPasswordBytes || bytes > protocol::kMaxPasswordBytes)
        return std::nullopt;
    return password;
}

PasswordHasher hasherFor(const ServerConfig& config)
{
    return PasswordHasher({config.hashMemoryKiB, config.hashIterations, config.hashParallelism});
}

QString invalidUsername()
{
    return UserCommand::tr("invalid username (allowed: A-Z a-z 0-9 . _ -, 1-32)");
}

QString invalidDisplayName()
{
    return UserCommand::tr("invalid display name (1-64 characters)");
}

QString badPassword()
{
    return UserCommand::tr("the password on stdin must be 8-1024 bytes");
}

int listUsers(Storage& storage)
{
    // Padded by display width: headers and display names may be Chinese.
    TextTable table;
    table.addRow({UserCommand::tr("ID"), UserCommand::tr("USERNAME"), UserCommand::tr("DISPLAY NAME"),
                  UserCommand::tr("STATE"), UserCommand::tr("CREATED (UTC)")});
    //: state of an account in `user list`
    const QString disabled = UserCommand::tr("disabled");
    //: state of an account in `user list`
    const QString enabled = UserCommand::tr("enabled");
    for (const UserRecord& user : storage.users()) {
        table.addRow({QString::number(user.id.value()), user.username, user.displayName,
                      user.disabled ? disabled : enabled,
                      QDateTime::fromMSecsSinceEpoch(user.createdMs, Qt::UTC).toString(Qt::ISODate)});
    }
    AdminContext::print(table.lines());
    return AdminContext::kOk;
}

int addUser(AdminContext& context, Storage& storage, const QString& name, const QString& displayName)
{
    if (!validUsername(name))
        return AdminContext::fail(invalidUsername(), 2);
    if (!validDisplayName(displayName))
        return AdminContext::fail(invalidDisplayName(), 2);
    const std::optional<QString> password = readPassword();
    if (!password)
        return AdminContext::fail(badPassword(), 2);
    const QByteArray hash = hasherFor(context.config()).hash(*password);
    UserId id;
    const CreateUserResult result =
        hash.isEmpty() ? CreateUserResult::Failed : storage.createUser(name, displayName.trimmed(), hash, &id);
    if (result == CreateUserResult::UsernameTaken)
        return AdminContext::fail(UserCommand::tr("username '%1' is taken").arg(name));
    if (result != CreateUserResult::Created)
        return AdminContext::fail(UserCommand::tr("cannot create the account"));
    qCInfo(lcServer) << "admin: user added" << name << id.value();
    AdminContext::print(UserCommand::tr("user '%1' added (id %2)").arg(name).arg(id.value()));
    context.notifyUserChanged(id);
    return AdminContext::kOk;
}

/** passwd, disable, enable, delete, rename on an existing user. */
int changeUser(AdminContext& context, Storage& storage, const QString& action, const UserRecord& user,
               const QCommandLineParser& parser, const UserOptions& o)
{
    bool ok = false;
    QString done;
    QList<ConversationId> groups; // of a deleted user: their other members get the new member list
    if (action == QLatin1String("passwd")) {
        const std::optional<QString> password = readPassword();
        if (!password)
            return AdminContext::fail(badPassword(), 2);
        const QByteArray hash = hasherFor(context.config()).hash(*password);
        // The remembered devices go with the old password.
        ok =
            !hash.isEmpty() && storage.setPasswordHash(user.id, hash) && storage.deviceTokens().removeAll(user.id) >= 0;
        done = UserCommand::tr("password of '%1' changed").arg(user.username);
    } else if (action == QLatin1String("disable") || action == QLatin1String("enable")) {
        const bool disable = action == QLatin1String("disable");
        ok = storage.setUserDisabled(user.id, disable) && (!disable || storage.deviceTokens().removeAll(user.id) >= 0);
        done =
            (disable ? UserCommand::tr("user '%1' disabled") : UserCommand::tr("user '%1' enabled")).arg(user.username);
    } else if (action == QLatin1String("delete")) {
        for (const ConversationInfo& conversation : storage.conversationsOf(user.id)) {
            if (conversation.kind == ConversationKind::Group)
                groups.append(conversation.id);
        }
        ok = storage.deleteUser(user.id);
        done = UserCommand::tr("user '%1' deleted (their messages stay)").arg(user.username);
    } else {
        const QStringList args = parser.positionalArguments();
        const QString newName = args.size() > 2 ? args.at(2) : user.username;
        if (!validUsername(newName))
            return AdminContext::fail(invalidUsername(), 2);
        const QString display = parser.isSet(o.displayName) ? parser.value(o.displayName) : user.displayName;
        if (!validDisplayName(display))
            return AdminContext::fail(invalidDisplayName(), 2);
        ok = (newName == user.username || storage.renameUser(user.id, newName)) &&
             storage.setDisplayName(user.id, display.trimmed());
        //: %1 the old username, %2 the new one, %3 the display name
        done = UserCommand::tr("user '%1' renamed to '%2' (%3)").arg(user.username, newName, display.trimmed());
    }
    if (!ok && action == QLatin1String("rename"))
        return AdminContext::fail(UserCommand::tr("cannot rename '%1' (is the new name taken?)").arg(user.username));
    if (!ok)
        return AdminContext::fail(UserCommand::tr("cannot change the account '%1'").arg(user.username));
    qCInfo(lcServer) << "admin: user" << action << user.username << user.id.value();
    AdminContext::print(done);
    // A reset password ends the user's sessions at once: whoever used the old one must not stay logged in.
    if (context.notifyUserChanged(user.id, action == QLatin1String("passwd"))) {
        for (ConversationId group : groups)
            context.notifyConversationChanged(group, {});
    }
    return AdminContext::kOk;
}

} // namespace

int UserCommand::run(const QStringList& arguments)
{
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("set"))
        return DeptCommand::runUserSet(arguments);
    QCommandLineParser parser;
    parser.setApplicationDescription(UserCommand::tr("Manage accounts.") +
                                     QStringLiteral("\n"
                                                    "  user list\n"
                                                    "  user add NAME [--display-name TEXT] --password-stdin\n"
                                                    "  user passwd NAME --password-stdin\n"
                                                    "  user disable|enable|delete NAME\n"
                                                    "  user tokens|revoke-tokens NAME\n"
                                                    "  user lock-name|unlock-name NAME\n"
                                                    "  user rename NAME NEWNAME [--display-name TEXT]\n"
                                                    "  user set NAME [--dept PATH] [--title TEXT]"));
    AdminContext context;
    context.addOptions(parser);
    const UserOptions o;
    parser.addOptions({o.passwordStdin, o.displayName});
    parser.addPositionalArgument(
        QStringLiteral("action"),
        tr("list, add, passwd, disable, enable, delete, rename, set, tokens, revoke-tokens, lock-name or "
           "unlock-name."));
    if (const int code = context.parse(parser, arguments, 1, 3); code != 0)
        return code;
    const QStringList args = parser.positionalArguments();
    const QString action = args.at(0);
    static const QStringList oneName{
        QStringLiteral("add"),           QStringLiteral("passwd"),    QStringLiteral("disable"),
        QStringLiteral("enable"),        QStringLiteral("delete"),    QStringLiteral("tokens"),
        QStringLiteral("revoke-tokens"), QStringLiteral("lock-name"), QStringLiteral("unlock-name")};
    const bool known = (action == QLatin1String("list") && args.size() == 1) ||
                       (oneName.contains(action) && args.size() == 2) ||
                       (action == QLatin1String("rename") && args.size() >= 2);
    if (!known)
        //: the words after "usage:" are commands: keep them as they are
        return AdminContext::fail(tr("usage: user list|add|passwd|disable|enable|delete|rename|set|tokens|"
                                     "revoke-tokens|lock-name|unlock-name (see user --help)"),
                                  AdminContext::kUsage);
    const bool needsPassword = action == QLatin1String("add") || action == QLatin1String("passwd");
    if (needsPassword && !parser.isSet(o.passwordStdin))
        return AdminContext::fail(tr("give the password on stdin with --password-stdin"), AdminContext::kUsage);
    Storage* storage = context.storage();
    if (!storage)
        return AdminContext::kFailure;
    if (action == QLatin1String("list"))
        return listUsers(*storage);
    if (action == QLatin1String("add"))
        return addUser(context, *storage, args.at(1),
                       parser.isSet(o.displayName) ? parser.value(o.displayName) : args.at(1));
    const std::optional<UserRecord> user = storage->userByName(args.at(1));
    if (!user)
        return AdminContext::fail(tr("no user '%1'").arg(args.at(1)));
    if (DeviceTokenCommand::handles(action))
        return DeviceTokenCommand::run(*storage, action, *user);
    if (NameLockCommand::handles(action))
        return NameLockCommand::run(context, *storage, action, *user);
    return changeUser(context, *storage, action, *user, parser, o);
}

} // namespace lanchat
