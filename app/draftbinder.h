#pragma once

#include "ids.h"

#include <QObject>

namespace lanchat {

class DraftStore;
class MessageInput;

/**
 * Keeps the message input and the DraftStore in step: what is typed goes into the open conversation's draft
 * as it is typed (so it survives a crash or a restart), and opening a conversation puts its draft back into
 * the input with the cursor where it was. Sending clears the input and with it the draft. When another user logs in
 * (the store is attached to them), the input shows that user's draft instead. GUI thread only.
 */
class DraftBinder : public QObject
{
    Q_OBJECT

public:
    /** Both must outlive the binder. */
    DraftBinder(MessageInput* input, DraftStore* drafts, QObject* parent = nullptr);
    ~DraftBinder() override;

    /** Keeps the input's text and cursor as the draft of the conversation open so far, then shows @p conversation's. */
    void setConversation(ConversationId conversation);

private:
    void store();
    void load();

    MessageInput* m_input;
    DraftStore* m_drafts;
    ConversationId m_conversation;
    bool m_loading = false;
};

} // namespace lanchat
