#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace lanchat {

/**
 * `lanchat-server prune`: applies retention now (Retention; retention_days, file_retention_days,
 * store_quota_bytes of the config) and prints what was deleted. Safe while the server runs.
 * Exit codes: 0 ok (also when nothing was due), 1 database error, 2 usage.
 */
class PruneCommand
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::PruneCommand)

public:
    /** @p arguments: program name, then the options (the word `prune` removed). */
    static int run(const QStringList& arguments);
};

} // namespace lanchat
