// Connection without TLS, driven by a real EventPoller over a Unix socketpair or loopback TCP: partial writes
// under a full send buffer, read pause, a peer that resets, the graceful close and abort.

#include "connectionfixture.h"

#include <QTest>

using namespace lanchat;
using namespace lanchat::test;
using Link = ConnectionFixture::Link;

class tst_Connection : public QObject
{
    Q_OBJECT

private slots:
    void partialWritesArriveInOrder_data();
    void partialWritesArriveInOrder();
    void pausedReadingHoldsInputUntilResumed();
    void peerResetClosesOnce_data();
    void peerResetClosesOnce();
    void gracefulCloseWritesQueueThenWaitsForPeer();
    void abortDropsQueueAndReportsOnce();
};

void tst_Connection::partialWritesArriveInOrder_data()
{
    QTest::addColumn<bool>("tcp");
    QTest::newRow("unix") << false;
    QTest::newRow("tcp") << true;
}

void tst_Connection::partialWritesArriveInOrder()
{
    QFETCH(bool, tcp);
    ConnectionFixture f(tcp ? Link::Tcp : Link::Unix, nullptr, 4096);
    QVERIFY(f.start());
    QCOMPARE(f.connection().state(), ConnectionState::Open);

    // More frames than one sendmsg takes (kMaxIovecs), of sizes that split anywhere, far more than the buffers.
    QByteArray expected;
    for (int i = 0; i < 3 * Connection::kMaxIovecs; ++i) {
        const QByteArray frame = patternFrame(i, 1 + (i * 7919) % 40000);
        expected += frame;
        f.connection().send(frame);
    }
    QCOMPARE(f.connection().bytesToWrite(), expected.size());
    f.poller().flushAll();
    QVERIFY(f.connection().bytesToWrite() > 0);               // the kernel took only part
    QVERIFY(f.connection().bytesToWrite() < expected.size()); // but some
    f.peer().readContinuously();
    QTRY_COMPARE_WITH_TIMEOUT(f.peer().received().size(), expected.size(), 60000);
    QCOMPARE(f.peer().received(), expected);
    QCOMPARE(f.connection().bytesToWrite(), 0);
    QVERIFY(f.handler().writtenCalls() >= 2); // the first partial write and the ones after EPOLLOUT
    QCOMPARE(f.handler().closedCalls(), 0);
}

void tst_Connection::pausedReadingHoldsInputUntilResumed()
{
    ConnectionFixture f(Link::Unix, nullptr);
    QVERIFY(f.start());
    QVERIFY(f.peer().write("first"));
    QTRY_COMPARE(f.handler().received(), QByteArray("first"));

    f.connection().setReadEnabled(false);
    QVERIFY(f.peer().write("second"));
    spinEventLoop();
    QCOMPARE(f.handler().received(), QByteArray("first"));
    f.connection().setReadEnabled(true);
    QTRY_COMPARE(f.handler().received(), QByteArray("firstsecond"));
}

void tst_Connection::peerResetClosesOnce_data()
{
    QTest::addColumn<bool>("writing");
    QTest::newRow("idle") << false;
    QTest::newRow("while a write waits for room") << true;
}

void tst_Connection::peerResetClosesOnce()
{
    QFETCH(bool, writing);
    ConnectionFixture f(Link::Tcp, nullptr, 4096);
    f.peer().setReceiveBuffer(4096);
    QVERIFY(f.start());
    QCOMPARE(f.poller().connectionCount(), 1);
    if (writing) {
        f.connection().send(patternFrame(1, 4 * 1024 * 1024));
        f.poller().flushAll();
        QVERIFY(f.connection().bytesToWrite() > 0); // blocked: waiting for EPOLLOUT
    }
    f.peer().resetAndClose();

    QTRY_COMPARE(f.handler().closedCalls(), 1);
    QVERIFY(!f.connection().isOpen());
    QCOMPARE(f.connection().state(), ConnectionState::Closed);
    QCOMPARE(f.connection().bytesToWrite(), 0);
    QCOMPARE(f.poller().connectionCount(), 0);
    // Closed for good: later calls neither write nor report again.
    f.connection().send("late");
    f.connection().closeAfterFlush();
    f.connection().abort();
    spinEventLoop();
    QCOMPARE(f.connection().bytesToWrite(), 0);
    QCOMPARE(f.handler().closedCalls(), 1);
}

void tst_Connection::gracefulCloseWritesQueueThenWaitsForPeer()
{
    ConnectionFixture f(Link::Tcp, nullptr, 4096);
    QVERIFY(f.start());
    const QByteArray last = patternFrame(2, 512 * 1024); // more than the buffers: the close must wait for it
    f.connection().send(last);
    f.connection().closeAfterFlush();
    QCOMPARE(f.connection().state(), ConnectionState::Draining);
    f.connection().send("dropped: sent after the close");
    QVERIFY(f.peer().write("ignored: input after the close"));

    f.peer().readContinuously();
    QTRY_VERIFY_WITH_TIMEOUT(f.peer().sawEndOfStream(), 60000);
    QCOMPARE(f.peer().received(), last);
    QCOMPARE(f.connection().state(), ConnectionState::HalfClosed); // our FIN is out; waiting for the peer's
    QCOMPARE(f.handler().closedCalls(), 0);
    QVERIFY(f.handler().received().isEmpty());
    f.peer().close();
    QTRY_COMPARE(f.handler().closedCalls(), 1);
    QCOMPARE(f.connection().state(), ConnectionState::Closed);
}

void tst_Connection::abortDropsQueueAndReportsOnce()
{
    ConnectionFixture f(Link::Unix, nullptr);
    QVERIFY(f.start());
    f.connection().send("never written");
    f.connection().abort();
    QCOMPARE(f.handler().closedCalls(), 1); // synchronously
    QCOMPARE(f.connection().bytesToWrite(), 0);
    QTRY_VERIFY((f.peer().readAvailable(), f.peer().sawEndOfStream()));
    QVERIFY(f.peer().received().isEmpty());
    QCOMPARE(f.handler().closedCalls(), 1);
}

QTEST_GUILESS_MAIN(tst_Connection)
#include "tst_connection.moc"
