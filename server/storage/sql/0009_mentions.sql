-- LanChat schema version 9: text messages remember whom they mention. Never edit once shipped.
--
-- Why: an @mention must survive sync, history and a restart of client or server, so a member who was offline
-- still sees "[@me]" and the highlight (docs/protocol.md, "Mentions").
--
-- mentions: the mentioned user ids as decimal numbers separated by ',' (members at send time only), NULL when
-- none; mention_all: 1 when the group's owner mentioned everyone (@all).

ALTER TABLE messages ADD COLUMN mentions TEXT;
ALTER TABLE messages ADD COLUMN mention_all INTEGER NOT NULL DEFAULT 0;
