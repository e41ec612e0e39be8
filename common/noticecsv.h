#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace lanchat {

/** One recipient line of a notice's acknowledgement export. */
struct NoticeCsvRow
{
    QString username;
    QString displayName;
    qint64 ackedMs = 0; ///< ms since epoch, UTC; 0 = has not acknowledged
};

/**
 * The acknowledgement export of a notice (the app's "Export CSV…" and `lanchat-server notice status --csv`): UTF-8,
 * CRLF line ends (RFC 4180), header `username,display_name,acknowledged_at_utc`, one line per recipient in the given
 * order, the time as ISO 8601 UTC (`2026-12-07T09:30:00Z`) or empty when not acknowledged. Fields with a comma,
 * quote or line break are quoted; a field starting with = + - @ gets a leading ' so that spreadsheets do not run it
 * as a formula. Any thread.
 */
class NoticeCsv
{
public:
    static QByteArray write(const QList<NoticeCsvRow>& rows);
};

} // namespace lanchat
