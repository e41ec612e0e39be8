#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

namespace lanchat::bench {

/** One CBOR data item seen in place: no copy, no allocation. Views point into the scanned buffer. */
struct CborItem
{
    /** CBOR major types 0..7 in order, then Float (major type 7 with a 2-, 4- or 8-byte argument). */
    enum class Kind
    {
        Unsigned,
        Negative,
        Bytes,
        Text,
        Array,
        Map,
        Tag,
        Simple,
        Float,
    };

    Kind kind = Kind::Simple;
    /**
     * Integer value, string length, element / pair count, tag number, simple value (20 false, 21 true) or the
     * raw bits of a float.
     */
    std::uint64_t value = 0;
    /** Bytes and text: the string's content. Arrays and maps: their whole encoding, header included. */
    std::string_view content;

    bool isTrue() const { return kind == Kind::Simple && value == 21; }
};

/**
 * Reads CBOR (RFC 8949) in place for the load generator's hot path: the frame type, the request id and the few
 * fields a scenario needs, without building a QCborMap. Definite lengths only (what Qt's encoder writes and the
 * server sends); indefinite lengths and nesting deeper than 16 levels are reported as unreadable.
 * Stateless; any thread.
 */
class CborScanner
{
public:
    /**
     * Reads only the head of the item at @p pos (kind and argument: a map's pair count, a string's length) and
     * moves @p pos to its first content byte. False on truncated or unsupported input. Inline: it runs for
     * every item of every frame the generator receives.
     */
    static bool readHeader(std::string_view data, std::size_t& pos, CborItem* item)
    {
        if (pos >= data.size())
            return false;
        const auto initial = static_cast<unsigned char>(data[pos++]);
        const unsigned major = initial >> 5;
        const unsigned info = initial & 0x1f;
        std::uint64_t value = info;
        if (info >= 24) {
            if (info > 27)
                return false; // indefinite lengths and reserved values: the server never sends them
            const std::size_t width = std::size_t(1) << (info - 24);
            if (data.size() - pos < width)
                return false;
            value = 0;
            for (std::size_t i = 0; i < width; ++i)
                value = (value << 8) | static_cast<unsigned char>(data[pos++]);
        }
        item->kind = major == 7 && info >= 25 ? CborItem::Kind::Float : CborItem::Kind(major);
        item->value = value;
        item->content = {};
        return true;
    }

    /**
     * Reads the item starting at @p pos of @p data and moves @p pos past it (nested items included).
     * Returns false on truncated or unsupported input; @p pos is then unspecified.
     */
    static bool read(std::string_view data, std::size_t& pos, CborItem* item)
    {
        const std::size_t start = pos;
        if (!readHeader(data, pos, item))
            return false;
        if (item->kind == CborItem::Kind::Bytes || item->kind == CborItem::Kind::Text) {
            if (data.size() - pos < item->value)
                return false;
            item->content = data.substr(pos, std::size_t(item->value));
            pos += std::size_t(item->value);
            return true;
        }
        if (item->kind == CborItem::Kind::Array || item->kind == CborItem::Kind::Map ||
            item->kind == CborItem::Kind::Tag)
            return readNested(data, start, pos, item);
        return true;
    }

    /** The value under the text key @p key of the map item @p map (as read()), or nullopt. */
    static std::optional<CborItem> field(const CborItem& map, std::string_view key);

    /** The value under @p key of the map that is the whole of @p payload (one frame), or nullopt. */
    static std::optional<CborItem> field(std::string_view payload, std::string_view key);

    /** Calls @p visit for each element of the array item @p array; false if it cannot be read. */
    static bool forEach(const CborItem& array, const std::function<void(const CborItem&)>& visit);

private:
    static bool readNested(std::string_view data, std::size_t start, std::size_t& pos, CborItem* item);
    static bool skip(std::string_view data, std::size_t& pos, int depth);
};

} // namespace lanchat::bench
