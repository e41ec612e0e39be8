#pragma once

#include "storage.h"

namespace lanchat {

class MessageWriter;
class SqlStatements;

/**
 * SqliteStorage's DetachedCommit: on the commit thread, BEGIN IMMEDIATE unless the storage's thread already
 * opened the transaction, every append through MessageWriter, COMMIT (ROLLBACK on failure), then hands the
 * connection back (SqlStatements::release()). One timestamp for the batch: it is committed as one.
 */
class SqliteCommit final : public DetachedCommit
{
public:
    /** @p statements must already be detached (SqlStatements::detach()). */
    SqliteCommit(SqlStatements& statements, MessageWriter& writer, QList<NewMessage> appends, bool beginHere);
    ~SqliteCommit() override;

    void run() override;

private:
    SqlStatements& m_statements;
    MessageWriter& m_writer;
    QList<NewMessage> m_appends;
    bool m_beginHere;
    bool m_ran = false;
};

} // namespace lanchat
