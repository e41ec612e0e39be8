-- LanChat schema version 13: the department directory. Never edit once shipped.
--
-- Departments form a tree: parent NULL is a top-level department. A name is unique among its siblings
-- (compared as stored; the admin CLI and the CSV import address departments by their path of names).
-- A department with sub-departments or people cannot be deleted (RESTRICT and the admin CLI's check), so no
-- account loses its place silently. The manager goes back to none when the account is deleted.
-- Every account has at most one department (NULL: none) and a job title ('' : none).

CREATE TABLE departments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    parent INTEGER REFERENCES departments(id) ON DELETE RESTRICT,
    manager INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_ms INTEGER NOT NULL
);

CREATE UNIQUE INDEX departments_by_parent_name ON departments(COALESCE(parent, 0), name);

ALTER TABLE users ADD COLUMN department INTEGER REFERENCES departments(id) ON DELETE RESTRICT;
ALTER TABLE users ADD COLUMN title TEXT NOT NULL DEFAULT '';

CREATE INDEX users_by_department ON users(department);
