-- LanChat schema version 6: device tokens for "stay logged in". Never edit once shipped.
--
-- The token itself never reaches the database: token_hash is its SHA-256 (a 256-bit random value needs no salt
-- nor a slow hash: nobody can guess one to compare against). A token is used up by its login, which stores the
-- hash of its successor in the same row, so last_used_ms is the time of the device's latest token login.
-- Rows go with their account (ON DELETE CASCADE); the server deletes them on logout from that device, a password
-- change, disabling the account and `lanchat-server user revoke-tokens`.

CREATE TABLE device_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash BLOB NOT NULL UNIQUE,
    device_name TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    last_used_ms INTEGER NOT NULL
);

CREATE INDEX device_tokens_by_user ON device_tokens(user_id);
