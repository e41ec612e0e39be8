#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace lanchat {

/**
 * `lanchat-server message recall CONVERSATION SEQ`: recalls any message as the administrator (no window applies).
 * With a server running it goes through the admin socket (`recall`), so members online see "recalled by an
 * administrator" at once; without one it changes the database and stores the Recall record itself, and devices
 * apply it at their next sync. The original goes to the audit table (`audit list`).
 * Exit codes: 0 ok, 1 failure (no such message, already recalled, database error), 2 usage.
 */
class MessageCommand
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::MessageCommand)

public:
    /** @p arguments: program name, then the action and its arguments (the word `message` removed). */
    static int run(const QStringList& arguments);
};

} // namespace lanchat
