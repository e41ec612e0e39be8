#pragma once

#include "storage.h"

#include <QList>

#include <optional>
#include <tuple>

class QSqlQuery;

namespace lanchat {

class SqlStatements;

/** The `blobs` and `uploads` tables behind SqliteStorage (see Storage for the contracts). */
class FileTable
{
public:
    explicit FileTable(SqlStatements& statements);

    bool hasBlob(const QByteArray& sha256);
    bool addBlob(const QByteArray& sha256, qint64 size);
    bool removeBlob(const QByteArray& sha256);
    QList<std::tuple<QByteArray, qint64, qint64>> blobs();
    qint64 blobBytes();
    bool conversationHasFile(ConversationId conversation, const QByteArray& sha256);
    bool userPostedFile(UserId user, const QByteArray& sha256);
    bool memberSeesFile(UserId user, const QByteArray& sha256);
    TransferId createUpload(const UploadRecord& upload);
    std::optional<UploadRecord> findUpload(UserId sender, ConversationId conversation, const QByteArray& sha256);
    std::optional<UploadRecord> upload(TransferId id);
    QList<UploadRecord> uploads();
    QList<UploadRecord> uploadsOf(UserId sender);
    qint64 uploadBytes();
    bool deleteUpload(TransferId id);

private:
    /** True if @p query (already run) yields a row; finishes it. */
    static bool hasRow(QSqlQuery* query);
    static QList<UploadRecord> readUploads(QSqlQuery* query);
    /** The single integer @p query (already run) yields, 0 when it failed; finishes it. */
    static qint64 readInteger(QSqlQuery* query);

    SqlStatements& m_statements;
};

} // namespace lanchat
