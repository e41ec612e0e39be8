#pragma once

#include "errorcode.h"
#include "serverconfig.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace lanchat {

/**
 * Who may create an account with `register` (docs/protocol.md, "register"; docs/admin.md, "Sign-up"): nobody
 * (Registration::Off, the default: the admin creates accounts), anyone who can reach the server (Open), or
 * whoever knows the site's invite code (Invite). A view of a ServerConfig, so a SIGHUP reload of the config
 * takes effect at the next request; cheap to construct. Server thread only.
 */
class RegistrationPolicy
{
public:
    /** A refused sign-up: the error code for the reply and its English message. */
    struct Refusal
    {
        ErrorCode code;
        QString message;
    };

    /** Longest invite code, bytes: the protocol's limit of `register.invite`. */
    static constexpr qsizetype kMaxInviteBytes = 256;

    /** @p config must outlive the policy. */
    explicit RegistrationPolicy(const ServerConfig& config);

    /** `welcome.registration`: "off", "open" or "invite". */
    QString modeName() const;
    /**
     * Nothing when a sign-up with @p invite (empty: none given) may go ahead, otherwise why not:
     * `registration_disabled` when sign-up is off, `bad_invite` when it needs an invite code and @p invite is
     * not it. The code is compared in constant time (no timing tells how much of a guess was right).
     */
    std::optional<Refusal> check(const QString& invite) const;

    /** "off" / "open" / "invite" for @p mode, and back (nothing for any other text; case-insensitive). */
    static QString modeName(ServerConfig::Registration mode);
    static std::optional<ServerConfig::Registration> parseMode(const QString& text);
    /**
     * Reads the invite code from @p path: the file's text without surrounding white space, 1..kMaxInviteBytes
     * bytes. Returns false with @p error (English, for the admin) when the file cannot be read, is empty or too
     * long, or is readable by every user on the machine (the code would not be secret; chmod 600 or 640).
     * The error is translated (context lanchat::ServerConfig, like every config error).
     */
    static bool readInviteCode(const QString& path, QByteArray* code, QString* error);

private:
    const ServerConfig& m_config;
};

} // namespace lanchat
