#include "sqlwritescope.h"

#include "sqlstatements.h"

#include <QSqlQuery>

namespace lanchat {

namespace {

bool run(SqlStatements& statements, const char* sql)
{
    QSqlQuery* query = statements.prepared(sql);
    return query && statements.exec(*query);
}

} // namespace

SqlWriteScope::SqlWriteScope(SqlStatements& statements)
    : m_statements(statements)
    , m_savepoint(statements.inTransaction())
{
    m_open = m_savepoint ? run(m_statements, "SAVEPOINT lanchat_write") : m_statements.begin();
}

SqlWriteScope::~SqlWriteScope()
{
    if (m_open)
        rollback();
}

bool SqlWriteScope::commit()
{
    if (!m_open)
        return false;
    m_open = false;
    if (m_savepoint)
        return run(m_statements, "RELEASE SAVEPOINT lanchat_write");
    return m_statements.commit();
}

void SqlWriteScope::rollback()
{
    m_open = false;
    if (m_savepoint) {
        run(m_statements, "ROLLBACK TO SAVEPOINT lanchat_write");
        run(m_statements, "RELEASE SAVEPOINT lanchat_write");
    } else {
        m_statements.rollback();
    }
}

} // namespace lanchat
