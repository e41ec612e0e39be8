#pragma once

#include <QHash>
#include <QString>

namespace lanchat {

/**
 * Failed-login throttling per client address and per account (issue 6, "Login protection"; OWASP
 * Authentication Cheat Sheet, "Protect Against Automated Attacks"). For each key, after `freeAttempts`
 * failures every further attempt must wait baseDelayMs * 2^(failures - freeAttempts), capped at maxDelayMs;
 * at `lockoutFailures` failures the key is locked for lockoutMs. A key forgets its failures lockoutMs after
 * its last failure, and an account's failures are cleared by a successful login.
 *
 * Attempts refused by the throttle are not verified (no Argon2id work) and do not count as failures, so an
 * attacker blocked by its address cannot push the account towards its lockout: the account limits are higher
 * and guard against guessing spread over many addresses. Times are a monotonic clock in ms supplied by the
 * caller. At most kMaxEntries keys are kept (oldest forgotten first). Server thread only; not thread-safe.
 */
class LoginThrottle
{
public:
    /** Limits for one kind of key. Counts are failures; times are milliseconds. */
    struct Policy
    {
        int freeAttempts = 5;
        int lockoutFailures = 20;
        qint64 baseDelayMs = 1000;
        qint64 maxDelayMs = 60 * 1000;
        qint64 lockoutMs = 15 * 60 * 1000;
    };

    /** Upper bound of remembered keys (addresses plus accounts). */
    static constexpr qsizetype kMaxEntries = 100000;

    LoginThrottle(Policy perAddress, Policy perAccount);

    /**
     * 0 when a login from @p address for @p account may be verified at @p nowMs, otherwise the milliseconds
     * until it may (the larger of the two keys' waits). @p account is compared case-insensitively.
     */
    qint64 retryAfterMs(const QString& address, const QString& account, qint64 nowMs) const;
    /** Counts a failed login (wrong password or unknown account). Returns true if a key just became locked. */
    bool recordFailure(const QString& address, const QString& account, qint64 nowMs);
    /** A successful login: clears the account's failures (the address keeps its count until it expires). */
    void recordSuccess(const QString& account);

private:
    struct Entry
    {
        int failures = 0;
        qint64 lastFailureMs = 0;
    };
    static qint64 waitFor(const Entry& entry, const Policy& policy, qint64 nowMs);
    bool countFailure(QHash<QString, Entry>& table, const QString& key, const Policy& policy, qint64 nowMs);
    void prune(qint64 nowMs);

    Policy m_address;
    Policy m_account;
    QHash<QString, Entry> m_byAddress;
    QHash<QString, Entry> m_byAccount;
};

} // namespace lanchat
