#include "messagewriter.h"

#include "logging.h"
#include "searchindex.h"

#include <QStringList>

#include <array>
#include <sqlite3.h>

namespace lanchat {

namespace {

constexpr const char* kInsertSql = "INSERT INTO messages (conversation, sender, client_msg_id, kind, text, file_name, "
                                   "file_size, file_sha256, ts, event, event_actor, event_target, event_name, target, "
                                   "mentions, mention_all, reply_to) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                   "ON CONFLICT (client_msg_id) DO NOTHING";
constexpr const char* kOriginalSql = "SELECT seq, ts, sender FROM messages WHERE client_msg_id = ?";

/** RFC 4122 byte order, as QUuid::toRfc4122() stores it, without allocating a QByteArray. */
std::array<unsigned char, 16> uuidBytes(const QUuid& id)
{
    std::array<unsigned char, 16> bytes{};
    for (int i = 0; i < 4; ++i)
        bytes[size_t(i)] = static_cast<unsigned char>(id.data1 >> (24 - 8 * i));
    bytes[4] = static_cast<unsigned char>(id.data2 >> 8);
    bytes[5] = static_cast<unsigned char>(id.data2);
    bytes[6] = static_cast<unsigned char>(id.data3 >> 8);
    bytes[7] = static_cast<unsigned char>(id.data3);
    for (int i = 0; i < 8; ++i)
        bytes[size_t(8 + i)] = id.data4[i];
    return bytes;
}

void bindText(sqlite3_stmt* statement, int index, const QString& text)
{
    if (text.isEmpty())
        sqlite3_bind_null(statement, index);
    else // SQLITE_STATIC: the QString outlives the step; SQLite converts UTF-16 to the file's UTF-8 itself
        sqlite3_bind_text16(statement, index, text.utf16(), int(text.size() * 2), SQLITE_STATIC);
}

void bindClientMsgId(sqlite3_stmt* statement, int index, const NewMessage& message,
                     const std::array<unsigned char, 16>& clientMsgId)
{
    if (message.clientMsgId.isNull())
        sqlite3_bind_null(statement, index);
    else
        sqlite3_bind_blob(statement, index, clientMsgId.data(), int(clientMsgId.size()), SQLITE_STATIC);
}

/** Binds the four event columns from @p index on: all NULL for a message without an event. */
void bindEvent(sqlite3_stmt* statement, int index, const std::optional<SystemEvent>& event)
{
    if (!event) {
        for (int i = 0; i < 4; ++i)
            sqlite3_bind_null(statement, index + i);
        return;
    }
    const QLatin1String type = SystemEvent::typeName(event->type);
    sqlite3_bind_text(statement, index, type.data(), int(type.size()), SQLITE_STATIC);
    sqlite3_bind_int64(statement, index + 1, event->actor.value());
    if (event->target.isValid())
        sqlite3_bind_int64(statement, index + 2, event->target.value());
    else
        sqlite3_bind_null(statement, index + 2);
    bindText(statement, index + 3, event->name);
}

/** The mentions column (0009_mentions.sql): ids joined by ','. */
QString mentionsColumn(const Mentions& mentions)
{
    QStringList ids;
    ids.reserve(mentions.users.size());
    for (UserId user : mentions.users)
        ids.append(QString::number(user.value()));
    return ids.join(u',');
}

} // namespace

MessageWriter::MessageWriter(sqlite3* db)
    : m_db(db)
{}

MessageWriter::~MessageWriter()
{
    for (sqlite3_stmt* statement : {m_insert, m_original, m_begin, m_commit, m_rollback, m_flushIndex, m_flushQueue})
        sqlite3_finalize(statement); // a no-op on nullptr
}

int MessageWriter::kindColumn(MessageKind kind)
{
    // Spelled out so reordering the enum cannot remap stored rows.
    switch (kind) {
    case MessageKind::Text:
        return 0;
    case MessageKind::File:
        return 1;
    case MessageKind::System:
        return 2;
    case MessageKind::Recall:
        return 3;
    case MessageKind::Edit:
        return 4;
    }
    return 0;
}

sqlite3_stmt* MessageWriter::statement(sqlite3_stmt*& slot, const char* sql)
{
    if (!slot && m_db) {
        if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &slot, nullptr) != SQLITE_OK) {
            qCWarning(lcStorage) << "cannot prepare statement:" << sqlite3_errmsg(m_db) << "SQL:" << sql;
            slot = nullptr;
        }
    }
    return slot;
}

bool MessageWriter::run(sqlite3_stmt*& slot, const char* sql)
{
    sqlite3_stmt* query = statement(slot, sql);
    if (!query)
        return false;
    const int rc = sqlite3_step(query);
    sqlite3_reset(query);
    if (rc != SQLITE_DONE) {
        qCWarning(lcStorage) << sql << "failed:" << sqlite3_errmsg(m_db);
        return false;
    }
    return true;
}

bool MessageWriter::execute(const char* sql)
{
    return run(sql[0] == 'B' ? m_begin : sql[0] == 'C' ? m_commit : m_rollback, sql);
}

bool MessageWriter::flushSearchIndex()
{
    return !m_searchIndexed ||
           (run(m_flushIndex, SearchIndex::kFlushIndexSql) && run(m_flushQueue, SearchIndex::kFlushQueueSql));
}

std::optional<AppendResult> MessageWriter::append(const NewMessage& message, qint64 nowMs)
{
    sqlite3_stmt* insert = statement(m_insert, kInsertSql);
    if (!insert)
        return std::nullopt;
    const std::array<unsigned char, 16> clientMsgId = uuidBytes(message.clientMsgId);
    const FileRef* file = message.file ? &*message.file : nullptr;
    sqlite3_bind_int64(insert, 1, message.conversation.value());
    if (message.sender.isValid())
        sqlite3_bind_int64(insert, 2, message.sender.value());
    else
        sqlite3_bind_null(insert, 2);
    bindClientMsgId(insert, 3, message, clientMsgId);
    sqlite3_bind_int(insert, 4, kindColumn(message.kind));
    bindText(insert, 5, message.text);
    if (file) {
        bindText(insert, 6, file->name);
        sqlite3_bind_int64(insert, 7, file->size);
        sqlite3_bind_blob(insert, 8, file->sha256.constData(), int(file->sha256.size()), SQLITE_STATIC);
    } else {
        sqlite3_bind_null(insert, 6);
        sqlite3_bind_null(insert, 7);
        sqlite3_bind_null(insert, 8);
    }
    sqlite3_bind_int64(insert, 9, nowMs);
    bindEvent(insert, 10, message.event);
    if (message.target > 0)
        sqlite3_bind_int64(insert, 14, message.target);
    else
        sqlite3_bind_null(insert, 14);
    const QString mentions = mentionsColumn(message.mentions); // bound SQLITE_STATIC: outlives the step
    bindText(insert, 15, mentions);
    sqlite3_bind_int(insert, 16, message.mentions.all ? 1 : 0);
    if (message.replyTo > 0)
        sqlite3_bind_int64(insert, 17, message.replyTo);
    else
        sqlite3_bind_null(insert, 17);
    const int rc = sqlite3_step(insert);
    const bool inserted = rc == SQLITE_DONE && sqlite3_changes(m_db) == 1;
    const Seq seq = sqlite3_last_insert_rowid(m_db);
    sqlite3_reset(insert);
    sqlite3_clear_bindings(insert); // drop the SQLITE_STATIC pointers into this call's buffers
    if (rc != SQLITE_DONE) {
        qCWarning(lcStorage) << "append failed:" << sqlite3_errmsg(m_db);
        return std::nullopt;
    }
    if (inserted)
        return AppendResult{seq, nowMs, false};
    return original(message);
}

std::optional<AppendResult> MessageWriter::original(const NewMessage& message)
{
    sqlite3_stmt* query = statement(m_original, kOriginalSql);
    if (!query)
        return std::nullopt;
    const std::array<unsigned char, 16> clientMsgId = uuidBytes(message.clientMsgId);
    bindClientMsgId(query, 1, message, clientMsgId);
    std::optional<AppendResult> result;
    if (sqlite3_step(query) == SQLITE_ROW) {
        if (sqlite3_column_int64(query, 2) == message.sender.value())
            result = AppendResult{sqlite3_column_int64(query, 0), sqlite3_column_int64(query, 1), true};
        else
            result = AppendResult{0, 0, false, true};
    }
    sqlite3_reset(query);
    sqlite3_clear_bindings(query);
    return result;
}

} // namespace lanchat
