#pragma once

#include <QHashFunctions>
#include <QMetaType>
#include <QtGlobal>

#include <compare>

namespace lanchat {

/**
 * A typed 64-bit identifier. Each Tag makes a distinct type, so a UserId cannot be passed where a
 * ConversationId is expected. Value 0 means "none / not set"; valid ids start at 1.
 * Thread-safe as any value type.
 */
template <typename Tag> class StrongId
{
public:
    constexpr StrongId() = default;
    constexpr explicit StrongId(qint64 value)
        : m_value(value)
    {}
    constexpr qint64 value() const { return m_value; }
    constexpr bool isValid() const { return m_value > 0; }
    constexpr auto operator<=>(const StrongId&) const = default;

private:
    qint64 m_value = 0;
};

template <typename Tag> size_t qHash(StrongId<Tag> id, size_t seed = 0) noexcept
{
    return ::qHash(id.value(), seed);
}

struct UserIdTag;
struct ConversationIdTag;
struct TransferIdTag;
struct DepartmentIdTag;

/** A user account, assigned by the server at registration. */
using UserId = StrongId<UserIdTag>;
/** A conversation: a private one per pair of users, or a group. */
using ConversationId = StrongId<ConversationIdTag>;
/** An upload in progress on the server (file_offer → file_chunk …). */
using TransferId = StrongId<TransferIdTag>;
/** A department of the organisation directory (docs/protocol.md 18). */
using DepartmentId = StrongId<DepartmentIdTag>;

/** Server message sequence number: monotonically increasing per server, total order of all messages. */
using Seq = qint64;

} // namespace lanchat

Q_DECLARE_METATYPE(lanchat::UserId)
Q_DECLARE_METATYPE(lanchat::ConversationId)
Q_DECLARE_METATYPE(lanchat::TransferId)
