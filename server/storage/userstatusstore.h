#pragma once

#include "ids.h"

#include <QHash>
#include <QString>

namespace lanchat {

/** A user's chosen status (a `user_status` row, schema 12); the default is "online" without text. */
struct UserStatusRecord
{
    QString status = QStringLiteral("online"); ///< "online", "away", "busy" or "dnd" (never "offline")
    QString text;                              ///< at most protocol::kMaxStatusTextChars characters; may be empty
    qint64 updatedMs = 0;                      ///< when it was set, ms since epoch UTC; 0 = never set
};

/**
 * The statuses users chose (docs/protocol.md 16), part of Storage. Writes follow the storage's transaction rules
 * (inside the caller's transaction when one is open). Failures return false / the default and log to
 * lanchat.storage. The caller validates status names and texts first. Same thread as the Storage it belongs to.
 */
class UserStatusStore
{
public:
    virtual ~UserStatusStore() = default;

    /** The status @p user chose; the default record when they never chose one (or on a database error). */
    virtual UserStatusRecord of(UserId user) = 0;
    /** Every user's chosen status (users who never chose one are absent). */
    virtual QHash<UserId, UserStatusRecord> all() = 0;
    /** Stores @p user's status and text at @p nowMs (ms since epoch UTC); false on failure (e.g. no such user). */
    virtual bool set(UserId user, const QString& status, const QString& text, qint64 nowMs) = 0;
};

} // namespace lanchat
