#include "devicetokens.h"

#include "protocol.h"
#include "storage/devicetokenstore.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <array>

namespace lanchat {

namespace {

QByteArray randomToken()
{
    // QRandomGenerator::system() is the operating system's CSPRNG (getrandom on Linux).
    std::array<quint32, protocol::kDeviceTokenBytes / sizeof(quint32)> words;
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char*>(words.data()), protocol::kDeviceTokenBytes);
}

} // namespace

DeviceTokens::DeviceTokens(DeviceTokenStore& store)
    : m_store(store)
{}

QByteArray DeviceTokens::hash(const QByteArray& token)
{
    // A random 256-bit value cannot be guessed, so a fast unsalted hash is enough to make a stolen database useless.
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

std::optional<DeviceTokens::Issued> DeviceTokens::issue(UserId user, const QString& deviceName, qint64 nowMs)
{
    QString name = deviceName.trimmed().left(protocol::kMaxNameChars);
    if (name.isEmpty())
        name = QStringLiteral("unnamed device");
    m_store.removeUnusedSince(nowMs - kIdleLifetimeMs);
    Issued issued;
    issued.token = randomToken();
    issued.device = m_store.add(user, hash(issued.token), name, nowMs);
    if (issued.device == 0)
        return std::nullopt;
    return issued;
}

std::optional<qint64> DeviceTokens::find(const QByteArray& token, UserId user, qint64 nowMs)
{
    if (token.size() != protocol::kDeviceTokenBytes)
        return std::nullopt;
    const std::optional<DeviceTokenRecord> device = m_store.byHash(hash(token));
    // An expired row stays until the next issue() sweeps it: this read must not need a transaction.
    if (!device || device->user != user || nowMs - device->lastUsedMs > kIdleLifetimeMs)
        return std::nullopt;
    return device->id;
}

std::optional<DeviceTokens::Issued> DeviceTokens::rotate(qint64 device, qint64 nowMs)
{
    Issued next;
    next.device = device;
    next.token = randomToken();
    if (!m_store.rotate(device, hash(next.token), nowMs))
        return std::nullopt;
    return next;
}

} // namespace lanchat
