#pragma once

#include <QByteArray>
#include <QColor>
#include <QHash>
#include <QIconEngine>
#include <QPixmap>

#include <functional>

namespace lanchat {

/**
 * A QIconEngine for a monochrome SVG drawn in `currentColor`: at paint time it asks @p colorFor for the
 * colour of the icon mode (normal, disabled, active, selected), so one QIcon follows a theme switch without
 * being set again, and renders the SVG at the target's device pixel ratio, so it is sharp at 200 %.
 * Rendered pixmaps are cached per size, scale and colour. GUI thread only.
 */
class SvgIconEngine : public QIconEngine
{
public:
    using ColorFunction = std::function<QColor(QIcon::Mode)>;

    /** @p svg is the file's content; @p colorFor replaces `currentColor`. */
    SvgIconEngine(QByteArray svg, ColorFunction colorFor);

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QSize actualSize(const QSize& size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine* clone() const override;
    QString key() const override;
    bool isNull() override { return m_svg.isEmpty(); }

    /** The SVG with `currentColor` replaced by @p color: what gets rendered. */
    static QByteArray recoloured(const QByteArray& svg, const QColor& color);

private:
    QByteArray m_svg;
    ColorFunction m_colorFor;
    QHash<QString, QPixmap> m_cache;
};

} // namespace lanchat
