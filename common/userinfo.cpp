#include "userinfo.h"

#include "cborfieldreader.h"
#include "protocol.h"

namespace lanchat {

QCborMap UserInfo::toCbor() const
{
    QCborMap m;
    m.insert(QLatin1String("id"), id.value());
    m.insert(QLatin1String("username"), username);
    m.insert(QLatin1String("display_name"), displayName);
    m.insert(QLatin1String("online"), online);
    if (!status.isEmpty())
        m.insert(QLatin1String("status"), status);
    if (!statusText.isEmpty())
        m.insert(QLatin1String("status_text"), statusText);
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
    u.status = r.text("status", protocol::kMaxStatusNameBytes, false);
    u.statusText = r.text("status_text", protocol::kMaxStatusTextChars * 4, false);
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return u;
}

} // namespace lanchat
