#pragma once

#include "tokenbucket.h"

#include <QHash>
#include <QString>

namespace lanchat {

/**
 * A token bucket (TokenBucket) per client address key (ConnectionLimiter::key): at most perMinute events per
 * minute from one address, with a burst of the same size. Used for the requests that cost an Argon2id hash and
 * need no earlier proof of anything: `register`, and `change_password` (a stolen session guessing the old
 * password). A refused event answers rate_limited.
 *
 * Memory: at most kMaxEntries addresses are remembered. Past that, addresses whose bucket is full again (they
 * look like a new address anyway) are forgotten; if every one is still draining, all are forgotten (that needs
 * more than kMaxEntries addresses, i.e. IPv6 /64 prefixes, sending at once). Times are a monotonic clock in ms
 * supplied by the caller. Server thread only; not thread-safe.
 */
class AddressRateLimiter
{
public:
    /** Upper bound of remembered addresses. */
    static constexpr qsizetype kMaxEntries = 10000;

    /** @p perMinute events per minute per address; 0 = no limit. */
    explicit AddressRateLimiter(int perMinute);

    /** Takes one token of @p addressKey's bucket at @p nowMs; false (nothing taken) when it is empty. */
    bool tryTake(const QString& addressKey, qint64 nowMs);

private:
    void prune(qint64 nowMs);

    int m_perMinute;
    QHash<QString, TokenBucket> m_buckets;
};

} // namespace lanchat
