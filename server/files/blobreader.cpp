#include "blobreader.h"

#include "messages/filemessages.h"
#include "sha256.h"

#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lanchat {

BlobReader::~BlobReader()
{
    for (const Open& entry : m_open)
        ::close(entry.fd);
}

BlobReader::Open* BlobReader::open(const QString& path)
{
    for (auto it = m_open.begin(); it != m_open.end(); ++it) {
        if (it->path != path)
            continue;
        struct stat info = {};
        if (::fstat(it->fd, &info) == 0 && info.st_nlink > 0) {
            it->size = info.st_size; // blobs never change in place, but a replaced one is a new file
            it->lastUsed = ++m_clock;
            return &*it;
        }
        ::close(it->fd); // unlinked since it was opened: expired or replaced
        m_open.erase(it);
        break;
    }
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return nullptr;
    struct stat info = {};
    if (::fstat(fd, &info) != 0) {
        ::close(fd);
        return nullptr;
    }
    if (m_open.size() >= size_t(kMaxOpenBlobs)) {
        auto oldest = m_open.begin();
        for (auto it = m_open.begin(); it != m_open.end(); ++it) {
            if (it->lastUsed < oldest->lastUsed)
                oldest = it;
        }
        ::close(oldest->fd);
        m_open.erase(oldest);
    }
    m_open.push_back({path, fd, qint64(info.st_size), ++m_clock});
    return &m_open.back();
}

bool BlobReader::readFully(int fd, char* into, qint64 length, qint64 offset)
{
    while (length > 0) {
        const ssize_t n = ::pread(fd, into, size_t(length), off_t(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        into += n;
        offset += n;
        length -= n;
    }
    return true;
}

BlobReader::Frame BlobReader::readFrame(const QString& path, quint64 id, qint64 offset, qint64 length)
{
    Frame result;
    Open* blob = open(path);
    if (!blob)
        return result;
    result.size = blob->size;
    if (offset > blob->size) {
        result.status = Status::BeyondEnd;
        return result;
    }
    const qint64 n = qMin(length, blob->size - offset);
    result.frame = FileData::encodeFrame(id, offset, blob->size, qsizetype(n));
    if (!readFully(blob->fd, result.frame.data() + result.frame.size() - n, n, offset)) {
        result.frame.clear();
        return result; // Missing: shorter than its size says, or an I/O error
    }
    result.status = Status::Ok;
    return result;
}

QByteArray BlobReader::proof(const QString& path, const QByteArray& nonce,
                             const QList<std::pair<qint64, qint64>>& ranges)
{
    Open* blob = open(path);
    if (!blob)
        return {};
    Sha256 hash;
    hash.addData(nonce);
    QByteArray buffer;
    for (const auto& [offset, length] : ranges) {
        if (offset < 0 || length < 0 || offset + length > blob->size)
            return {};
        buffer.resize(length);
        if (!readFully(blob->fd, buffer.data(), length, offset))
            return {};
        hash.addData(buffer);
    }
    return hash.result();
}

} // namespace lanchat
