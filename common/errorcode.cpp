#include "errorcode.h"

#include <array>
#include <utility>

namespace lanchat {

namespace {

constexpr std::array<std::pair<ErrorCode, const char*>, 29> kNames{{
    {ErrorCode::Malformed, "malformed"},
    {ErrorCode::FrameTooLarge, "frame_too_large"},
    {ErrorCode::UnknownType, "unknown_type"},
    {ErrorCode::UnsupportedProtocol, "unsupported_protocol"},
    {ErrorCode::Unauthenticated, "unauthenticated"},
    {ErrorCode::Forbidden, "forbidden"},
    {ErrorCode::InvalidArgument, "invalid_argument"},
    {ErrorCode::BadCredentials, "bad_credentials"},
    {ErrorCode::UsernameTaken, "username_taken"},
    {ErrorCode::RegistrationDisabled, "registration_disabled"},
    {ErrorCode::NotFound, "not_found"},
    {ErrorCode::RateLimited, "rate_limited"},
    {ErrorCode::FileTooLarge, "file_too_large"},
    {ErrorCode::StorageFull, "storage_full"},
    {ErrorCode::HashMismatch, "hash_mismatch"},
    {ErrorCode::OffsetMismatch, "offset_mismatch"},
    {ErrorCode::AccountDisabled, "account_disabled"},
    {ErrorCode::TooManyConnections, "too_many_connections"},
    {ErrorCode::ServerShutdown, "server_shutdown"},
    {ErrorCode::Internal, "internal"},
    {ErrorCode::Cancelled, "cancelled"},
    {ErrorCode::Timeout, "timeout"},
    {ErrorCode::BadInvite, "bad_invite"},
    {ErrorCode::SessionRevoked, "session_revoked"},
    {ErrorCode::BadToken, "bad_token"},
    {ErrorCode::WindowExpired, "window_expired"},
    {ErrorCode::Recalled, "recalled"},
    {ErrorCode::BadImage, "bad_image"},
    {ErrorCode::DirectoryUnavailable, "directory_unavailable"},
}};

} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const auto& [c, name] : kNames) {
        if (c == code)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("unknown");
}

ErrorCode errorCodeFromName(const QString& name)
{
    for (const auto& [c, n] : kNames) {
        if (name == QLatin1String(n))
            return c;
    }
    return ErrorCode::Unknown;
}

} // namespace lanchat
