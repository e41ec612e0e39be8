#pragma once

#include "ids.h"

#include <QCborMap>
#include <QString>

#include <optional>

namespace lanchat {

/** A user as others see it (wire: `{id, username, display_name, online, department?, title?}`, protocol.md 8.1). */
struct UserInfo
{
    UserId id;
    QString username;    ///< unique, case-insensitive, [A-Za-z0-9._-]{1,32}
    QString displayName; ///< free Unicode, 1..64 characters
    bool online = false;
    DepartmentId department = {}; ///< directory (protocol.md 18): absent on the wire / invalid: no department
    QString title = {};           ///< directory: job title, 0..64 characters; absent on the wire / empty: none

    QCborMap toCbor() const;
    /** nullopt and @p error set when a field is missing or of the wrong type. */
    static std::optional<UserInfo> fromCbor(const QCborMap& map, QString* error = nullptr);
    bool operator==(const UserInfo&) const = default;
};

} // namespace lanchat
