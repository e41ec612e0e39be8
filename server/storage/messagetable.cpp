#include "messagetable.h"

#include "sqlstatements.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <limits>

namespace lanchat {

namespace {

constexpr Seq kNoUpperBound = std::numeric_limits<Seq>::max();

// The columns readRecords() expects, in its order; a query appends its WHERE clause. A literal, not a constant:
// SqlStatements caches prepared statements by the address of their string literal.
#define LANCHAT_SELECT_RECORD                                                                                          \
    "SELECT m.seq, m.conversation, m.sender, m.ts, m.client_msg_id, m.kind, m.text, "                                  \
    "m.file_name, m.file_size, m.file_sha256, b.sha256 IS NULL, "                                                      \
    "m.event, m.event_actor, m.event_target, m.event_name, m.target, m.recalled_by, m.edited_ms, "                     \
    "m.mentions, m.mention_all, m.reply_to "                                                                           \
    "FROM messages m LEFT JOIN blobs b ON b.sha256 = m.file_sha256 "

// Stored values of messages.kind (0001_initial.sql); the inverse of MessageWriter::kindColumn().
MessageKind kindFromColumn(int value)
{
    switch (value) {
    case 1:
        return MessageKind::File;
    case 2:
        return MessageKind::System;
    case 3:
        return MessageKind::Recall;
    case 4:
        return MessageKind::Edit;
    default:
        return MessageKind::Text;
    }
}

// The inverse of MessageWriter's mentions column: ids joined by ','.
Mentions mentionsFromColumns(const QString& ids, bool all)
{
    Mentions mentions;
    mentions.all = all;
    for (QStringView id : QStringView(ids).split(u',', Qt::SkipEmptyParts))
        mentions.users.append(UserId(id.toLongLong()));
    return mentions;
}

} // namespace

MessageTable::MessageTable(SqlStatements& statements)
    : m_statements(statements)
    , m_writer(statements.handle())
{}

std::optional<AppendResult> MessageTable::append(const NewMessage& message)
{
    m_statements.awaitAttached(); // the writer uses the raw handle, past SqlStatements' own waits
    std::optional<AppendResult> result = m_writer.append(message, QDateTime::currentMSecsSinceEpoch());
    // Outside a transaction the insert committed on its own: index it now (if this fails, or the process dies
    // first, it stays queued for the next flush; the message itself is stored either way).
    if (result && !m_statements.inTransaction())
        m_writer.flushSearchIndex();
    return result;
}

QList<MessageRecord> MessageTable::history(ConversationId conversation, Seq before, int limit)
{
    QList<MessageRecord> records;
    if (limit <= 0)
        return records;
    readRecords(m_statements.run(LANCHAT_SELECT_RECORD
                                 "WHERE m.conversation = ? AND m.seq < ? AND m.kind < 3 ORDER BY m.seq DESC LIMIT ?",
                                 {conversation.value(), before > 0 ? before : kNoUpperBound, limit}),
                records);
    return records;
}

QList<MessageRecord> MessageTable::historyAfter(ConversationId conversation, Seq after, int limit)
{
    QList<MessageRecord> records;
    if (limit <= 0)
        return records;
    readRecords(m_statements.run(LANCHAT_SELECT_RECORD
                                 "WHERE m.conversation = ? AND m.seq > ? AND m.kind < 3 ORDER BY m.seq LIMIT ?",
                                 {conversation.value(), after, limit}),
                records);
    return records;
}

std::optional<MessageRecord> MessageTable::message(ConversationId conversation, Seq seq)
{
    QList<MessageRecord> records;
    readRecords(m_statements.run(LANCHAT_SELECT_RECORD "WHERE m.seq = ? AND m.conversation = ? AND m.kind < 3",
                                 {seq, conversation.value()}),
                records);
    if (records.isEmpty())
        return std::nullopt;
    return records.constFirst();
}

QList<MessageRecord> MessageTable::since(UserId user, Seq since, int limit)
{
    QList<MessageRecord> records;
    if (limit <= 0)
        return records;
    QList<qint64> conversations;
    // Only conversations with something newer than `since`: one index probe each inside SQLite, instead
    // of a round trip through QtSql per conversation (users have hundreds of mostly quiet private chats).
    QSqlQuery* query = m_statements.run("SELECT m.conversation FROM members m WHERE m.user_id = ? AND "
                                        "(SELECT MAX(seq) FROM messages WHERE conversation = m.conversation) > ?",
                                        {user.value(), since});
    if (!query)
        return records;
    while (query->next())
        conversations.append(query->value(0).toLongLong());
    query->finish();
    const auto bySeq = [](const MessageRecord& a, const MessageRecord& b) { return a.seq < b.seq; };
    Seq upper = kNoUpperBound; // once `limit` rows are found, later conversations only need smaller seqs
    for (qint64 conversation : conversations) {
        readRecords(m_statements.run(LANCHAT_SELECT_RECORD "WHERE m.conversation = ? AND m.seq > ? AND m.seq < ? "
                                                           "ORDER BY m.seq LIMIT ?",
                                     {conversation, since, upper, limit}),
                    records);
        if (records.size() >= limit) {
            std::sort(records.begin(), records.end(), bySeq);
            records.resize(limit);
            upper = records.last().seq;
        }
    }
    std::sort(records.begin(), records.end(), bySeq);
    return records;
}

std::optional<MessageRecord> MessageTable::message(Seq seq)
{
    QList<MessageRecord> records;
    readRecords(m_statements.run(LANCHAT_SELECT_RECORD "WHERE m.seq = ?", {seq}), records);
    if (records.isEmpty())
        return std::nullopt;
    return records.first();
}

QList<MessageRecord> MessageTable::actionsOn(Seq seq)
{
    QList<MessageRecord> records;
    readRecords(m_statements.run(LANCHAT_SELECT_RECORD "WHERE m.target = ? ORDER BY m.seq", {seq}), records);
    return records;
}

Seq MessageTable::lastSeq()
{
    QSqlQuery* query = m_statements.run("SELECT MAX(seq) FROM messages", {});
    if (!query)
        return 0;
    const Seq seq = query->next() ? query->value(0).toLongLong() : 0;
    query->finish();
    return seq;
}

qint64 MessageTable::count(qint64 sinceMs)
{
    // No index on ts (it would slow every append): an admin statistic may scan.
    QSqlQuery* query = m_statements.run("SELECT COUNT(*) FROM messages WHERE ts >= ?", {sinceMs});
    if (!query)
        return 0;
    const qint64 count = query->next() ? query->value(0).toLongLong() : 0;
    query->finish();
    return count;
}

qint64 MessageTable::deleteBefore(qint64 beforeMs)
{
    return std::max(0, m_statements.change("DELETE FROM messages WHERE ts < ?", {beforeMs}));
}

void MessageTable::readRecords(QSqlQuery* query, QList<MessageRecord>& out)
{
    if (!query)
        return;
    while (query->next()) {
        MessageRecord record;
        record.seq = query->value(0).toLongLong();
        record.conversation = ConversationId(query->value(1).toLongLong());
        record.sender = UserId(query->value(2).toLongLong());
        record.timestampMs = query->value(3).toLongLong();
        const QByteArray clientMsgId = query->value(4).toByteArray();
        if (clientMsgId.size() == 16)
            record.clientMsgId = QUuid::fromRfc4122(clientMsgId);
        record.kind = kindFromColumn(query->value(5).toInt());
        record.text = query->value(6).toString();
        if (!query->isNull(9)) {
            record.file = FileRef{query->value(7).toString(), query->value(8).toLongLong(),
                                  query->value(9).toByteArray(), query->value(10).toBool()};
        }
        if (!query->isNull(11)) {
            if (const auto type = SystemEvent::typeFromName(query->value(11).toString())) {
                record.event = SystemEvent{*type, UserId(query->value(12).toLongLong()),
                                           UserId(query->value(13).toLongLong()), query->value(14).toString()};
            }
        }
        record.target = query->value(15).toLongLong();
        if (!query->isNull(16))
            record.recalledBy = UserId(query->value(16).toLongLong());
        record.editedMs = query->value(17).toLongLong();
        record.mentions = mentionsFromColumns(query->value(18).toString(), query->value(19).toBool());
        if (!query->isNull(20)) {
            record.reply = ReplyQuote();
            record.reply->seq = query->value(20).toLongLong();
        }
        out.append(std::move(record));
    }
    query->finish();
}

} // namespace lanchat
