#include "groupnotices.h"

#include "logging.h"
#include "messageposter.h"
#include "storage/storage.h"

namespace lanchat {

GroupNotices::GroupNotices(Storage& storage, MessagePoster& poster)
    : m_storage(storage)
    , m_poster(poster)
{}

void GroupNotices::post(ConversationId group, const SystemEvent& event)
{
    NewMessage message;
    message.conversation = group;
    message.kind = MessageKind::System;
    message.text = englishText(event);
    message.event = event;
    m_poster.post(message, nullptr, [group](const std::optional<AppendResult>& result) {
        if (!result)
            qCWarning(lcServer) << "the system line of a change to group" << group.value() << "was not stored";
    });
}

QString GroupNotices::nameOf(UserId user) const
{
    const std::optional<UserRecord> record = m_storage.userById(user);
    if (!record)
        return QStringLiteral("#%1").arg(user.value());
    return record->displayName.isEmpty() ? record->username : record->displayName;
}

QString GroupNotices::englishText(const SystemEvent& event) const
{
    // Log-style English on purpose: the server sends data and clients translate (design.md, "Wire protocol").
    const QString actor = nameOf(event.actor);
    switch (event.type) {
    case SystemEvent::Type::GroupCreated:
        return QStringLiteral("%1 created the group \"%2\"").arg(actor, event.name);
    case SystemEvent::Type::GroupRenamed:
        return QStringLiteral("%1 renamed the group to \"%2\"").arg(actor, event.name);
    case SystemEvent::Type::MemberAdded:
        return QStringLiteral("%1 added %2").arg(actor, nameOf(event.target));
    case SystemEvent::Type::MemberRemoved:
        return QStringLiteral("%1 removed %2").arg(actor, nameOf(event.target));
    case SystemEvent::Type::MemberLeft:
        return QStringLiteral("%1 left the group").arg(actor);
    case SystemEvent::Type::AdminAdded:
        return QStringLiteral("%1 made %2 an admin").arg(actor, nameOf(event.target));
    case SystemEvent::Type::AdminRemoved:
        return QStringLiteral("%1 removed %2 as admin").arg(actor, nameOf(event.target));
    case SystemEvent::Type::OwnerTransferred:
        return QStringLiteral("%1 transferred ownership to %2").arg(actor, nameOf(event.target));
    case SystemEvent::Type::GroupDissolved:
        return QStringLiteral("%1 dissolved the group").arg(actor);
    }
    return {};
}

} // namespace lanchat
