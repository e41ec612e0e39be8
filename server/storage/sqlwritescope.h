#pragma once

namespace lanchat {

class SqlStatements;

/**
 * Makes a multi-statement write atomic. Inside the caller's transaction (group commit) it uses a
 * SAVEPOINT, so a failure undoes only this write and the rest of the batch survives; outside one it
 * opens its own BEGIN IMMEDIATE … COMMIT. Destroyed without commit() it rolls back.
 */
class SqlWriteScope
{
public:
    explicit SqlWriteScope(SqlStatements& statements);
    ~SqlWriteScope();
    SqlWriteScope(const SqlWriteScope&) = delete;
    SqlWriteScope& operator=(const SqlWriteScope&) = delete;

    /** False if the scope could not be opened; every statement run then would not be atomic. */
    bool isOpen() const { return m_open; }
    /** Makes the writes permanent (or part of the caller's transaction); false on failure (rolled back). */
    bool commit();

private:
    void rollback();

    SqlStatements& m_statements;
    bool m_savepoint = false;
    bool m_open = false;
};

} // namespace lanchat
