#pragma once

#include <QToolButton>

#include <memory>

namespace lanchat {

class AppSettings;
class ChatClient;
class EmojiPicker;
class MessageInput;
class RecentEmoji;

/**
 * The button next to the message input that opens the EmojiPicker above itself; the picked emoji is inserted at
 * the input's cursor (replacing a selection) and goes to the front of the user's recently used ones (RecentEmoji,
 * per logged-in user). GUI thread only.
 */
class EmojiButton : public QToolButton
{
    Q_OBJECT

public:
    /** @p client, @p settings and @p input must outlive the button. */
    EmojiButton(ChatClient* client, AppSettings& settings, MessageInput* input, QWidget* parent = nullptr);
    ~EmojiButton() override;

    /** Opens the picker (what a click does). */
    void showPicker();
    EmojiPicker* picker() const { return m_picker; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void insert(const QString& emoji);

    ChatClient* m_client;
    MessageInput* m_input;
    EmojiPicker* m_picker;
    std::unique_ptr<RecentEmoji> m_recent;
};

} // namespace lanchat
