#include "svgiconengine.h"

#include <QImage>
#include <QPaintDevice>
#include <QPainter>
#include <QSvgRenderer>

namespace lanchat {

namespace {

// Enough for every size and scale one icon is shown at in a session; a theme switch adds one more set.
constexpr qsizetype kMaxCachedPixmaps = 32;

} // namespace

SvgIconEngine::SvgIconEngine(QByteArray svg, ColorFunction colorFor)
    : m_svg(std::move(svg))
    , m_colorFor(std::move(colorFor))
{}

QByteArray SvgIconEngine::recoloured(const QByteArray& svg, const QColor& color)
{
    QByteArray out = svg;
    out.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
    return out;
}

void SvgIconEngine::paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state)
{
    const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    painter->drawPixmap(rect, scaledPixmap((QSizeF(rect.size()) * scale).toSize(), mode, state, scale));
}

QPixmap SvgIconEngine::pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap SvgIconEngine::scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State, qreal scale)
{
    // Qt 6.4's QIcon::pixmap(size, ratio) passes the size already in device pixels (size × ratio) and sets the
    // ratio on the result itself; @p scale only tags the pixmap.
    const QColor color = m_colorFor(mode);
    const QSize pixels = size;
    if (pixels.isEmpty())
        return {};
    const QString key = QStringLiteral("%1x%2@%3:%4")
                            .arg(pixels.width())
                            .arg(pixels.height())
                            .arg(scale)
                            .arg(color.rgba(), 8, 16, QLatin1Char('0'));
    if (const auto it = m_cache.constFind(key); it != m_cache.constEnd())
        return *it;
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QSvgRenderer renderer(recoloured(m_svg, color));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(pixels)));
    painter.end();
    QPixmap pixmap = QPixmap::fromImage(image);
    pixmap.setDevicePixelRatio(scale);
    if (m_cache.size() >= kMaxCachedPixmaps)
        m_cache.clear();
    m_cache.insert(key, pixmap);
    return pixmap;
}

QSize SvgIconEngine::actualSize(const QSize& size, QIcon::Mode, QIcon::State)
{
    // Square vector icons fit any square they are asked for.
    const int side = qMin(size.width(), size.height());
    return {side, side};
}

QIconEngine* SvgIconEngine::clone() const
{
    return new SvgIconEngine(m_svg, m_colorFor);
}

QString SvgIconEngine::key() const
{
    return QStringLiteral("lanchat-svg");
}

} // namespace lanchat
