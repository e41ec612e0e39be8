#pragma once

#include "messages/chatmessages.h"
#include "replyquoter.h"

#include <optional>

namespace lanchat {

class Storage;

/**
 * The pages of `history` (docs/protocol.md 6.1 and 6.3): older than `before`, the next ones after `after`, or the
 * window on both sides of `around`; replies quoted (ReplyQuoter). The caller has checked membership first, so a
 * non-member learns nothing from the errors here. Lives on the server thread.
 */
class HistoryReader
{
public:
    /** @p storage must outlive the reader. */
    explicit HistoryReader(Storage& storage);

    /**
     * The page @p request asks for, newest first; nullopt with @p error set when it is `invalid_argument` (more than
     * one of before/after/around, or an `around` that is no message of the conversation).
     */
    std::optional<MessagesPage> read(const History& request, QString* error);
    /** A `sync` page: up to @p limit messages of @p user's conversations after @p since, replies quoted. */
    MessagesPage sync(UserId user, Seq since, int limit);

private:
    MessagesPage before(ConversationId conversation, Seq before, int limit);
    MessagesPage after(ConversationId conversation, Seq after, int limit);
    std::optional<MessagesPage> around(ConversationId conversation, Seq around, int limit);

    Storage& m_storage;
    ReplyQuoter m_quoter;
};

} // namespace lanchat
