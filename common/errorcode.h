#pragma once

#include <QString>

namespace lanchat {

/**
 * Stable error codes carried in `error` replies as snake_case strings (docs/protocol.md, "Error codes").
 * Append only: a code is never renamed or reused. Clients translate codes, never the English message.
 */
enum class ErrorCode
{
    Malformed,            ///< malformed: not CBOR, not a map, no `t`; the connection is closed
    FrameTooLarge,        ///< frame_too_large: length prefix above max_frame; the connection is closed
    UnknownType,          ///< unknown_type: unknown `t`; the connection stays open
    UnsupportedProtocol,  ///< unsupported_protocol: hello with an incompatible protocol version
    Unauthenticated,      ///< unauthenticated: request needs a logged-in session
    Forbidden,            ///< forbidden: logged in, but not allowed (not a member, not the owner)
    InvalidArgument,      ///< invalid_argument: missing field, wrong type, out of range, invalid UTF-8
    BadCredentials,       ///< bad_credentials: wrong username or password (never says which)
    UsernameTaken,        ///< username_taken: registration with an existing (case-insensitive) name
    RegistrationDisabled, ///< registration_disabled: self-registration is switched off
    NotFound,             ///< not_found: the user, conversation, file or transfer does not exist
    RateLimited,          ///< rate_limited: too many requests or login attempts; retry later
    FileTooLarge,         ///< file_too_large: file_offer above the server's maximum file size
    StorageFull,          ///< storage_full: disk full or store quota reached
    HashMismatch,         ///< hash_mismatch: the received bytes do not match the announced SHA-256
    OffsetMismatch,       ///< offset_mismatch: a chunk not at the offset the server expects
    AccountDisabled,      ///< account_disabled: the admin disabled the account
    TooManyConnections,   ///< too_many_connections: per-IP or total connection limit reached
    ServerShutdown,       ///< server_shutdown: the server is stopping; reconnect later
    Internal,             ///< internal: server-side failure (database error); nothing was committed
    Cancelled,            ///< cancelled: the transfer was cancelled by a participant
    Timeout,              ///< timeout: nothing received within the handshake or heartbeat time
    BadInvite,            ///< bad_invite: sign-up needs an invite code and the one given is missing or wrong
    SessionRevoked,       ///< session_revoked: the password was changed or reset; this session is closed
    BadToken,             ///< bad_token: the device token is unknown, expired, already used or revoked
    WindowExpired,        ///< window_expired: the sender's recall or edit window of the message has passed
    Recalled,             ///< recalled: the message (or the file it carried) was recalled; its content is gone
    BadImage,             ///< bad_image: an avatar that is not a PNG/JPEG picture or whose dimensions are out of range
    Unknown,              ///< any code this build does not know (newer peer); never sent
};

/** The wire form of @p code, e.g. "frame_too_large". */
QString errorCodeName(ErrorCode code);

/** Parses a wire code; returns ErrorCode::Unknown for codes this build does not know. */
ErrorCode errorCodeFromName(const QString& name);

} // namespace lanchat
