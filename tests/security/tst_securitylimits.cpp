// Unit tests of the issue 6 limit classes with an injected clock: TokenBucket, RequestLimiter, LoginThrottle,
// ConnectionLimiter.

#include "security/connectionlimiter.h"
#include "security/loginthrottle.h"
#include "security/requestlimiter.h"
#include "security/tokenbucket.h"

#include <QtTest>

using namespace lanchat;

class TstSecurityLimits : public QObject
{
    Q_OBJECT
private slots:
    void bucketBurstThenRate();
    void bucketCapsAtBurst();
    void limiterRejectsThenCloses();
    void limiterExemptsBulkTransfer();
    void throttleDelaysDoubleThenLock();
    void throttleExpires();
    void throttleAccountIsCaseInsensitiveAndClearedBySuccess();
    void connectionLimits();
};

void TstSecurityLimits::bucketBurstThenRate()
{
    TokenBucket bucket(10.0, 5.0, 0);
    for (int i = 0; i < 5; ++i)
        QVERIFY(bucket.tryTake(0));
    QVERIFY(!bucket.tryTake(0));
    QVERIFY(!bucket.tryTake(99)); // 0.99 token
    QVERIFY(bucket.tryTake(100)); // 10/s: one token per 100 ms
    QVERIFY(!bucket.tryTake(100));
}

void TstSecurityLimits::bucketCapsAtBurst()
{
    TokenBucket bucket(1000.0, 3.0, 0);
    QCOMPARE(bucket.available(60 * 1000), 3.0);
    QVERIFY(bucket.tryTake(60 * 1000));
    QVERIFY(bucket.available(30 * 1000) < 3.0); // a clock going back refills nothing
}

void TstSecurityLimits::limiterRejectsThenCloses()
{
    RequestLimiter limiter(10.0, 2.0, 3, 0);
    const QString ping = QStringLiteral("ping");
    QCOMPARE(limiter.admit(ping, 0), RequestLimiter::Verdict::Admit);
    QCOMPARE(limiter.admit(ping, 0), RequestLimiter::Verdict::Admit);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(limiter.admit(ping, 0), RequestLimiter::Verdict::Reject);
    QCOMPARE(limiter.admit(ping, 0), RequestLimiter::Verdict::Close);
}

void TstSecurityLimits::limiterExemptsBulkTransfer()
{
    RequestLimiter limiter(1.0, 1.0, 1, 0);
    QCOMPARE(limiter.admit(QStringLiteral("send"), 0), RequestLimiter::Verdict::Admit);
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(limiter.admit(QStringLiteral("file_chunk"), 0), RequestLimiter::Verdict::Admit);
        QCOMPARE(limiter.admit(QStringLiteral("file_read"), 0), RequestLimiter::Verdict::Admit);
    }
    QCOMPARE(limiter.admit(QStringLiteral("send"), 0), RequestLimiter::Verdict::Reject);
}

void TstSecurityLimits::throttleDelaysDoubleThenLock()
{
    const LoginThrottle::Policy address{3, 6, 1000, 3000, 60000};
    const LoginThrottle::Policy account{100, 1000, 1000, 3000, 60000};
    LoginThrottle throttle(address, account);
    const QString ip = QStringLiteral("10.0.0.1");
    const QString user = QStringLiteral("alice");
    qint64 now = 0;
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(throttle.retryAfterMs(ip, user, now), 0);
        QVERIFY(!throttle.recordFailure(ip, user, now));
    }
    QCOMPARE(throttle.retryAfterMs(ip, user, now), 1000);                      // 3 failures: 1 s
    QCOMPARE(throttle.retryAfterMs(QStringLiteral("10.0.0.2"), user, now), 0); // another address is free
    now += 1000;
    QCOMPARE(throttle.retryAfterMs(ip, user, now), 0);
    QVERIFY(!throttle.recordFailure(ip, user, now));
    QCOMPARE(throttle.retryAfterMs(ip, user, now), 2000); // doubled
    now += 2000;
    QVERIFY(!throttle.recordFailure(ip, user, now));
    QCOMPARE(throttle.retryAfterMs(ip, user, now), 3000); // capped at the maximum delay
    now += 3000;
    QVERIFY(throttle.recordFailure(ip, user, now)); // 6th failure: locked
    QCOMPARE(throttle.retryAfterMs(ip, user, now), 60000);
    QCOMPARE(throttle.retryAfterMs(ip, user, now + 59999), 1);
    QCOMPARE(throttle.retryAfterMs(ip, user, now + 60000), 0);
}

void TstSecurityLimits::throttleExpires()
{
    LoginThrottle throttle({1, 0, 1000, 1000, 5000}, {100, 0, 1000, 1000, 5000});
    const QString ip = QStringLiteral("10.0.0.1");
    throttle.recordFailure(ip, QStringLiteral("a"), 0);
    throttle.recordFailure(ip, QStringLiteral("b"), 0);
    QVERIFY(throttle.retryAfterMs(ip, QStringLiteral("c"), 10) > 0);
    throttle.recordFailure(ip, QStringLiteral("d"), 6000); // after lockoutMs the count starts over
    QCOMPARE(throttle.retryAfterMs(ip, QStringLiteral("c"), 6000), 1000);
}

void TstSecurityLimits::throttleAccountIsCaseInsensitiveAndClearedBySuccess()
{
    LoginThrottle throttle({100, 0, 1000, 1000, 60000}, {2, 0, 1000, 1000, 60000});
    throttle.recordFailure(QStringLiteral("10.0.0.1"), QStringLiteral("Alice"), 0);
    throttle.recordFailure(QStringLiteral("10.0.0.2"), QStringLiteral("ALICE"), 0);
    QCOMPARE(throttle.retryAfterMs(QStringLiteral("10.0.0.3"), QStringLiteral("alice"), 0), 1000);
    throttle.recordSuccess(QStringLiteral("alice"));
    QCOMPARE(throttle.retryAfterMs(QStringLiteral("10.0.0.3"), QStringLiteral("alice"), 0), 0);
}

void TstSecurityLimits::connectionLimits()
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

QTEST_GUILESS_MAIN(TstSecurityLimits)
#include "tst_securitylimits.moc"
