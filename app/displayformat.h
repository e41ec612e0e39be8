#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace lanchat {

/**
 * Locale-aware formatting of times, days, sizes, speeds and durations for every view, using the
 * default QLocale (set by LanguageManager), e.g. "昨天 14:32" / "Yesterday 14:32", "1.5 MB".
 */
class DisplayFormat
{
    Q_DECLARE_TR_FUNCTIONS(DisplayFormat)

public:
    /** Short time for the conversation list: "14:32" today, "Yesterday", weekday within 7 days, else date. */
    static QString listTime(const QDateTime& when, const QDateTime& now = QDateTime::currentDateTime());
    /** Time shown next to a message: "14:32". */
    static QString messageTime(const QDateTime& when);
    /** Day separator in a conversation: "Today", "Yesterday", or a long date. */
    static QString day(const QDate& date, const QDate& today = QDate::currentDate());
    /** @p bytes as "1.5 MB" (decimal units, as file managers show). */
    static QString size(qint64 bytes);
    /** @p bytesPerSecond as "2.3 MB/s"; empty when not positive. */
    static QString speed(double bytesPerSecond);
    /** @p seconds remaining as "1 h 3 min" / "42 s"; empty when unknown (negative). */
    static QString duration(qint64 seconds);
};

} // namespace lanchat
