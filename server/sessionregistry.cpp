#include "sessionregistry.h"

#include "session.h"

namespace lanchat {

SessionRegistry::SessionRegistry(QObject* parent)
    : QObject(parent)
{}

void SessionRegistry::add(Session* session)
{
    m_all.insert(session);
    connect(session, &Session::closed, this, &SessionRegistry::remove);
}

void SessionRegistry::login(Session* session, UserId user)
{
    // A login finished off the socket thread may complete for a connection that closed meanwhile: remove() has
    // run for it already and the object is about to be deleted, so listing it would leave a dangling session.
    if (session->isClosed() || !m_all.contains(session))
        return;
    if (session->isAuthenticated())
        logout(session);
    session->setUser(user);
    QList<Session*>& sessions = m_byUser[user];
    sessions.append(session);
    if (sessions.size() == 1)
        emit userOnline(user);
}

void SessionRegistry::logout(Session* session)
{
    const UserId user = session->user();
    if (!user.isValid())
        return;
    session->setUser(UserId());
    auto it = m_byUser.find(user);
    if (it == m_byUser.end())
        return;
    it->removeAll(session);
    if (it->isEmpty()) {
        m_byUser.erase(it);
        emit userOffline(user);
    }
}

void SessionRegistry::remove(Session* session)
{
    logout(session);
    m_all.remove(session);
}

int SessionRegistry::revokeSessions(UserId user, const Session* except, const QString& reason)
{
    int revoked = 0;
    const QList<Session*> sessions = m_byUser.value(user); // a copy: closing edits the list
    for (Session* session : sessions) {
        if (session == except)
            continue;
        session->closeWithError(ErrorCode::SessionRevoked, reason);
        ++revoked;
    }
    return revoked;
}

void SessionRegistry::pushToUsers(const QList<UserId>& users, const QByteArray& frame, const Session* except) const
{
    for (UserId user : users) {
        const auto it = m_byUser.constFind(user);
        if (it == m_byUser.cend())
            continue;
        const QList<Session*> sessions = *it; // a copy: a push may close a session
        for (Session* session : sessions) {
            if (session != except)
                session->push(frame);
        }
    }
}

void SessionRegistry::pushToAuthenticated(const QByteArray& frame, const Session* except) const
{
    const QHash<UserId, QList<Session*>> byUser = m_byUser; // a copy: a push may close a session
    for (const auto& sessions : byUser) {
        for (Session* session : sessions) {
            if (session != except)
                session->push(frame);
        }
    }
}

} // namespace lanchat
