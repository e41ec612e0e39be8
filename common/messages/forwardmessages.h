#pragma once

// Forwarding messages into another conversation (docs/protocol.md 6.3).

#include "../ids.h"

#include <QCborMap>
#include <QList>
#include <QUuid>

#include <optional>

namespace lanchat {

/**
 * `forward {conversation, from, seqs, client_msg_id}` → ForwardOk: posts a copy of each message @p seqs of
 * conversation @p from into @p conversation, in the order given, as messages of the forwarder (text copied,
 * files by reference to the stored content). Errors: invalid_argument, forbidden, internal.
 */
struct ForwardMessages
{
    static constexpr const char* kType = "forward";
    ConversationId conversation; ///< the target
    ConversationId from;         ///< the source
    QList<Seq> seqs;             ///< 1 .. protocol::kMaxForwardMessages seqs of messages in @p from, no repeats
    QUuid clientMsgId;           ///< one per forward; the copies' ids are derived from it (itemClientMsgId())
    QCborMap encode() const;
    static std::optional<ForwardMessages> decode(const QCborMap& map, QString* error);

    /**
     * The client_msg_id of the copy of `seqs[index]`: a UUIDv5 (RFC 9562 5.5) with @p base as namespace and the
     * decimal @p index (ASCII, no leading zeros) as name, so a resent request maps onto the same copies.
     */
    static QUuid itemClientMsgId(const QUuid& base, int index);
};

/** `ok {seqs}`: the copies' seqs, in the order of the request's `seqs`; a resend gets the original ones. */
struct ForwardOk
{
    QList<Seq> seqs;
    QCborMap encode() const;
    static std::optional<ForwardOk> decode(const QCborMap& map, QString* error);
};

} // namespace lanchat
