#pragma once

#include <QByteArray>
#include <QCborArray>
#include <QCborMap>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace lanchat {

/**
 * Typed, validating access to the fields of a received CBOR map. Every getter records the first
 * problem (missing required field, wrong CBOR type, out of range, invalid UTF-8, too long) and returns
 * a default; after reading all fields, check ok() and answer `invalid_argument` with error().
 * Unknown fields are ignored, as docs/protocol.md requires. Not thread-safe.
 */
class CborFieldReader
{
public:
    explicit CborFieldReader(const QCborMap& map)
        : m_map(map)
    {}

    bool has(const char* key) const;
    /**
     * Unsigned integer in [0, max] (max at most 2^63-1: every unsigned field but the request `id`, which
     * FrameCodec reads itself). A negative integer is refused like any other type; -2^64, which QCborValue
     * would read as 0, never gets here (FrameCodec rejects the frame).
     */
    qint64 uint(const char* key, bool required = true, qint64 max = std::numeric_limits<qint64>::max());
    /** Text string of at most maxUtf8Bytes bytes when encoded as UTF-8 (CBOR text is UTF-8 by definition). */
    QString text(const char* key, qsizetype maxUtf8Bytes, bool required = true);
    /** Byte string of exactly exactBytes (if > 0) or at most maxBytes bytes. */
    QByteArray bytes(const char* key, qsizetype maxBytes, bool required = true, qsizetype exactBytes = 0);
    bool boolean(const char* key, bool defaultValue);
    /** A 16-byte byte string holding a UUID (RFC 9562 binary form). */
    QUuid uuid(const char* key, bool required = true);
    /** Array of text strings, at most maxCount elements of at most maxItemUtf8Bytes bytes each. */
    QStringList textList(const char* key, qsizetype maxCount, qsizetype maxItemUtf8Bytes, bool required = true);
    /** Array of unsigned integers, at most maxCount elements. */
    QList<qint64> uintList(const char* key, qsizetype maxCount, bool required = true);
    /** Nested map, empty when absent and not required. */
    QCborMap map(const char* key, bool required = true);
    /** Array, empty when absent and not required. */
    QCborArray array(const char* key, qsizetype maxCount, bool required = true);

    bool ok() const { return m_error.isEmpty(); }
    /** English description of the first problem, e.g. "field 'text': expected a text string". */
    QString error() const { return m_error; }

private:
    QCborValue value(const char* key, bool required);
    void fail(const char* key, const QString& problem);

    const QCborMap& m_map;
    QString m_error;
};

} // namespace lanchat
