#include "statusbadgepainter.h"

#include "theme.h"

#include <QPainter>
#include <QPainterPath>

namespace lanchat {

namespace {

const QColor kAway(0xf5, 0xa6, 0x23);
const QColor kBusy(0xe5, 0x48, 0x4d);

} // namespace

QColor StatusBadgePainter::color(const QString& status)
{
    if (status == QLatin1String("away"))
        return kAway;
    if (status == QLatin1String("busy") || status == QLatin1String("dnd"))
        return kBusy;
    if (status == QLatin1String("offline"))
        return Theme::colors().offline;
    return Theme::colors().online;
}

void StatusBadgePainter::paintMark(QPainter* painter, const QRectF& rect, const QString& status)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color(status));
    painter->drawEllipse(rect);
    if (status == QLatin1String("dnd")) {
        // The bar is what tells do-not-disturb from busy without relying on colour.
        const qreal h = qMax(1.5, rect.height() / 5);
        painter->setBrush(Qt::white);
        painter->drawRoundedRect(QRectF(rect.left() + rect.width() / 4, rect.center().y() - h / 2, rect.width() / 2, h),
                                 h / 2, h / 2);
    } else if (status == QLatin1String("away")) {
        // A crescent: the second cue for "away" besides the amber.
        const qreal d = rect.width() * 0.55;
        painter->setBrush(Qt::white);
        QPainterPath moon;
        moon.addEllipse(QRectF(rect.left() + rect.width() * 0.22, rect.top() + rect.height() * 0.22, d, d));
        QPainterPath bite;
        bite.addEllipse(QRectF(rect.left() + rect.width() * 0.36, rect.top() + rect.height() * 0.12, d, d));
        painter->drawPath(moon.subtracted(bite));
    } else if (status == QLatin1String("offline")) {
        const qreal inset = rect.width() * 0.28;
        painter->setBrush(Theme::colors().panel);
        painter->drawEllipse(rect.adjusted(inset, inset, -inset, -inset));
    }
    painter->restore();
}

void StatusBadgePainter::paint(QPainter* painter, const QRect& avatarRect, const QString& status)
{
    const int d = qMax(10, avatarRect.width() / 3);
    const QRectF dot(avatarRect.right() - d + 2, avatarRect.bottom() - d + 2, d, d);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(Theme::colors().panel);
    painter->drawEllipse(dot.adjusted(-2, -2, 2, 2));
    painter->restore();
    paintMark(painter, dot, status);
}

QString StatusBadgePainter::label(const QString& status)
{
    if (status == QLatin1String("away"))
        return tr("Away");
    if (status == QLatin1String("busy"))
        return tr("Busy");
    if (status == QLatin1String("dnd"))
        return tr("Do not disturb");
    if (status == QLatin1String("offline"))
        return tr("Offline");
    return tr("Online");
}

QString StatusBadgePainter::headerLine(const QString& status, const QString& text)
{
    //: chat header of a person: %1 is their status ("Busy"), %2 the text they set ("In a meeting")
    return text.isEmpty() ? label(status) : tr("%1 — %2").arg(label(status), text);
}

} // namespace lanchat
