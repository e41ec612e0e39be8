#include "emojibutton.h"

#include "chatclient.h"
#include "emojipicker.h"
#include "icons.h"
#include "messageinput.h"
#include "recentemoji.h"

#include <QEvent>
#include <QTextCursor>

namespace lanchat {

EmojiButton::EmojiButton(ChatClient* client, AppSettings& settings, MessageInput* input, QWidget* parent)
    : QToolButton(parent)
    , m_client(client)
    , m_input(input)
    , m_picker(new EmojiPicker(this))
    , m_recent(std::make_unique<RecentEmoji>(settings))
{
    setObjectName(QStringLiteral("emojiButton"));
    setIcon(Icons::icon(QStringLiteral("emoji")));
    connect(this, &QToolButton::clicked, this, &EmojiButton::showPicker);
    connect(m_picker, &EmojiPicker::emojiPicked, this, &EmojiButton::insert);
    retranslateUi();
}

EmojiButton::~EmojiButton() = default;

void EmojiButton::showPicker()
{
    m_picker->setRecent(m_recent->list(m_client->currentUser().username));
    m_picker->popup(mapToGlobal(QPoint(0, -4)));
}

void EmojiButton::insert(const QString& emoji)
{
    m_recent->use(m_client->currentUser().username, emoji);
    QTextCursor cursor = m_input->textCursor();
    cursor.insertText(emoji);
    m_input->setTextCursor(cursor);
    m_input->setFocus();
}

void EmojiButton::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QToolButton::changeEvent(event);
}

void EmojiButton::retranslateUi()
{
    setToolTip(tr("Insert an emoji"));
    setAccessibleName(toolTip());
}

} // namespace lanchat
