#pragma once

#include <QPlainTextEdit>
#include <QStringList>

namespace lanchat {

/**
 * The message input box: Enter sends (submitted()), Shift+Enter inserts a newline, the box grows with
 * its text from kMinLines up to kMaxLines and then scrolls. Pasting files or an image (a screenshot)
 * does not insert text but reports them through filesPasted() / imagePasted().
 */
class MessageInput : public QPlainTextEdit
{
    Q_OBJECT

public:
    /** The box never gets lower than this many lines, so a small window still leaves room to write. */
    static constexpr int kMinLines = 3;
    static constexpr int kMaxLines = 6;

    explicit MessageInput(QWidget* parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /** Enter was pressed on non-blank text; the box is cleared. @p text is trimmed. */
    void submitted(const QString& text);
    /** Local files were pasted (absolute paths). */
    void filesPasted(const QStringList& paths);
    /** An image without a file (e.g. a screenshot) was pasted. */
    void imagePasted(const QImage& image);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool canInsertFromMimeData(const QMimeData* source) const override;
    void insertFromMimeData(const QMimeData* source) override;
    void changeEvent(QEvent* event) override;

private:
    void updateHeight();
    void retranslateUi();
    int heightForLines(int lines) const;
};

} // namespace lanchat
