#pragma once

#include "messagewriter.h"
#include "storage.h"

#include <QList>

#include <optional>

class QSqlQuery;

namespace lanchat {

class SqlStatements;

/**
 * The `messages` table behind SqliteStorage (see Storage for the contracts). Reads go through the
 * (conversation, seq) index, so their cost grows with the rows returned, not with the table.
 */
class MessageTable
{
public:
    explicit MessageTable(SqlStatements& statements);

    /** One INSERT for a new message (MessageWriter); a second lookup only when (sender, client_msg_id) exists. */
    std::optional<AppendResult> append(const NewMessage& message);
    /** The raw-handle writer, also used by detached commits (SqliteCommit). */
    MessageWriter& writer() { return m_writer; }
    /** Messages only: Recall and Edit records are already applied to the rows they target. */
    QList<MessageRecord> history(ConversationId conversation, Seq before, int limit);
    QList<MessageRecord> historyAfter(ConversationId conversation, Seq after, int limit);
    std::optional<MessageRecord> message(ConversationId conversation, Seq seq);
    /**
     * Merges per-conversation index range scans of the user's conversations (each bounded by @p limit
     * and by the limit-th seq found so far), so a sync never walks other people's traffic.
     */
    QList<MessageRecord> since(UserId user, Seq since, int limit);
    /** One row by seq, any kind. */
    std::optional<MessageRecord> message(Seq seq);
    /** The Recall and Edit records of message @p seq, oldest first (the partial index on target). */
    QList<MessageRecord> actionsOn(Seq seq);
    Seq lastSeq();
    qint64 count(qint64 sinceMs);
    qint64 deleteBefore(qint64 beforeMs);

private:
    /** Appends every row of @p query to @p out and finishes the query. */
    static void readRecords(QSqlQuery* query, QList<MessageRecord>& out);

    SqlStatements& m_statements;
    MessageWriter m_writer;
};

} // namespace lanchat
