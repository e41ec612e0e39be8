-- LanChat schema version 8: reserved for the reply (quote) migration of a parallel branch.
--
-- Why this file: migrations are numbered without gaps (tst_migrations), and this branch's own migration is 0009.
-- When the branch that owns 0008 is merged, its file replaces this one (delete this file then); until then
-- version 8 changes nothing.
SELECT 1;
