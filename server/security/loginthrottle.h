#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace lanchat {

/**
 * Failed-login throttling that slows guessing down without ever locking an account (OWASP Authentication
 * Cheat Sheet, "Protect Against Automated Attacks": a hard lockout lets anyone who knows a user name lock
 * that user out, a denial of service). Three counters of failed logins, each with its own exponential delay:
 *
 * - per (account, address) pair: one host guessing one account (Limits::pairFreeAttempts);
 * - per address, over all accounts: one host trying many accounts (Limits::addressFreeAttempts);
 * - per account, counting only failures from addresses the account never logged in from: guessing spread over
 *   many hosts (Limits::accountFreeAttempts). This delay does not apply to the account's known addresses, so
 *   its owner still logs in at once from their usual machine while the account is under attack.
 *
 * After `free` failures of a counter, every further attempt waits baseDelayMs * 2^(failures - free), capped at
 * maxDelayMs, counted from that counter's last failure; retryAfterMs() is the largest wait that applies. A
 * counter forgets its failures forgetAfterMs after its last one. Attempts refused by the throttle are not
 * verified (no Argon2id work) and count as nothing, so a throttled host cannot push any counter further.
 *
 * Addresses are keys made by ConnectionLimiter::key() (IPv6 grouped by /64), so a host rotating through the
 * addresses of its /64 gains nothing. Accounts are compared case-insensitively, like user names.
 *
 * Known addresses: a successful login remembers its address for the account, at most kMaxKnownAddresses per
 * account (the least recently used one makes room) and kMaxKnownAccounts accounts (the one with the oldest
 * success makes room), so memory stays bounded whatever the traffic. Kept in memory only, deliberately: it
 * costs no schema change, and losing it on a restart costs no more than a capped delay for the owner until
 * their next login. Only a right password adds an address, so an attacker cannot make itself known.
 *
 * Times are a monotonic clock in ms supplied by the caller (tests drive it). At most kMaxEntries failure
 * counters are kept (expired ones are dropped first; a flood beyond that drops the pair and account counters,
 * losing throttle state rather than growing without bound). Server thread only; not thread-safe.
 */
class LoginThrottle
{
public:
    /** Free failures per counter, delays in ms. A free count of 0 delays from the first failure. */
    struct Limits
    {
        int pairFreeAttempts = 5;
        int addressFreeAttempts = 20;
        int accountFreeAttempts = 10;
        qint64 baseDelayMs = 1000;
        qint64 maxDelayMs = 60 * 1000;
        qint64 forgetAfterMs = 15 * 60 * 1000;
    };

    /** What recordFailure() saw. */
    struct Failure
    {
        /** Failures counted against the account from addresses it never logged in from (within forgetAfterMs). */
        int accountFailures = 0;
        /**
         * True when the caller should warn the admin that the account is under attack: its account-wide delay
         * has started, at most once per kWarningIntervalMs per account (a long attack is one line per interval).
         */
        bool warn = false;
    };

    /** Upper bound of failure counters (pairs, addresses and accounts together). */
    static constexpr qsizetype kMaxEntries = 100000;
    /** Known addresses remembered per account. */
    static constexpr qsizetype kMaxKnownAddresses = 8;
    /** Accounts with known addresses remembered. */
    static constexpr qsizetype kMaxKnownAccounts = 100000;
    /** Least time between two "under attack" warnings for one account, ms. */
    static constexpr qint64 kWarningIntervalMs = 5 * 60 * 1000;

    explicit LoginThrottle(Limits limits);

    /**
     * 0 when a login from @p address for @p account may be verified at @p nowMs, otherwise the milliseconds until
     * it may (the largest wait of the pair, the address and, unless the address is known for the account, the
     * account).
     */
    qint64 retryAfterMs(const QString& address, const QString& account, qint64 nowMs) const;
    /** Counts a failed login (wrong password or unknown account) from @p address for @p account. */
    Failure recordFailure(const QString& address, const QString& account, qint64 nowMs);
    /**
     * A successful login: clears the pair's failures and makes @p address known for @p account. The address and
     * account counters keep theirs until they expire (a guesser must not reset them by logging in elsewhere).
     */
    void recordSuccess(const QString& address, const QString& account, qint64 nowMs);
    /** True if @p account logged in successfully from @p address (as remembered, see the class comment). */
    bool isKnownAddress(const QString& address, const QString& account) const;

private:
    struct Entry
    {
        int failures = 0;
        qint64 lastFailureMs = 0;
        qint64 lastWarningMs = -1; ///< account counters only; -1 = never warned
    };
    struct Known
    {
        QString address;
        qint64 lastSuccessMs = 0;
    };
    qint64 waitFor(const QHash<QString, Entry>& table, const QString& key, int freeAttempts, qint64 nowMs) const;
    Entry& count(QHash<QString, Entry>& table, const QString& key, qint64 nowMs);
    void prune(qint64 nowMs);
    void forgetOldestKnownAccount();

    Limits m_limits;
    QHash<QString, Entry> m_byPair;    ///< key: account + '\n' + address
    QHash<QString, Entry> m_byAddress; ///< key: address
    QHash<QString, Entry> m_byAccount; ///< key: account (lower case)
    QHash<QString, QList<Known>> m_known;
};

} // namespace lanchat
