#include "messageinput.h"

#include <QEvent>
#include <QImage>
#include <QKeyEvent>
#include <QMimeData>
#include <QTextBlock>
#include <QTextLayout>
#include <QUrl>

namespace lanchat {

MessageInput::MessageInput(QWidget* parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("messageInput"));
    setTabChangesFocus(true);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(this, &QPlainTextEdit::textChanged, this, &MessageInput::updateHeight);
    retranslateUi();
    updateHeight();
}

int MessageInput::heightForLines(int lines) const
{
    const QMargins m = contentsMargins();
    return lines * fontMetrics().lineSpacing() + int(2 * document()->documentMargin()) + m.top() + m.bottom() + 2;
}

QSize MessageInput::sizeHint() const
{
    int lines = 0;
    // Count visual lines (wrapped ones too) so long paragraphs grow the box as well.
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next())
        lines += qMax(1, block.layout() ? block.layout()->lineCount() : 1);
    return {QPlainTextEdit::sizeHint().width(), heightForLines(qBound(kMinLines, lines, kMaxLines))};
}

QSize MessageInput::minimumSizeHint() const
{
    return {200, heightForLines(kMinLines)};
}

void MessageInput::updateHeight()
{
    setFixedHeight(sizeHint().height());
}

void MessageInput::keyPressEvent(QKeyEvent* event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier))) {
        const QString text = toPlainText().trimmed();
        if (!text.isEmpty()) {
            clear();
            Q_EMIT submitted(text);
        }
        event->accept();
        return;
    }
    if (enter) {
        // Shift+Enter (and Ctrl+Enter) insert a paragraph break instead of sending.
        textCursor().insertText(QStringLiteral("\n"));
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

bool MessageInput::canInsertFromMimeData(const QMimeData* source) const
{
    return source->hasUrls() || source->hasImage() || QPlainTextEdit::canInsertFromMimeData(source);
}

void MessageInput::insertFromMimeData(const QMimeData* source)
{
    QStringList files;
    if (source->hasUrls()) {
        for (const QUrl& url : source->urls()) {
            if (url.isLocalFile())
                files.append(url.toLocalFile());
        }
    }
    if (!files.isEmpty()) {
        Q_EMIT filesPasted(files);
        return;
    }
    if (source->hasImage()) {
        const QImage image = qvariant_cast<QImage>(source->imageData());
        if (!image.isNull()) {
            Q_EMIT imagePasted(image);
            return;
        }
    }
    QPlainTextEdit::insertFromMimeData(source);
}

void MessageInput::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    if (event->type() == QEvent::FontChange) {
        // The placeholder is painted with the viewport's font, which the style sheet pins: keep it in step.
        viewport()->setFont(font());
        updateHeight();
    }
    QPlainTextEdit::changeEvent(event);
}

void MessageInput::retranslateUi()
{
    setPlaceholderText(tr("Type a message — Enter to send, Shift+Enter for a new line"));
}

} // namespace lanchat
