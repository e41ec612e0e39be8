#include "passwordhasher.h"

#include "logging.h"

#include <QRandomGenerator>

#include <argon2.h>
#include <array>

namespace lanchat {

namespace {

constexpr int kSaltBytes = 16; // RFC 9106 section 3.1 recommends 128 bits
constexpr int kHashBytes = 32;

QByteArray phcPrefix(const PasswordHasher::Cost& cost)
{
    return QByteArrayLiteral("$argon2id$v=19$m=") + QByteArray::number(cost.memoryKiB) + QByteArrayLiteral(",t=") +
           QByteArray::number(cost.iterations) + QByteArrayLiteral(",p=") + QByteArray::number(cost.parallelism) + '$';
}

} // namespace

PasswordHasher::PasswordHasher()
    : PasswordHasher(Cost{})
{}

PasswordHasher::PasswordHasher(Cost cost)
    : m_cost(cost)
{
    // A random password: nobody can log in against the dummy even if it leaked into a code path.
    m_dummyHash = hash(QString::number(QRandomGenerator::system()->generate64(), 36));
}

QByteArray PasswordHasher::hash(const QString& password) const
{
    std::array<quint32, kSaltBytes / 4> salt{};
    QRandomGenerator::system()->fillRange(salt.data(), salt.size());
    const QByteArray utf8 = password.toUtf8();
    const size_t length =
        argon2_encodedlen(m_cost.iterations, m_cost.memoryKiB, m_cost.parallelism, kSaltBytes, kHashBytes, Argon2_id);
    QByteArray encoded(qsizetype(length), '\0');
    const int rc =
        argon2id_hash_encoded(m_cost.iterations, m_cost.memoryKiB, m_cost.parallelism, utf8.constData(),
                              size_t(utf8.size()), salt.data(), kSaltBytes, kHashBytes, encoded.data(), length);
    if (rc != ARGON2_OK) {
        qCWarning(lcStorage) << "argon2id hashing failed:" << argon2_error_message(rc);
        return {};
    }
    encoded.truncate(qsizetype(qstrlen(encoded.constData())));
    return encoded;
}

bool PasswordHasher::verify(const QByteArray& encoded, const QString& password) const
{
    if (!encoded.startsWith("$argon2id$"))
        return false;
    const QByteArray utf8 = password.toUtf8();
    // argon2id_verify needs a NUL-terminated string; QByteArray::constData() always is.
    return argon2id_verify(encoded.constData(), utf8.constData(), size_t(utf8.size())) == ARGON2_OK;
}

bool PasswordHasher::verifyDummy(const QString& password) const
{
    verify(m_dummyHash, password);
    return false;
}

bool PasswordHasher::needsRehash(const QByteArray& encoded) const
{
    return !encoded.startsWith(phcPrefix(m_cost));
}

} // namespace lanchat
