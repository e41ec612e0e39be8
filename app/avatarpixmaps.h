#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPixmap>
#include <QSet>

class QPainter;
class QRect;
class QWidget;

namespace lanchat {

class AvatarCache;

/**
 * The avatar pictures of people ready to paint: AvatarCache keeps the encoded bytes (PNG or JPEG); this decodes each
 * once, crops it to the centred square, scales it to the avatar's size in device pixels and clips it to the circle
 * AvatarPainter draws initials in, keyed by (SHA-256, size in logical pixels, device pixel ratio), so scrolling a list
 * decodes nothing. At most kMaxEntries pixmaps are kept (about 6 MB at 40 px and ratio 2); past that the cache starts
 * over. One instance per AvatarCache, shared by every view (of()). GUI thread.
 */
class AvatarPixmaps : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxEntries = 512;

    /** The instance of @p cache, created on first use as its child (so it lives exactly as long as the cache). */
    static AvatarPixmaps* of(AvatarCache* cache);

    /**
     * The picture of @p sha256 at @p size × @p size logical pixels for a device with @p devicePixelRatio, circular,
     * transparent outside the circle. Null when @p sha256 is empty, the picture has not arrived yet (it is fetched;
     * pictureReady() follows) or its bytes do not decode.
     */
    QPixmap pixmap(const QByteArray& sha256, int size, qreal devicePixelRatio);
    /**
     * Paints a person's avatar in the square @p rect: their picture @p sha256 when there is one to show, else the
     * initials circle of AvatarPainter::paint() with @p initials on the colour of @p key (the user id). @p pixmaps
     * may be null (initials only).
     */
    static void paint(AvatarPixmaps* pixmaps, QPainter* painter, const QRect& rect, const QByteArray& sha256,
                      const QString& initials, qint64 key);
    /** Repaints @p widget (a view's viewport, a header) whenever a picture arrives; the connection ends with it. */
    void repaintOnArrival(QWidget* widget);

Q_SIGNALS:
    /** The picture of @p sha256 arrived: views showing it repaint. */
    void pictureReady(const QByteArray& sha256);

private:
    explicit AvatarPixmaps(AvatarCache* cache);

    struct Key
    {
        QByteArray sha256;
        int size = 0;
        int ratioPercent = 100;
        bool operator==(const Key&) const = default;
    };
    friend size_t qHash(const Key& key, size_t seed)
    {
        return qHashMulti(seed, key.sha256, key.size, key.ratioPercent);
    }

    AvatarCache* m_cache;
    QHash<Key, QPixmap> m_pixmaps;
    QSet<QByteArray> m_undecodable; ///< bytes that are no picture Qt reads: not decoded again on every paint
};

} // namespace lanchat
