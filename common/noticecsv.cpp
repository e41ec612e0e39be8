#include "noticecsv.h"

#include <QDateTime>

namespace lanchat {

namespace {

QString field(QString value)
{
    if (!value.isEmpty() && QStringLiteral("=+-@").contains(value.front()))
        value.prepend(QLatin1Char('\''));
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) || value.contains(QLatin1Char('\n')) ||
        value.contains(QLatin1Char('\r'))) {
        value.replace(QLatin1String("\""), QLatin1String("\"\""));
        value = QLatin1Char('"') + value + QLatin1Char('"');
    }
    return value;
}

} // namespace

QByteArray NoticeCsv::write(const QList<NoticeCsvRow>& rows)
{
    QString text = QStringLiteral("username,display_name,acknowledged_at_utc\r\n");
    for (const NoticeCsvRow& row : rows) {
        const QString acked =
            row.ackedMs > 0 ? QDateTime::fromMSecsSinceEpoch(row.ackedMs, Qt::UTC).toString(Qt::ISODate) : QString();
        text += field(row.username) + QLatin1Char(',') + field(row.displayName) + QLatin1Char(',') + acked +
                QLatin1String("\r\n");
    }
    return text.toUtf8();
}

} // namespace lanchat
