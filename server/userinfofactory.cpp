#include "userinfofactory.h"

#include "framecodec.h"
#include "messages/chatmessages.h"
#include "sessionregistry.h"
#include "storage/storage.h"

#include <QCborMap>

namespace lanchat {

UserInfo UserInfoFactory::make(const UserRecord& record, const UserProfile& profile, bool online)
{
    UserInfo info{record.id, record.username, record.displayName, online};
    info.avatar = profile.avatar;
    info.phone = profile.phone;
    info.email = profile.email;
    info.signature = profile.signature;
    info.nameLocked = profile.nameLocked;
    return info;
}

std::optional<UserInfo> UserInfoFactory::load(Storage& storage, const SessionRegistry& sessions, UserId user)
{
    const std::optional<UserRecord> record = storage.userById(user);
    if (!record)
        return std::nullopt;
    UserInfo info = make(*record, storage.userProfile(user).value_or(UserProfile{}), sessions.isOnline(user));
    // A `user` push replaces the whole map on the client: without its place the person would leave their department.
    if (const std::optional<Placement> placed = storage.directory().placement(user)) {
        info.department = placed->department;
        info.title = placed->title;
    }
    return info;
}

QByteArray UserInfoFactory::pushFrame(const UserInfo& info)
{
    // Nested: a push never has a top-level `id` (that would read as a reply).
    QCborMap push;
    push.insert(QLatin1String("t"), QLatin1String(msgtype::kUserPush));
    push.insert(QLatin1String("user"), info.toCbor());
    return FrameCodec::encode(push);
}

} // namespace lanchat
