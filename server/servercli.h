#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace lanchat {

/**
 * `lanchat-server [SUBCOMMAND] [OPTIONS]`: picks the subcommand from the first argument and runs it.
 * Today: `serve` (the default, ServeCommand). Admin subcommands (user, group, stats, backup …)
 * are added as their own classes and one line each in run().
 * Exit codes: 0 success, 1 runtime failure (port taken, database unreadable), 2 usage error.
 */
class ServerCli
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::ServerCli)

public:
    /** Runs with the full argv (program name first). Needs a QCoreApplication. */
    static int run(const QStringList& arguments);
};

} // namespace lanchat
