-- LanChat schema version 10: the full-text search index (docs/protocol.md 14). Never edit once shipped.
--
-- message_search is an FTS5 table with external content: it stores only the index, and reads column values from
-- the view message_search_source, which lists exactly the rows the index must hold: text messages by their text
-- (body), file messages by their file name (name), neither when recalled. conv ('c' and the conversation id) lets
-- a search in one conversation intersect doclists instead of filtering every hit.
-- The tokenizer 'lanchat' is SearchTokenizer (ICU): SQLite registers it on every connection the server opens.
--
-- message_search_pending: the indexable messages written since the last flush. FTS5 writes its pending terms as a
-- new segment whenever a statement opens a savepoint, and every insert into messages opens one, so an insert
-- trigger writing to the index directly made each message its own segment (measured: commits 3.5x the CPU, 2.6x
-- the bytes). The insert trigger queues the seq here instead, and the flush before each COMMIT indexes the whole
-- batch in one statement: one segment per group commit, in the same transaction as the messages.
--
-- The triggers that keep the index in step with messages, and the first fill of an existing database, are not
-- here but in SearchIndex (searchindex.cpp): the server config `search_index = false` drops them, and switching
-- it on again creates them and fills the index in batches, with progress in the log.
CREATE VIEW message_search_source AS
SELECT seq,
       CASE WHEN kind = 0 THEN text END AS body,
       CASE WHEN kind = 1 THEN file_name END AS name,
       'c' || conversation AS conv
FROM messages
WHERE kind IN (0, 1) AND recalled_by IS NULL;

CREATE VIRTUAL TABLE message_search USING fts5(
    body, name, conv,
    content = 'message_search_source',
    content_rowid = 'seq',
    tokenize = 'lanchat'
);

-- Fewer, larger merges of the index's segments (FTS5 defaults: 4 and 16): appends that commit every few hundred
-- messages otherwise spend most of their index time re-merging small segments. Measured on 200k mixed
-- Chinese/English messages in batches of 1,000: 6.5k -> 10.4k appends/s, query times unchanged.
INSERT INTO message_search (message_search, rank) VALUES ('automerge', 8);
INSERT INTO message_search (message_search, rank) VALUES ('crisismerge', 64);

CREATE TABLE message_search_pending (seq INTEGER PRIMARY KEY);
