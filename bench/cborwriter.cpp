#include "cborwriter.h"

namespace lanchat::bench {

void CborWriter::head(std::string& out, unsigned major, std::uint64_t value)
{
    const char type = char(major << 5);
    if (value < 24) {
        out.push_back(char(type | char(value)));
        return;
    }
    int width = 8;
    char info = 27;
    if (value <= 0xff) {
        width = 1;
        info = 24;
    } else if (value <= 0xffff) {
        width = 2;
        info = 25;
    } else if (value <= 0xffffffffULL) {
        width = 4;
        info = 26;
    }
    out.push_back(char(type | info));
    for (int i = width - 1; i >= 0; --i)
        out.push_back(char((value >> (8 * i)) & 0xff));
}

void CborWriter::text(std::string& out, std::string_view text)
{
    head(out, 3, text.size());
    out.append(text);
}

void CborWriter::unsigned32(std::string& out, std::uint32_t value)
{
    out.push_back(char(26));
    for (int i = 3; i >= 0; --i)
        out.push_back(char((value >> (8 * i)) & 0xff));
}

void CborWriter::lengthPrefix(std::string& frame, std::size_t at, std::uint32_t length)
{
    for (int i = 0; i < 4; ++i)
        frame[at + std::size_t(i)] = char((length >> (8 * (3 - i))) & 0xff);
}

} // namespace lanchat::bench
