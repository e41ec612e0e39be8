-- LanChat schema version 11: profiles. Never edit once shipped.
--
-- Contact fields a user edits (or an import fills), the avatar as the SHA-256 of a picture in the file store (NULL:
-- none; the blob is kept by retention while an account refers to it), and the administrator's lock on the display
-- name. Empty text means "not set".

ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN signature TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN avatar BLOB;
ALTER TABLE users ADD COLUMN name_locked INTEGER NOT NULL DEFAULT 0;

CREATE INDEX users_by_avatar ON users(avatar) WHERE avatar IS NOT NULL;
