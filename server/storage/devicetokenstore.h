#pragma once

#include "ids.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace lanchat {

/** One remembered device of an account (a `device_tokens` row). */
struct DeviceTokenRecord
{
    qint64 id = 0;
    UserId user;
    QByteArray tokenHash;  ///< SHA-256 of the token (32 bytes); the token itself is never stored
    QString deviceName;    ///< as the client named it, 1..64 characters
    qint64 createdMs = 0;  ///< ms since epoch, UTC: the password login that issued the first token of this device
    qint64 lastUsedMs = 0; ///< ms since epoch, UTC: the latest login with a token of this device
};

/**
 * The device tokens of "stay logged in" (docs/protocol.md, "Device tokens"), part of Storage. Writes follow the
 * storage's transaction rules (inside the caller's transaction when one is open). Failures return false / 0 /
 * nullopt and log to lanchat.storage. Same thread as the Storage it belongs to.
 */
class DeviceTokenStore
{
public:
    virtual ~DeviceTokenStore() = default;

    /** Stores a new device of @p user; returns its row id, 0 on failure (e.g. the user does not exist). */
    virtual qint64 add(UserId user, const QByteArray& tokenHash, const QString& deviceName, qint64 nowMs) = 0;
    /** The device whose current token hashes to @p tokenHash. */
    virtual std::optional<DeviceTokenRecord> byHash(const QByteArray& tokenHash) = 0;
    /** Replaces the token of device @p id (rotation) and sets its last use; false if the row is gone. */
    virtual bool rotate(qint64 id, const QByteArray& newTokenHash, qint64 nowMs) = 0;
    /** Every device of @p user, oldest first. */
    virtual QList<DeviceTokenRecord> of(UserId user) = 0;
    /** Forgets one device; false if it was not there. */
    virtual bool remove(qint64 id) = 0;
    /** Forgets every device of @p user; returns how many, -1 on failure. */
    virtual int removeAll(UserId user) = 0;
    /** Forgets every device not used since @p beforeMs; returns how many, -1 on failure. */
    virtual int removeUnusedSince(qint64 beforeMs) = 0;
};

} // namespace lanchat
