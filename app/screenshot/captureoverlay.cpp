#include "captureoverlay.h"

#include "icons.h"
#include "theme.h"

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QToolButton>

#include <utility>

namespace lanchat {

namespace {

// A region smaller than this is taken for a click, not a selection.
constexpr int kMinSelection = 4;
const QColor kDim(0, 0, 0, 110);

QIcon swatch(const QColor& color, qreal dpr)
{
    QPixmap pixmap(QSize(16, 16) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(255, 255, 255, 200), 1));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1.5, 1.5, 13, 13));
    return QIcon(pixmap);
}

// Corner to corner: pressing at x=50 and releasing at x=250 selects 200 pixels (QRect(p, q) would give 201).
QRect spanned(const QPoint& a, const QPoint& b)
{
    return {QPoint(qMin(a.x(), b.x()), qMin(a.y(), b.y())), QSize(qAbs(b.x() - a.x()), qAbs(b.y() - a.y()))};
}

QToolButton* toolButton(QWidget* parent, const char* objectName, const QString& icon)
{
    auto* button = new QToolButton(parent);
    button->setObjectName(QLatin1String(objectName));
    button->setIcon(Icons::icon(icon));
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setFocusPolicy(Qt::NoFocus);
    return button;
}

} // namespace

CaptureOverlay::CaptureOverlay(const QImage& screen, QWidget* parent)
    : QWidget(parent, Qt::Window | Qt::FramelessWindowHint | Qt::WindowStaysOnTopHint)
    , m_screen(screen)
    , m_color(colorChoices().first())
{
    setObjectName(QStringLiteral("captureOverlay"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    setCursor(Qt::CrossCursor);
    setFocusPolicy(Qt::StrongFocus);
    resize((QSizeF(m_screen.size()) / m_screen.devicePixelRatio()).toSize());
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("captureHint"));
    m_hint->setAttribute(Qt::WA_TransparentForMouseEvents);
    // Over any screen content, light or dark: white on translucent black, whatever the theme.
    m_hint->setStyleSheet(QStringLiteral("background: rgba(0,0,0,170); color: white; padding: 6px 12px;"
                                         "border-radius: 6px;"));
    buildToolbar();
    retranslateUi();
}

CaptureOverlay::~CaptureOverlay() = default;

QList<QColor> CaptureOverlay::colorChoices()
{
    return {QColor(0xe5, 0x39, 0x35), QColor(0xfd, 0xd8, 0x35), QColor(0x43, 0xa0, 0x47),
            QColor(0x1e, 0x88, 0xe5), QColor(0xff, 0xff, 0xff), QColor(0x21, 0x21, 0x21)};
}

void CaptureOverlay::buildToolbar()
{
    m_toolbar = new QWidget(this);
    m_toolbar->setObjectName(QStringLiteral("screenshotToolbar"));
    m_toolbar->setAutoFillBackground(true);
    auto* layout = new QHBoxLayout(m_toolbar);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    m_rectangleButton = toolButton(m_toolbar, "rectangleTool", QStringLiteral("rectangle"));
    m_arrowButton = toolButton(m_toolbar, "arrowTool", QStringLiteral("arrow"));
    m_textButton = toolButton(m_toolbar, "textTool", QStringLiteral("text"));
    m_tools = new QButtonGroup(this);
    m_tools->setExclusive(true);
    for (auto* button : {m_rectangleButton, m_arrowButton, m_textButton}) {
        button->setCheckable(true);
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        m_tools->addButton(button);
        layout->addWidget(button);
    }
    m_rectangleButton->setChecked(true);
    m_colorButton = toolButton(m_toolbar, "colorButton", QStringLiteral("color"));
    m_colorButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_colorButton->setPopupMode(QToolButton::InstantPopup);
    auto* colors = new QMenu(m_colorButton);
    for (const QColor& color : colorChoices()) {
        QAction* action = colors->addAction(swatch(color, devicePixelRatioF()), QString());
        connect(action, &QAction::triggered, this, [this, color] { setColor(color); });
    }
    m_colorButton->setMenu(colors);
    m_undoButton = toolButton(m_toolbar, "undoButton", QStringLiteral("undo"));
    m_undoButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_cancelButton = toolButton(m_toolbar, "cancelButton", QStringLiteral("cancel"));
    m_copyButton = toolButton(m_toolbar, "copyButton", QStringLiteral("copy"));
    m_sendButton = toolButton(m_toolbar, "screenshotSendButton", QStringLiteral("send"));
    layout->addWidget(m_colorButton);
    layout->addWidget(m_undoButton);
    layout->addSpacing(8);
    layout->addWidget(m_cancelButton);
    layout->addWidget(m_copyButton);
    layout->addWidget(m_sendButton);
    m_toolbar->hide();
    setColor(m_color);

    connect(m_rectangleButton, &QToolButton::clicked, this, [this] { setTool(Tool::Rectangle); });
    connect(m_arrowButton, &QToolButton::clicked, this, [this] { setTool(Tool::Arrow); });
    connect(m_textButton, &QToolButton::clicked, this, [this] { setTool(Tool::Text); });
    connect(m_undoButton, &QToolButton::clicked, this, [this] {
        if (m_model.undo())
            update();
    });
    connect(m_cancelButton, &QToolButton::clicked, this, [this] { finish(Action::Cancel); });
    connect(m_copyButton, &QToolButton::clicked, this, [this] { finish(Action::Copy); });
    connect(m_sendButton, &QToolButton::clicked, this, [this] { finish(Action::Send); });
}

void CaptureOverlay::retranslateUi()
{
    m_hint->setText(tr("Drag to select an area · Esc to cancel"));
    m_hint->adjustSize();
    m_hint->move((width() - m_hint->width()) / 2, 24);
    m_rectangleButton->setToolTip(tr("Rectangle"));
    m_arrowButton->setToolTip(tr("Arrow"));
    m_textButton->setToolTip(tr("Text"));
    m_colorButton->setToolTip(tr("Colour"));
    m_undoButton->setToolTip(tr("Undo (Ctrl+Z)"));
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Close without keeping the screenshot (Esc)"));
    m_copyButton->setText(tr("Copy"));
    m_copyButton->setToolTip(tr("Copy to the clipboard (Ctrl+C)"));
    m_sendButton->setText(tr("Send"));
    m_sendButton->setToolTip(tr("Send into the open conversation (Enter)"));
    m_toolbar->adjustSize();
    placeToolbar();
}

void CaptureOverlay::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CaptureOverlay::setTool(Tool tool)
{
    commitText();
    m_tool = tool;
    QToolButton* button = tool == Tool::Rectangle ? m_rectangleButton
                          : tool == Tool::Arrow   ? m_arrowButton
                                                  : m_textButton;
    button->setChecked(true);
}

void CaptureOverlay::setColor(const QColor& color)
{
    m_color = color;
    m_colorButton->setIcon(swatch(color, devicePixelRatioF()));
    if (m_textEdit)
        m_textEdit->setStyleSheet(
            QStringLiteral("background: transparent; border: 1px dashed %1; color: %1;").arg(color.name()));
}

QImage CaptureOverlay::result() const
{
    return m_model.render(m_screen, m_selection);
}

void CaptureOverlay::placeToolbar()
{
    if (m_selection.isEmpty()) {
        m_toolbar->hide();
        m_hint->show();
        return;
    }
    m_hint->hide();
    const QSize size = m_toolbar->sizeHint();
    // Below the region, else above it, else inside its bottom edge; right-aligned with it, kept on screen.
    int y = m_selection.bottom() + 8;
    if (y + size.height() > height())
        y = m_selection.top() - 8 - size.height();
    if (y < 0)
        y = m_selection.bottom() - size.height() - 8;
    const int x = qBound(0, m_selection.right() - size.width() + 1, qMax(0, width() - size.width()));
    m_toolbar->setGeometry(QRect(QPoint(x, qMax(0, y)), size));
    m_toolbar->show();
    m_toolbar->raise();
}

void CaptureOverlay::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.drawImage(rect(), m_screen);
    QRegion dim(rect());
    if (!m_selection.isEmpty())
        dim -= m_selection;
    painter.setClipRegion(dim);
    painter.fillRect(rect(), kDim);
    painter.setClipping(false);
    if (m_selection.isEmpty())
        return;
    painter.save();
    painter.setClipRect(m_selection);
    m_model.paintAll(&painter);
    if (m_drag == Drag::Drawing)
        AnnotationModel::paint(&painter, m_draft);
    painter.restore();
    painter.setPen(QPen(Theme::colors().primary, 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(m_selection).adjusted(-0.5, -0.5, 0.5, 0.5));
    // The size in device pixels: what the sent image will measure.
    const QSize pixels = (QSizeF(m_selection.size()) * m_screen.devicePixelRatio()).toSize();
    const QString label = QStringLiteral("%1 × %2").arg(pixels.width()).arg(pixels.height());
    const QFontMetrics fm(font());
    QRect labelRect(0, 0, fm.horizontalAdvance(label) + 12, fm.height() + 6);
    labelRect.moveBottomLeft(m_selection.topLeft() - QPoint(0, 4));
    if (labelRect.top() < 0)
        labelRect.moveTopLeft(m_selection.topLeft() + QPoint(4, 4));
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 170));
    painter.drawRoundedRect(labelRect, 4, 4);
    painter.setPen(Qt::white);
    painter.drawText(labelRect, Qt::AlignCenter, label);
}

void CaptureOverlay::mousePressEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (event->button() == Qt::RightButton) {
        // Right click: give up the region first, then the whole screenshot (as in other screenshot tools).
        if (m_selection.isEmpty())
            finish(Action::Cancel);
        else
            resetSelection();
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    m_pressPos = pos;
    if (m_selection.isEmpty()) {
        m_drag = Drag::Selecting;
        return;
    }
    if (!m_selection.contains(pos))
        return;
    if (m_tool == Tool::Text) {
        commitText();
        startText(pos);
        return;
    }
    commitText();
    m_drag = Drag::Drawing;
    m_draft = {};
    m_draft.kind = m_tool == Tool::Arrow ? AnnotationModel::Kind::Arrow : AnnotationModel::Kind::Rectangle;
    m_draft.color = m_color;
    m_draft.from = pos;
    m_draft.to = pos;
}

void CaptureOverlay::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::Selecting) {
        m_selection = spanned(m_pressPos, pos).intersected(rect());
        update();
    } else if (m_drag == Drag::Drawing) {
        m_draft.to = pos;
        update();
    }
}

void CaptureOverlay::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QPoint pos = event->position().toPoint();
    const Drag drag = std::exchange(m_drag, Drag::None);
    if (drag == Drag::Selecting) {
        const QRect selection = spanned(m_pressPos, pos).intersected(rect());
        m_selection = selection.width() >= kMinSelection && selection.height() >= kMinSelection ? selection : QRect();
        placeToolbar();
        update();
    } else if (drag == Drag::Drawing) {
        m_draft.to = pos;
        if (QLineF(m_draft.from, m_draft.to).length() >= 2)
            m_model.add(m_draft);
        update();
    }
}

void CaptureOverlay::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        finish(Action::Cancel);
    } else if (event->matches(QKeySequence::Undo)) {
        if (m_model.undo())
            update();
    } else if (event->matches(QKeySequence::Copy) && !m_selection.isEmpty()) {
        finish(Action::Copy);
    } else if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        // The text box ends its entry with Enter and passes the key on: that Enter is not a Send.
        if (!std::exchange(m_enterEndedText, false) && !m_selection.isEmpty())
            finish(Action::Send);
    } else {
        QWidget::keyPressEvent(event);
    }
}

void CaptureOverlay::startText(const QPoint& pos)
{
    m_textPos = pos;
    m_textEdit = new QLineEdit(this);
    m_textEdit->setObjectName(QStringLiteral("annotationText"));
    QFont font = m_textEdit->font();
    font.setPixelSize(AnnotationModel::kTextPixelSize);
    font.setBold(true);
    m_textEdit->setFont(font);
    m_textEdit->setFrame(false);
    m_textEdit->setTextMargins(0, 0, 0, 0);
    m_textEdit->setContentsMargins(0, 0, 0, 0);
    setColor(m_color);
    m_textEdit->setMinimumWidth(160);
    m_textEdit->move(pos);
    m_textEdit->show();
    m_textEdit->setFocus();
    connect(m_textEdit, &QLineEdit::returnPressed, this, [this] {
        m_enterEndedText = true;
        commitText();
    });
}

void CaptureOverlay::commitText()
{
    if (!m_textEdit)
        return;
    QLineEdit* edit = std::exchange(m_textEdit, nullptr);
    const QString text = edit->text();
    edit->hide();
    edit->deleteLater();
    if (!text.trimmed().isEmpty()) {
        AnnotationModel::Annotation annotation;
        annotation.kind = AnnotationModel::Kind::Text;
        annotation.color = m_color;
        annotation.from = m_textPos;
        annotation.text = text;
        m_model.add(annotation);
    }
    setFocus();
    update();
}

void CaptureOverlay::resetSelection()
{
    commitText();
    m_model.clear();
    m_selection = QRect();
    placeToolbar();
    update();
}

void CaptureOverlay::finish(Action action)
{
    if (m_finished)
        return;
    commitText();
    m_finished = true;
    hide();
    Q_EMIT finished(action, action == Action::Cancel ? QImage() : result());
}

} // namespace lanchat
