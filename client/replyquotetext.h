#pragma once

#include "messagerecord.h"

#include <QVariant>

namespace lanchat {

class ContactsModel;

/**
 * The reply roles of MessagesModel (roles::MessageReply*, modelroles.h): what the quote block of a reply shows, in
 * the current UI language, and the quote a new reply carries until the server's copy replaces it.
 */
class ReplyQuoteText
{
public:
    /** The value of reply role @p role for @p message; sender names from @p contacts (may be null). */
    static QVariant data(const MessageRecord& message, int role, const ContactsModel* contacts);
    /** The quote of @p original as a reply to it shows it (the client's copy of the server's rule). */
    static ReplyQuote quoteOf(const MessageRecord& original);
};

} // namespace lanchat
