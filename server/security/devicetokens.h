#pragma once

#include "ids.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace lanchat {

class DeviceTokenStore;

/**
 * Issues and redeems the device tokens of "stay logged in" (docs/protocol.md, "Device tokens"): 256 random bits
 * from the system CSPRNG, given to the client once and stored only as their SHA-256.
 *
 * Every login with a token uses it up and issues its successor in the same row (rotation): a copied token works
 * once, after which either the thief or the real device is refused and notices, and a token read from an old
 * backup of the client's settings is worthless. A device not used for kIdleLifetimeMs is forgotten (idle timeout,
 * as for any session). Writes go through the storage's current transaction: the caller opens it (CommitQueue) and
 * answers only after the commit. Server thread only.
 */
class DeviceTokens
{
public:
    /** A device unused this long (ms, 30 days) must log in with its password again. */
    static constexpr qint64 kIdleLifetimeMs = qint64(30) * 24 * 60 * 60 * 1000;

    /** A token handed out: the bytes for the client and the device (row) it belongs to. */
    struct Issued
    {
        qint64 device = 0;
        QByteArray token; ///< protocol::kDeviceTokenBytes random bytes
    };

    explicit DeviceTokens(DeviceTokenStore& store);

    /** SHA-256 of @p token: what the store keeps. */
    static QByteArray hash(const QByteArray& token);

    /**
     * Remembers a new device of @p user named @p deviceName (trimmed, cut to 64 characters, "unnamed device" when
     * empty) and forgets devices idle too long. nullopt when the store refused.
     */
    std::optional<Issued> issue(UserId user, const QString& deviceName, qint64 nowMs);
    /**
     * The device of @p user whose current token is @p token; nullopt when the token is unknown (never issued,
     * already used up, revoked), belongs to another user or expired. Reads only.
     */
    std::optional<qint64> find(const QByteArray& token, UserId user, qint64 nowMs);
    /** Uses up the current token of @p device and returns its successor; nullopt when the store refused. */
    std::optional<Issued> rotate(qint64 device, qint64 nowMs);

private:
    DeviceTokenStore& m_store;
};

} // namespace lanchat
