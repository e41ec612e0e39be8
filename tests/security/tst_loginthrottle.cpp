// LoginThrottle with a clock driven by the test, and ConnectionLimiter::key(), the address key every per-address
// limit uses: no account is ever locked, its known addresses are exempt from the account-wide delay, IPv6 groups
// by /64.

#include "security/connectionlimiter.h"
#include "security/loginthrottle.h"

#include <QHostAddress>
#include <QtTest>

using namespace lanchat;

class tst_LoginThrottle : public QObject
{
    Q_OBJECT
private slots:
    void scenarios_data();
    void scenarios();
    void attackWarningIsRateLimited();
    void knownAddressesAreBounded();
    void addressKey_data();
    void addressKey();
    void connectionCapsGroupIpv6By64();
};

namespace {

constexpr qint64 kBaseMs = 1000;
constexpr qint64 kMaxMs = 8000;
constexpr qint64 kForgetMs = 60000;

QString key(const QString& address)
{
    return ConnectionLimiter::key(QHostAddress(address));
}

} // namespace

void tst_LoginThrottle::scenarios_data()
{
    // Steps, each "TIME_MS ACTION ADDRESS ACCOUNT [EXPECTED]":
    //   fail   a failed login; the admin is not warned     fail!  a failed login; the admin is warned
    //   ok     a successful login                          wait   retryAfterMs() must be EXPECTED
    QTest::addColumn<int>("pairFree");
    QTest::addColumn<int>("addressFree");
    QTest::addColumn<int>("accountFree");
    QTest::addColumn<QStringList>("steps");

    QTest::newRow("pair: delays double up to the cap")
        << 3 << 100 << 100
        << QStringList{
               "0 fail 10.0.0.1 alice",         "0 fail 10.0.0.1 alice",          "0 wait 10.0.0.1 alice 0",
               "0 fail 10.0.0.1 alice",         "0 wait 10.0.0.1 alice 1000",     "0 wait 10.0.0.2 alice 0",
               "0 wait 10.0.0.1 bob 0",         "999 wait 10.0.0.1 alice 1",      "1000 wait 10.0.0.1 alice 0",
               "1000 fail 10.0.0.1 alice",      "1000 wait 10.0.0.1 alice 2000",  "3000 fail 10.0.0.1 alice",
               "3000 wait 10.0.0.1 alice 4000", "7000 fail 10.0.0.1 alice",       "7000 wait 10.0.0.1 alice 8000",
               "15000 fail 10.0.0.1 alice",     "15000 wait 10.0.0.1 alice 8000", "23000 wait 10.0.0.1 alice 0"};
    QTest::newRow("failures are forgotten, never a lock")
        << 3 << 3 << 3
        << QStringList{"0 fail 10.0.0.1 alice",      "0 fail 10.0.0.1 alice",       "0 fail! 10.0.0.1 alice",
                       "0 wait 10.0.0.1 alice 1000", "59999 wait 10.0.0.1 alice 0", "60000 fail 10.0.0.1 alice",
                       "60000 wait 10.0.0.1 alice 0"};
    QTest::newRow("address: one host trying many accounts")
        << 100 << 3 << 100
        << QStringList{"0 fail 10.0.0.1 alice", "0 fail 10.0.0.1 bob", "0 fail 10.0.0.1 carol",
                       "0 wait 10.0.0.1 dave 1000", "0 wait 10.0.0.2 dave 0"};
    QTest::newRow("account: spread guessing delays unknown addresses, never the owner's")
        << 3 << 3 << 4
        << QStringList{"0 ok 10.0.0.1 alice",       "0 fail 10.0.0.2 alice",      "0 fail 10.0.0.2 alice",
                       "0 fail 10.0.0.2 alice",     "0 fail! 10.0.0.3 alice",     "0 fail 10.0.0.3 alice",
                       "0 fail 10.0.0.3 alice",     "0 wait 10.0.0.9 alice 4000", "0 wait 10.0.0.2 alice 4000",
                       "0 wait 10.0.0.1 alice 0",   "0 wait 10.0.0.9 bob 0",      "0 fail 10.0.0.1 alice",
                       "0 wait 10.0.0.1 alice 0",   "0 ok 10.0.0.1 alice",        "0 wait 10.0.0.9 alice 4000",
                       "4000 wait 10.0.0.9 alice 0"};
    QTest::newRow("the owner's own typos do not count against the account")
        << 3 << 100 << 2
        << QStringList{"0 ok 10.0.0.1 alice", "0 fail 10.0.0.1 alice", "0 fail 10.0.0.1 alice",
                       "0 wait 10.0.0.5 alice 0"};
    QTest::newRow("success clears the pair, not the address")
        << 3 << 4 << 100
        << QStringList{"0 fail 10.0.0.1 alice",      "0 fail 10.0.0.1 alice",         "0 fail 10.0.0.1 alice",
                       "0 wait 10.0.0.1 alice 1000", "1000 ok 10.0.0.1 alice",        "1000 wait 10.0.0.1 alice 0",
                       "1000 fail 10.0.0.1 alice",   "1000 wait 10.0.0.1 alice 1000", "1000 wait 10.0.0.1 bob 1000"};
    QTest::newRow("accounts ignore case")
        << 3 << 100 << 2
        << QStringList{"0 ok 10.0.0.1 ALICE",    "0 fail 10.0.0.2 Alice",      "0 fail! 10.0.0.2 alice",
                       "0 fail 10.0.0.2 aLiCe",  "0 wait 10.0.0.2 alice 2000", "0 wait 10.0.0.3 ALICE 2000",
                       "0 wait 10.0.0.1 alice 0"};
    QTest::newRow("IPv6: one /64 is one address")
        << 3 << 100 << 100
        << QStringList{"0 fail 2001:db8:0:1::1 alice", "0 fail 2001:db8:0:1::2 alice",
                       "0 fail 2001:db8:0:1:ffff:ffff:ffff:ffff alice", "0 wait 2001:db8:0:1::abcd alice 1000",
                       "0 wait 2001:db8:0:2::1 alice 0"};
    QTest::newRow("IPv6: the owner's /64 stays known when its address changes")
        << 3 << 3 << 2
        << QStringList{"0 ok 2001:db8:0:1::10 alice", "0 fail 2001:db8:0:2::1 alice", "0 fail! 2001:db8:0:3::1 alice",
                       "0 wait 2001:db8:0:4::1 alice 1000", "0 wait 2001:db8:0:1:aaaa::99 alice 0"};
    QTest::newRow("IPv4-mapped IPv6 is its IPv4 address")
        << 2 << 100 << 100
        << QStringList{"0 fail ::ffff:10.0.0.1 alice", "0 fail 10.0.0.1 alice", "0 wait ::ffff:10.0.0.1 alice 1000",
                       "0 wait 10.0.0.1 alice 1000"};
}

void tst_LoginThrottle::scenarios()
{
    QFETCH(int, pairFree);
    QFETCH(int, addressFree);
    QFETCH(int, accountFree);
    QFETCH(QStringList, steps);
    LoginThrottle throttle({pairFree, addressFree, accountFree, kBaseMs, kMaxMs, kForgetMs});
    for (const QString& step : steps) {
        const QStringList f = step.split(QLatin1Char(' '));
        QVERIFY2(f.size() >= 4, qPrintable(step));
        const qint64 now = f[0].toLongLong();
        const QString& action = f[1];
        const QString address = key(f[2]);
        const QString& account = f[3];
        if (action == QLatin1String("fail") || action == QLatin1String("fail!")) {
            const bool warned = throttle.recordFailure(address, account, now).warn;
            QVERIFY2(warned == (action == QLatin1String("fail!")), qPrintable(step));
        } else if (action == QLatin1String("ok")) {
            throttle.recordSuccess(address, account, now);
        } else {
            QCOMPARE(action, QStringLiteral("wait"));
            QVERIFY2(f.size() == 5, qPrintable(step));
            const qint64 wait = throttle.retryAfterMs(address, account, now);
            QVERIFY2(wait == f[4].toLongLong(), qPrintable(QStringLiteral("%1: got %2").arg(step).arg(wait)));
        }
    }
}

void tst_LoginThrottle::attackWarningIsRateLimited()
{
    LoginThrottle throttle({1000, 1000, 2, kBaseMs, kMaxMs, 24 * 3600 * 1000});
    const QString account = QStringLiteral("alice");
    int warnings = 0;
    int lastCount = 0;
    // One failure per second from ever new addresses, for 20 minutes (a slow distributed attack).
    for (int second = 0; second < 20 * 60; ++second) {
        const QString address = key(QStringLiteral("10.1.%1.%2").arg(second / 250).arg(second % 250 + 1));
        const LoginThrottle::Failure failure = throttle.recordFailure(address, account, second * 1000LL);
        warnings += failure.warn ? 1 : 0;
        lastCount = failure.accountFailures;
    }
    QCOMPARE(lastCount, 20 * 60);
    QCOMPARE(warnings, 4); // at 2 failures, then one per LoginThrottle::kWarningIntervalMs (5 min)
}

void tst_LoginThrottle::knownAddressesAreBounded()
{
    LoginThrottle throttle({100, 100, 1, kBaseMs, kMaxMs, kForgetMs});
    const QString account = QStringLiteral("alice");
    const auto address = [](int i) { return key(QStringLiteral("10.0.0.%1").arg(i)); };
    for (int i = 0; i <= LoginThrottle::kMaxKnownAddresses; ++i)
        throttle.recordSuccess(address(i), account, i);
    QVERIFY(!throttle.isKnownAddress(address(0), account)); // the least recently used made room
    for (int i = 1; i <= LoginThrottle::kMaxKnownAddresses; ++i)
        QVERIFY(throttle.isKnownAddress(address(i), account));
    throttle.recordSuccess(address(1), account, 100); // used again: now the most recent
    throttle.recordSuccess(address(99), account, 101);
    QVERIFY(throttle.isKnownAddress(address(1), account));
    QVERIFY(!throttle.isKnownAddress(address(2), account));
    QVERIFY(!throttle.isKnownAddress(address(1), QStringLiteral("bob")));
}

void tst_LoginThrottle::addressKey_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("key");
    QTest::newRow("IPv4 as is") << "10.1.2.3"
                                << "10.1.2.3";
    QTest::newRow("IPv4-mapped as IPv4") << "::ffff:10.1.2.3"
                                         << "10.1.2.3";
    QTest::newRow("IPv6 by /64") << "2001:db8:1:2:3:4:5:6"
                                 << "2001:db8:1:2::/64";
    QTest::newRow("same /64, other host") << "2001:db8:1:2::1"
                                          << "2001:db8:1:2::/64";
    QTest::newRow("unique local by /64") << "fd12:3456:789a:1:a:b:c:d"
                                         << "fd12:3456:789a:1::/64";
    QTest::newRow("link-local in full (its prefix is everyone's)") << "fe80::1:2:3:4"
                                                                   << "fe80::1:2:3:4";
}

void tst_LoginThrottle::addressKey()
{
    QFETCH(QString, address);
    QFETCH(QString, key);
    QCOMPARE(ConnectionLimiter::key(QHostAddress(address)), key);
}

void tst_LoginThrottle::connectionCapsGroupIpv6By64()
{
    ConnectionLimiter limiter(2, 0);
    QVERIFY(limiter.tryAcquire(QHostAddress(QStringLiteral("2001:db8::1"))));
    QVERIFY(limiter.tryAcquire(QHostAddress(QStringLiteral("2001:db8::2"))));
    QVERIFY(!limiter.tryAcquire(QHostAddress(QStringLiteral("2001:db8::3"))));    // a third address of the same /64
    QVERIFY(limiter.tryAcquire(QHostAddress(QStringLiteral("2001:db8:0:1::1")))); // the next /64
    limiter.release(QHostAddress(QStringLiteral("2001:db8::1")));
    QVERIFY(limiter.tryAcquire(QHostAddress(QStringLiteral("2001:db8::3"))));
    QCOMPARE(limiter.count(QHostAddress(QStringLiteral("2001:db8::ffff"))), 2);
}

QTEST_GUILESS_MAIN(tst_LoginThrottle)
#include "tst_loginthrottle.moc"
