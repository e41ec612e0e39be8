#pragma once

#include "userinfo.h"

#include <QByteArray>

#include <optional>

namespace lanchat {

class SessionRegistry;
class Storage;
struct UserProfile;
struct UserRecord;

/**
 * Builds the User map (docs/protocol.md 8.1) other users see, from the account row and its profile (schema 11),
 * and the `user` push that announces a change of it. One place, so `users`, login, registration, admin changes
 * and profile updates all send the same fields. Server thread.
 */
class UserInfoFactory
{
public:
    static UserInfo make(const UserRecord& record, const UserProfile& profile, bool online);
    /** The User map of @p user as stored now; nullopt if there is no such account or on a database error. */
    static std::optional<UserInfo> load(Storage& storage, const SessionRegistry& sessions, UserId user);
    /** The frame of a `user` push carrying @p info. */
    static QByteArray pushFrame(const UserInfo& info);
};

} // namespace lanchat
