-- LanChat schema version 7: recall and edit of messages, and the audit table of their originals. Never edit once
-- shipped.
--
-- Why: a sender may take a message back or correct it (docs/protocol.md, "Recall and edit"). Each is an ordered
-- record of its own in `messages` (kind 3 = recall, 4 = edit; `target` = the seq it changes), so a device that
-- syncs later applies them in order. The changed message keeps its seq and holds only its current state:
-- recalled_by (NULL = not recalled, 0 = an administrator) with text and file cleared, or edited_ms with the new text.
-- The originals go to message_audit, which only the admin CLI reads (`lanchat-server audit`); retention purges it
-- by the time the message was sent, like the messages themselves.

ALTER TABLE messages ADD COLUMN target INTEGER;
ALTER TABLE messages ADD COLUMN recalled_by INTEGER;
ALTER TABLE messages ADD COLUMN edited_ms INTEGER;
CREATE INDEX messages_by_target ON messages(target) WHERE target IS NOT NULL;

-- action: 'recall' or 'edit'; actor: who did it (0 = an administrator); text/file_*: the message as it was
-- before the action (for an edit: the previous version of the text; previous_edited_ms: when that version was made).
CREATE TABLE message_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    action TEXT NOT NULL,
    actor INTEGER NOT NULL,
    action_ms INTEGER NOT NULL,
    sender INTEGER,
    sent_ms INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    text TEXT,
    file_name TEXT,
    file_size INTEGER,
    file_sha256 BLOB,
    previous_edited_ms INTEGER
);
CREATE INDEX message_audit_by_conversation ON message_audit(conversation, action_ms);
CREATE INDEX message_audit_by_sent ON message_audit(sent_ms);
