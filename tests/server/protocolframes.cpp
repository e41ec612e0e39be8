#include "protocolframes.h"

#include <QRandomGenerator>
#include <QtEndian>

namespace lanchat::test {

QCborMap typed(const char* type)
{
    QCborMap m;
    m.insert(QLatin1String("t"), QLatin1String(type));
    return m;
}

QByteArray framed(const QByteArray& payload)
{
    QByteArray prefix(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(payload.size()), prefix.data());
    return prefix + payload;
}

QString frameType(const QCborMap& frame)
{
    return frame.value(QLatin1String("t")).toString();
}

QString errorCodeOf(const QCborMap& frame)
{
    return frame.value(QLatin1String("code")).toString();
}

QByteArray randomBytes(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char& byte : bytes)
        byte = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

qint64 conversationId(const QCborMap& reply)
{
    return reply.value(QLatin1String("conversation")).toMap().value(QLatin1String("id")).toInteger();
}

} // namespace lanchat::test
