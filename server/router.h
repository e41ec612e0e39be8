#pragma once

#include <QCborMap>
#include <QHash>
#include <QString>

#include <functional>

namespace lanchat {

class Session;

/** Who may send a request type. */
enum class Access
{
    Public,        ///< allowed before login (hello, register, login, ping)
    Authenticated, ///< needs a logged-in session, else `unauthenticated`
};

/**
 * Maps a request's `t` to its handler. Handlers are registered once at start-up (AuthHandlers, ChatHandlers,
 * GroupHandlers, and the file handlers of server/files/) and called by Session for every decoded request.
 *
 * dispatch() is the only gate in front of a handler: unknown `t` → `unknown_type` (the connection stays),
 * Authenticated type on a session that is not logged in → `unauthenticated`. Everything else (membership,
 * ownership, argument validation) is the handler's own first statement, as a plain function call.
 * Not thread-safe; lives on the server thread.
 */
class Router
{
public:
    /**
     * A request handler. @p request is the whole map (`t`, `id`, fields); @p id is its `id`. The handler
     * answers exactly once, now or later (after a group commit), with Session::reply() or replyError().
     */
    using Handler = std::function<void(Session& session, const QCborMap& request, quint64 id)>;

    /** Registers @p handler for @p type; a second registration of the same type replaces the first. */
    void add(const QString& type, Handler handler, Access access = Access::Authenticated);
    bool contains(const QString& type) const { return m_routes.contains(type); }

    /** Runs the access gate and the handler for @p request (whose `t` is @p type). */
    void dispatch(Session& session, const QString& type, const QCborMap& request, quint64 id) const;

private:
    struct Route
    {
        Handler handler;
        Access access = Access::Authenticated;
    };
    QHash<QString, Route> m_routes;
};

} // namespace lanchat
