#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace lanchat {

struct AuditEntry;

/**
 * `lanchat-server audit list [--conversation N] [--since DATE]` and `audit export --format csv|json [--conversation N]
 * [--since DATE]`: the audit table of recalled and edited messages (their originals, who, when), which clients never
 * see. DATE is ISO 8601 (`2026-12-01` or `2026-12-01T09:30`, local time). `export` writes to stdout, one row per
 * action, times in ISO 8601 UTC. Reads the database directly; safe while the server runs.
 * Exit codes: 0 ok, 1 database error, 2 usage.
 */
class AuditCommand
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::AuditCommand)

public:
    /** @p arguments: program name, then the action and its options (the word `audit` removed). */
    static int run(const QStringList& arguments);
};

} // namespace lanchat
