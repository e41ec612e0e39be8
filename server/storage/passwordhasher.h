#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace lanchat {

/**
 * Argon2id password hashing (libargon2, RFC 9106) with a fresh 16-byte random salt per hash, stored
 * as a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`) that carries its own parameters,
 * so hashes made with an older cost keep verifying after the cost is raised.
 *
 * Default cost: the OWASP Password Storage Cheat Sheet's minimum for Argon2id, m = 19 MiB
 * (19456 KiB), t = 2 iterations, p = 1 lane
 * (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html).
 * One hash or verify at that cost takes tens of ms of CPU and 19 MiB of RAM: never on the socket thread
 * (the relay runs it on PasswordHashPool). Tests and benchmarks pass a cheap Cost.
 *
 * Passwords are hashed as UTF-8 and never logged. Thread-safe: every method is const and reentrant.
 */
class PasswordHasher
{
public:
    /** Argon2id cost parameters. */
    struct Cost
    {
        quint32 memoryKiB = 19456; ///< m, KiB of memory per hash
        quint32 iterations = 2;    ///< t, passes over that memory
        quint32 parallelism = 1;   ///< p, lanes (threads)
    };

    /** OWASP cost (m = 19456 KiB, t = 2, p = 1). */
    PasswordHasher();
    /** Custom cost; the dummy hash for unknown users is made once here, at that cost. */
    explicit PasswordHasher(Cost cost);

    Cost cost() const { return m_cost; }

    /** PHC string of @p password with a new random salt; empty on failure (logged, e.g. out of memory). */
    QByteArray hash(const QString& password) const;

    /**
     * True if @p password matches @p encoded. The comparison is constant-time (argon2id_verify), and
     * the time spent depends on the parameters in @p encoded, not on the password.
     * A malformed @p encoded gives false.
     */
    bool verify(const QByteArray& encoded, const QString& password) const;

    /**
     * Spends the time of a verify() at the current cost against a fixed dummy hash and returns false.
     * Call it when the username is unknown, so the reply time does not reveal which accounts exist
     * (OWASP Authentication Cheat Sheet, "authentication responses").
     */
    bool verifyDummy(const QString& password) const;

    /** True if @p encoded is not an Argon2id hash at the current cost (rehash it after a good login). */
    bool needsRehash(const QByteArray& encoded) const;

private:
    Cost m_cost;
    QByteArray m_dummyHash;
};

} // namespace lanchat
