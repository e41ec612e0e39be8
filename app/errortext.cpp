#include "errortext.h"

#include "transfermanager.h"

namespace lanchat {

QString ErrorText::message(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Malformed:
    case ErrorCode::FrameTooLarge:
    case ErrorCode::UnknownType:
        return tr("The server did not understand this program. Please update LanChat.");
    case ErrorCode::UnsupportedProtocol:
        return tr("This LanChat version cannot talk to the server. Please update LanChat or the server.");
    case ErrorCode::Unauthenticated:
        return tr("You are not logged in. Please log in again.");
    case ErrorCode::Forbidden:
        return tr("You are not allowed to do this.");
    case ErrorCode::InvalidArgument:
        return tr("Some of the entered information is not valid.");
    case ErrorCode::BadCredentials:
        return tr("Wrong user name or password.");
    case ErrorCode::UsernameTaken:
        return tr("This user name is already taken. Please choose another one.");
    case ErrorCode::RegistrationDisabled:
        return tr("Sign-up is turned off on this server. Ask your administrator for an account.");
    case ErrorCode::BadInvite:
        return tr("The invite code is missing or wrong. Ask your administrator for the current one.");
    case ErrorCode::SessionRevoked:
        return tr("You were logged out: your password was changed, or you logged out your other devices. Log in "
                  "again.");
    case ErrorCode::BadToken:
        return tr("You were logged out on this computer (logged out elsewhere, password changed or the login "
                  "expired). Please enter your password.");
    case ErrorCode::NotFound:
        return tr("It does not exist (any more).");
    case ErrorCode::RateLimited:
        return tr("Too many attempts. Please wait a moment and try again.");
    case ErrorCode::FileTooLarge:
        return tr("The file is larger than the server accepts.");
    case ErrorCode::StorageFull:
        return tr("The server's disk is full. Ask your administrator to free space.");
    case ErrorCode::HashMismatch:
        return tr("The file arrived damaged (checksum mismatch). Please retry.");
    case ErrorCode::OffsetMismatch:
        return tr("The transfer got out of step. Please retry.");
    case ErrorCode::AccountDisabled:
        return tr("Your account has been disabled. Ask your administrator.");
    case ErrorCode::TooManyConnections:
        return tr("The server has too many connections right now. Please try again later.");
    case ErrorCode::ServerShutdown:
        return tr("The server is restarting. LanChat will reconnect by itself.");
    case ErrorCode::Internal:
        return tr("The server had an internal problem. Nothing was saved; please try again.");
    case ErrorCode::Cancelled:
        return tr("The transfer was cancelled.");
    case ErrorCode::Timeout:
        return tr("The server did not answer in time.");
    case ErrorCode::WindowExpired:
        return tr("It is too late to recall or edit this message.");
    case ErrorCode::Recalled:
        return tr("This message was recalled.");
    case ErrorCode::BadImage:
        return tr("This picture cannot be used: choose a PNG or JPEG image of at most 4096 × 4096 pixels.");
    case ErrorCode::Unknown:
        break;
    }
    return tr("An unexpected error occurred.");
}

QString ErrorText::message(const QString& codeName)
{
    if (codeName == QLatin1String(TransferManager::kSymlinkRefused))
        return tr("Not saved: the file's name in the download folder is a symbolic link, and LanChat does not write "
                  "through links.");
    const ErrorCode code = errorCodeFromName(codeName);
    if (code == ErrorCode::Unknown && !codeName.isEmpty()) {
        //: %1 is a technical error code such as "quota_exceeded"
        return tr("An unexpected error occurred (%1).").arg(codeName);
    }
    return message(code);
}

QString ErrorText::unreachable(const QString& detail)
{
    if (detail.isEmpty())
        return tr("Cannot reach the server. Check the address and your network.");
    //: %1 is the operating system's (English) description of the network error
    return tr("Cannot reach the server. Check the address and your network. (%1)").arg(detail);
}

} // namespace lanchat
