#include "historyreader.h"

#include "protocol.h"
#include "storage/storage.h"

#include <algorithm>

namespace lanchat {

namespace {

int pageSize(int requested)
{
    return requested > 0 ? requested : protocol::kDefaultPageSize;
}

/** Keeps at most @p limit of @p rows (read with one extra); true when the extra row said there is more. */
bool trim(QList<MessageRecord>& rows, int limit)
{
    const bool more = rows.size() > limit;
    if (more)
        rows.resize(limit);
    return more;
}

} // namespace

HistoryReader::HistoryReader(Storage& storage)
    : m_storage(storage)
    , m_quoter(storage)
{}

std::optional<MessagesPage> HistoryReader::read(const History& request, QString* error)
{
    const int anchors = (request.before > 0 ? 1 : 0) + (request.after > 0 ? 1 : 0) + (request.around > 0 ? 1 : 0);
    if (anchors > 1) {
        *error = QStringLiteral("give at most one of before, after and around");
        return std::nullopt;
    }
    const int limit = pageSize(request.limit);
    std::optional<MessagesPage> page;
    if (request.around > 0) {
        page = around(request.conversation, request.around, limit);
        if (!page) {
            *error = QStringLiteral("around is not a message of this conversation");
            return std::nullopt;
        }
    } else if (request.after > 0) {
        page = after(request.conversation, request.after, limit);
    } else {
        page = before(request.conversation, request.before, limit);
    }
    m_quoter.fill(page->messages);
    return page;
}

MessagesPage HistoryReader::sync(UserId user, Seq since, int limit)
{
    MessagesPage page;
    page.messages = m_storage.messagesSince(user, since, pageSize(limit) + 1);
    page.more = trim(page.messages, pageSize(limit));
    m_quoter.fill(page.messages);
    return page;
}

MessagesPage HistoryReader::before(ConversationId conversation, Seq before, int limit)
{
    MessagesPage page;
    page.messages = m_storage.history(conversation, before, limit + 1);
    page.more = trim(page.messages, limit);
    return page;
}

MessagesPage HistoryReader::after(ConversationId conversation, Seq after, int limit)
{
    MessagesPage page;
    page.messages = m_storage.historyAfter(conversation, after, limit + 1);
    page.more = trim(page.messages, limit);
    page.moreAfter = page.more;
    std::reverse(page.messages.begin(), page.messages.end()); // every history page is newest first
    return page;
}

std::optional<MessagesPage> HistoryReader::around(ConversationId conversation, Seq around, int limit)
{
    std::optional<MessageRecord> centre = m_storage.message(conversation, around);
    if (!centre)
        return std::nullopt;
    // The older half (rounded down) below, the message itself, the rest above: limit 1 is the message alone.
    const int olderCount = limit / 2;
    const int newerCount = limit - olderCount - 1;
    QList<MessageRecord> older = m_storage.history(conversation, around, olderCount + 1);
    QList<MessageRecord> newer = m_storage.historyAfter(conversation, around, newerCount + 1);
    MessagesPage page;
    page.moreBefore = trim(older, olderCount);
    page.moreAfter = trim(newer, newerCount);
    page.more = *page.moreBefore;
    std::reverse(newer.begin(), newer.end());
    page.messages = std::move(newer);
    page.messages.append(std::move(*centre));
    page.messages.append(older);
    return page;
}

} // namespace lanchat
