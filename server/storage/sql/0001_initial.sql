-- LanChat schema version 1. Never edit once shipped: add a new NNNN_name.sql instead.
-- Statements end with a semicolon at the end of a line (Migrator splits there); no triggers.
-- Times are ms since 1970-01-01 UTC. Kept close to standard SQL so a PostgreSQL port stays cheap.

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT NOT NULL,
    username_key TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash BLOB NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_ms INTEGER NOT NULL
);

-- kind: 0 = private, 1 = group. pair_key "<min id>:<max id>" makes one private conversation per pair.
CREATE TABLE conversations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind INTEGER NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    owner INTEGER REFERENCES users(id) ON DELETE SET NULL,
    pair_key TEXT UNIQUE,
    created_ms INTEGER NOT NULL
);

CREATE TABLE members (
    conversation INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    read_seq INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation, user_id)
);
CREATE INDEX members_by_user ON members(user_id, conversation);

-- seq is AUTOINCREMENT so a seq is never reused, even after the newest message was deleted.
-- sender has no foreign key: messages of a deleted account stay, attributed to its id.
-- kind: 0 = text, 1 = file, 2 = system.
CREATE TABLE messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    sender INTEGER,
    client_msg_id BLOB,
    kind INTEGER NOT NULL,
    text TEXT,
    file_name TEXT,
    file_size INTEGER,
    file_sha256 BLOB,
    ts INTEGER NOT NULL,
    UNIQUE (sender, client_msg_id)
);
CREATE INDEX messages_by_conversation ON messages(conversation, seq);

CREATE TABLE blobs (
    sha256 BLOB PRIMARY KEY,
    size INTEGER NOT NULL,
    created_ms INTEGER NOT NULL
);

CREATE TABLE uploads (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sender INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    conversation INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    client_msg_id BLOB,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 BLOB NOT NULL,
    created_ms INTEGER NOT NULL
);
