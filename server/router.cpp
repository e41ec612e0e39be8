#include "router.h"

#include "logging.h"
#include "session.h"

namespace lanchat {

void Router::add(const QString& type, Handler handler, Access access)
{
    m_routes.insert(type, Route{std::move(handler), access});
}

void Router::dispatch(Session& session, const QString& type, const QCborMap& request, quint64 id) const
{
    const auto it = m_routes.constFind(type);
    if (it == m_routes.cend()) {
        session.replyError(id, ErrorCode::UnknownType, QStringLiteral("unknown message type '%1'").arg(logText(type)));
        return;
    }
    if (it->access == Access::Authenticated && !session.isAuthenticated()) {
        session.replyError(id, ErrorCode::Unauthenticated, QStringLiteral("log in first"));
        return;
    }
    it->handler(session, request, id);
}

} // namespace lanchat
