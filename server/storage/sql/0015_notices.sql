-- LanChat schema version 15: announcements that recipients may have to acknowledge. Never edit once shipped.
--
-- The recipients are fixed when a notice is posted: one notice_recipients row each, so who joins a group or a
-- department later does not receive it and who leaves keeps it. author_id 0 is the server administrator
-- (`lanchat-server notice post`), so it carries no foreign key; a deleted author's notices stay, attributed to
-- the id. audience is 'all', 'group' (audience_ids: the group's conversation id) or 'departments'
-- (audience_ids: the department ids, space-separated). acked_ms and reminded_ms are 0 until it happens.

CREATE TABLE notices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    author_id INTEGER NOT NULL,
    audience TEXT NOT NULL CHECK (audience IN ('all', 'group', 'departments')),
    audience_ids TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    must_ack INTEGER NOT NULL DEFAULT 0,
    created_ms INTEGER NOT NULL,
    reminded_ms INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX notices_by_author ON notices(author_id, id);

CREATE TABLE notice_recipients (
    notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    acked_ms INTEGER NOT NULL DEFAULT 0,
    reminded_ms INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (notice_id, user_id)
) WITHOUT ROWID;

CREATE INDEX notice_recipients_by_user ON notice_recipients(user_id, notice_id);
