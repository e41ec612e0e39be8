#pragma once

#include "ids.h"

#include <QHash>
#include <QList>

namespace lanchat {

/**
 * Who has read what in one conversation (docs/protocol.md 6.4): every member's read position, which only moves
 * forwards, and the current member list. A message with seq s from sender u has been read by each member other
 * than u whose position is at least s, and not by the other members except u. Before the member list is known
 * (an empty list), everyone with a known position counts as a member. A plain value, owned by MessagesModel.
 */
class ReadReceipts
{
public:
    /** The current members (the user included). Returns true if the list changed. */
    bool setMembers(const QList<UserId>& members);
    /** @p user has read up to @p seq; an older or equal position is ignored. Returns true if it moved. */
    bool setPosition(UserId user, Seq seq);
    /** @p user's position, 0 if none is known. */
    Seq position(UserId user) const { return m_positions.value(user); }
    void clear();

    /** How many members other than @p sender have read message @p seq. */
    int readCount(Seq seq, UserId sender) const;
    /** How many members other than @p sender there are (the M of "N/M read"); 0 before the list is known. */
    int othersCount(UserId sender) const;
    /** The members other than @p sender who have read message @p seq, by user id. */
    QList<UserId> readers(Seq seq, UserId sender) const;
    /** The members other than @p sender who have not read message @p seq yet, by user id. */
    QList<UserId> nonReaders(Seq seq, UserId sender) const;

private:
    QList<UserId> m_members; // sorted by id
    QHash<UserId, Seq> m_positions;
};

} // namespace lanchat
