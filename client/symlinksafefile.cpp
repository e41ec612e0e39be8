#include "symlinksafefile.h"

#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace lanchat {

SymlinkSafeFile::Result SymlinkSafeFile::open(QFile& file)
{
    // Unbuffered: a full disk fails the chunk that hit it, not a later flush.
    constexpr QIODevice::OpenMode kMode = QIODevice::ReadWrite | QIODevice::Unbuffered;
#ifdef Q_OS_UNIX
    const int fd =
        ::open(QFile::encodeName(file.fileName()).constData(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0)
        return errno == ELOOP || errno == EMLINK ? Result::Symlink : Result::Failed;
    if (file.open(fd, kMode, QFileDevice::AutoCloseHandle))
        return Result::Ok;
    ::close(fd); // QFile does not take a descriptor it failed to open
    return Result::Failed;
#else
    if (QFileInfo(file.fileName()).isSymLink())
        return Result::Symlink;
    return file.open(kMode) ? Result::Ok : Result::Failed;
#endif
}

SymlinkSafeFile::Result SymlinkSafeFile::renameNoReplace(const QString& from, const QString& to)
{
    if (QFileInfo(to).isSymLink())
        return Result::Symlink;
#ifdef Q_OS_UNIX
    const QByteArray source = QFile::encodeName(from);
    const QByteArray target = QFile::encodeName(to);
#ifdef RENAME_NOREPLACE
    if (::renameat2(AT_FDCWD, source.constData(), AT_FDCWD, target.constData(), RENAME_NOREPLACE) == 0)
        return Result::Ok;
    if (errno == EEXIST)
        return Result::Symlink;
    if (errno != EINVAL && errno != ENOSYS)
        return Result::Failed;
#endif
    if (::link(source.constData(), target.constData()) == 0)
        return ::unlink(source.constData()) == 0 ? Result::Ok : Result::Failed;
    if (errno == EEXIST)
        return Result::Symlink;
#endif
    if (QFileInfo(to).isSymLink() || QFileInfo::exists(to))
        return Result::Symlink;
    return QFile::rename(from, to) ? Result::Ok : Result::Failed;
}

} // namespace lanchat
