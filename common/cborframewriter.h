#pragma once

#include <QBuffer>
#include <QByteArray>
#include <QCborStreamWriter>
#include <QLatin1String>
#include <QStringView>

namespace lanchat {

/**
 * Writes one frame (docs/protocol.md, "Framing": 4-byte big-endian length, then one CBOR map) straight
 * into its final buffer with QCborStreamWriter: no QCborMap is built, and the payload is not copied behind
 * the prefix afterwards. For the frames sent once per chat message (the send ack, the message push); every
 * other frame goes through FrameCodec::encode(QCborMap). The bytes are ordinary CBOR (RFC 8949): any
 * decoder reads them as it reads FrameCodec's.
 *
 * Usage: `CborFrameWriter w(6); w.key("t"); w.text(QLatin1String("ok")); … QByteArray frame = w.take();`
 * with exactly as many key/value pairs as announced. Not thread-safe (a value type; one frame each).
 */
class CborFrameWriter
{
public:
    /** Starts a frame whose map has @p pairs key/value pairs. */
    explicit CborFrameWriter(quint64 pairs);

    void key(const char* latin1Key) { m_writer.append(QLatin1String(latin1Key)); }
    void text(QLatin1String value) { m_writer.append(value); }
    void text(QStringView value) { m_writer.append(value); }
    void bytes(const QByteArray& value) { m_writer.append(value); }
    void bytes(const char* data, qsizetype size) { m_writer.appendByteString(data, size); }
    void number(qint64 value) { m_writer.append(value); }
    /** A CBOR unsigned integer over the whole 64-bit range (request ids). */
    void unsignedNumber(quint64 value) { m_writer.append(value); }
    void boolean(bool value) { m_writer.append(value); }
    /** Starts a nested map of @p pairs pairs (as the value of the last key); close it with endMap(). */
    void startMap(quint64 pairs) { m_writer.startMap(pairs); }
    void endMap() { m_writer.endMap(); }
    /** Starts a nested array of @p items items (as the value of the last key); close it with endArray(). */
    void startArray(quint64 items) { m_writer.startArray(items); }
    void endArray() { m_writer.endArray(); }

    /** Closes the map, writes the length prefix and returns the frame. The writer is spent afterwards. */
    QByteArray take();

private:
    QByteArray m_frame;
    QBuffer m_device; ///< positioned after the prefix: QCborStreamWriter(QByteArray*) would write from byte 0
    QCborStreamWriter m_writer;
};

} // namespace lanchat
