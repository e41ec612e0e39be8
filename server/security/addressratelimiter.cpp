#include "addressratelimiter.h"

namespace lanchat {

AddressRateLimiter::AddressRateLimiter(int perMinute)
    : m_perMinute(perMinute)
{}

bool AddressRateLimiter::tryTake(const QString& addressKey, qint64 nowMs)
{
    if (m_perMinute <= 0)
        return true;
    auto it = m_buckets.find(addressKey);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= kMaxEntries)
            prune(nowMs);
        it = m_buckets.insert(addressKey, TokenBucket(m_perMinute / 60.0, m_perMinute, nowMs));
    }
    return it->tryTake(nowMs);
}

void AddressRateLimiter::prune(qint64 nowMs)
{
    m_buckets.removeIf(
        [nowMs](QHash<QString, TokenBucket>::iterator it) { return it->available(nowMs) >= it->burst(); });
    if (m_buckets.size() >= kMaxEntries)
        m_buckets.clear();
}

} // namespace lanchat
