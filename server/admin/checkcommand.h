#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace lanchat {

/**
 * `lanchat-server check`: database structure (PRAGMA integrity_check + foreign_key_check) and file store
 * consistency: every blob record has its file `<data-dir>/files/ab/<sha256>` with the recorded size and
 * SHA-256 (common/sha256.h; reads every blob once), orphan files (in the store, no record) and orphan
 * records (no file) are listed, as are upload parts without an upload record. One line per problem.
 * Read-only; safe while the server runs. Exit codes: 0 healthy, 1 problems found (or database unreadable),
 * 2 usage.
 */
class CheckCommand
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::CheckCommand)

public:
    /** @p arguments: program name, then the options (the word `check` removed). */
    static int run(const QStringList& arguments);
};

} // namespace lanchat
