-- LanChat schema version 8: a message may answer an earlier message of its conversation. Never edit once shipped.
--
-- Why: replies (docs/protocol.md 6.7) quote the message they answer. Only the original's seq is stored: the quote
-- (sender, kind, excerpt) is read from the original whenever the reply is delivered, so a later recall or
-- retention of the original shows in every quote at once.
--
-- reply_to: the seq of a message of the same conversation, or NULL. No foreign key: retention deletes old
-- originals while their replies stay (the quote then reads as removed).

ALTER TABLE messages ADD COLUMN reply_to INTEGER;
