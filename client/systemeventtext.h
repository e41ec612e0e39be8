#pragma once

#include "systemevent.h"

#include <QCoreApplication>
#include <QString>

namespace lanchat {

class ContactsModel;

/**
 * The line a system message shows for its group event, in the UI language at the time of the call
 * ("Alice added Bob" / "Alice 添加了 Bob"). Names come from the contacts (display name, else user name,
 * else "#id"), so a rename of a user shows in old lines too.
 */
class SystemEventText
{
    Q_DECLARE_TR_FUNCTIONS(SystemEventText)

public:
    /** @p contacts may be null (names then read "#id"). */
    static QString format(const SystemEvent& event, const ContactsModel* contacts);
};

} // namespace lanchat
