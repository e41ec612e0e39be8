#pragma once

#include "errorcode.h"

#include <QCoreApplication>
#include <QString>

namespace lanchat {

/**
 * The one place where protocol error codes (common/errorcode.h, docs/protocol.md "Error codes") become
 * translated sentences a person understands. The server never sends localised text; every window asks here.
 */
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    /** A full sentence for @p code in the current UI language. */
    static QString message(ErrorCode code);
    /** Same for a wire code name ("storage_full"); unknown names get a generic text quoting the code. */
    static QString message(const QString& codeName);
    /** Text for a failed connection attempt: @p detail is the socket's English error, shown as secondary. */
    static QString unreachable(const QString& detail);
};

} // namespace lanchat
