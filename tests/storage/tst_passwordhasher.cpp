// PasswordHasher: Argon2id PHC strings, salts, verification, dummy verify, rehash detection.

#include "passwordhasher.h"

#include <QTest>

using namespace lanchat;

namespace {

// Cheap cost so the suite stays fast; the OWASP default is exercised once in defaultCostIsOwasp().
constexpr PasswordHasher::Cost kTestCost{256, 1, 1};

} // namespace

class tst_PasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void hashIsArgon2idPhc();
    void verifyRightAndWrongPassword_data();
    void verifyRightAndWrongPassword();
    void samePasswordGetsDifferentSalts();
    void malformedHashIsRejected();
    void dummyVerifyNeverMatches();
    void needsRehashWhenCostChanges();
    void defaultCostIsOwasp();
};

void tst_PasswordHasher::hashIsArgon2idPhc()
{
    const PasswordHasher hasher(kTestCost);
    const QByteArray hash = hasher.hash(QStringLiteral("correct horse"));
    QVERIFY(hash.startsWith("$argon2id$v=19$m=256,t=1,p=1$"));
    QCOMPARE(hash.count('$'), 5);
    QVERIFY(!hash.contains("correct horse"));
}

void tst_PasswordHasher::verifyRightAndWrongPassword_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("attempt");
    QTest::addColumn<bool>("matches");
    QTest::newRow("same") << QStringLiteral("s3cret!") << QStringLiteral("s3cret!") << true;
    QTest::newRow("wrong") << QStringLiteral("s3cret!") << QStringLiteral("s3cret?") << false;
    QTest::newRow("case") << QStringLiteral("Secret") << QStringLiteral("secret") << false;
    QTest::newRow("prefix") << QStringLiteral("secret") << QStringLiteral("secre") << false;
    QTest::newRow("chinese") << QStringLiteral("密码123") << QStringLiteral("密码123") << true;
    QTest::newRow("chinese wrong") << QStringLiteral("密码123") << QStringLiteral("密码124") << false;
    QTest::newRow("empty") << QString() << QString() << true;
}

void tst_PasswordHasher::verifyRightAndWrongPassword()
{
    QFETCH(QString, password);
    QFETCH(QString, attempt);
    QFETCH(bool, matches);
    const PasswordHasher hasher(kTestCost);
    QCOMPARE(hasher.verify(hasher.hash(password), attempt), matches);
}

void tst_PasswordHasher::samePasswordGetsDifferentSalts()
{
    const PasswordHasher hasher(kTestCost);
    const QByteArray first = hasher.hash(QStringLiteral("same"));
    const QByteArray second = hasher.hash(QStringLiteral("same"));
    QVERIFY(first != second);
    QVERIFY(first.split('$').at(4) != second.split('$').at(4)); // the salt field
    QVERIFY(hasher.verify(first, QStringLiteral("same")));
    QVERIFY(hasher.verify(second, QStringLiteral("same")));
}

void tst_PasswordHasher::malformedHashIsRejected()
{
    const PasswordHasher hasher(kTestCost);
    QVERIFY(!hasher.verify(QByteArray(), QStringLiteral("x")));
    QVERIFY(!hasher.verify("plain", QStringLiteral("plain")));
    QVERIFY(!hasher.verify("$argon2id$v=19$m=256,t=1,p=1$garbage", QStringLiteral("x")));
    QByteArray hash = hasher.hash(QStringLiteral("x"));
    hash[hash.size() - 2] = hash.at(hash.size() - 2) == 'A' ? 'B' : 'A'; // tampered digest
    QVERIFY(!hasher.verify(hash, QStringLiteral("x")));
}

void tst_PasswordHasher::dummyVerifyNeverMatches()
{
    const PasswordHasher hasher(kTestCost);
    QVERIFY(!hasher.verifyDummy(QString()));
    QVERIFY(!hasher.verifyDummy(QStringLiteral("anything")));
}

void tst_PasswordHasher::needsRehashWhenCostChanges()
{
    const PasswordHasher cheap(kTestCost);
    const PasswordHasher stronger(PasswordHasher::Cost{512, 2, 1});
    const QByteArray hash = cheap.hash(QStringLiteral("pw"));
    QVERIFY(!cheap.needsRehash(hash));
    QVERIFY(stronger.needsRehash(hash));
    QVERIFY(stronger.verify(hash, QStringLiteral("pw"))); // old hashes keep working
    QVERIFY(cheap.needsRehash("$argon2i$v=19$m=256,t=1,p=1$x$y"));
}

void tst_PasswordHasher::defaultCostIsOwasp()
{
    const PasswordHasher hasher;
    QCOMPARE(hasher.cost().memoryKiB, 19456u);
    QCOMPARE(hasher.cost().iterations, 2u);
    QCOMPARE(hasher.cost().parallelism, 1u);
    const QByteArray hash = hasher.hash(QStringLiteral("owasp"));
    QVERIFY(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
    QVERIFY(hasher.verify(hash, QStringLiteral("owasp")));
    QVERIFY(!hasher.verify(hash, QStringLiteral("OWASP")));
}

QTEST_GUILESS_MAIN(tst_PasswordHasher)
#include "tst_passwordhasher.moc"
