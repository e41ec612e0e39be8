#include "grouprolemessages.h"

#include "messagecodec.h"

namespace lanchat {

using detail::finish;
using detail::typed;

QCborMap GroupRoleRequest::encode() const
{
    QCborMap m = typed(type.toLatin1().constData());
    m.insert(QLatin1String("conversation"), conversation.value());
    if (user.isValid())
        m.insert(QLatin1String("user"), user.value());
    if (type == QLatin1String(kSetRole))
        m.insert(QLatin1String("role"), role);
    return m;
}

std::optional<GroupRoleRequest> GroupRoleRequest::decode(const QCborMap& map, QString* error)
{
    CborFieldReader r(map);
    GroupRoleRequest x;
    x.type = r.text("t", 32);
    x.conversation = ConversationId(r.uint("conversation"));
    const bool setRole = x.type == QLatin1String(kSetRole);
    x.user = UserId(r.uint("user", setRole || x.type == QLatin1String(kTransfer)));
    x.role = r.text("role", 16, setRole);
    if (r.ok() && setRole && x.role != QLatin1String(kAdmin) && x.role != QLatin1String(kMember)) {
        if (error)
            *error = QStringLiteral("role must be \"admin\" or \"member\"");
        return std::nullopt;
    }
    return finish(r, std::move(x), error);
}

} // namespace lanchat
