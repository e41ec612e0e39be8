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
 * server's failed-login throttle).
 *
 * Device tokens ("stay logged in", docs/protocol.md "Device tokens"): a login with @c stayLoggedIn asks the server
 * for one; once a token is held, the password is dropped from memory and every later login (reconnects) uses the
 * token, which the server replaces each time: deviceTokenChanged() hands each new one to whoever stores it.
 * Lives in the ChatClient's thread.
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
                         const QString& invite = {}, bool stayLoggedIn = false, const QString& deviceName = {});
    /**
     * Logs in now if the connection is ready, else as soon as it is (once, as registerAccount()); with
     * @p stayLoggedIn, asks for a device token for this device, named @p deviceName (1..64 characters).
     */
    void login(const QString& username, const QString& password, bool stayLoggedIn = false,
               const QString& deviceName = {});
    /** Logs in with a device token (protocol::kDeviceTokenBytes) from an earlier deviceTokenChanged(). */
    void loginWithToken(const QString& username, const QByteArray& token);
    /** Drops the device token held (after a password change the server has forgotten it anyway). */
    void dropToken() { m_token.clear(); }
    /** Forgets the credentials: no automatic login until the next login()/registerAccount(). */
    void forget();
    /** The password changed on the server (change_password): the next automatic login uses it. */
    void setPassword(const QString& password) { m_password = password; }

Q_SIGNALS:
    /** The server accepted: @p user as the server knows it, @p serverLastSeq its newest seq. */
    void authenticated(const lanchat::UserInfo& user, lanchat::Seq serverLastSeq);
    /** The server refused with @p code (bad_credentials, username_taken …); @p detail is its English message. */
    void refused(lanchat::ErrorCode code, const QString& detail);
    /** The server issued @p token for this device (it replaces any earlier one, which no longer works). */
    void deviceTokenChanged(const QByteArray& token);

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
    bool m_stayLoggedIn = false;
    QString m_deviceName;
    QByteArray m_token;           ///< when set, logins use it instead of the password
    quint64 m_pendingRequest = 0; // id of the login/register on its way, 0 if none
};

} // namespace lanchat
