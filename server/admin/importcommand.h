#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace lanchat {

/**
 * `lanchat-server import FILE.csv [--dry-run]`: creates or updates accounts and departments from a CSV file in
 * one transaction (UserImport; the format is in docs/admin.md, "CSV import"), prints what it did, and tells a
 * running server (`directory_changed`). A refused file prints "line N: why" and changes nothing. --dry-run only
 * checks the file. Exit codes: 0 ok, 1 refused or failed, 2 usage.
 */
class ImportCommand
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::ImportCommand)

public:
    /** @p arguments: program name, then the file and options (the word `import` removed). */
    static int run(const QStringList& arguments);
};

} // namespace lanchat
