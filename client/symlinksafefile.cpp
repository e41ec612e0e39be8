#include "symlinksafefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

// Each platform gets the strongest primitive it has; the includes below are the only platform headers of the
// client library and stay inside their blocks (scripts/portability-check.sh).
#if defined(Q_OS_UNIX)
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <qt_windows.h>
#endif

namespace lanchat {

namespace {

/** A symbolic link, a Windows junction or shortcut: anything that would send a write elsewhere. */
bool isLink(const QString& path)
{
    const QFileInfo info(path);
    return info.isSymLink() || info.isJunction();
}

} // namespace

SymlinkSafeFile::Result SymlinkSafeFile::open(QFile& file)
{
    // Unbuffered: a full disk fails the chunk that hit it, not a later flush.
    constexpr QIODevice::OpenMode kMode = QIODevice::ReadWrite | QIODevice::Unbuffered;
#ifdef Q_OS_UNIX
    // Linux, macOS and the BSDs: O_NOFOLLOW refuses a link in the same step as the open.
    const int fd =
        ::open(QFile::encodeName(file.fileName()).constData(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0)
        return errno == ELOOP || errno == EMLINK ? Result::Symlink : Result::Failed;
    if (file.open(fd, kMode, QFileDevice::AutoCloseHandle))
        return Result::Ok;
    ::close(fd); // QFile does not take a descriptor it failed to open
    return Result::Failed;
#else
    // Windows: creating a symbolic link needs a privilege ordinary accounts lack, but a junction does not, so
    // both are checked right before the open (the race between the two is accepted, see the header).
    if (isLink(file.fileName()))
        return Result::Symlink;
    return file.open(kMode) ? Result::Ok : Result::Failed;
#endif
}

SymlinkSafeFile::Result SymlinkSafeFile::renameNoReplace(const QString& from, const QString& to)
{
    if (isLink(to))
        return Result::Symlink;
#if defined(Q_OS_UNIX)
    const QByteArray source = QFile::encodeName(from);
    const QByteArray target = QFile::encodeName(to);
#if defined(RENAME_NOREPLACE)
    if (::renameat2(AT_FDCWD, source.constData(), AT_FDCWD, target.constData(), RENAME_NOREPLACE) == 0)
        return Result::Ok;
    if (errno == EEXIST)
        return Result::Symlink;
    if (errno != EINVAL && errno != ENOSYS)
        return Result::Failed;
#elif defined(Q_OS_DARWIN) && defined(RENAME_EXCL)
    if (::renamex_np(source.constData(), target.constData(), RENAME_EXCL) == 0)
        return Result::Ok;
    if (errno == EEXIST)
        return Result::Symlink;
    if (errno != ENOTSUP && errno != EINVAL)
        return Result::Failed;
#endif
    if (::link(source.constData(), target.constData()) == 0)
        return ::unlink(source.constData()) == 0 ? Result::Ok : Result::Failed;
    if (errno == EEXIST)
        return Result::Symlink;
#elif defined(Q_OS_WIN)
    // Without MOVEFILE_REPLACE_EXISTING the move fails when anything, a link or junction included, exists at
    // the target; without MOVEFILE_COPY_ALLOWED it never falls back to a copy that would open the target.
    const QString source = QDir::toNativeSeparators(from);
    const QString target = QDir::toNativeSeparators(to);
    if (::MoveFileExW(reinterpret_cast<const wchar_t*>(source.utf16()),
                      reinterpret_cast<const wchar_t*>(target.utf16()), MOVEFILE_WRITE_THROUGH))
        return Result::Ok;
    const DWORD error = ::GetLastError();
    return error == ERROR_ALREADY_EXISTS || error == ERROR_FILE_EXISTS ? Result::Symlink : Result::Failed;
#endif
#ifndef Q_OS_WIN
    // Unix without link() support on this file system, or a platform Qt supports that is neither.
    if (isLink(to) || QFileInfo::exists(to))
        return Result::Symlink;
    return QFile::rename(from, to) ? Result::Ok : Result::Failed;
#endif
}

} // namespace lanchat
