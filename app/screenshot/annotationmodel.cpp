#include "annotationmodel.h"

#include <QFont>
#include <QLineF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <numbers>

namespace lanchat {

void AnnotationModel::add(const Annotation& annotation)
{
    m_annotations.append(annotation);
}

bool AnnotationModel::undo()
{
    if (m_annotations.isEmpty())
        return false;
    m_annotations.removeLast();
    return true;
}

void AnnotationModel::clear()
{
    m_annotations.clear();
}

void AnnotationModel::paint(QPainter* painter, const Annotation& annotation)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(annotation.color, kPenWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    switch (annotation.kind) {
    case Kind::Rectangle:
        painter->drawRect(QRectF(annotation.from, annotation.to).normalized());
        break;
    case Kind::Arrow: {
        const QLineF line(annotation.from, annotation.to);
        if (line.length() < 1)
            break;
        // The head is a filled triangle, 4 pen widths long, so it reads as an arrow at any length.
        const qreal headLength = qMin(line.length(), 4 * kPenWidth + 6);
        const qreal angle = std::atan2(-line.dy(), line.dx());
        constexpr qreal kHalfAngle = std::numbers::pi / 7;
        const QPointF tip = annotation.to;
        const QPointF left =
            tip - QPointF(std::cos(angle - kHalfAngle) * headLength, -std::sin(angle - kHalfAngle) * headLength);
        const QPointF right =
            tip - QPointF(std::cos(angle + kHalfAngle) * headLength, -std::sin(angle + kHalfAngle) * headLength);
        const QPointF base = (left + right) / 2;
        painter->drawLine(annotation.from, base);
        QPainterPath head;
        head.moveTo(tip);
        head.lineTo(left);
        head.lineTo(right);
        head.closeSubpath();
        painter->setPen(QPen(annotation.color, 1));
        painter->setBrush(annotation.color);
        painter->drawPath(head);
        break;
    }
    case Kind::Text: {
        QFont font = painter->font();
        font.setPixelSize(kTextPixelSize);
        font.setBold(true);
        painter->setFont(font);
        painter->drawText(QRectF(annotation.from, QSizeF(1e5, 1e5)), Qt::AlignLeft | Qt::AlignTop, annotation.text);
        break;
    }
    }
    painter->restore();
}

void AnnotationModel::paintAll(QPainter* painter) const
{
    for (const Annotation& annotation : m_annotations)
        paint(painter, annotation);
}

QImage AnnotationModel::render(const QImage& screen, const QRect& selection) const
{
    const qreal dpr = screen.devicePixelRatio();
    const QRect logicalBounds(QPoint(0, 0), (QSizeF(screen.size()) / dpr).toSize());
    const QRect area = selection.intersected(logicalBounds);
    if (area.isEmpty())
        return {};
    const QRect pixels(QPointF(area.topLeft() * dpr).toPoint(), (QSizeF(area.size()) * dpr).toSize());
    QImage out = screen.copy(pixels).convertToFormat(QImage::Format_ARGB32_Premultiplied);
    out.setDevicePixelRatio(1.0);
    QPainter painter(&out);
    painter.scale(dpr, dpr);
    painter.translate(-area.topLeft());
    paintAll(&painter);
    painter.end();
    return out;
}

} // namespace lanchat
