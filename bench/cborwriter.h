#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lanchat::bench {

/**
 * Appends CBOR heads and short items (RFC 8949, preferred serialisation) to a byte string: what the generator
 * needs to pre-encode frames by hand, with a payload (a file chunk) written in place after the head.
 * Stateless; any thread.
 */
class CborWriter
{
public:
    /** A map head with @p pairs entries. */
    static void mapHead(std::string& out, std::uint64_t pairs) { head(out, 5, pairs); }
    /** A text string (keys, type names). */
    static void text(std::string& out, std::string_view text);
    /** An unsigned integer in its shortest form. */
    static void unsignedInt(std::string& out, std::uint64_t value) { head(out, 0, value); }
    /** An unsigned integer always 4 bytes wide (0x1a), so it can be patched in place; value < 2^32. */
    static void unsigned32(std::string& out, std::uint32_t value);
    /** The head of a byte string of @p length bytes; the bytes themselves follow it. */
    static void bytesHead(std::string& out, std::uint64_t length) { head(out, 2, length); }
    /** A 4-byte big-endian frame length prefix at @p at of @p frame (for the frame's payload size). */
    static void lengthPrefix(std::string& frame, std::size_t at, std::uint32_t length);

private:
    static void head(std::string& out, unsigned major, std::uint64_t value);
};

} // namespace lanchat::bench
