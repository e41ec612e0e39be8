#pragma once

#include "ids.h"

#include <QCborMap>
#include <QString>

#include <optional>

namespace lanchat {

/** A user as others see it (wire: `{id, username, display_name, online, status?, status_text?}`, protocol.md 8.1). */
struct UserInfo
{
    UserId id;
    QString username;    ///< unique, case-insensitive, [A-Za-z0-9._-]{1,32}
    QString displayName; ///< free Unicode, 1..64 characters
    bool online = false;
    /**
     * `status` (protocol.md 16): "online", "away", "busy", "dnd" while connected, "offline" when not; empty when
     * the server did not send one (an older server): then only `online` is known.
     */
    QString status = {};
    QString statusText =
        {}; ///< `status_text`: the user's own words, at most protocol::kMaxStatusTextChars; may be empty

    QCborMap toCbor() const;
    /** nullopt and @p error set when a field is missing or of the wrong type. */
    static std::optional<UserInfo> fromCbor(const QCborMap& map, QString* error = nullptr);
    bool operator==(const UserInfo&) const = default;
};

} // namespace lanchat
