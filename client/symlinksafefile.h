#pragma once

#include <QString>

class QFile;

namespace lanchat {

/**
 * File operations for downloads that never go through a symbolic link. Whoever can write to the download
 * folder (a shared folder, another local account) could otherwise plant `name.part` or `name` as a link to any
 * file of the user and have the next download overwrite or create it. Stateless; any thread.
 */
class SymlinkSafeFile
{
public:
    enum class Result
    {
        Ok,
        Symlink, ///< the path is a symbolic link (for a rename target: or it exists by now); nothing was written
        Failed,  ///< any other error (permissions, disk)
    };

    /**
     * Opens @p file (its fileName()) read-write and unbuffered, creating it, but never through a symbolic link.
     * On Unix (Linux, macOS) O_NOFOLLOW makes the check and the open one step, so a link planted between a check
     * and the open cannot win; on Windows a check for a symbolic link or junction right before the open is the
     * best Qt offers, and that race is accepted.
     */
    static Result open(QFile& file);

    /**
     * Renames @p from to @p to unless @p to exists in any form, a dangling symbolic link included. QFile::rename
     * is not enough: when its rename fails it falls back to copying, and the copy opens @p to, following a link.
     * Linux: renameat2(RENAME_NOREPLACE); macOS: renamex_np(RENAME_EXCL); other Unix or file systems without them:
     * link() + unlink(), which never follow or replace the target either; Windows: MoveFileExW without
     * MOVEFILE_REPLACE_EXISTING (fails on any existing target, never copies); elsewhere a check right before the
     * rename (race accepted).
     */
    static Result renameNoReplace(const QString& from, const QString& to);
};

} // namespace lanchat
