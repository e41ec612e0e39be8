#pragma once

#include "ids.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

namespace lanchat {

class Session;

/**
 * Every open session, and the logged-in ones by user (multi-device: one user may have several sessions).
 * A user is online from the login of their first session to the logout/close of their last one;
 * userOnline()/userOffline() fire on those edges only. Sessions are removed automatically when closed.
 * Not thread-safe; lives on the server thread.
 */
class SessionRegistry : public QObject
{
    Q_OBJECT
public:
    explicit SessionRegistry(QObject* parent = nullptr);

    /** Tracks a new connection; it is removed (and logged out) when it emits closed(). */
    void add(Session* session);
    /** Marks @p session as logged in as @p user (Session::setUser is called too). */
    void login(Session* session, UserId user);
    /** Marks @p session as logged out (connection stays). */
    void logout(Session* session);

    bool isOnline(UserId user) const { return m_byUser.contains(user); }
    QList<Session*> sessionsOf(UserId user) const { return m_byUser.value(user); }
    QList<Session*> all() const { return m_all.values(); }
    int connectionCount() const { return int(m_all.size()); }
    int onlineUserCount() const { return int(m_byUser.size()); }

    /**
     * Ends the sessions of @p user except @p except (may be null: all of them) after a password change or reset
     * or `logout_others`: each gets the connection-level error `session_revoked` (with @p reason, English, as its
     * message) and is closed. Returns how many were closed.
     */
    int revokeSessions(UserId user, const Session* except,
                       const QString& reason = QStringLiteral("the account's password was changed; log in again"));

    /** Writes @p frame to every session of every user in @p users except @p except. The frame is shared, not copied. */
    void pushToUsers(const QList<UserId>& users, const QByteArray& frame, const Session* except = nullptr) const;
    /** Writes @p frame to every logged-in session except @p except. */
    void pushToAuthenticated(const QByteArray& frame, const Session* except = nullptr) const;

signals:
    void userOnline(lanchat::UserId user);
    void userOffline(lanchat::UserId user);

private:
    void remove(Session* session);

    QSet<Session*> m_all;
    QHash<UserId, QList<Session*>> m_byUser;
};

} // namespace lanchat
