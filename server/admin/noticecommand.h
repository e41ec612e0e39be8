#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace lanchat {

/**
 * `lanchat-server notice …`: the administrator's announcements (docs/protocol.md 19, docs/admin.md "Notices"):
 * - `notice post --all|--group ID|--dept PATH… [--ack] TEXT`: to every enabled account, the members of group ID, or
 *   the people of the departments named (sub-departments included); with --ack recipients must acknowledge it. The
 * recipients are fixed now. A running server pushes it to those online.
 * - `notice list`: every notice, newest first, with its acknowledgement count.
 * - `notice status ID [--csv]`: who has acknowledged notice ID and when; --csv writes NoticeCsv to stdout.
 * - `notice remind ID`: pushes it again to the recipients who have not acknowledged it (no rate limit here).
 * The author of the administrator's notices is 0. TEXT: 1 .. protocol::kMaxNoticeTextBytes bytes of UTF-8.
 * Exit codes: 0 ok, 1 failure, 2 usage.
 */
class NoticeCommand
{
    Q_DECLARE_TR_FUNCTIONS(lanchat::NoticeCommand)

public:
    /** @p arguments: program name, then the action and its arguments (the word `notice` removed). */
    static int run(const QStringList& arguments);
};

} // namespace lanchat
