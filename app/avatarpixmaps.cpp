#include "avatarpixmaps.h"

#include "avatarcache.h"
#include "avatarpainter.h"

#include <QImage>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QWidget>

#include <cmath>

namespace lanchat {

namespace {

QPixmap circular(const QImage& picture, int pixels)
{
    const int side = qMin(picture.width(), picture.height());
    const QImage square = picture.copy((picture.width() - side) / 2, (picture.height() - side) / 2, side, side)
                              .scaled(pixels, pixels, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QImage out(pixels, pixels, QImage::Format_ARGB32_Premultiplied);
    out.fill(Qt::transparent);
    QPainter painter(&out);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath circle;
    circle.addEllipse(QRectF(0, 0, pixels, pixels));
    painter.setClipPath(circle);
    painter.drawImage(0, 0, square);
    painter.end();
    return QPixmap::fromImage(out);
}

} // namespace

AvatarPixmaps::AvatarPixmaps(AvatarCache* cache)
    : QObject(cache)
    , m_cache(cache)
{
    setObjectName(QStringLiteral("avatarPixmaps"));
    connect(cache, &AvatarCache::avatarReady, this, &AvatarPixmaps::pictureReady);
}

AvatarPixmaps* AvatarPixmaps::of(AvatarCache* cache)
{
    if (auto* existing = cache->findChild<AvatarPixmaps*>(QStringLiteral("avatarPixmaps"), Qt::FindDirectChildrenOnly))
        return existing;
    return new AvatarPixmaps(cache);
}

QPixmap AvatarPixmaps::pixmap(const QByteArray& sha256, int size, qreal devicePixelRatio)
{
    if (sha256.isEmpty() || size <= 0 || m_undecodable.contains(sha256))
        return {};
    const Key key{sha256, size, int(std::lround(devicePixelRatio * 100))};
    const auto found = m_pixmaps.constFind(key);
    if (found != m_pixmaps.cend())
        return *found;
    const QByteArray bytes = m_cache->picture(sha256);
    if (bytes.isEmpty())
        return {}; // being fetched: pictureReady() follows
    const QImage picture = QImage::fromData(bytes);
    if (picture.isNull()) {
        m_undecodable.insert(sha256);
        return {};
    }
    if (m_pixmaps.size() >= kMaxEntries)
        m_pixmaps.clear();
    QPixmap result = circular(picture, qMax(1, int(std::lround(size * devicePixelRatio))));
    result.setDevicePixelRatio(devicePixelRatio);
    m_pixmaps.insert(key, result);
    return result;
}

void AvatarPixmaps::paint(AvatarPixmaps* pixmaps, QPainter* painter, const QRect& rect, const QByteArray& sha256,
                          const QString& initials, qint64 key)
{
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QPixmap photo = pixmaps ? pixmaps->pixmap(sha256, rect.width(), ratio) : QPixmap();
    if (photo.isNull()) {
        AvatarPainter::paint(painter, rect, initials, key);
        return;
    }
    painter->save();
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    painter->drawPixmap(rect, photo);
    painter->restore();
}

void AvatarPixmaps::repaintOnArrival(QWidget* widget)
{
    connect(this, &AvatarPixmaps::pictureReady, widget, [widget] { widget->update(); });
}

} // namespace lanchat
