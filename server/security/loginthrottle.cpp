#include "loginthrottle.h"

#include <algorithm>

namespace lanchat {

LoginThrottle::LoginThrottle(Policy perAddress, Policy perAccount)
    : m_address(perAddress)
    , m_account(perAccount)
{}

qint64 LoginThrottle::waitFor(const Entry& entry, const Policy& policy, qint64 nowMs)
{
    const qint64 since = nowMs - entry.lastFailureMs;
    if (entry.failures == 0 || since >= policy.lockoutMs)
        return 0;
    if (policy.lockoutFailures > 0 && entry.failures >= policy.lockoutFailures)
        return policy.lockoutMs - since;
    if (entry.failures < policy.freeAttempts)
        return 0;
    // Exponent capped: 2^20 times any sane base delay is far above every sane maximum.
    const int exponent = std::min(entry.failures - policy.freeAttempts, 20);
    const qint64 delay = std::min(policy.baseDelayMs << exponent, policy.maxDelayMs);
    return std::max<qint64>(0, delay - since);
}

qint64 LoginThrottle::retryAfterMs(const QString& address, const QString& account, qint64 nowMs) const
{
    const qint64 byAddress = waitFor(m_byAddress.value(address), m_address, nowMs);
    const qint64 byAccount = waitFor(m_byAccount.value(account.toLower()), m_account, nowMs);
    return std::max(byAddress, byAccount);
}

bool LoginThrottle::countFailure(QHash<QString, Entry>& table, const QString& key, const Policy& policy, qint64 nowMs)
{
    Entry& entry = table[key];
    if (entry.failures > 0 && nowMs - entry.lastFailureMs >= policy.lockoutMs)
        entry.failures = 0; // expired: start over
    ++entry.failures;
    entry.lastFailureMs = nowMs;
    return policy.lockoutFailures > 0 && entry.failures == policy.lockoutFailures;
}

bool LoginThrottle::recordFailure(const QString& address, const QString& account, qint64 nowMs)
{
    if (m_byAddress.size() + m_byAccount.size() >= kMaxEntries)
        prune(nowMs);
    const bool addressLocked = countFailure(m_byAddress, address, m_address, nowMs);
    const bool accountLocked = countFailure(m_byAccount, account.toLower(), m_account, nowMs);
    return addressLocked || accountLocked;
}

void LoginThrottle::recordSuccess(const QString& account)
{
    m_byAccount.remove(account.toLower());
}

void LoginThrottle::prune(qint64 nowMs)
{
    const auto expire = [nowMs](QHash<QString, Entry>& table, qint64 lifetimeMs) {
        table.removeIf([&](const auto& it) { return nowMs - it.value().lastFailureMs >= lifetimeMs; });
    };
    expire(m_byAddress, m_address.lockoutMs);
    expire(m_byAccount, m_account.lockoutMs);
    // Still full (a flood of distinct names within one lockout period): drop everything rather than grow.
    // Losing throttle state is the lesser evil next to unbounded memory; the flood is logged by the caller.
    if (m_byAddress.size() + m_byAccount.size() >= kMaxEntries) {
        m_byAccount.clear();
        if (m_byAddress.size() >= kMaxEntries / 2)
            m_byAddress.clear();
    }
}

} // namespace lanchat
