#pragma once

#include "annotationmodel.h"

#include <QImage>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QToolButton;

namespace lanchat {

/**
 * The screenshot tool's full-screen overlay: shows a frozen, dimmed screen image; the user drags a region
 * (shown undimmed with its size), then marks it up with rectangle, arrow and text tools in a chosen colour
 * (with undo), and ends with Send, Copy or Cancel (Esc, or a right click before a region is chosen).
 *
 * It never grabs the screen itself: it is given the image, so tests feed it a known one. Coordinates are
 * the widget's logical pixels; the image may have a device pixel ratio (a 200 % screen), which the result
 * keeps at full resolution. Deletes nothing by itself; GUI thread only.
 */
class CaptureOverlay : public QWidget
{
    Q_OBJECT

public:
    enum class Action
    {
        Send,
        Copy,
        Cancel
    };
    enum class Tool
    {
        Rectangle,
        Arrow,
        Text
    };

    /** @p screen is shown as it is, at its devicePixelRatio (logical size = pixel size / ratio). */
    explicit CaptureOverlay(const QImage& screen, QWidget* parent = nullptr);
    ~CaptureOverlay() override;

    /** The chosen region, logical pixels; empty while none is chosen. */
    QRect selection() const { return m_selection; }
    Tool tool() const { return m_tool; }
    void setTool(Tool tool);
    QColor color() const { return m_color; }
    void setColor(const QColor& color);
    const AnnotationModel& annotations() const { return m_model; }
    /** The region with its marks, in device pixels (see AnnotationModel::render); null without a region. */
    QImage result() const;

    /** The colours offered, in menu order (red first, the default). */
    static QList<QColor> colorChoices();

Q_SIGNALS:
    /** The user ended: @p image is result() for Send and Copy, null for Cancel. Emitted once. */
    void finished(lanchat::CaptureOverlay::Action action, const QImage& image);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    enum class Drag
    {
        None,
        Selecting,
        Drawing
    };

    void buildToolbar();
    void retranslateUi();
    void placeToolbar();
    void finish(Action action);
    void startText(const QPoint& pos);
    void commitText();
    void resetSelection();

    QImage m_screen;
    QRect m_selection;
    AnnotationModel m_model;
    Tool m_tool = Tool::Rectangle;
    QColor m_color;
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    AnnotationModel::Annotation m_draft;
    bool m_finished = false;
    bool m_enterEndedText = false;
    QWidget* m_toolbar = nullptr;
    QButtonGroup* m_tools = nullptr;
    QToolButton* m_rectangleButton = nullptr;
    QToolButton* m_arrowButton = nullptr;
    QToolButton* m_textButton = nullptr;
    QToolButton* m_colorButton = nullptr;
    QToolButton* m_undoButton = nullptr;
    QToolButton* m_cancelButton = nullptr;
    QToolButton* m_copyButton = nullptr;
    QToolButton* m_sendButton = nullptr;
    QLabel* m_hint = nullptr;
    QLineEdit* m_textEdit = nullptr;
    QPoint m_textPos;
};

} // namespace lanchat
