#include "framecodec.h"

#include "protocol.h"

#include <QBuffer>
#include <QCborStreamReader>
#include <QCborStreamWriter>
#include <QCborValue>
#include <QtEndian>

#include <cstring>

namespace lanchat {

namespace {

/**
 * Whether @p payload may hold a CBOR integer below -2^63: such an integer is the head byte 0x3b followed by an
 * 8-byte argument of 2^63 or more. A cheap filter (the bytes may as well lie inside a string); scan() decides.
 */
bool mayHoldIntegerBelowInt64(const QByteArray& payload)
{
    const qsizetype heads = payload.size() - 8; // a head needs its 8 argument bytes behind it
    const char* data = payload.constData();
    for (qsizetype i = 0; i < heads; ++i) {
        const void* found = std::memchr(data + i, 0x3b, size_t(heads - i));
        if (!found)
            return false;
        i = static_cast<const char*>(found) - data;
        if (quint8(data[i + 1]) & 0x80)
            return true;
    }
    return false;
}

/** True for a CBOR negative integer below -2^63: Qt reads -2^64 as the integer 0 and the others as doubles. */
bool isBelowInt64(QCborNegativeInteger value)
{
    // QCborNegativeInteger n stands for -n, with -2^64 wrapped to 0; -2^63 is n = 2^63.
    return quint64(value) - 1 >= quint64(1) << 63;
}

/** Steps over one item, nested ones included; false on a decoding error (the reader stays failed). */
bool skipItem(QCborStreamReader& reader, bool* integerBelowInt64)
{
    int depth = 0;
    while (reader.lastError() == QCborError::NoError) {
        if (depth > 0 && !reader.hasNext()) {
            reader.leaveContainer();
            if (--depth == 0)
                return reader.lastError() == QCborError::NoError;
            continue;
        }
        if (reader.isTag()) {
            reader.next(); // the tagged item follows and is the one to step over
            continue;
        }
        if (reader.isContainer()) {
            reader.enterContainer();
            ++depth;
            continue;
        }
        if (reader.isNegativeInteger() && isBelowInt64(reader.toNegativeInteger()))
            *integerBelowInt64 = true;
        reader.next();
        if (depth == 0)
            return reader.lastError() == QCborError::NoError;
    }
    return false;
}

} // namespace

FrameCodec::FrameCodec(quint32 maxFrameBytes)
    : m_maxFrameBytes(maxFrameBytes)
{}

QByteArray FrameCodec::encode(const QCborMap& map)
{
    const QByteArray payload = QCborValue(map).toCbor();
    QByteArray frame(protocol::kLengthPrefixBytes, Qt::Uninitialized);
    qToBigEndian<quint32>(static_cast<quint32>(payload.size()), frame.data());
    frame.append(payload);
    return frame;
}

QByteArray FrameCodec::encode(const QCborMap& map, quint64 id)
{
    const QLatin1String idKey("id");
    QByteArray frame(protocol::kLengthPrefixBytes, Qt::Uninitialized);
    {
        QBuffer buffer(&frame);
        buffer.open(QIODevice::WriteOnly | QIODevice::Unbuffered);
        buffer.seek(protocol::kLengthPrefixBytes);
        QCborStreamWriter writer(&buffer);
        writer.startMap(map.size() + (map.contains(idKey) ? 0 : 1));
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (it.key().isString() && it.key().toString() == idKey)
                continue;
            it.key().toCbor(writer);
            it.value().toCbor(writer);
        }
        writer.append(idKey);
        writer.append(id);
        writer.endMap();
    }
    qToBigEndian<quint32>(static_cast<quint32>(frame.size() - protocol::kLengthPrefixBytes), frame.data());
    return frame;
}

void FrameCodec::append(const QByteArray& bytes)
{
    append(bytes.constData(), bytes.size());
}

void FrameCodec::append(const char* data, qsizetype size)
{
    if (m_error)
        return;
    dropUnreported();
    m_buffer.append(data, size);
}

std::span<char> FrameCodec::inPlaceSpace()
{
    dropUnreported();
    if (m_error)
        return {};
    const qsizetype available = m_buffer.size() - m_readPos;
    if (available < protocol::kLengthPrefixBytes) {
        if (!m_lastFrameLarge)
            return {};
        compact();
        m_inPlaceFrom = m_buffer.size();
        m_buffer.resize(protocol::kLengthPrefixBytes);
        return {m_buffer.data() + m_inPlaceFrom, size_t(protocol::kLengthPrefixBytes - m_inPlaceFrom)};
    }
    const quint32 length = qFromBigEndian<quint32>(m_buffer.constData() + m_readPos);
    const qsizetype missing = protocol::kLengthPrefixBytes + qsizetype(length) - available;
    // A length above the limit is refused by next(), before anything is allocated for it.
    if (length < kInPlaceFrameBytes || length > m_maxFrameBytes || missing <= 0)
        return {};
    compact(); // the frame starts at 0: once complete, nothing follows it that would have to be moved
    m_inPlaceFrom = m_buffer.size();
    m_buffer.resize(m_inPlaceFrom + missing); // uninitialised; never read beyond what appendedInPlace() reports
    return {m_buffer.data() + m_inPlaceFrom, size_t(missing)};
}

void FrameCodec::appendedInPlace(qsizetype size)
{
    if (m_inPlaceFrom < 0)
        return;
    m_buffer.resize(m_inPlaceFrom + qBound<qsizetype>(0, size, m_buffer.size() - m_inPlaceFrom));
    m_inPlaceFrom = -1;
}

void FrameCodec::dropUnreported()
{
    if (m_inPlaceFrom < 0)
        return;
    m_buffer.resize(m_inPlaceFrom);
    m_inPlaceFrom = -1;
}

std::optional<FrameCodec::Frame> FrameCodec::next()
{
    if (m_error)
        return std::nullopt;
    dropUnreported();
    const qsizetype available = m_buffer.size() - m_readPos;
    if (available < protocol::kLengthPrefixBytes) {
        compact();
        return std::nullopt;
    }
    const quint32 length = qFromBigEndian<quint32>(m_buffer.constData() + m_readPos);
    if (length > m_maxFrameBytes) {
        fail(ErrorCode::FrameTooLarge,
             QStringLiteral("frame of %1 bytes exceeds max_frame %2").arg(length).arg(m_maxFrameBytes));
        return std::nullopt;
    }
    if (length == 0) {
        fail(ErrorCode::Malformed, QStringLiteral("empty frame"));
        return std::nullopt;
    }
    if (available - protocol::kLengthPrefixBytes < qsizetype(length)) {
        compact();
        return std::nullopt;
    }
    // fromRawData avoids a copy; the reader is done with it before m_buffer changes.
    const QByteArray payload =
        QByteArray::fromRawData(m_buffer.constData() + m_readPos + protocol::kLengthPrefixBytes, length);
    m_readPos += protocol::kLengthPrefixBytes + length;
    m_lastFrameLarge = length >= kInPlaceFrameBytes;

    QCborStreamReader reader(payload);
    const QCborValue value = QCborValue::fromCbor(reader);
    if (reader.lastError() == QCborError::InvalidUtf8String) {
        // The length prefix still delimits the frame, so the stream stays in sync: refuse this
        // frame only and keep the connection. The partially decoded value must not be used: Qt 6.4
        // can leave a map with a key and no value, which crashes QCborMap::value() (found by fuzzing).
        return Frame{
            {}, ErrorCode::InvalidArgument, QStringLiteral("invalid UTF-8 in a text string"), scan(payload).id};
    }
    if (reader.lastError() != QCborError::NoError) {
        fail(ErrorCode::Malformed, QStringLiteral("invalid CBOR: %1").arg(reader.lastError().toString()));
        return std::nullopt;
    }
    if (reader.currentOffset() != qint64(length)) {
        fail(ErrorCode::Malformed, QStringLiteral("trailing bytes after the CBOR item"));
        return std::nullopt;
    }
    if (!value.isMap()) {
        fail(ErrorCode::Malformed, QStringLiteral("frame is not a CBOR map"));
        return std::nullopt;
    }
    QCborMap map = value.toMap();
    if (!map.value(QLatin1String("t")).isString()) {
        fail(ErrorCode::Malformed, QStringLiteral("frame has no text field 't'"));
        return std::nullopt;
    }
    // QCborValue holds integers as qint64: an id of 2^63 or more arrives as a double, and -2^64 as 0. The byte
    // scan that sees them costs as much again as the decode, so it runs only when one of them may be present.
    const QCborValue idValue = map.value(QLatin1String("id"));
    std::optional<quint64> id;
    if (idValue.isInteger() && idValue.toInteger() >= 0)
        id = quint64(idValue.toInteger());
    if (idValue.isDouble() || mayHoldIntegerBelowInt64(payload)) {
        const Scan found = scan(payload);
        if (found.integerBelowInt64) {
            return Frame{{},
                         ErrorCode::InvalidArgument,
                         QStringLiteral("an integer below -2^63 (no field of the protocol takes one)"),
                         found.id};
        }
        id = found.id;
    }
    return Frame{std::move(map), std::nullopt, {}, id};
}

FrameCodec::Scan FrameCodec::scan(const QByteArray& payload)
{
    Scan result;
    QCborStreamReader reader(payload);
    if (!reader.isMap() || !reader.enterContainer())
        return result;
    while (reader.lastError() == QCborError::NoError && reader.hasNext()) {
        bool isId = false;
        if (reader.isString()) {
            QString key;
            auto chunk = reader.readString();
            while (chunk.status == QCborStreamReader::Ok) {
                key += chunk.data;
                chunk = reader.readString();
            }
            if (chunk.status == QCborStreamReader::Error)
                return result;
            isId = key == QLatin1String("id");
        } else if (!skipItem(reader, &result.integerBelowInt64)) {
            return result;
        }
        if (isId && reader.isUnsignedInteger())
            result.id = reader.toUnsignedInteger();
        if (!skipItem(reader, &result.integerBelowInt64))
            return result;
    }
    return result;
}

void FrameCodec::fail(ErrorCode code, const QString& message)
{
    m_error = code;
    m_errorMessage = message;
    m_buffer.clear();
    m_readPos = 0;
    m_inPlaceFrom = -1;
}

void FrameCodec::compact()
{
    if (m_readPos == 0)
        return;
    if (m_readPos == m_buffer.size()) {
        m_buffer.clear();
    } else {
        m_buffer.remove(0, m_readPos);
    }
    m_readPos = 0;
}

} // namespace lanchat
