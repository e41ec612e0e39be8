#include "userinfo.h"

#include "cborfieldreader.h"
#include "protocol.h"

#include <QCborArray>

namespace lanchat {

QCborMap UserInfo::toCbor() const
{
    QCborMap m;
    m.insert(QLatin1String("id"), id.value());
    m.insert(QLatin1String("username"), username);
    m.insert(QLatin1String("display_name"), displayName);
    m.insert(QLatin1String("online"), online);
    // Profile fields only when set: old peers and small frames for the many users without a profile.
    if (!avatar.isEmpty())
        m.insert(QLatin1String("avatar"), avatar);
    if (!phone.isEmpty())
        m.insert(QLatin1String("phone"), phone);
    if (!email.isEmpty())
        m.insert(QLatin1String("email"), email);
    if (!signature.isEmpty())
        m.insert(QLatin1String("signature"), signature);
    if (nameLocked)
        m.insert(QLatin1String("name_locked"), true);
    if (department.isValid())
        m.insert(QLatin1String("department"), department.value());
    if (!title.isEmpty())
        m.insert(QLatin1String("title"), title);
    if (!status.isEmpty())
        m.insert(QLatin1String("status"), status);
    if (!statusText.isEmpty())
        m.insert(QLatin1String("status_text"), statusText);
    if (!directoryFields.isEmpty())
        m.insert(QLatin1String("directory_fields"), QCborArray::fromStringList(directoryFields));
    return m;
}

std::optional<UserInfo> UserInfo::fromCbor(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    UserInfo u;
    u.id = UserId(r.uint("id"));
    u.username = r.text("username", protocol::kMaxUsernameChars * 4);
    u.displayName = r.text("display_name", protocol::kMaxNameChars * 4);
    u.online = r.boolean("online", false);
    u.avatar = r.bytes("avatar", protocol::kAvatarHashBytes, false, protocol::kAvatarHashBytes);
    u.phone = r.text("phone", protocol::kMaxPhoneChars * 4, false);
    u.email = r.text("email", protocol::kMaxEmailChars * 4, false);
    u.signature = r.text("signature", protocol::kMaxSignatureChars * 4, false);
    u.nameLocked = r.boolean("name_locked", false);
    u.department = DepartmentId(r.uint("department", false));
    u.title = r.text("title", protocol::kMaxTitleChars * 4, false);
    u.status = r.text("status", protocol::kMaxStatusNameBytes, false);
    u.statusText = r.text("status_text", protocol::kMaxStatusTextChars * 4, false);
    u.directoryFields = r.textList("directory_fields", protocol::kMaxDirectoryFields, 32, false);
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return u;
}

} // namespace lanchat
