#include "audittable.h"

#include "sqlstatements.h"
#include "sqlwritescope.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <limits>

namespace lanchat {

namespace {

constexpr int kEditKind = 4; // messages.kind of Edit records (MessageWriter::kindColumn)

MessageKind kindFromColumn(int value)
{
    return value == 1 ? MessageKind::File : value == 2 ? MessageKind::System : MessageKind::Text;
}

} // namespace

AuditTable::AuditTable(SqlStatements& statements)
    : m_statements(statements)
{}

bool AuditTable::copy(Seq seq, const char* action, UserId actor, qint64 nowMs)
{
    return m_statements.change("INSERT INTO message_audit (conversation, seq, action, actor, action_ms, sender, "
                               "sent_ms, kind, text, file_name, file_size, file_sha256, previous_edited_ms) "
                               "SELECT conversation, seq, ?, ?, ?, sender, ts, kind, text, file_name, file_size, "
                               "file_sha256, edited_ms FROM messages WHERE seq = ? AND kind < 3",
                               {QString::fromLatin1(action), actor.value(), nowMs, seq}) == 1;
}

bool AuditTable::recall(Seq seq, UserId actor, qint64 nowMs)
{
    SqlWriteScope scope(m_statements);
    if (!scope.isOpen() || !copy(seq, "recall", actor, nowMs))
        return false;
    if (m_statements.change("UPDATE messages SET recalled_by = ?, text = NULL, file_name = NULL, file_size = NULL, "
                            "file_sha256 = NULL WHERE seq = ?",
                            {actor.value(), seq}) != 1)
        return false;
    // An Edit record holds the text it set: it must not keep what the recall took back.
    if (m_statements.change("UPDATE messages SET text = NULL WHERE target = ? AND kind = ?", {seq, kEditKind}) < 0)
        return false;
    return scope.commit();
}

bool AuditTable::edit(Seq seq, UserId actor, const QString& text, qint64 nowMs)
{
    SqlWriteScope scope(m_statements);
    if (!scope.isOpen() || !copy(seq, "edit", actor, nowMs))
        return false;
    if (m_statements.change("UPDATE messages SET text = ?, edited_ms = ? WHERE seq = ?", {text, nowMs, seq}) != 1)
        return false;
    // Earlier Edit records carry the latest text too: a device that syncs later never sees a replaced version.
    if (m_statements.change("UPDATE messages SET text = ? WHERE target = ? AND kind = ?", {text, seq, kEditKind}) < 0)
        return false;
    return scope.commit();
}

bool AuditTable::fileRecalled(ConversationId conversation, const QByteArray& sha256)
{
    QSqlQuery* query = m_statements.run("SELECT 1 FROM message_audit WHERE conversation = ? AND file_sha256 = ? "
                                        "AND action = 'recall' LIMIT 1",
                                        {conversation.value(), sha256});
    if (!query)
        return false;
    const bool found = query->next();
    query->finish();
    return found;
}

QList<AuditEntry> AuditTable::list(ConversationId conversation, qint64 sinceMs, int limit)
{
    QList<AuditEntry> entries;
    QSqlQuery* query = m_statements.run(
        "SELECT id, conversation, seq, action, actor, action_ms, sender, sent_ms, kind, text, file_name, file_size, "
        "file_sha256, previous_edited_ms FROM message_audit WHERE (? = 0 OR conversation = ?) AND action_ms >= ? "
        "ORDER BY action_ms, id LIMIT ?",
        {conversation.value(), conversation.value(), sinceMs,
         limit > 0 ? qint64(limit) : std::numeric_limits<qint64>::max()});
    if (!query)
        return entries;
    while (query->next()) {
        AuditEntry e;
        e.id = query->value(0).toLongLong();
        e.conversation = ConversationId(query->value(1).toLongLong());
        e.seq = query->value(2).toLongLong();
        e.action = query->value(3).toString();
        e.actor = UserId(query->value(4).toLongLong());
        e.actionMs = query->value(5).toLongLong();
        e.sender = UserId(query->value(6).toLongLong());
        e.sentMs = query->value(7).toLongLong();
        e.kind = kindFromColumn(query->value(8).toInt());
        e.text = query->value(9).toString();
        if (!query->isNull(12))
            e.file = FileRef{query->value(10).toString(), query->value(11).toLongLong(), query->value(12).toByteArray(),
                             false};
        e.previousEditedMs = query->value(13).toLongLong();
        entries.append(std::move(e));
    }
    query->finish();
    return entries;
}

qint64 AuditTable::deleteSentBefore(qint64 beforeMs)
{
    return std::max(0, m_statements.change("DELETE FROM message_audit WHERE sent_ms < ?", {beforeMs}));
}

} // namespace lanchat
