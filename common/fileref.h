#pragma once

#include <QByteArray>
#include <QCborMap>
#include <QString>

#include <optional>

namespace lanchat {

/**
 * The file a file message refers to (wire: `{name, size, sha256, expired?}`). Content is addressed by
 * sha256; any member of the conversation may download it with `file_read`.
 */
struct FileRef
{
    QString name;         ///< sender's file name, already sanitised by the server (no path parts)
    qint64 size = 0;      ///< bytes
    QByteArray sha256;    ///< 32 raw bytes
    bool expired = false; ///< content removed by retention; metadata stays in history

    QCborMap toCbor() const;
    static std::optional<FileRef> fromCbor(const QCborMap& map, QString* error = nullptr);
    bool operator==(const FileRef&) const = default;
};

} // namespace lanchat
