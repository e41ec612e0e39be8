// LogThrottle and logText(): the two guards that keep a peer from filling the disk through the server's log.

#include "logging.h"
#include "logthrottle.h"

#include <QTest>

using namespace lanchat;

class tst_LogThrottle : public QObject
{
    Q_OBJECT
private slots:
    void burstThenDroppedThenSummary();
    void newWindowWithoutDrops();
    void logTextTruncates_data();
    void logTextTruncates();
};

void tst_LogThrottle::burstThenDroppedThenSummary()
{
    LogThrottle throttle(3, 1000);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(throttle.admit(100 + i), std::optional<quint64>(0));
    for (int i = 0; i < 50; ++i)
        QCOMPARE(throttle.admit(200 + i), std::nullopt);
    QCOMPARE(throttle.admit(1099), std::nullopt); // still the first interval
    // The next interval lets a line through and reports what was dropped, once.
    QCOMPARE(throttle.admit(1100), std::optional<quint64>(51));
    QCOMPARE(throttle.admit(1101), std::optional<quint64>(0));
    QCOMPARE(LogThrottle::summary(51), QStringLiteral(" (51 similar lines suppressed)"));
    QVERIFY(LogThrottle::summary(0).isEmpty());
}

void tst_LogThrottle::newWindowWithoutDrops()
{
    LogThrottle throttle(1, 10);
    QCOMPARE(throttle.admit(0), std::optional<quint64>(0));
    QCOMPARE(throttle.admit(10), std::optional<quint64>(0));
    QCOMPARE(throttle.admit(15), std::nullopt);
    QCOMPARE(throttle.admit(25), std::optional<quint64>(1));
}

void tst_LogThrottle::logTextTruncates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("logged");
    QTest::newRow("short") << QStringLiteral("hello") << QStringLiteral("hello");
    QTest::newRow("64") << QString(64, QLatin1Char('a')) << QString(64, QLatin1Char('a'));
    QTest::newRow("65") << QString(65, QLatin1Char('a'))
                        << QString(64, QLatin1Char('a')) + QStringLiteral("…(65 chars)");
    QTest::newRow("1 MiB") << QString(1 << 20, QLatin1Char('b'))
                           << QString(64, QLatin1Char('b')) + QStringLiteral("…(1048576 chars)");
}

void tst_LogThrottle::logTextTruncates()
{
    QFETCH(QString, text);
    QFETCH(QString, logged);
    QCOMPARE(logText(text), logged);
}

QTEST_GUILESS_MAIN(tst_LogThrottle)
#include "tst_logthrottle.moc"
