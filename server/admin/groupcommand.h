#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace lanchat {

/**
 * `lanchat-server group create|list|members|add|remove|delete …`. A group is named by its id
 * (as `group list` prints it) or by its name when that is unique. Writes the database directly, then tells a
 * running server (`conversation_changed`) so members online get `conversation` pushes and removed members a
 * `conversation_removed` push. Exit codes: 0 ok, 1 failure (unknown group or user), 2 usage.
 */
class GroupCommand
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::GroupCommand)

public:
    /** @p arguments: program name, then the action and its options (the word `group` removed). */
    static int run(const QStringList& arguments);
};

} // namespace lanchat
