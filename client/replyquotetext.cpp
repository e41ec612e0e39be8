#include "replyquotetext.h"

#include "contactsmodel.h"
#include "modelroles.h"

#include <QCoreApplication>

namespace lanchat {

namespace {

ReplyQuoteState stateOf(const MessageRecord& message)
{
    if (!message.reply)
        return ReplyQuoteState::None;
    if (message.reply->recalled)
        return ReplyQuoteState::Recalled;
    return message.reply->available ? ReplyQuoteState::Shown : ReplyQuoteState::Removed;
}

} // namespace

QVariant ReplyQuoteText::data(const MessageRecord& message, int role, const ContactsModel* contacts)
{
    const ReplyQuoteState state = stateOf(message);
    const bool shown = state == ReplyQuoteState::Shown;
    switch (role) {
    case roles::MessageReplySeq:
        return message.reply ? message.reply->seq : Seq(0);
    case roles::MessageReplyState:
        return int(state);
    case roles::MessageReplySenderId:
        return shown ? message.reply->sender.value() : qint64(0);
    case roles::MessageReplySenderName:
        if (!shown)
            return QString();
        if (message.reply->kind == MessageKind::System)
            return QCoreApplication::translate("lanchat::MessagesModel", "System");
        return contacts ? contacts->displayName(message.reply->sender) : QString();
    case roles::MessageReplyText:
        if (!shown)
            return QString();
        if (message.reply->kind == MessageKind::File)
            return QCoreApplication::translate("lanchat::MessagesModel", "[File] %1").arg(message.reply->excerpt);
        return message.reply->excerpt;
    default:
        return {};
    }
}

ReplyQuote ReplyQuoteText::quoteOf(const MessageRecord& original)
{
    ReplyQuote quote;
    quote.seq = original.seq;
    quote.available = true;
    quote.sender = original.sender;
    quote.kind = original.kind;
    quote.excerpt = original.file ? original.file->name : ReplyQuote::excerptOf(original.text);
    return quote;
}

} // namespace lanchat
