#include "avatarpainter.h"

#include "theme.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QStringList>

#include <array>

namespace lanchat {

namespace {

// Muted tones that keep white initials readable (contrast ≥ 4.5:1, WCAG 2.1 AA).
constexpr std::array<QRgb, 8> kPalette{0xff3b6fb6, 0xff2e8b57, 0xffb5533c, 0xff7a52a8,
                                       0xff1f7f8c, 0xffa0522d, 0xff5b6b7d, 0xffb03a6e};

bool isHan(uint c)
{
    return QChar::script(c) == QChar::Script_Han;
}

} // namespace

QString AvatarPainter::initials(const QString& name, Kind kind)
{
    const QString trimmed = name.simplified();
    if (trimmed.isEmpty())
        return QStringLiteral("?");
    QStringList han; // one code point each (Han beyond the BMP are surrogate pairs)
    for (const uint c : trimmed.toUcs4()) {
        if (isHan(c))
            han.append(QStringView(QChar::fromUcs4(c)).toString());
    }
    if (!han.isEmpty())
        return kind == Kind::Group ? han.constFirst() : han.mid(qMax<qsizetype>(0, han.size() - 2)).join(QString());
    QString result;
    for (const QString& word : trimmed.split(QLatin1Char(' '), Qt::SkipEmptyParts).mid(0, 2))
        result += QStringView(QChar::fromUcs4(word.toUcs4().constFirst())).toString().toUpper();
    return result;
}

QColor AvatarPainter::colorFor(qint64 key)
{
    const auto index = static_cast<size_t>((key < 0 ? -key : key) % qint64(kPalette.size()));
    return QColor::fromRgb(kPalette[index]);
}

void AvatarPainter::paintPhoto(QPainter* painter, const QRect& rect, const QImage& photo)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    QPainterPath circle;
    circle.addEllipse(QRectF(rect));
    painter->setClipPath(circle);
    painter->drawImage(rect, photo);
    painter->restore();
}

void AvatarPainter::paint(QPainter* painter, const QRect& rect, const QString& initials, qint64 key)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colorFor(key));
    painter->drawEllipse(rect);
    QFont font = painter->font();
    font.setBold(true);
    font.setPixelSize(qMax(8, rect.height() * 2 / 5));
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(rect, Qt::AlignCenter, initials);
    painter->restore();
}

} // namespace lanchat
