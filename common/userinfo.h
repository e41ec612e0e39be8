#pragma once

#include "ids.h"

#include <QByteArray>
#include <QCborMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace lanchat {

/**
 * A user as others see it (wire: `{id, username, display_name, online}` and the optional fields of
 * docs/protocol.md 8.1: profile (15), status (16) and directory (18); absent on the wire = empty / false / invalid).
 */
struct UserInfo
{
    UserInfo() = default;
    /** The fields every peer sends; the optional ones (the profile, the status …) are set one by one. */
    UserInfo(UserId id, QString username, QString displayName, bool online)
        : id(id)
        , username(std::move(username))
        , displayName(std::move(displayName))
        , online(online)
    {}

    UserId id;
    QString username;    ///< unique, case-insensitive, [A-Za-z0-9._-]{1,32}
    QString displayName; ///< free Unicode, 1..64 characters
    bool online = false;
    QByteArray avatar;       ///< SHA-256 of the avatar picture (32 bytes); empty = none (initials are drawn)
    QString phone;           ///< empty = not set; at most protocol::kMaxPhoneChars characters
    QString email;           ///< empty = not set; at most protocol::kMaxEmailChars characters
    QString signature;       ///< one line; empty = not set; at most protocol::kMaxSignatureChars characters
    bool nameLocked = false; ///< the administrator locked the display name (profile_update may not change it)

    DepartmentId department = {}; ///< directory (protocol.md 18): absent on the wire / invalid: no department
    QString title = {};           ///< directory: job title, 0..64 characters; absent on the wire / empty: none
    /**
     * Own User map only (login and profile_update replies, feature `directory_profile`): the profile fields the
     * company directory keeps for this account (some of display_name, email, phone, avatar), which
     * profile_update refuses; empty: none.
     */
    QStringList directoryFields = {};
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
