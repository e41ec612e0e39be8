#pragma once

#include "errorcode.h"
#include "ids.h"
#include "userinfo.h"

#include <QCborMap>
#include <QObject>
#include <QString>

namespace lanchat {

class ClientConnection;

/**
 * Logs in — and logs in again after every reconnect — with credentials kept in memory only (never
 * written anywhere, never logged). The first attempt may be a `register`; later ones are `login`.
 * Refused credentials are forgotten so that a reconnect does not repeat them (and does not feed the
 * server's failed-login throttle). Lives in the ChatClient's thread.
 */
class Authenticator : public QObject
{
    Q_OBJECT

public:
    /** @p connection must outlive the authenticator; on each of its ready() signals we log in. */
    explicit Authenticator(ClientConnection* connection, QObject* parent = nullptr);
    ~Authenticator() override;

    /**
     * Registers (then logs in) now if the connection is ready, else as soon as it is; @p invite goes into
     * `register.invite` when not empty. Calling it again with the same arguments while the request is on its
     * way sends nothing more.
     */
    void registerAccount(const QString& username, const QString& password, const QString& displayName,
                         const QString& invite = {});
    /** Logs in now if the connection is ready, else as soon as it is (once, as registerAccount()). */
    void login(const QString& username, const QString& password);
    /** Forgets the credentials: no automatic login until the next login()/registerAccount(). */
    void forget();
    /** The password changed on the server (change_password): the next automatic login uses it. */
    void setPassword(const QString& password) { m_password = password; }

Q_SIGNALS:
    /** The server accepted: @p user as the server knows it, @p serverLastSeq its newest seq. */
    void authenticated(const lanchat::UserInfo& user, lanchat::Seq serverLastSeq);
    /** The server refused with @p code (bad_credentials, username_taken …); @p detail is its English message. */
    void refused(lanchat::ErrorCode code, const QString& detail);

private:
    enum class Mode
    {
        None,
        Login,
        Register,
    };

    void send();
    void onReply(const QCborMap& reply);

    ClientConnection* m_connection;
    Mode m_mode = Mode::None;
    QString m_username;
    QString m_password;
    QString m_displayName;
    QString m_invite;
    quint64 m_pendingRequest = 0; // id of the login/register on its way, 0 if none
};

} // namespace lanchat
