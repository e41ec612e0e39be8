#pragma once

// A user's status and status text (docs/protocol.md 16).

#include <QCborMap>
#include <QString>

#include <optional>

namespace lanchat {

/** The status names of the wire (protocol.md 16). "offline" is only ever reported, never set. */
namespace status {
inline constexpr const char* kOnline = "online";
inline constexpr const char* kAway = "away";
inline constexpr const char* kBusy = "busy";
inline constexpr const char* kDnd = "dnd";
inline constexpr const char* kOffline = "offline";
/** True for the statuses a user may choose with set_status: online, away, busy, dnd. */
bool isSettable(const QString& name);
/**
 * True if @p text may be a status text: at most protocol::kMaxStatusTextChars characters (code points) and no
 * control character (Unicode category Cc, line and paragraph separators). The empty text is valid (no text).
 */
bool isValidText(const QString& text);
} // namespace status

/**
 * `set_status {status, status_text?}` → `ok {}`: sets the requester's status (online, away, busy, dnd) and status
 * text (absent or empty: none; surrounding whitespace is dropped). Errors: invalid_argument (another status
 * name, a text too long or with control characters), internal.
 */
struct SetStatus
{
    static constexpr const char* kType = "set_status";
    QString status;
    QString statusText;
    QCborMap encode() const;
    static std::optional<SetStatus> decode(const QCborMap& map, QString* error);
};

} // namespace lanchat
