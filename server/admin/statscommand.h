#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace lanchat {

/**
 * `lanchat-server stats`: users, online now (asked from the running server over the admin socket, else
 * "server not running"), messages in total and in the last 24 h, files and bytes in the store, database
 * size (main file + WAL). Exit codes: 0 ok, 1 database error, 2 usage.
 */
class StatsCommand
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::StatsCommand)

public:
    /** @p arguments: program name, then the options (the word `stats` removed). */
    static int run(const QStringList& arguments);
};

} // namespace lanchat
