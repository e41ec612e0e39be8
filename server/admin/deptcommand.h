#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace lanchat {

class AdminContext;

/**
 * `lanchat-server dept list|add|rename|move|delete|manager …` and `lanchat-server user set NAME --dept PATH
 * --title TEXT` (docs/admin.md, "Directory"). Departments are named by their path ("总部/研发部"). A department
 * with sub-departments or people is not deleted (move or empty it first); a move under itself or one of its own
 * sub-departments is refused. Writes the database, then tells a running server (`directory_changed`, and
 * `user_changed` for `user set`) so that everyone online gets the new tree at once. Exit codes: 0 ok, 1 failure,
 * 2 usage.
 */
class DeptCommand
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::DeptCommand)

public:
    /** @p arguments: program name, then the action and its arguments (the word `dept` removed). */
    static int run(const QStringList& arguments);
    /** @p arguments: program name, `set`, the username and the options (the word `user` removed). */
    static int runUserSet(const QStringList& arguments);
    /** Tells a running server the directory changed; false (and a note on stdout) when none runs. */
    static bool notifyDirectoryChanged(const AdminContext& context);
};

} // namespace lanchat
