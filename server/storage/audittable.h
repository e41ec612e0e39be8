#pragma once

#include "storage.h"

#include <QList>

namespace lanchat {

class SqlStatements;

/**
 * The `message_audit` table (schema 7) behind SqliteStorage, and the state changes of a recall or an edit that
 * go with each audit row (see Storage::recallMessage(), editMessage()): one SqlWriteScope, so the original is
 * never lost without its copy, nor copied without the change.
 */
class AuditTable
{
public:
    explicit AuditTable(SqlStatements& statements);

    bool recall(Seq seq, UserId actor, qint64 nowMs);
    bool edit(Seq seq, UserId actor, const QString& text, qint64 nowMs);
    bool fileRecalled(ConversationId conversation, const QByteArray& sha256);
    QList<AuditEntry> list(ConversationId conversation, qint64 sinceMs, int limit);
    /** Deletes the rows of messages sent before @p beforeMs (retention); returns how many. */
    qint64 deleteSentBefore(qint64 beforeMs);

private:
    /** Copies message @p seq into the audit table as @p action; false if there is no such message. */
    bool copy(Seq seq, const char* action, UserId actor, qint64 nowMs);

    SqlStatements& m_statements;
};

} // namespace lanchat
