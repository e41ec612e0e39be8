#pragma once

// Recall and edit requests (docs/protocol.md, "Recall and edit"). Both answer `ok {seq, ts}` (SendAck): the seq
// of the ordered `recall`/`edit` record that every member's device applies.

#include "../ids.h"

#include <QCborMap>
#include <QString>

#include <optional>

namespace lanchat {

/**
 * `recall {conversation, seq}` → ok {seq, ts}. Errors: forbidden (not the sender and not the group's owner, or not
 * a member), window_expired (the sender's recall window passed), not_found (no such message in a conversation the
 * user is a member of), invalid_argument (a system message or a recall/edit record). Recalling an already recalled
 * message answers ok with the seq of the first recall record, and nothing new is stored.
 */
struct RecallRequest
{
    static constexpr const char* kType = "recall";
    ConversationId conversation;
    Seq seq = 0; ///< the message to recall
    QCborMap encode() const;
    static std::optional<RecallRequest> decode(const QCborMap& map, QString* error);
};

/**
 * `edit {conversation, seq, text}` → ok {seq, ts}. Errors: forbidden (not the sender, or not a member),
 * window_expired, not_found, invalid_argument (empty text, not a text message), recalled (it was recalled).
 */
struct EditRequest
{
    static constexpr const char* kType = "edit";
    ConversationId conversation;
    Seq seq = 0;  ///< the message to edit
    QString text; ///< the new text: 1 .. 64 KiB of UTF-8
    QCborMap encode() const;
    static std::optional<EditRequest> decode(const QCborMap& map, QString* error);
};

} // namespace lanchat
