#include "displayformat.h"

#include <QLocale>

namespace lanchat {

QString DisplayFormat::listTime(const QDateTime& when, const QDateTime& now)
{
    if (!when.isValid())
        return {};
    const QLocale locale;
    const qint64 days = when.date().daysTo(now.date());
    if (days == 0)
        return locale.toString(when.time(), QLocale::ShortFormat);
    if (days == 1)
        return tr("Yesterday");
    if (days > 1 && days < 7)
        return locale.dayName(when.date().dayOfWeek(), QLocale::ShortFormat);
    return locale.toString(when.date(), QLocale::ShortFormat);
}

QString DisplayFormat::messageTime(const QDateTime& when)
{
    return when.isValid() ? QLocale().toString(when.time(), QLocale::ShortFormat) : QString();
}

QString DisplayFormat::day(const QDate& date, const QDate& today)
{
    const qint64 days = date.daysTo(today);
    if (days == 0)
        return tr("Today");
    if (days == 1)
        return tr("Yesterday");
    return QLocale().toString(date, QLocale::LongFormat);
}

QString DisplayFormat::size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString DisplayFormat::speed(double bytesPerSecond)
{
    if (bytesPerSecond <= 0)
        return {};
    //: transfer speed, %1 is a size such as "2.3 MB"
    return tr("%1/s").arg(size(qint64(bytesPerSecond)));
}

QString DisplayFormat::duration(qint64 seconds)
{
    if (seconds < 0)
        return {};
    if (seconds < 60)
        //: remaining time in seconds
        return tr("%n s", nullptr, int(seconds));
    if (seconds < 3600)
        //: remaining time in minutes
        return tr("%n min", nullptr, int((seconds + 59) / 60));
    //: remaining time, %1 hours and %2 minutes
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

} // namespace lanchat
