#include "usercommand.h"

#include "admincontext.h"
#include "logging.h"
#include "passwordhasher.h"
#include "protocol.h"
#include "sqlitestorage.h"

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
                                     QStringLiteral("Read the password from the first line of stdin.")};
    QCommandLineOption displayName{QStringLiteral("display-name"),
                                   QStringLiteral("Display name (add: default the username; rename: set it)."),
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

int listUsers(Storage& storage)
{
    AdminContext::print(QStringLiteral("%1  %2  %3  %4  %5")
                            .arg(QStringLiteral("ID"), -6)
                            .arg(QStringLiteral("USERNAME"), -20)
                            .arg(QStringLiteral("DISPLAY NAME"), -24)
                            .arg(QStringLiteral("STATE"), -8)
                            .arg(QStringLiteral("CREATED (UTC)")));
    for (const UserRecord& user : storage.users()) {
        AdminContext::print(QStringLiteral("%1  %2  %3  %4  %5")
                                .arg(user.id.value(), -6)
                                .arg(user.username, -20)
                                .arg(user.displayName, -24)
                                .arg(user.disabled ? QStringLiteral("disabled") : QStringLiteral("enabled"), -8)
                                .arg(QDateTime::fromMSecsSinceEpoch(user.createdMs, Qt::UTC).toString(Qt::ISODate)));
    }
    return AdminContext::kOk;
}

int addUser(AdminContext& context, Storage& storage, const QString& name, const QString& displayName)
{
    if (!validUsername(name))
        return AdminContext::fail(QStringLiteral("invalid username (allowed: A-Z a-z 0-9 . _ -, 1-32)"), 2);
    if (!validDisplayName(displayName))
        return AdminContext::fail(QStringLiteral("invalid display name (1-64 characters)"), 2);
    const std::optional<QString> password = readPassword();
    if (!password)
        return AdminContext::fail(QStringLiteral("the password on stdin must be 8-1024 bytes"), 2);
    const QByteArray hash = hasherFor(context.config()).hash(*password);
    UserId id;
    const CreateUserResult result =
        hash.isEmpty() ? CreateUserResult::Failed : storage.createUser(name, displayName.trimmed(), hash, &id);
    if (result == CreateUserResult::UsernameTaken)
        return AdminContext::fail(QStringLiteral("username '%1' is taken").arg(name));
    if (result != CreateUserResult::Created)
        return AdminContext::fail(QStringLiteral("cannot create the account"));
    qCInfo(lcServer) << "admin: user added" << name << id.value();
    AdminContext::print(QStringLiteral("user '%1' added (id %2)").arg(name).arg(id.value()));
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
            return AdminContext::fail(QStringLiteral("the password on stdin must be 8-1024 bytes"), 2);
        const QByteArray hash = hasherFor(context.config()).hash(*password);
        ok = !hash.isEmpty() && storage.setPasswordHash(user.id, hash);
        done = QStringLiteral("password of '%1' changed");
    } else if (action == QLatin1String("disable") || action == QLatin1String("enable")) {
        ok = storage.setUserDisabled(user.id, action == QLatin1String("disable"));
        done = QStringLiteral("user '%1' ") + action + QStringLiteral("d");
    } else if (action == QLatin1String("delete")) {
        for (const ConversationInfo& conversation : storage.conversationsOf(user.id)) {
            if (conversation.kind == ConversationKind::Group)
                groups.append(conversation.id);
        }
        ok = storage.deleteUser(user.id);
        done = QStringLiteral("user '%1' deleted (their messages stay)");
    } else {
        const QStringList args = parser.positionalArguments();
        const QString newName = args.size() > 2 ? args.at(2) : user.username;
        if (!validUsername(newName))
            return AdminContext::fail(QStringLiteral("invalid username (allowed: A-Z a-z 0-9 . _ -, 1-32)"), 2);
        const QString display = parser.isSet(o.displayName) ? parser.value(o.displayName) : user.displayName;
        if (!validDisplayName(display))
            return AdminContext::fail(QStringLiteral("invalid display name (1-64 characters)"), 2);
        ok = (newName == user.username || storage.renameUser(user.id, newName)) &&
             storage.setDisplayName(user.id, display.trimmed());
        done = QStringLiteral("user '%1' renamed to '") + newName + QStringLiteral("' (") + display.trimmed() +
               QLatin1Char(')');
    }
    if (!ok)
        return AdminContext::fail(QStringLiteral("cannot %1 '%2' (name taken?)").arg(action, user.username));
    qCInfo(lcServer) << "admin: user" << action << user.username << user.id.value();
    AdminContext::print(done.arg(user.username));
    if (context.notifyUserChanged(user.id)) {
        for (ConversationId group : groups)
            context.notifyConversationChanged(group, {});
    }
    return AdminContext::kOk;
}

} // namespace

int UserCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Manage accounts.\n"
                                                    "  user list\n"
                                                    "  user add NAME [--display-name TEXT] --password-stdin\n"
                                                    "  user passwd NAME --password-stdin\n"
                                                    "  user disable|enable|delete NAME\n"
                                                    "  user rename NAME NEWNAME [--display-name TEXT]"));
    AdminContext context;
    context.addOptions(parser);
    const UserOptions o;
    parser.addOptions({o.passwordStdin, o.displayName});
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list, add, passwd, disable, enable, "
                                                                          "delete or rename."));
    if (const int code = context.parse(parser, arguments, 1, 3); code != 0)
        return code;
    const QStringList args = parser.positionalArguments();
    const QString action = args.at(0);
    static const QStringList oneName{QStringLiteral("add"), QStringLiteral("passwd"), QStringLiteral("disable"),
                                     QStringLiteral("enable"), QStringLiteral("delete")};
    const bool known = (action == QLatin1String("list") && args.size() == 1) ||
                       (oneName.contains(action) && args.size() == 2) ||
                       (action == QLatin1String("rename") && args.size() >= 2);
    if (!known)
        return AdminContext::fail(QStringLiteral("usage: user list|add|passwd|disable|enable|delete|rename "
                                                 "(see user --help)"),
                                  AdminContext::kUsage);
    const bool needsPassword = action == QLatin1String("add") || action == QLatin1String("passwd");
    if (needsPassword && !parser.isSet(o.passwordStdin))
        return AdminContext::fail(QStringLiteral("give the password on stdin with --password-stdin"),
                                  AdminContext::kUsage);
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
        return AdminContext::fail(QStringLiteral("no user '%1'").arg(args.at(1)));
    return changeUser(context, *storage, action, *user, parser, o);
}

} // namespace lanchat
