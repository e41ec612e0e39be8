-- LanChat schema version 7: reserved for the recall/edit migration of a parallel branch.
--
-- Why this file: migrations are numbered without gaps (tst_migrations), and this branch's own migration is 0009.
-- When the branch that owns 0007 is merged, its file replaces this one (delete this file then); until then
-- version 7 changes nothing.
SELECT 1;
