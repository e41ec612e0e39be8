#include "cborscanner.h"

namespace lanchat::bench {

namespace {

constexpr int kMaxDepth = 16;

} // namespace

bool CborScanner::skip(std::string_view data, std::size_t& pos, int depth)
{
    if (depth > kMaxDepth)
        return false;
    CborItem head;
    if (!readHeader(data, pos, &head))
        return false;
    switch (head.kind) {
    case CborItem::Kind::Bytes:
    case CborItem::Kind::Text:
        if (data.size() - pos < head.value)
            return false;
        pos += std::size_t(head.value);
        return true;
    case CborItem::Kind::Array:
    case CborItem::Kind::Map: {
        const std::uint64_t children = head.kind == CborItem::Kind::Map ? head.value * 2 : head.value;
        for (std::uint64_t i = 0; i < children; ++i) {
            if (!skip(data, pos, depth + 1))
                return false;
        }
        return true;
    }
    case CborItem::Kind::Tag:
        return skip(data, pos, depth + 1);
    default:
        return true;
    }
}

bool CborScanner::readNested(std::string_view data, std::size_t start, std::size_t& pos, CborItem* item)
{
    // Re-walk from the head so that the nested items are checked and skipped in one place.
    pos = start;
    if (!skip(data, pos, 0))
        return false;
    item->content = data.substr(start, pos - start);
    return true;
}

std::optional<CborItem> CborScanner::field(const CborItem& map, std::string_view key)
{
    if (map.kind != CborItem::Kind::Map)
        return std::nullopt;
    std::size_t pos = 0;
    CborItem head;
    if (!readHeader(map.content, pos, &head) || head.kind != CborItem::Kind::Map)
        return std::nullopt;
    for (std::uint64_t i = 0; i < head.value; ++i) {
        CborItem name;
        CborItem value;
        if (!read(map.content, pos, &name) || !read(map.content, pos, &value))
            return std::nullopt;
        if (name.kind == CborItem::Kind::Text && name.content == key)
            return value;
    }
    return std::nullopt;
}

std::optional<CborItem> CborScanner::field(std::string_view payload, std::string_view key)
{
    // A frame's map is the whole payload, so its encoding is known without walking it first.
    CborItem map;
    map.kind = CborItem::Kind::Map;
    map.content = payload;
    return field(map, key);
}

bool CborScanner::forEach(const CborItem& array, const std::function<void(const CborItem&)>& visit)
{
    if (array.kind != CborItem::Kind::Array)
        return false;
    std::size_t pos = 0;
    CborItem head;
    if (!readHeader(array.content, pos, &head))
        return false;
    for (std::uint64_t i = 0; i < head.value; ++i) {
        CborItem element;
        if (!read(array.content, pos, &element))
            return false;
        visit(element);
    }
    return true;
}

} // namespace lanchat::bench
