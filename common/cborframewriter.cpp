#include "cborframewriter.h"

#include "protocol.h"

#include <QtEndian>

namespace lanchat {

namespace {
// Room for a chat message's ack or push without regrowing (100-byte texts and the fixed fields).
constexpr qsizetype kInitialCapacity = 256;
} // namespace

CborFrameWriter::CborFrameWriter(quint64 pairs)
    : m_frame(protocol::kLengthPrefixBytes, '\0')
    , m_device(&m_frame)
    , m_writer(&m_device)
{
    m_frame.reserve(kInitialCapacity);
    m_device.open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    m_device.seek(protocol::kLengthPrefixBytes);
    m_writer.startMap(pairs);
}

QByteArray CborFrameWriter::take()
{
    m_writer.endMap();
    m_device.close();
    qToBigEndian<quint32>(quint32(m_frame.size() - protocol::kLengthPrefixBytes), m_frame.data());
    return std::move(m_frame);
}

} // namespace lanchat
