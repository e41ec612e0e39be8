#pragma once

#include "ids.h"

#include <QCborMap>
#include <QList>

namespace lanchat {

class CborFieldReader;
class CborFrameWriter;

/**
 * Who a text message mentions (wire: `mentions: [user ids]`, `mention_all: true`, both optional and written
 * only when present, docs/protocol.md "Mentions"). The server keeps only current members of a group, drops
 * every mention in a private chat, and accepts `mention_all` only from the group's owner.
 */
struct Mentions
{
    QList<UserId> users; ///< at most protocol::kMaxMentions, no duplicates, in the order written
    bool all = false;    ///< `@all`: every member of the group

    bool isEmpty() const { return users.isEmpty() && !all; }
    /** True if @p user is named or everyone is. */
    bool includes(UserId user) const { return all || users.contains(user); }
    /** How many wire fields write() adds (0..2). */
    int fieldCount() const { return (users.isEmpty() ? 0 : 1) + (all ? 1 : 0); }
    /** Inserts the fields that are present into @p map. */
    void insertInto(QCborMap& map) const;
    /** Writes the fields that are present as key/value pairs of the frame's map. */
    void write(CborFrameWriter& writer) const;
    /** Reads the optional fields; a malformed one fails @p reader. Duplicates are dropped. */
    static Mentions read(CborFieldReader& reader);
    bool operator==(const Mentions&) const = default;
};

} // namespace lanchat
