#include "sqlitecommit.h"

#include "messagewriter.h"
#include "sqlstatements.h"

#include <QDateTime>

namespace lanchat {

SqliteCommit::SqliteCommit(SqlStatements& statements, MessageWriter& writer, QList<NewMessage> appends, bool beginHere)
    : m_statements(statements)
    , m_writer(writer)
    , m_appends(std::move(appends))
    , m_beginHere(beginHere)
{}

SqliteCommit::~SqliteCommit()
{
    if (!m_ran)
        run(); // never leave the connection detached (and its transaction open) forever
}

void SqliteCommit::run()
{
    if (m_ran)
        return;
    m_ran = true;
    m_results.reserve(m_appends.size());
    if (m_beginHere && !m_writer.execute("BEGIN IMMEDIATE")) {
        m_results.fill(std::nullopt, m_appends.size());
        m_statements.release();
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const NewMessage& message : std::as_const(m_appends))
        m_results.append(m_writer.append(message, now));
    m_committed = m_writer.flushSearchIndex() && m_writer.execute("COMMIT");
    if (!m_committed)
        m_writer.execute("ROLLBACK"); // a failed flush or COMMIT (disk full, I/O) leaves the transaction open
    m_statements.release();
}

} // namespace lanchat
