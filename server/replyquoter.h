#pragma once

#include "messagerecord.h"

#include <QList>

namespace lanchat {

class Storage;

/**
 * Fills the `reply` quote of messages on their way to a client (docs/protocol.md 6.7): storage keeps only the seq
 * a reply answers; every delivery path (the `message` push, `history`, `sync`) passes its records through here,
 * so what a quote shows of its original — and what it must hide once the original was recalled — is decided in
 * this one place. One lookup per reply (the (conversation, seq) primary key). Lives on the server thread.
 */
class ReplyQuoter
{
public:
    /** @p storage must outlive the quoter. */
    explicit ReplyQuoter(Storage& storage);

    /** Completes the quote of @p record if it is a reply; other records are left as they are. */
    void fill(MessageRecord& record);
    void fill(QList<MessageRecord>& records);

    /** The quote of @p original as a reply to it shows it. */
    static ReplyQuote quoteOf(const MessageRecord& original);
    /**
     * True when @p original was recalled (MessageRecord::recalledBy): its quote then carries `recalled: true` and none
     * of its content.
     */
    static bool isRecalled(const MessageRecord& original);

private:
    Storage& m_storage;
};

} // namespace lanchat
