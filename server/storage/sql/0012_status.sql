-- LanChat schema version 12: each user's chosen status and status text (docs/protocol.md 16). Never edit once shipped.
--
-- A user without a row has chosen nothing: "online" without text. "offline" is never stored: it means not
-- connected, which the relay knows from its sessions. The row goes with its account (ON DELETE CASCADE).

CREATE TABLE user_status (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('online', 'away', 'busy', 'dnd')),
    status_text TEXT NOT NULL DEFAULT '',
    updated_ms INTEGER NOT NULL
);
