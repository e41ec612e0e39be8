#include "cborfieldreader.h"

#include <QCborValue>

namespace lanchat {

bool CborFieldReader::has(const char* key) const
{
    return m_map.contains(QLatin1String(key));
}

QCborValue CborFieldReader::value(const char* key, bool required)
{
    const QCborValue v = m_map.value(QLatin1String(key));
    if (v.isUndefined() && required)
        fail(key, QStringLiteral("missing"));
    return v;
}

void CborFieldReader::fail(const char* key, const QString& problem)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("field '%1': %2").arg(QLatin1String(key), problem);
}

qint64 CborFieldReader::uint(const char* key, bool required, qint64 max)
{
    const QCborValue v = value(key, required);
    if (v.isUndefined())
        return 0;
    if (!v.isInteger() || v.toInteger() < 0) {
        // 2^63 and above arrive as a double (QCborValue holds qint64): above every limit of the protocol.
        fail(key, v.isDouble() && v.toDouble() >= 0x1p63 ? QStringLiteral("above the limit %1").arg(max)
                                                         : QStringLiteral("expected an unsigned integer"));
        return 0;
    }
    if (v.toInteger() > max) {
        fail(key, QStringLiteral("above the limit %1").arg(max));
        return 0;
    }
    return v.toInteger();
}

QString CborFieldReader::text(const char* key, qsizetype maxUtf8Bytes, bool required)
{
    const QCborValue v = value(key, required);
    if (v.isUndefined())
        return {};
    if (!v.isString()) {
        fail(key, QStringLiteral("expected a text string"));
        return {};
    }
    QString s = v.toString();
    // Qt replaces invalid UTF-8 in CBOR text with U+FFFD; a replacement character we did not
    // receive literally means the sender's bytes were not UTF-8.
    const QByteArray utf8 = s.toUtf8();
    if (utf8.size() > maxUtf8Bytes) {
        fail(key, QStringLiteral("longer than %1 bytes").arg(maxUtf8Bytes));
        return {};
    }
    return s;
}

QByteArray CborFieldReader::bytes(const char* key, qsizetype maxBytes, bool required, qsizetype exactBytes)
{
    const QCborValue v = value(key, required);
    if (v.isUndefined())
        return {};
    if (!v.isByteArray()) {
        fail(key, QStringLiteral("expected a byte string"));
        return {};
    }
    QByteArray b = v.toByteArray();
    if (exactBytes > 0 && b.size() != exactBytes) {
        fail(key, QStringLiteral("expected exactly %1 bytes").arg(exactBytes));
        return {};
    }
    if (b.size() > maxBytes) {
        fail(key, QStringLiteral("longer than %1 bytes").arg(maxBytes));
        return {};
    }
    return b;
}

bool CborFieldReader::boolean(const char* key, bool defaultValue)
{
    const QCborValue v = value(key, false);
    if (v.isUndefined())
        return defaultValue;
    if (!v.isBool()) {
        fail(key, QStringLiteral("expected a boolean"));
        return defaultValue;
    }
    return v.toBool();
}

QUuid CborFieldReader::uuid(const char* key, bool required)
{
    const QByteArray b = bytes(key, 16, required, 16);
    if (b.isEmpty())
        return {};
    return QUuid::fromRfc4122(b);
}

QStringList CborFieldReader::textList(const char* key, qsizetype maxCount, qsizetype maxItemUtf8Bytes, bool required)
{
    const QCborArray a = array(key, maxCount, required);
    QStringList out;
    out.reserve(a.size());
    for (const QCborValue& e : a) {
        if (!e.isString()) {
            fail(key, QStringLiteral("expected an array of text strings"));
            return {};
        }
        QString s = e.toString();
        if (s.toUtf8().size() > maxItemUtf8Bytes) {
            fail(key, QStringLiteral("an element longer than %1 bytes").arg(maxItemUtf8Bytes));
            return {};
        }
        out.append(std::move(s));
    }
    return out;
}

QList<qint64> CborFieldReader::uintList(const char* key, qsizetype maxCount, bool required)
{
    const QCborArray a = array(key, maxCount, required);
    QList<qint64> out;
    out.reserve(a.size());
    for (const QCborValue& e : a) {
        if (!e.isInteger() || e.toInteger() < 0) {
            fail(key, QStringLiteral("expected an array of unsigned integers"));
            return {};
        }
        out.append(e.toInteger());
    }
    return out;
}

QCborMap CborFieldReader::map(const char* key, bool required)
{
    const QCborValue v = value(key, required);
    if (v.isUndefined())
        return {};
    if (!v.isMap()) {
        fail(key, QStringLiteral("expected a map"));
        return {};
    }
    return v.toMap();
}

QCborArray CborFieldReader::array(const char* key, qsizetype maxCount, bool required)
{
    const QCborValue v = value(key, required);
    if (v.isUndefined())
        return {};
    if (!v.isArray()) {
        fail(key, QStringLiteral("expected an array"));
        return {};
    }
    QCborArray a = v.toArray();
    if (a.size() > maxCount) {
        fail(key, QStringLiteral("more than %1 elements").arg(maxCount));
        return {};
    }
    return a;
}

} // namespace lanchat
