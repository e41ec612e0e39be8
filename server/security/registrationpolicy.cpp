#include "registrationpolicy.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>

namespace lanchat {

namespace {

/** Equal contents, in time independent of where they differ; both sides are hashed so lengths do not show. */
bool constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    const QByteArray ha = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
    const QByteArray hb = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    unsigned char diff = 0;
    for (qsizetype i = 0; i < ha.size(); ++i)
        diff |= static_cast<unsigned char>(ha.at(i) ^ hb.at(i));
    return diff == 0;
}

} // namespace

RegistrationPolicy::RegistrationPolicy(const ServerConfig& config)
    : m_config(config)
{}

QString RegistrationPolicy::modeName() const
{
    return modeName(m_config.registration);
}

std::optional<RegistrationPolicy::Refusal> RegistrationPolicy::check(const QString& invite) const
{
    switch (m_config.registration) {
    case ServerConfig::Registration::Open:
        return std::nullopt;
    case ServerConfig::Registration::Invite:
        // An empty configured code never matches: fromIni refuses one, and a config built in code must not
        // turn "invite" into "open" by accident.
        if (!m_config.inviteCode.isEmpty() && constantTimeEquals(invite.toUtf8(), m_config.inviteCode))
            return std::nullopt;
        return Refusal{ErrorCode::BadInvite, invite.isEmpty() ? QStringLiteral("sign-up needs an invite code")
                                                              : QStringLiteral("wrong invite code")};
    case ServerConfig::Registration::Off:
        break;
    }
    return Refusal{ErrorCode::RegistrationDisabled,
                   QStringLiteral("sign-up is off on this server; the administrator creates accounts")};
}

QString RegistrationPolicy::modeName(ServerConfig::Registration mode)
{
    switch (mode) {
    case ServerConfig::Registration::Open:
        return QStringLiteral("open");
    case ServerConfig::Registration::Invite:
        return QStringLiteral("invite");
    case ServerConfig::Registration::Off:
        break;
    }
    return QStringLiteral("off");
}

std::optional<ServerConfig::Registration> RegistrationPolicy::parseMode(const QString& text)
{
    const QString mode = text.trimmed().toLower();
    if (mode == QLatin1String("off"))
        return ServerConfig::Registration::Off;
    if (mode == QLatin1String("open"))
        return ServerConfig::Registration::Open;
    if (mode == QLatin1String("invite"))
        return ServerConfig::Registration::Invite;
    return std::nullopt;
}

bool RegistrationPolicy::readInviteCode(const QString& path, QByteArray* code, QString* error)
{
    QFile file(path);
    if (file.permissions() & QFileDevice::ReadOther) {
        //: %1 is a file path; chmod 600 is a command, typed as it is
        *error = QCoreApplication::translate("lanchat::ServerConfig",
                                             "invite_code_file %1 is readable by every user; make it readable by "
                                             "the server only (chmod 600)")
                     .arg(path);
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        //: %1 is a file path, %2 the system's reason
        *error = QCoreApplication::translate("lanchat::ServerConfig", "cannot read invite_code_file %1: %2")
                     .arg(path, file.errorString());
        return false;
    }
    // Bounded: the longest code with generous white space around it fits; anything longer is refused below.
    const QByteArray text = file.read(kMaxInviteBytes * 4 + 1).trimmed();
    if (text.isEmpty() || text.size() > kMaxInviteBytes) {
        //: %1 is a file path, %2 a number of bytes
        *error =
            QCoreApplication::translate("lanchat::ServerConfig", "invite_code_file %1: the code must be 1..%2 bytes")
                .arg(path)
                .arg(kMaxInviteBytes);
        return false;
    }
    *code = text;
    return true;
}

} // namespace lanchat
