#include "loginthrottle.h"

#include <algorithm>

namespace lanchat {

namespace {

QString pairKey(const QString& address, const QString& account)
{
    // '\n' cannot occur in an address key, so no two (account, address) pairs share a key.
    return account + QLatin1Char('\n') + address;
}

} // namespace

LoginThrottle::LoginThrottle(Limits limits)
    : m_limits(limits)
{}

qint64 LoginThrottle::waitFor(const QHash<QString, Entry>& table, const QString& key, int freeAttempts,
                              qint64 nowMs) const
{
    const auto it = table.constFind(key);
    if (it == table.cend())
        return 0;
    const qint64 since = nowMs - it->lastFailureMs;
    if (it->failures < freeAttempts || since >= m_limits.forgetAfterMs)
        return 0;
    // Exponent capped: 2^20 times any sane base delay is far above every sane maximum.
    const int exponent = std::min(it->failures - freeAttempts, 20);
    const qint64 delay = std::min(m_limits.baseDelayMs << exponent, m_limits.maxDelayMs);
    return std::max<qint64>(0, delay - since);
}

qint64 LoginThrottle::retryAfterMs(const QString& address, const QString& account, qint64 nowMs) const
{
    const QString user = account.toLower();
    qint64 wait = std::max(waitFor(m_byPair, pairKey(address, user), m_limits.pairFreeAttempts, nowMs),
                           waitFor(m_byAddress, address, m_limits.addressFreeAttempts, nowMs));
    if (!isKnownAddress(address, user))
        wait = std::max(wait, waitFor(m_byAccount, user, m_limits.accountFreeAttempts, nowMs));
    return wait;
}

LoginThrottle::Entry& LoginThrottle::count(QHash<QString, Entry>& table, const QString& key, qint64 nowMs)
{
    Entry& entry = table[key];
    if (entry.failures > 0 && nowMs - entry.lastFailureMs >= m_limits.forgetAfterMs)
        entry.failures = 0; // expired: start over
    ++entry.failures;
    entry.lastFailureMs = nowMs;
    return entry;
}

LoginThrottle::Failure LoginThrottle::recordFailure(const QString& address, const QString& account, qint64 nowMs)
{
    if (m_byPair.size() + m_byAddress.size() + m_byAccount.size() >= kMaxEntries)
        prune(nowMs);
    const QString user = account.toLower();
    count(m_byPair, pairKey(address, user), nowMs);
    count(m_byAddress, address, nowMs);
    Failure failure;
    // The owner's typos from a known address are not an attack on the account; the pair counter covers them.
    if (isKnownAddress(address, user))
        return failure;
    Entry& entry = count(m_byAccount, user, nowMs);
    failure.accountFailures = entry.failures;
    if (entry.failures >= m_limits.accountFreeAttempts &&
        (entry.lastWarningMs < 0 || nowMs - entry.lastWarningMs >= kWarningIntervalMs)) {
        entry.lastWarningMs = nowMs;
        failure.warn = true;
    }
    return failure;
}

void LoginThrottle::recordSuccess(const QString& address, const QString& account, qint64 nowMs)
{
    const QString user = account.toLower();
    m_byPair.remove(pairKey(address, user));
    auto it = m_known.find(user);
    if (it == m_known.end()) {
        if (m_known.size() >= kMaxKnownAccounts)
            forgetOldestKnownAccount();
        it = m_known.insert(user, {});
    }
    QList<Known>& known = it.value();
    const auto same = std::find_if(known.begin(), known.end(), [&](const Known& k) { return k.address == address; });
    if (same != known.end()) {
        same->lastSuccessMs = nowMs;
        return;
    }
    if (known.size() >= kMaxKnownAddresses) {
        const auto oldest = std::min_element(known.begin(), known.end(), [](const Known& a, const Known& b) {
            return a.lastSuccessMs < b.lastSuccessMs;
        });
        known.erase(oldest);
    }
    known.append({address, nowMs});
}

bool LoginThrottle::isKnownAddress(const QString& address, const QString& account) const
{
    const auto it = m_known.constFind(account.toLower());
    return it != m_known.cend() &&
           std::any_of(it->cbegin(), it->cend(), [&](const Known& k) { return k.address == address; });
}

void LoginThrottle::forgetOldestKnownAccount()
{
    // Linear, but only once kMaxKnownAccounts real accounts (right passwords) have logged in since the start.
    const auto latest = [](const QList<Known>& list) {
        qint64 ms = 0;
        for (const Known& k : list)
            ms = std::max(ms, k.lastSuccessMs);
        return ms;
    };
    auto oldest = m_known.begin();
    for (auto it = m_known.begin(); it != m_known.end(); ++it) {
        if (latest(it.value()) < latest(oldest.value()))
            oldest = it;
    }
    if (oldest != m_known.end())
        m_known.erase(oldest);
}

void LoginThrottle::prune(qint64 nowMs)
{
    const auto expire = [this, nowMs](QHash<QString, Entry>& table) {
        table.removeIf([&](const auto& it) { return nowMs - it.value().lastFailureMs >= m_limits.forgetAfterMs; });
    };
    expire(m_byPair);
    expire(m_byAddress);
    expire(m_byAccount);
    // Still full (a flood of distinct names within forgetAfterMs): drop state rather than grow. The address
    // counters go last, since they are what slows the flooding hosts down.
    if (m_byPair.size() + m_byAddress.size() + m_byAccount.size() >= kMaxEntries) {
        m_byPair.clear();
        m_byAccount.clear();
        if (m_byAddress.size() >= kMaxEntries / 2)
            m_byAddress.clear();
    }
}

} // namespace lanchat
