#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lanchat::bench {

/**
 * A pre-encoded `send` frame for one conversation: the fixed fields are encoded once, and each message only
 * patches in place the request id (always a 4-byte CBOR integer, so its width never changes), a fresh
 * client_msg_id and the send time embedded in the text. That replaces building and encoding a QCborMap per
 * message on the generator's hot path.
 *
 * The text is kTextBytes of ASCII: kMarker, 16 lowercase hex digits of the send time (nowNs()), then 'x'.
 * The client_msg_id is a UUIDv7 laid out as common/uuidv7.h makes them (48-bit Unix ms, version 7, RFC 9562
 * variant), its random bits from a per-template splitmix64 seeded once from the system generator: the
 * system generator per message would cost a getrandom() call each. Not thread-safe.
 */
class SendTemplate
{
public:
    /** Bytes of every bench message text (messages of 100 bytes). */
    static constexpr std::size_t kTextBytes = 100;
    /** Precedes the 16 hex digits of the send time in the text. */
    static constexpr std::string_view kMarker = "@@LCB";

    explicit SendTemplate(std::uint64_t conversation);

    /** Bytes of one frame, length prefix included. */
    std::size_t size() const { return m_frame.size(); }
    /** Writes one frame (size() bytes) to @p out with request @p id and send time @p sentNs. */
    void write(char* out, std::uint32_t id, std::int64_t sentNs);

    /** The send time carried by a bench message text, or nullopt if @p text is not one. */
    static std::optional<std::int64_t> sentNs(std::string_view text);

private:
    void fillUuid(char* out);

    std::string m_frame;
    std::size_t m_idAt = 0;
    std::size_t m_uuidAt = 0;
    std::size_t m_stampAt = 0;
    std::uint64_t m_random = 0;
};

} // namespace lanchat::bench
