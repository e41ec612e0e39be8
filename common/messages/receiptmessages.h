#pragma once

// Read receipts beyond `read`/`read_receipt` (chatmessages.h): every member's read position of one
// conversation (docs/protocol.md 6.4).

#include "../ids.h"

#include <QCborMap>
#include <QList>
#include <QString>

#include <optional>

namespace lanchat {

/** One member's read position: they have read every message of the conversation up to `seq` (0: none). */
struct ReadPosition
{
    UserId user;
    Seq seq = 0;
    bool operator==(const ReadPosition&) const = default;
};

/** `read_positions {conversation}` → ReadPositionsOk. Errors: not_found, forbidden (not a member). */
struct ReadPositions
{
    static constexpr const char* kType = "read_positions";
    ConversationId conversation;
    QCborMap encode() const;
    static std::optional<ReadPositions> decode(const QCborMap& map, QString* error);
};

/** `ok {positions}`: one entry per current member (the requester included), ordered by user id. */
struct ReadPositionsOk
{
    QList<ReadPosition> positions; ///< at most protocol::kMaxGroupMembers
    QCborMap encode() const;
    static std::optional<ReadPositionsOk> decode(const QCborMap& map, QString* error);
};

} // namespace lanchat
