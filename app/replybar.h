#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace lanchat {

/**
 * The "Replying to Alice: excerpt ×" line above the message input while a reply is being written
 * (ReplyController). The × (or Esc in the input) cancels the reply, not the text. GUI thread.
 */
class ReplyBar : public QWidget
{
    Q_OBJECT

public:
    explicit ReplyBar(QWidget* parent = nullptr);

    /** Shows the bar for a reply to @p sender's message reading @p excerpt (one line, elided to fit). */
    void showFor(const QString& sender, const QString& excerpt);
    /** The text as shown, for tests and accessibility. */
    QString text() const;

Q_SIGNALS:
    /** The user clicked ×. */
    void cancelRequested();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslateUi();
    void updateText();

    QLabel* m_label;
    QToolButton* m_close;
    QString m_sender;
    QString m_excerpt;
};

} // namespace lanchat
