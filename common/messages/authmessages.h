#pragma once

// The catalogue of handshake and account messages (docs/protocol.md, "Handshake" and "Accounts").
// Each struct is one message type: kType is its `t`, encode() builds the map without `id`
// (the sender's request tracker adds it), decode() validates a received map.

#include "../userinfo.h"

#include <QCborMap>
#include <QStringList>

#include <optional>

namespace lanchat {

/** `hello {protocol, client, features}`: first frame from the client. Reply: Welcome or error. */
struct Hello
{
    static constexpr const char* kType = "hello";
    quint32 protocol = 0;
    QString client;       ///< free text, e.g. "lanchat-desktop/0.1"
    QStringList features; ///< feature flags the client supports
    QCborMap encode() const;
    static std::optional<Hello> decode(const QCborMap& map, QString* error);
};

/** `welcome {protocol, server, features, max_frame, server_time}`: the reply to hello. */
struct Welcome
{
    static constexpr const char* kType = "welcome";
    quint32 protocol = 0;
    QString server;          ///< server name from config
    QStringList features;    ///< feature flags the server supports
    quint32 maxFrame = 0;    ///< largest frame payload in bytes the server accepts
    qint64 serverTimeMs = 0; ///< ms since epoch, UTC
    /**
     * Self sign-up on this server: "off" (the admin creates accounts), "open", or "invite" (register needs the
     * invite code). Empty when an older server sent no such field; treat it as unknown, not as open.
     */
    QString registration;
    /** Largest file the server accepts (file_offer size), bytes; 0 when an older server did not say. */
    qint64 maxFileBytes = 0;
    /** With feature `recall_edit`: how long a sender may recall their message, seconds; 0 when not said. */
    qint64 recallWindowSeconds = 0;
    /** With feature `recall_edit`: how long a sender may edit their text message, seconds; 0 when not said. */
    qint64 editWindowSeconds = 0;
    QCborMap encode() const;
    static std::optional<Welcome> decode(const QCborMap& map, QString* error);
};

/**
 * `register {username, password, display_name, invite?}` → AuthOk; errors: username_taken, registration_disabled,
 * bad_invite, rate_limited, invalid_argument.
 */
struct Register
{
    static constexpr const char* kType = "register";
    QString username;
    QString password;
    QString displayName;
    QString invite;        ///< the site's invite code when Welcome::registration is "invite"; at most 256 bytes
    bool remember = false; ///< also issue a device token, as Login::remember
    QString deviceName{};  ///< with remember, as Login::deviceName
    QCborMap encode() const;
    static std::optional<Register> decode(const QCborMap& map, QString* error);
};

/** `login {username, password}` → AuthOk; errors: bad_credentials, account_disabled, rate_limited. */
struct Login
{
    static constexpr const char* kType = "login";
    QString username;
    QString password;         ///< empty (absent on the wire) when logging in with deviceToken
    bool remember = false;    ///< ask for a device token in the reply (servers with the device_tokens feature)
    QString deviceName{};     ///< with remember: shown to the admin in `user tokens`, 1..64 characters
    QByteArray deviceToken{}; ///< log in with this token (kDeviceTokenBytes) instead of the password
    QCborMap encode() const;
    static std::optional<Login> decode(const QCborMap& map, QString* error);
};

/**
 * `ok {user, last_seq, device_token?}`: the reply to register and login; last_seq is the newest seq on the server;
 * device_token is the new token of a login with remember or with a device token (the one sent is then used up).
 */
struct AuthOk
{
    UserInfo user;
    Seq lastSeq = 0;
    QByteArray deviceToken{}; ///< empty when none was issued
    QCborMap encode() const;
    static std::optional<AuthOk> decode(const QCborMap& map, QString* error);
};

/** `change_password {old_password, new_password}` → ok; errors: bad_credentials, invalid_argument. */
struct ChangePassword
{
    static constexpr const char* kType = "change_password";
    QString oldPassword;
    QString newPassword;
    QCborMap encode() const;
    static std::optional<ChangePassword> decode(const QCborMap& map, QString* error);
};

} // namespace lanchat
