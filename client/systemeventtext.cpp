#include "systemeventtext.h"

#include "contactsmodel.h"

namespace lanchat {

namespace {

QString nameOf(UserId user, const ContactsModel* contacts)
{
    return contacts ? contacts->displayName(user) : QStringLiteral("#%1").arg(user.value());
}

} // namespace

QString SystemEventText::format(const SystemEvent& event, const ContactsModel* contacts)
{
    const QString actor = nameOf(event.actor, contacts);
    switch (event.type) {
    case SystemEvent::Type::GroupCreated:
        //: system line in a group's history; %1 is a person, %2 the group name
        return tr("%1 created the group \"%2\"").arg(actor, event.name);
    case SystemEvent::Type::GroupRenamed:
        //: system line in a group's history; %1 is a person, %2 the new group name
        return tr("%1 renamed the group to \"%2\"").arg(actor, event.name);
    case SystemEvent::Type::MemberAdded:
        //: system line in a group's history: %1 added %2 to the group
        return tr("%1 added %2").arg(actor, nameOf(event.target, contacts));
    case SystemEvent::Type::MemberRemoved:
        //: system line in a group's history: %1 removed %2 from the group
        return tr("%1 removed %2").arg(actor, nameOf(event.target, contacts));
    case SystemEvent::Type::MemberLeft:
        //: system line in a group's history
        return tr("%1 left the group").arg(actor);
    case SystemEvent::Type::AdminAdded:
        //: system line in a group's history: the owner %1 made %2 a group admin
        return tr("%1 made %2 an admin").arg(actor, nameOf(event.target, contacts));
    case SystemEvent::Type::AdminRemoved:
        //: system line in a group's history: the owner %1 took the admin role from %2
        return tr("%1 removed %2 as admin").arg(actor, nameOf(event.target, contacts));
    case SystemEvent::Type::OwnerTransferred:
        //: system line in a group's history: %1 made %2 the group's owner
        return tr("%1 transferred ownership to %2").arg(actor, nameOf(event.target, contacts));
    case SystemEvent::Type::GroupDissolved:
        //: system line in a group's history
        return tr("%1 dissolved the group").arg(actor);
    }
    return {};
}

} // namespace lanchat
