#pragma once

#include <QColor>
#include <QImage>
#include <QList>
#include <QPointF>
#include <QRect>
#include <QString>

class QPainter;

namespace lanchat {

/**
 * The marks a user draws on a screenshot: rectangles, arrows and text, each in its own colour, in the
 * order drawn, with undo. Coordinates are logical pixels of the captured screen (the overlay's
 * coordinates); render() paints them onto the captured image at its device pixel ratio, so a 200 % screen
 * gives a sharp 2× result. Plain value type; GUI thread only (QPainter text).
 */
class AnnotationModel
{
public:
    enum class Kind
    {
        Rectangle,
        Arrow,
        Text
    };

    struct Annotation
    {
        Kind kind = Kind::Rectangle;
        QColor color;
        QPointF from; ///< rectangle corner, arrow tail, top-left of text
        QPointF to;   ///< opposite rectangle corner, arrow head (unused for text)
        QString text;
    };

    /** Line width of rectangles and arrows, logical pixels. */
    static constexpr qreal kPenWidth = 3.0;
    /** Text size, logical pixels. */
    static constexpr int kTextPixelSize = 18;

    void add(const Annotation& annotation);
    /** Removes the last mark; false when there was none. */
    bool undo();
    void clear();
    const QList<Annotation>& annotations() const { return m_annotations; }
    bool isEmpty() const { return m_annotations.isEmpty(); }

    /** Paints @p annotation with @p painter, whose coordinates are the overlay's logical pixels. */
    static void paint(QPainter* painter, const Annotation& annotation);
    /** Paints every mark. */
    void paintAll(QPainter* painter) const;

    /**
     * The part @p selection (logical pixels) of @p screen with every mark painted on, in device pixels
     * (selection size × @p screen's devicePixelRatio) and a device pixel ratio of 1, ready to save as PNG.
     * An empty or outside selection gives a null image.
     */
    QImage render(const QImage& screen, const QRect& selection) const;

private:
    QList<Annotation> m_annotations;
};

} // namespace lanchat
