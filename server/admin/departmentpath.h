#pragma once

#include "ids.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace lanchat {

class DirectoryStore;

/**
 * A department addressed by its path of names from the top, "总部/研发部/平台组" (docs/admin.md, "Directory"):
 * parsing, finding, creating and printing. Names are trimmed; each must be 1..64 characters; an empty path ("" or
 * "/") is the top level. Used by the admin CLI and the CSV import, on the CLI thread.
 */
class DepartmentPath
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::DepartmentPath)

public:
    /** The names of @p path; false with @p error (translated) when a name is empty or too long. */
    static bool parse(const QString& path, QStringList* names, QString* error);
    /** True if @p name is a valid department name (1..64 characters after trimming, no '/'). */
    static bool validName(const QString& name);
    /** The department at @p names; invalid if some part does not exist (or @p names is empty). */
    static DepartmentId find(DirectoryStore& store, const QStringList& names);
    /**
     * The department at @p names, creating the missing ones at @p nowMs (counted in @p created); invalid on a
     * storage error.
     */
    static DepartmentId ensure(DirectoryStore& store, const QStringList& names, qint64 nowMs, int* created);
    /** "A/B/C" of department @p id; empty if it does not exist. */
    static QString of(DirectoryStore& store, DepartmentId id);
};

} // namespace lanchat
