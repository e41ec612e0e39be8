#include "replyquoter.h"

#include "storage/storage.h"

namespace lanchat {

ReplyQuoter::ReplyQuoter(Storage& storage)
    : m_storage(storage)
{}

void ReplyQuoter::fill(MessageRecord& record)
{
    if (!record.reply || record.reply->seq <= 0)
        return;
    if (const std::optional<MessageRecord> original = m_storage.message(record.conversation, record.reply->seq))
        record.reply = quoteOf(*original);
    else // removed by retention: the client says the original is no longer available
        record.reply = ReplyQuote::seqOnly(record.reply->seq);
}

void ReplyQuoter::fill(QList<MessageRecord>& records)
{
    for (MessageRecord& record : records)
        fill(record);
}

ReplyQuote ReplyQuoter::quoteOf(const MessageRecord& original)
{
    ReplyQuote quote;
    quote.seq = original.seq;
    if (isRecalled(original)) {
        quote.recalled = true;
        return quote;
    }
    quote.available = true;
    quote.sender = original.sender;
    quote.kind = original.kind;
    quote.excerpt = original.file ? original.file->name : ReplyQuote::excerptOf(original.text);
    return quote;
}

bool ReplyQuoter::isRecalled(const MessageRecord& original)
{
    return original.recalledBy.has_value();
}

} // namespace lanchat
