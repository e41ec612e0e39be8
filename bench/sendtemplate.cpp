#include "sendtemplate.h"

#include "cborwriter.h"
#include "uuidv7.h"

#include <QByteArray>

#include <chrono>
#include <cstring>

namespace lanchat::bench {

namespace {

constexpr std::size_t kStampDigits = 16;

std::uint64_t splitmix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

} // namespace

SendTemplate::SendTemplate(std::uint64_t conversation)
{
    std::string& f = m_frame;
    f.assign(4, '\0'); // length prefix, set below
    CborWriter::mapHead(f, 5);
    CborWriter::text(f, "t");
    CborWriter::text(f, "send");
    CborWriter::text(f, "id");
    m_idAt = f.size() + 1; // after the 0x1a head
    CborWriter::unsigned32(f, 0);
    CborWriter::text(f, "conversation");
    CborWriter::unsignedInt(f, conversation);
    CborWriter::text(f, "client_msg_id");
    CborWriter::bytesHead(f, 16);
    m_uuidAt = f.size();
    f.append(16, '\0');
    CborWriter::text(f, "text");
    std::string text(kMarker);
    m_stampAt = f.size() + 2 + text.size(); // after the two-byte text head (length 100) and the marker
    text.append(kStampDigits, '0');
    text.append(kTextBytes - text.size(), 'x');
    CborWriter::text(f, text);
    CborWriter::lengthPrefix(f, 0, std::uint32_t(f.size() - 4));

    const QByteArray seed = createUuidV7().toRfc4122();
    std::memcpy(&m_random, seed.constData() + 8, sizeof(m_random));
}

void SendTemplate::fillUuid(char* out)
{
    const auto ms = std::uint64_t(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count());
    for (int i = 0; i < 6; ++i)
        out[i] = char((ms >> (8 * (5 - i))) & 0xff);
    const std::uint64_t a = splitmix64(m_random);
    const std::uint64_t b = splitmix64(m_random);
    out[6] = char(0x70 | (a & 0x0f)); // version 7
    out[7] = char((a >> 8) & 0xff);
    for (int i = 0; i < 8; ++i)
        out[8 + i] = char((b >> (8 * i)) & 0xff);
    out[8] = char((out[8] & 0x3f) | 0x80); // RFC 9562 variant
}

void SendTemplate::write(char* out, std::uint32_t id, std::int64_t sentNs)
{
    std::memcpy(out, m_frame.data(), m_frame.size());
    char* idBytes = out + m_idAt;
    for (int i = 0; i < 4; ++i)
        idBytes[i] = char((id >> (8 * (3 - i))) & 0xff);
    fillUuid(out + m_uuidAt);
    static constexpr char kHex[] = "0123456789abcdef";
    char* stamp = out + m_stampAt;
    auto value = std::uint64_t(sentNs);
    for (int i = int(kStampDigits) - 1; i >= 0; --i) {
        stamp[i] = kHex[value & 0x0f];
        value >>= 4;
    }
}

std::optional<std::int64_t> SendTemplate::sentNs(std::string_view text)
{
    if (text.size() < kMarker.size() + kStampDigits || text.substr(0, kMarker.size()) != kMarker)
        return std::nullopt;
    std::uint64_t value = 0;
    for (const char c : text.substr(kMarker.size(), kStampDigits)) {
        unsigned digit = 0;
        if (c >= '0' && c <= '9')
            digit = unsigned(c - '0');
        else if (c >= 'a' && c <= 'f')
            digit = unsigned(c - 'a' + 10);
        else
            return std::nullopt;
        value = (value << 4) | digit;
    }
    return std::int64_t(value);
}

} // namespace lanchat::bench
