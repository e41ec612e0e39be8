#include "groupcommand.h"

#include "admincontext.h"
#include "logging.h"
#include "protocol.h"
#include "sqlitestorage.h"

#include <QCommandLineParser>

namespace lanchat {

namespace {

/** The group by id or unique name; prints why not and returns nullopt. */
std::optional<ConversationInfo> findGroup(Storage& storage, const QString& key)
{
    bool isId = false;
    const qint64 id = key.toLongLong(&isId);
    std::optional<ConversationInfo> found;
    for (const ConversationInfo& group : storage.groups()) {
        if (isId ? group.id.value() == id : group.name == key) {
            if (found) {
                AdminContext::fail(QStringLiteral("several groups are named '%1': use the id").arg(key));
                return std::nullopt;
            }
            found = group;
        }
    }
    if (!found)
        AdminContext::fail(QStringLiteral("no group '%1'").arg(key));
    return found;
}

/** Usernames for ids (unknown ids shown as #id). */
QString names(Storage& storage, const QList<UserId>& ids)
{
    QStringList list;
    for (UserId id : ids) {
        const std::optional<UserRecord> user = storage.userById(id);
        list.append(user ? user->username : QStringLiteral("#%1").arg(id.value()));
    }
    return list.join(QStringLiteral(", "));
}

int createGroup(AdminContext& context, Storage& storage, const QStringList& args)
{
    QList<UserId> members;
    for (qsizetype i = 2; i < args.size(); ++i) {
        const std::optional<UserRecord> user = storage.userByName(args.at(i));
        if (!user)
            return AdminContext::fail(QStringLiteral("no user '%1'").arg(args.at(i)));
        members.append(user->id);
    }
    const QString name = args.at(1).trimmed();
    if (name.isEmpty() || name.size() > protocol::kMaxNameChars)
        return AdminContext::fail(QStringLiteral("a group name has 1-64 characters"), AdminContext::kUsage);
    const ConversationId id = storage.createGroup(name, members.at(0), members.mid(1));
    if (!id.isValid())
        return AdminContext::fail(QStringLiteral("cannot create the group"));
    qCInfo(lcServer) << "admin: group created" << id.value();
    AdminContext::print(QStringLiteral("group '%1' created (id %2)").arg(name).arg(id.value()));
    context.notifyConversationChanged(id, {});
    return AdminContext::kOk;
}

int listGroups(Storage& storage)
{
    AdminContext::print(QStringLiteral("%1  %2  %3  %4")
                            .arg(QStringLiteral("ID"), -6)
                            .arg(QStringLiteral("NAME"), -24)
                            .arg(QStringLiteral("OWNER"), -20)
                            .arg(QStringLiteral("MEMBERS")));
    for (const ConversationInfo& group : storage.groups()) {
        AdminContext::print(QStringLiteral("%1  %2  %3  %4")
                                .arg(group.id.value(), -6)
                                .arg(group.name, -24)
                                .arg(names(storage, {group.owner}), -20)
                                .arg(storage.members(group.id).size()));
    }
    return AdminContext::kOk;
}

/** members, add, remove, delete on an existing group. */
int changeGroup(AdminContext& context, Storage& storage, const QString& action, const ConversationInfo& group,
                const QStringList& args)
{
    if (action == QLatin1String("members")) {
        for (UserId id : storage.members(group.id))
            AdminContext::print(names(storage, {id}) + (id == group.owner ? QStringLiteral(" (owner)") : QString()));
        return AdminContext::kOk;
    }
    if (action == QLatin1String("delete")) {
        const QList<UserId> members = storage.members(group.id);
        if (!storage.deleteConversation(group.id))
            return AdminContext::fail(QStringLiteral("cannot delete the group"));
        AdminContext::print(QStringLiteral("group '%1' deleted").arg(group.name));
        context.notifyConversationChanged(group.id, members);
        return AdminContext::kOk;
    }
    const std::optional<UserRecord> user = storage.userByName(args.at(2));
    if (!user)
        return AdminContext::fail(QStringLiteral("no user '%1'").arg(args.at(2)));
    const bool adding = action == QLatin1String("add");
    if (adding ? !storage.addMember(group.id, user->id) : !storage.removeMember(group.id, user->id))
        return AdminContext::fail(QStringLiteral("cannot %1 '%2' (not a member?)").arg(action, user->username));
    qCInfo(lcServer) << "admin: group" << group.id.value() << action << user->id.value();
    AdminContext::print(
        QStringLiteral("'%1' %2 group '%3'")
            .arg(user->username, adding ? QStringLiteral("added to") : QStringLiteral("removed from"), group.name));
    context.notifyConversationChanged(group.id, adding ? QList<UserId>{} : QList<UserId>{user->id});
    return AdminContext::kOk;
}

} // namespace

int GroupCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Manage groups. GROUP is an id or a unique name.\n"
                                                    "  group list\n"
                                                    "  group create NAME OWNER [MEMBER...]\n"
                                                    "  group members GROUP\n"
                                                    "  group add|remove GROUP USER\n"
                                                    "  group delete GROUP"));
    AdminContext context;
    context.addOptions(parser);
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("list, create, members, add, remove or delete."));
    if (const int code = context.parse(parser, arguments, 1, 2 + protocol::kMaxGroupMembers); code != 0)
        return code;
    const QStringList args = parser.positionalArguments();
    const QString action = args.at(0);
    const bool known =
        (action == QLatin1String("list") && args.size() == 1) ||
        (action == QLatin1String("create") && args.size() >= 3) ||
        ((action == QLatin1String("members") || action == QLatin1String("delete")) && args.size() == 2) ||
        ((action == QLatin1String("add") || action == QLatin1String("remove")) && args.size() == 3);
    if (!known)
        return AdminContext::fail(QStringLiteral("usage: group list|create|members|add|remove|delete "
                                                 "(see group --help)"),
                                  AdminContext::kUsage);
    Storage* storage = context.storage();
    if (!storage)
        return AdminContext::kFailure;
    if (action == QLatin1String("list"))
        return listGroups(*storage);
    if (action == QLatin1String("create"))
        return createGroup(context, *storage, args);
    const std::optional<ConversationInfo> group = findGroup(*storage, args.at(1));
    if (!group)
        return AdminContext::kFailure;
    return changeGroup(context, *storage, action, *group, args);
}

} // namespace lanchat
