// ServerFinder against answers sent over real UDP on loopback: a responder on 127.0.0.1 plays the real
// server, a second socket on 127.0.0.2 plays a forger on the LAN who knows the server's (public) fingerprint.

#include "discoveryanswerer.h"
#include "serverfinder.h"

#include <QTest>

using namespace lanchat;

namespace {

const QString kFingerprint = QStringLiteral("3f").repeated(32);
constexpr quint16 kChatPort = 7411;
constexpr int kWaitMs = 10000;

} // namespace

class tst_ServerFinder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forgedAnswersCannotTurnTlsOffOrMoveTheEntry();
    void plaintextServerIsListedAndCanBecomeTls();
};

void tst_ServerFinder::forgedAnswersCannotTurnTlsOffOrMoveTheEntry()
{
    DiscoveryAnswerer real;
    QVERIFY(real.isBound());
    real.setAnswer(DiscoveryAnswerer::answerMap(QStringLiteral("Office"), kChatPort, true, kFingerprint));
    ServerFinder finder;
    finder.setProbePort(real.port());
    finder.setIntervalMs(60000); // one probe is enough; entries live three intervals
    finder.start();
    QTRY_COMPARE_WITH_TIMEOUT(finder.servers().size(), 1, kWaitMs);
    QCOMPARE(finder.servers().first().address, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(finder.servers().first().tls);

    // Another host announces the real fingerprint without TLS, then, from the same socket (so it is read
    // after the forgery), a server of its own that the finder must list.
    DiscoveryAnswerer forger(QHostAddress(QStringLiteral("127.0.0.2")));
    QVERIFY(forger.isBound());
    forger.send(DiscoveryAnswerer::answerMap(QStringLiteral("Forged"), kChatPort, false, kFingerprint),
                real.finderAddress(), real.finderPort());
    forger.send(
        DiscoveryAnswerer::answerMap(QStringLiteral("Other"), kChatPort, true, QStringLiteral("01").repeated(32)),
        real.finderAddress(), real.finderPort());
    QTRY_COMPARE_WITH_TIMEOUT(finder.servers().size(), 2, kWaitMs);
    ServerFinder::Server office = finder.servers().first();
    QCOMPARE(office.name, QStringLiteral("Office"));
    QCOMPARE(office.address, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(office.tls);
    QCOMPARE(office.fingerprint, kFingerprint);
    QCOMPARE(finder.servers().at(1).address, QHostAddress(QStringLiteral("127.0.0.2")));

    // Even an answer from the entry's own address (a spoofed source looks the same) never lowers TLS.
    real.sendToFinder(DiscoveryAnswerer::answerMap(QStringLiteral("Office 2"), kChatPort, false, QString()));
    QTRY_COMPARE_WITH_TIMEOUT(finder.servers().first().name, QStringLiteral("Office 2"), kWaitMs);
    office = finder.servers().first();
    QVERIFY(office.tls);
    QCOMPARE(office.fingerprint, kFingerprint);
    QCOMPARE(office.address, QHostAddress(QHostAddress::LocalHost));
}

void tst_ServerFinder::plaintextServerIsListedAndCanBecomeTls()
{
    DiscoveryAnswerer real;
    QVERIFY(real.isBound());
    real.setAnswer(DiscoveryAnswerer::answerMap(QStringLiteral("Test"), kChatPort, false, kFingerprint));
    ServerFinder finder;
    finder.setProbePort(real.port());
    finder.setIntervalMs(60000);
    finder.start();
    QTRY_COMPARE_WITH_TIMEOUT(finder.servers().size(), 1, kWaitMs);
    QVERIFY(!finder.servers().first().tls);
    QVERIFY(finder.servers().first().fingerprint.isEmpty()); // a plaintext announcement proves no certificate

    real.sendToFinder(DiscoveryAnswerer::answerMap(QStringLiteral("Test"), kChatPort, true, kFingerprint));
    QTRY_VERIFY_WITH_TIMEOUT(finder.servers().first().tls, kWaitMs);
    QCOMPARE(finder.servers().first().fingerprint, kFingerprint);
}

QTEST_GUILESS_MAIN(tst_ServerFinder)
#include "tst_serverfinder.moc"
