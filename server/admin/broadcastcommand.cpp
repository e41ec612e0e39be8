#include "broadcastcommand.h"

#include "admincontext.h"
#include "logging.h"
#include "protocol.h"
#include "sqlitestorage.h"

#include <QCommandLineParser>

namespace lanchat {

namespace {

/** The announcement channel, created with @p owner when missing; invalid on failure. */
ConversationId announcementsGroup(Storage& storage, const QString& owner)
{
    // Found by its channel mark, not by name: a group a user named "Announcements" is not the channel.
    if (const ConversationId channel = storage.announcementChannel(); channel.isValid())
        return channel;
    if (owner.isEmpty()) {
        AdminContext::fail(BroadcastCommand::tr("the first broadcast creates the group '%1': name its owner with "
                                                "--owner USER")
                               .arg(QLatin1String(BroadcastCommand::kGroupName)),
                           AdminContext::kUsage);
        return {};
    }
    const std::optional<UserRecord> user = storage.userByName(owner);
    if (!user) {
        AdminContext::fail(BroadcastCommand::tr("no user '%1'").arg(owner));
        return {};
    }
    // One transaction: a group left without its channel mark would be an ordinary group everyone posts into.
    ConversationId id;
    if (storage.beginTransaction()) {
        id = storage.createGroup(QLatin1String(BroadcastCommand::kGroupName), user->id, {});
        if (id.isValid() && storage.setAnnouncementChannel(id) && storage.commitTransaction())
            return id;
        if (storage.inTransaction())
            storage.rollbackTransaction();
    }
    AdminContext::fail(BroadcastCommand::tr("cannot create the group"));
    return {};
}

/** Adds every enabled account that is not a member yet; false on a database error. */
bool addEveryone(Storage& storage, ConversationId group)
{
    const QList<UserId> members = storage.members(group);
    for (const UserRecord& user : storage.users()) {
        if (!user.disabled && !members.contains(user.id) && !storage.addMember(group, user.id))
            return false;
    }
    return true;
}

/** Has the running server post the notice (pushes after the commit), or stores it when none runs. */
int postNotice(const AdminContext& context, Storage& storage, ConversationId group, const QString& text)
{
    QCborMap request;
    request.insert(QLatin1String("t"), QLatin1String("broadcast"));
    request.insert(QLatin1String("conversation"), group.value());
    request.insert(QLatin1String("text"), text);
    if (const std::optional<QCborMap> reply = context.notifyServer(request)) {
        if (reply->value(QLatin1String("t")).toString() != QLatin1String("ok"))
            //: %1 is the server's (English) reason
            return AdminContext::fail(BroadcastCommand::tr("the server could not post the notice: %1")
                                          .arg(reply->value(QLatin1String("message")).toString()));
        //: %1 is the message's sequence number
        AdminContext::print(
            BroadcastCommand::tr("notice posted (seq %1) and pushed to %n user(s) online", nullptr,
                                 AdminContext::pluralCount(reply->value(QLatin1String("online")).toInteger()))
                .arg(reply->value(QLatin1String("seq")).toInteger()));
        return AdminContext::kOk;
    }
    const std::optional<AppendResult> stored =
        storage.appendMessage({group, UserId(), QUuid(), MessageKind::System, text, std::nullopt});
    if (!stored)
        return AdminContext::fail(BroadcastCommand::tr("cannot store the notice"));
    qCInfo(lcServer) << "admin: broadcast stored, seq" << stored->seq;
    AdminContext::print(
        BroadcastCommand::tr("notice stored (seq %1); server not running: users get it at their next sync")
            .arg(stored->seq));
    return AdminContext::kOk;
}

} // namespace

int BroadcastCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Post a system notice to everyone, in the group '%1'.").arg(QLatin1String(kGroupName)));
    AdminContext context;
    context.addOptions(parser);
    const QCommandLineOption owner(
        QStringLiteral("owner"), tr("Owner of the group when the first broadcast creates it."), QStringLiteral("USER"));
    parser.addOption(owner);
    parser.addPositionalArgument(QStringLiteral("TEXT"), tr("The notice (quote it)."));
    if (const int code = context.parse(parser, arguments, 1, 1); code != 0)
        return code;
    const QString text = parser.positionalArguments().at(0);
    const qsizetype bytes = text.toUtf8().size();
    if (text.trimmed().isEmpty() || bytes > protocol::kMaxTextBytes)
        return AdminContext::fail(tr("the text must have 1 byte to 64 KiB"), AdminContext::kUsage);
    Storage* storage = context.storage();
    if (!storage)
        return AdminContext::kFailure;
    const ConversationId group = announcementsGroup(*storage, parser.value(owner));
    if (!group.isValid())
        return parser.isSet(owner) ? AdminContext::kFailure : AdminContext::kUsage;
    if (!addEveryone(*storage, group))
        return AdminContext::fail(tr("cannot add the accounts to the group"));

    return postNotice(context, *storage, group, text);
}

} // namespace lanchat
