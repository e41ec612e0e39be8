#pragma once

#include "ids.h"

#include <QCoreApplication>
#include <QString>

namespace lanchat {

class ContactsModel;

/**
 * The line that stands where a recalled message was, in the current UI language: "You recalled a message",
 * "Alice recalled a message", "An administrator recalled a message". Used by the message list and the conversation
 * preview alike, so neither ever shows the recalled content.
 */
class RecallText
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::RecallText)

public:
    /** @p actor recalled it (UserId(0): an administrator); @p ownUser is the logged-in user; @p contacts may be null.
     */
    static QString line(UserId actor, UserId ownUser, const ContactsModel* contacts);
};

} // namespace lanchat
