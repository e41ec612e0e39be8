#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace lanchat {

/**
 * `lanchat-server serve`: runs the relay until SIGTERM/SIGINT. Options: --listen ADDR, --port N
 * (default 7411), --data-dir DIR (default QStandardPaths::AppDataLocation), --config FILE (INI, see
 * resources/lanchat-server.conf), --insecure-plaintext, --print-config, --discovery-port N, --no-discovery.
 * Command-line flags override the config file. On SIGTERM: shutdown push to clients, pending commit
 * flushed, exit 0.
 */
class ServeCommand
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::ServeCommand)

public:
    /** @p arguments: program name, then the options (the subcommand word removed). */
    static int run(const QStringList& arguments);
};

} // namespace lanchat
