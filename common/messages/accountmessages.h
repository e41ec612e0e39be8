#pragma once

// The user's own sessions and remembered devices (docs/protocol.md 17).

#include <QCborMap>
#include <QList>
#include <QString>

#include <optional>

namespace lanchat {

/** One logged-in session of the requester, as `account_sessions` lists it. */
struct AccountSession
{
    bool current = false;  ///< the session that asked
    QString client;        ///< the `client` text of its hello, e.g. "lanchat-desktop/0.1"; may be empty
    QString device;        ///< the remembered device's name when it logged in with or was issued a token; else empty
    QString address;       ///< the peer's IP address (no port)
    qint64 sinceMs = 0;    ///< when it logged in, ms since epoch UTC
    qint64 lastSeenMs = 0; ///< when the server last received a frame from it, ms since epoch UTC
    QCborMap toCbor() const;
    static std::optional<AccountSession> fromCbor(const QCborMap& map, QString* error = nullptr);
};

/** One remembered device ("stay logged in") of the requester, as `account_sessions` lists it. */
struct AccountDevice
{
    qint64 id = 0;         ///< the server's id of the device
    QString name;          ///< as the client named it at login, 1..64 characters
    qint64 createdMs = 0;  ///< the password login that remembered it, ms since epoch UTC
    qint64 lastUsedMs = 0; ///< its latest login with a token, ms since epoch UTC
    bool current = false;  ///< the device of the session that asked
    QCborMap toCbor() const;
    static std::optional<AccountDevice> fromCbor(const QCborMap& map, QString* error = nullptr);
};

/** `ok {sessions, devices}`: the reply to `account_sessions` (a request without fields). */
struct AccountSessionsOk
{
    static constexpr const char* kRequestType = "account_sessions";
    QList<AccountSession> sessions; ///< oldest login first
    QList<AccountDevice> devices;   ///< oldest first
    QCborMap encode() const;
    static std::optional<AccountSessionsOk> decode(const QCborMap& map, QString* error);
};

/** `ok {sessions, devices}`: the reply to `logout_others` (a request without fields): how many were ended. */
struct LogoutOthersOk
{
    static constexpr const char* kRequestType = "logout_others";
    int sessions = 0; ///< other sessions closed with session_revoked
    int devices = 0;  ///< other remembered devices forgotten
    QCborMap encode() const;
    static std::optional<LogoutOthersOk> decode(const QCborMap& map, QString* error);
};

} // namespace lanchat
