#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace lanchat {

/**
 * `lanchat-server broadcast "TEXT" [--owner USER]`: a system notice (message kind `system`, sender 0)
 * in the announcement channel: a group marked as such in storage (Storage::announcementChannel(); members
 * read it, no client posts into it), which every enabled account joins at each broadcast (so accounts created
 * later receive the next ones). The channel is created by the first broadcast, named kGroupName (clients show
 * their own translated title), owned by the account named with --owner (required then). When a server runs, it posts
 * the notice itself (the `message` push reaches everyone online at once, after the commit); without one the notice is
 * stored and users get it at their next sync. TEXT: 1 .. 64 KiB of UTF-8. Exit codes: 0 ok, 1 failure, 2 usage.
 */
class BroadcastCommand
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::BroadcastCommand)

public:
    /** Name of the group that carries the notices. */
    static constexpr const char* kGroupName = "Announcements";

    /** @p arguments: program name, then TEXT and options (the word `broadcast` removed). */
    static int run(const QStringList& arguments);
};

} // namespace lanchat
