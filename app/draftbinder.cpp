#include "draftbinder.h"

#include "draftstore.h"
#include "messageinput.h"

#include <QTextCursor>

namespace lanchat {

DraftBinder::DraftBinder(MessageInput* input, DraftStore* drafts, QObject* parent)
    : QObject(parent)
    , m_input(input)
    , m_drafts(drafts)
{
    connect(m_input, &MessageInput::textChanged, this, &DraftBinder::store);
    connect(m_input, &MessageInput::cursorPositionChanged, this, &DraftBinder::store);
    // The text in the box belongs to the user who typed it, not to whoever logs in next.
    connect(m_drafts, &DraftStore::attached, this, &DraftBinder::load);
}

DraftBinder::~DraftBinder() = default;

void DraftBinder::setConversation(ConversationId conversation)
{
    if (conversation == m_conversation)
        return;
    store();
    m_conversation = conversation;
    load();
}

void DraftBinder::load()
{
    const DraftStore::Draft draft = m_drafts->draft(m_conversation);
    m_loading = true;
    m_input->setPlainText(draft.text);
    QTextCursor cursor = m_input->textCursor();
    cursor.setPosition(qBound(0, draft.cursor, int(draft.text.size())));
    m_input->setTextCursor(cursor);
    m_loading = false;
}

void DraftBinder::store()
{
    if (m_loading || !m_conversation.isValid())
        return;
    m_drafts->setDraft(m_conversation, m_input->toPlainText(), m_input->textCursor().position());
}

} // namespace lanchat
