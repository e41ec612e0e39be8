#pragma once

#include <QString>

#include <optional>

namespace lanchat {

struct ProfileUpdate;

/**
 * The rules of the profile text fields (docs/protocol.md 15.1): display_name 1..64 characters after trimming,
 * phone ≤ 32, email ≤ 254, signature ≤ 100 (characters are Unicode code points), none with a control character
 * (Unicode category Cc: line breaks and tabs included, the signature being one line) nor a line or paragraph
 * separator. Pure functions, any thread.
 */
class ProfileFields
{
public:
    /** nullopt when every field present in @p update follows the rules; else an English reason for the log. */
    static std::optional<QString> check(const ProfileUpdate& update);
    /** True if @p text has no control character and no U+2028/U+2029. */
    static bool isOneLine(const QString& text);
    /** Length in Unicode code points. */
    static qsizetype codePoints(const QString& text);
};

} // namespace lanchat
