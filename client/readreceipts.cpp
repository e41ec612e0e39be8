#include "readreceipts.h"

#include <algorithm>

namespace lanchat {

bool ReadReceipts::setMembers(const QList<UserId>& members)
{
    QList<UserId> sorted = members;
    std::sort(sorted.begin(), sorted.end());
    if (sorted == m_members)
        return false;
    m_members = std::move(sorted);
    return true;
}

bool ReadReceipts::setPosition(UserId user, Seq seq)
{
    if (!user.isValid() || m_positions.value(user) >= seq)
        return false;
    m_positions.insert(user, seq);
    return true;
}

void ReadReceipts::clear()
{
    m_members.clear();
    m_positions.clear();
}

int ReadReceipts::readCount(Seq seq, UserId sender) const
{
    return int(readers(seq, sender).size());
}

int ReadReceipts::othersCount(UserId sender) const
{
    return int(m_members.size()) - (m_members.contains(sender) ? 1 : 0);
}

QList<UserId> ReadReceipts::readers(Seq seq, UserId sender) const
{
    QList<UserId> result;
    if (seq <= 0)
        return result;
    if (m_members.isEmpty()) {
        for (auto it = m_positions.cbegin(); it != m_positions.cend(); ++it) {
            if (it.key() != sender && it.value() >= seq)
                result.append(it.key());
        }
        std::sort(result.begin(), result.end());
        return result;
    }
    for (const UserId member : m_members) {
        if (member != sender && m_positions.value(member) >= seq)
            result.append(member);
    }
    return result;
}

QList<UserId> ReadReceipts::nonReaders(Seq seq, UserId sender) const
{
    QList<UserId> result;
    for (const UserId member : m_members) {
        if (member != sender && (seq <= 0 || m_positions.value(member) < seq))
            result.append(member);
    }
    return result;
}

} // namespace lanchat
