#include "recalltext.h"

#include "contactsmodel.h"

namespace lanchat {

QString RecallText::line(UserId actor, UserId ownUser, const ContactsModel* contacts)
{
    if (!actor.isValid())
        return tr("An administrator recalled a message");
    if (ownUser.isValid() && actor == ownUser)
        return tr("You recalled a message");
    const QString name = contacts ? contacts->displayName(actor) : QString();
    //: %1 is the display name of the member who recalled the message
    return tr("%1 recalled a message").arg(name.isEmpty() ? QStringLiteral("#%1").arg(actor.value()) : name);
}

} // namespace lanchat
