-- LanChat schema version 14: group roles and when each member joined. Never edit once shipped.
--
-- role: 0 = member, 1 = admin (docs/protocol.md 9). The owner stays in conversations.owner, the one place every
-- reader of the owner already looks; the owner's own row keeps role 0 and is never read for its role. An admin
-- adds, removes (plain members only) and renames; only the owner appoints admins, transfers and dissolves.
-- joined_ms: when the user became a member (ms since epoch, UTC). It orders "longest-standing" when a group
-- loses its owner (the account is deleted): the oldest admin, else the oldest member, becomes owner.
--
-- Backfill: before this version nobody was an admin, so every row is a member. A member's joined_ms is the time of
-- the newest `member_added` system line that added them to the group (stored since schema 5), else the group's
-- creation time (its creator and first members, and members added before schema 5). Ties are broken by user id.

ALTER TABLE members ADD COLUMN role INTEGER NOT NULL DEFAULT 0;
ALTER TABLE members ADD COLUMN joined_ms INTEGER NOT NULL DEFAULT 0;

UPDATE members SET joined_ms = COALESCE(
    (SELECT MAX(m.ts) FROM messages m
     WHERE m.conversation = members.conversation AND m.kind = 2 AND m.event = 'member_added'
       AND m.event_target = members.user_id),
    (SELECT c.created_ms FROM conversations c WHERE c.id = members.conversation),
    0);

CREATE INDEX members_by_role ON members(conversation, role, joined_ms);
