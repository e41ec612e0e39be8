-- LanChat schema version 5: system messages carry the group event they record. Never edit once shipped.
--
-- Why: the server posted group notices as English text only; with the event stored as data every client
-- words it in its own language ("Alice added Bob" / "Alice 添加了 Bob", docs/protocol.md 8.3). Older system
-- messages keep NULL here and are shown with their stored English text.
--
-- event: the wire type (group_created, group_renamed, member_added, member_removed, member_left) or NULL;
-- event_actor / event_target: user ids (no foreign key: users are never deleted, only disabled);
-- event_name: the group name the event carries (created, renamed).

ALTER TABLE messages ADD COLUMN event TEXT;
ALTER TABLE messages ADD COLUMN event_actor INTEGER;
ALTER TABLE messages ADD COLUMN event_target INTEGER;
ALTER TABLE messages ADD COLUMN event_name TEXT;
