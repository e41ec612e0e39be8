#include "partfile.h"

#include "logging.h"

#include <QDir>
#include <QFileInfo>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lanchat {

PartFile::PartFile(const QString& path, qint64 size)
    : m_file(path)
    , m_size(size)
{}

qint64 PartFile::open()
{
    // 0600 whatever the umask: uploads are readable by the server's account only. A part left by an older version
    // with a wider mode is narrowed too (it becomes a blob by rename, which keeps the mode); a device node (a test's
    // /dev/full) is left alone.
    if (!m_file.open(QIODevice::ReadWrite | QIODevice::Unbuffered, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        qCWarning(lcServer) << "cannot open part" << m_file.fileName() << m_file.errorString();
        return -1;
    }
    struct stat status;
    if (::fstat(m_file.handle(), &status) == 0 && S_ISREG(status.st_mode) && (status.st_mode & 07777) != 0600)
        ::fchmod(m_file.handle(), 0600);
    qint64 have = m_file.size();
    if (have > m_size) {
        m_file.resize(0);
        have = 0;
    }
    m_file.seek(have);
    return have;
}

void PartFile::setWritten(qint64 written)
{
    if (written == 0)
        m_file.resize(0);
    m_file.seek(written);
    m_written = written;
    m_writebackFrom = written;
}

PartFile::Outcome PartFile::write(const QByteArray& data)
{
    if (!m_file.isOpen())
        return Outcome::Failed; // closed (evicted): never delete a resumable part because of a stray job
    if (m_failed || m_discarded)
        return fail();
    if (!data.isEmpty() && m_file.write(data) != data.size()) {
        qCWarning(lcServer) << "write failed on" << m_file.fileName() << m_file.errorString();
        return fail();
    }
    m_written += data.size();
    if (m_written - m_writebackFrom >= kWritebackBytes)
        startWriteback();
    return Outcome::Written;
}

void PartFile::startWriteback()
{
    // Errors are ignored: nothing depends on it, and a failing disk shows in the next write or in commit()'s fsync.
    ::sync_file_range(m_file.handle(), m_writebackFrom, m_written - m_writebackFrom, SYNC_FILE_RANGE_WRITE);
    m_writebackFrom = m_written;
}

PartFile::Outcome PartFile::commit(const QString& blobPath)
{
    if (m_failed || m_discarded || !m_file.isOpen() || ::fsync(m_file.handle()) != 0)
        return fail();
    m_file.close();
    QDir().mkpath(QFileInfo(blobPath).path());
    QFile::remove(blobPath); // a blob file without its row (earlier crash) is replaced by verified bytes
    if (!QFile::rename(m_file.fileName(), blobPath)) {
        qCWarning(lcServer) << "cannot move" << m_file.fileName() << "into the store";
        return fail();
    }
    return Outcome::Written;
}

PartFile::Outcome PartFile::fail()
{
    if (!m_failed) {
        m_failed = true;
        remove();
    }
    return Outcome::Failed;
}

void PartFile::close()
{
    m_file.close();
}

void PartFile::remove()
{
    m_file.close();
    QFile::remove(m_file.fileName());
}

} // namespace lanchat
