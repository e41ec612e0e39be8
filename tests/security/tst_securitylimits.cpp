// Unit tests of the limit classes with an injected clock: TokenBucket, RequestLimiter, ConnectionLimiter
// (LoginThrottle: tst_loginthrottle).

#include "security/connectionlimiter.h"
#include "security/requestlimiter.h"
#include "security/tokenbucket.h"

#include <QtTest>

using namespace lanchat;

class tst_SecurityLimits : public QObject
{
    Q_OBJECT
private slots:
    void bucketBurstThenRate();
    void bucketCapsAtBurst();
    void limiterRejectsThenCloses();
    void limiterExemptsBulkTransfer();
    void connectionLimits();
};

void tst_SecurityLimits::bucketBurstThenRate()
{
    TokenBucket bucket(10.0, 5.0, 0);
    for (int i = 0; i < 5; ++i)
        QVERIFY(bucket.tryTake(0));
    QVERIFY(!bucket.tryTake(0));
    QVERIFY(!bucket.tryTake(99)); // 0.99 token
    QVERIFY(bucket.tryTake(100)); // 10/s: one token per 100 ms
    QVERIFY(!bucket.tryTake(100));
}

void tst_SecurityLimits::bucketCapsAtBurst()
{
    TokenBucket bucket(1000.0, 3.0, 0);
    QCOMPARE(bucket.available(60 * 1000), 3.0);
    QVERIFY(bucket.tryTake(60 * 1000));
    QVERIFY(bucket.available(30 * 1000) < 3.0); // a clock going back refills nothing
}

void tst_SecurityLimits::limiterRejectsThenCloses()
{
    RequestLimiter limiter(10.0, 2.0, 3, 0);
    const QString ping = QStringLiteral("ping");
    QCOMPARE(limiter.admit(ping, 0), RequestLimiter::Verdict::Admit);
    QCOMPARE(limiter.admit(ping, 0), RequestLimiter::Verdict::Admit);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(limiter.admit(ping, 0), RequestLimiter::Verdict::Reject);
    QCOMPARE(limiter.admit(ping, 0), RequestLimiter::Verdict::Close);
}

void tst_SecurityLimits::limiterExemptsBulkTransfer()
{
    RequestLimiter limiter(1.0, 1.0, 1, 0);
    QCOMPARE(limiter.admit(QStringLiteral("send"), 0), RequestLimiter::Verdict::Admit);
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(limiter.admit(QStringLiteral("file_chunk"), 0), RequestLimiter::Verdict::Admit);
        QCOMPARE(limiter.admit(QStringLiteral("file_read"), 0), RequestLimiter::Verdict::Admit);
    }
    QCOMPARE(limiter.admit(QStringLiteral("send"), 0), RequestLimiter::Verdict::Reject);
}

void tst_SecurityLimits::connectionLimits()
{
    ConnectionLimiter limiter(2, 3);
    const QHostAddress a(QStringLiteral("10.0.0.1"));
    const QHostAddress aMapped(QStringLiteral("::ffff:10.0.0.1"));
    const QHostAddress b(QStringLiteral("10.0.0.2"));
    QVERIFY(limiter.tryAcquire(a));
    QVERIFY(limiter.tryAcquire(aMapped));
    QVERIFY(!limiter.tryAcquire(a)); // per address, IPv4-mapped counted as IPv4
    QCOMPARE(limiter.count(a), 2);
    QVERIFY(limiter.tryAcquire(b));
    QVERIFY(!limiter.tryAcquire(QHostAddress(QStringLiteral("10.0.0.3")))); // total
    limiter.release(a);
    QVERIFY(limiter.tryAcquire(QHostAddress(QStringLiteral("10.0.0.3"))));
    QCOMPARE(limiter.total(), 3);
    QCOMPARE(limiter.count(QHostAddress(QStringLiteral("10.0.0.9"))), 0);
}

QTEST_GUILESS_MAIN(tst_SecurityLimits)
#include "tst_securitylimits.moc"
