#include "uuidv7.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <array>

namespace lanchat {

QUuid createUuidV7()
{
    std::array<quint32, 4> random{};
    QRandomGenerator::system()->fillRange(random.data(), random.size());
    QByteArray bytes(reinterpret_cast<const char*>(random.data()), 16);
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    for (int i = 0; i < 6; ++i)
        bytes[i] = char((ms >> (8 * (5 - i))) & 0xff);
    bytes[6] = char((bytes[6] & 0x0f) | 0x70); // version 7
    bytes[8] = char((bytes[8] & 0x3f) | 0x80); // RFC 9562 variant
    return QUuid::fromRfc4122(bytes);
}

} // namespace lanchat
