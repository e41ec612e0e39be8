#include "filetable.h"

#include "sqlstatements.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace lanchat {

FileTable::FileTable(SqlStatements& statements)
    : m_statements(statements)
{}

bool FileTable::hasBlob(const QByteArray& sha256)
{
    return hasRow(m_statements.run("SELECT 1 FROM blobs WHERE sha256 = ?", {sha256}));
}

bool FileTable::addBlob(const QByteArray& sha256, qint64 size)
{
    // Adding a blob the store already has is not an error: two uploads of one file may finish together.
    return m_statements.change("INSERT INTO blobs (sha256, size, created_ms) VALUES (?, ?, ?) "
                               "ON CONFLICT (sha256) DO NOTHING",
                               {sha256, size, QDateTime::currentMSecsSinceEpoch()}) >= 0;
}

bool FileTable::removeBlob(const QByteArray& sha256)
{
    return m_statements.change("DELETE FROM blobs WHERE sha256 = ?", {sha256}) == 1;
}

QList<std::tuple<QByteArray, qint64, qint64>> FileTable::blobs()
{
    QList<std::tuple<QByteArray, qint64, qint64>> result;
    QSqlQuery* query = m_statements.run("SELECT sha256, size, created_ms FROM blobs ORDER BY created_ms, sha256", {});
    if (!query)
        return result;
    while (query->next())
        result.append({query->value(0).toByteArray(), query->value(1).toLongLong(), query->value(2).toLongLong()});
    query->finish();
    return result;
}

qint64 FileTable::blobBytes()
{
    return readInteger(m_statements.run("SELECT COALESCE(SUM(size), 0) FROM blobs", {}));
}

bool FileTable::conversationHasFile(ConversationId conversation, const QByteArray& sha256)
{
    // The "file_sha256 IS NOT NULL" term lets SQLite use the partial index messages_by_file.
    return hasRow(m_statements.run("SELECT 1 FROM messages WHERE file_sha256 = ? AND file_sha256 IS NOT NULL "
                                   "AND conversation = ? LIMIT 1",
                                   {sha256, conversation.value()}));
}

bool FileTable::userPostedFile(UserId user, const QByteArray& sha256)
{
    // messages_by_file narrows to this content's few messages; the sender is checked on those.
    return hasRow(m_statements.run("SELECT 1 FROM messages WHERE file_sha256 = ? AND file_sha256 IS NOT NULL "
                                   "AND sender = ? LIMIT 1",
                                   {sha256, user.value()}));
}

bool FileTable::memberSeesFile(UserId user, const QByteArray& sha256)
{
    // messages_by_file yields the content's few (conversation) pairs; members' primary key checks each.
    return hasRow(m_statements.run("SELECT 1 FROM messages m JOIN members b ON b.conversation = m.conversation "
                                   "WHERE m.file_sha256 = ? AND m.file_sha256 IS NOT NULL AND b.user_id = ? LIMIT 1",
                                   {sha256, user.value()}));
}

TransferId FileTable::createUpload(const UploadRecord& upload)
{
    const qint64 created = upload.createdMs > 0 ? upload.createdMs : QDateTime::currentMSecsSinceEpoch();
    const QVariant clientMsgId = upload.clientMsgId.isNull() ? QVariant(QMetaType::fromType<QByteArray>())
                                                             : QVariant(upload.clientMsgId.toRfc4122());
    QSqlQuery* query = m_statements.run("INSERT INTO uploads (sender, conversation, client_msg_id, name, size, sha256, "
                                        "created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                        {upload.sender.value(), upload.conversation.value(), clientMsgId, upload.name,
                                         upload.size, upload.sha256, created});
    return query ? TransferId(query->lastInsertId().toLongLong()) : TransferId();
}

std::optional<UploadRecord> FileTable::findUpload(UserId sender, ConversationId conversation, const QByteArray& sha256)
{
    const QList<UploadRecord> found = readUploads(
        m_statements.run("SELECT id, sender, conversation, client_msg_id, name, size, sha256, created_ms FROM uploads "
                         "WHERE sender = ? AND conversation = ? AND sha256 = ? ORDER BY id DESC LIMIT 1",
                         {sender.value(), conversation.value(), sha256}));
    return found.isEmpty() ? std::nullopt : std::optional<UploadRecord>(found.first());
}

std::optional<UploadRecord> FileTable::upload(TransferId id)
{
    const QList<UploadRecord> found = readUploads(
        m_statements.run("SELECT id, sender, conversation, client_msg_id, name, size, sha256, created_ms FROM uploads "
                         "WHERE id = ?",
                         {id.value()}));
    return found.isEmpty() ? std::nullopt : std::optional<UploadRecord>(found.first());
}

QList<UploadRecord> FileTable::uploads()
{
    return readUploads(m_statements.run(
        "SELECT id, sender, conversation, client_msg_id, name, size, sha256, created_ms FROM uploads ORDER BY id", {}));
}

QList<UploadRecord> FileTable::uploadsOf(UserId sender)
{
    return readUploads(
        m_statements.run("SELECT id, sender, conversation, client_msg_id, name, size, sha256, created_ms "
                         "FROM uploads WHERE sender = ? ORDER BY id",
                         {sender.value()}));
}

qint64 FileTable::uploadBytes()
{
    return readInteger(m_statements.run("SELECT COALESCE(SUM(size), 0) FROM uploads", {}));
}

bool FileTable::deleteUpload(TransferId id)
{
    return m_statements.change("DELETE FROM uploads WHERE id = ?", {id.value()}) == 1;
}

bool FileTable::hasRow(QSqlQuery* query)
{
    if (!query)
        return false;
    const bool found = query->next();
    query->finish();
    return found;
}

qint64 FileTable::readInteger(QSqlQuery* query)
{
    if (!query)
        return 0;
    const qint64 value = query->next() ? query->value(0).toLongLong() : 0;
    query->finish();
    return value;
}

QList<UploadRecord> FileTable::readUploads(QSqlQuery* query)
{
    QList<UploadRecord> uploads;
    if (!query)
        return uploads;
    while (query->next()) {
        UploadRecord upload;
        upload.id = TransferId(query->value(0).toLongLong());
        upload.sender = UserId(query->value(1).toLongLong());
        upload.conversation = ConversationId(query->value(2).toLongLong());
        const QByteArray clientMsgId = query->value(3).toByteArray();
        if (clientMsgId.size() == 16)
            upload.clientMsgId = QUuid::fromRfc4122(clientMsgId);
        upload.name = query->value(4).toString();
        upload.size = query->value(5).toLongLong();
        upload.sha256 = query->value(6).toByteArray();
        upload.createdMs = query->value(7).toLongLong();
        uploads.append(upload);
    }
    query->finish();
    return uploads;
}

} // namespace lanchat
