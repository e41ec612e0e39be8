-- LanChat schema version 4: a group can be a channel with its own posting rule. Never edit once shipped.
--
-- channel: '' for an ordinary conversation; 'announcements' for the channel `lanchat-server broadcast` posts
-- into: every account is a member, only the broadcast path posts, members read (docs/protocol.md 8.2, 9).
-- Before this version the broadcast command found its channel by the group name "Announcements" (lowest id
-- if several); that group becomes the channel, so existing sites keep their history in it.

ALTER TABLE conversations ADD COLUMN channel TEXT NOT NULL DEFAULT '';

UPDATE conversations SET channel = 'announcements'
WHERE id = (SELECT MIN(id) FROM conversations WHERE kind = 1 AND name = 'Announcements');
