#pragma once

#include "messages/directorymessages.h"

#include <QList>

namespace lanchat {

class Storage;

/**
 * The department tree as clients see it (docs/protocol.md 18): every department with its direct and total
 * member counts (enabled accounts only), parents before their children, siblings ordered by name. Read from the
 * storage each time (a directory of 10,000 departments and 50,000 people takes a few ms). Storage thread.
 */
class DirectoryTree
{
public:
    static QList<DepartmentInfo> read(Storage& storage);
};

} // namespace lanchat
