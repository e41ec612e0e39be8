-- LanChat schema version 10: the full-text search index (docs/protocol.md 14). Never edit once shipped.
--
-- message_search is an FTS5 table with external content: it stores only the index, and reads column values from
-- the view message_search_source, which lists exactly the rows the index must hold: text messages by their text
-- (body), file messages by their file name (name), neither when recalled. conv ('c' and the conversation id) lets
-- a search in one conversation intersect doclists instead of filtering every hit.
-- The tokenizer 'lanchat' is SearchTokenizer (ICU): SQLite registers it on every connection the server opens.
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
