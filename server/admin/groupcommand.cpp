#include "groupcommand.h"

#include "admincontext.h"
#include "logging.h"
#include "protocol.h"
#include "sqlitestorage.h"
#include "texttable.h"

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
                AdminContext::fail(GroupCommand::tr("several groups are named '%1': use the id").arg(key));
                return std::nullopt;
            }
            found = group;
        }
    }
    if (!found)
        AdminContext::fail(GroupCommand::tr("no group '%1'").arg(key));
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
            return AdminContext::fail(GroupCommand::tr("no user '%1'").arg(args.at(i)));
        members.append(user->id);
    }
    const QString name = args.at(1).trimmed();
    if (name.isEmpty() || name.size() > protocol::kMaxNameChars)
        return AdminContext::fail(GroupCommand::tr("a group name has 1-64 characters"), AdminContext::kUsage);
    const ConversationId id = storage.createGroup(name, members.at(0), members.mid(1));
    if (!id.isValid())
        return AdminContext::fail(GroupCommand::tr("cannot create the group"));
    qCInfo(lcServer) << "admin: group created" << id.value();
    AdminContext::print(GroupCommand::tr("group '%1' created (id %2)").arg(name).arg(id.value()));
    context.notifyConversationChanged(id, {});
    return AdminContext::kOk;
}

int listGroups(Storage& storage)
{
    // Padded by display width: headers and group names may be Chinese.
    TextTable table;
    table.addRow({GroupCommand::tr("ID"), GroupCommand::tr("NAME"), GroupCommand::tr("OWNER"),
                  //: column header: the number of members
                  GroupCommand::tr("MEMBERS")});
    for (const ConversationInfo& group : storage.groups()) {
        table.addRow({QString::number(group.id.value()), group.name, names(storage, {group.owner}),
                      QString::number(storage.members(group.id).size())});
    }
    AdminContext::print(table.lines());
    return AdminContext::kOk;
}

/** members, add, remove, delete on an existing group. */
int changeGroup(AdminContext& context, Storage& storage, const QString& action, const ConversationInfo& group,
                const QStringList& args)
{
    if (action == QLatin1String("members")) {
        for (UserId id : storage.members(group.id)) {
            if (id == group.owner)
                AdminContext::print(GroupCommand::tr("%1 (owner)").arg(names(storage, {id})));
            else if (group.admins.contains(id))
                //: a group admin in `group members` (appointed by the owner in the app)
                AdminContext::print(GroupCommand::tr("%1 (admin)").arg(names(storage, {id})));
            else
                AdminContext::print(names(storage, {id}));
        }
        return AdminContext::kOk;
    }
    if (action == QLatin1String("delete")) {
        const QList<UserId> members = storage.members(group.id);
        if (!storage.deleteConversation(group.id))
            return AdminContext::fail(GroupCommand::tr("cannot delete the group"));
        AdminContext::print(GroupCommand::tr("group '%1' deleted").arg(group.name));
        context.notifyConversationChanged(group.id, members);
        return AdminContext::kOk;
    }
    const std::optional<UserRecord> user = storage.userByName(args.at(2));
    if (!user)
        return AdminContext::fail(GroupCommand::tr("no user '%1'").arg(args.at(2)));
    const bool adding = action == QLatin1String("add");
    if (adding && !storage.addMember(group.id, user->id))
        return AdminContext::fail(GroupCommand::tr("cannot add '%1' (already a member?)").arg(user->username));
    if (!adding && !storage.removeMember(group.id, user->id))
        return AdminContext::fail(GroupCommand::tr("cannot remove '%1' (not a member?)").arg(user->username));
    qCInfo(lcServer) << "admin: group" << group.id.value() << action << user->id.value();
    AdminContext::print(
        (adding ? GroupCommand::tr("'%1' added to group '%2'") : GroupCommand::tr("'%1' removed from group '%2'"))
            .arg(user->username, group.name));
    context.notifyConversationChanged(group.id, adding ? QList<UserId>{} : QList<UserId>{user->id});
    return AdminContext::kOk;
}

} // namespace

int GroupCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Manage groups. GROUP is an id or a unique name.") +
                                     QStringLiteral("\n"
                                                    "  group list\n"
                                                    "  group create NAME OWNER [MEMBER...]\n"
                                                    "  group members GROUP\n"
                                                    "  group add|remove GROUP USER\n"
                                                    "  group delete GROUP"));
    AdminContext context;
    context.addOptions(parser);
    parser.addPositionalArgument(QStringLiteral("action"), tr("list, create, members, add, remove or delete."));
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
        //: the words after "usage:" are commands: keep them as they are
        return AdminContext::fail(tr("usage: group list|create|members|add|remove|delete (see group --help)"),
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
