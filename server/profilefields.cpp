#include "profilefields.h"

#include "messages/profilemessages.h"
#include "protocol.h"

namespace lanchat {

namespace {

std::optional<QString> checkField(const char* name, const std::optional<QString>& value, int maxChars)
{
    if (!value)
        return std::nullopt;
    if (ProfileFields::codePoints(*value) > maxChars)
        return QStringLiteral("field '%1': longer than %2 characters").arg(QLatin1String(name)).arg(maxChars);
    if (!ProfileFields::isOneLine(*value))
        return QStringLiteral("field '%1': control characters").arg(QLatin1String(name));
    return std::nullopt;
}

} // namespace

std::optional<QString> ProfileFields::check(const ProfileUpdate& update)
{
    if (update.displayName && update.displayName->trimmed().isEmpty())
        return QStringLiteral("field 'display_name': empty");
    if (auto error = checkField("display_name", update.displayName, protocol::kMaxNameChars))
        return error;
    if (auto error = checkField("phone", update.phone, protocol::kMaxPhoneChars))
        return error;
    if (auto error = checkField("email", update.email, protocol::kMaxEmailChars))
        return error;
    return checkField("signature", update.signature, protocol::kMaxSignatureChars);
}

bool ProfileFields::isOneLine(const QString& text)
{
    for (const char32_t c : text.toUcs4()) {
        if (QChar::category(c) == QChar::Other_Control || c == 0x2028 || c == 0x2029)
            return false;
    }
    return true;
}

qsizetype ProfileFields::codePoints(const QString& text)
{
    return text.toUcs4().size();
}

} // namespace lanchat
