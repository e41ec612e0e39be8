// Connection without TLS, driven by a real EventPoller over a Unix socketpair or loopback TCP: partial writes
// under a full send buffer, read pause, a peer that resets, and the graceful close.

#include "net/connection.h"
#include "net/eventpoller.h"
#include "recordinghandler.h"
#include "socketpeer.h"

#include <QCoreApplication>
#include <QTest>

using namespace lanchat;
using namespace lanchat::test;

namespace {

/** Frame @p index of a test stream: @p size bytes that differ by position and by frame. */
QByteArray patternFrame(int index, qsizetype size)
{
    QByteArray frame(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        frame[i] = char((i * 31 + index * 7) & 0xff);
    return frame;
}

/** Lets the poller handle whatever is ready now (a negative check: something that must not happen). */
void spinEventLoop()
{
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents();
}

} // namespace

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
    EventPoller poller;
    RecordingHandler handler;
    auto [fd, peer] = tcp ? SocketPeer::tcpPair() : SocketPeer::unixPair();
    QVERIFY(fd >= 0);
    setSendBuffer(fd, 4096);
    Connection connection(poller, fd, nullptr);
    QVERIFY(connection.start(&handler));
    QCOMPARE(connection.state(), ConnectionState::Open);

    // More frames than one sendmsg takes (kMaxIovecs), of sizes that split anywhere, far more than the buffers.
    QByteArray expected;
    for (int i = 0; i < 3 * Connection::kMaxIovecs; ++i) {
        const QByteArray frame = patternFrame(i, 1 + (i * 7919) % 40000);
        expected += frame;
        connection.send(frame);
    }
    QCOMPARE(connection.bytesToWrite(), expected.size());
    poller.flushAll();
    QVERIFY(connection.bytesToWrite() > 0);               // the kernel took only part
    QVERIFY(connection.bytesToWrite() < expected.size()); // but some
    peer.readContinuously();
    QTRY_COMPARE_WITH_TIMEOUT(peer.received().size(), expected.size(), 60000);
    QCOMPARE(peer.received(), expected);
    QCOMPARE(connection.bytesToWrite(), 0);
    QVERIFY(handler.writtenCalls() >= 2); // the first partial write and the ones after EPOLLOUT
    QCOMPARE(handler.closedCalls(), 0);
}

void tst_Connection::pausedReadingHoldsInputUntilResumed()
{
    EventPoller poller;
    RecordingHandler handler;
    auto [fd, peer] = SocketPeer::unixPair();
    QVERIFY(fd >= 0);
    Connection connection(poller, fd, nullptr);
    QVERIFY(connection.start(&handler));
    QVERIFY(peer.write("first"));
    QTRY_COMPARE(handler.received(), QByteArray("first"));

    connection.setReadEnabled(false);
    QVERIFY(peer.write("second"));
    spinEventLoop();
    QCOMPARE(handler.received(), QByteArray("first"));
    connection.setReadEnabled(true);
    QTRY_COMPARE(handler.received(), QByteArray("firstsecond"));
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
    EventPoller poller;
    RecordingHandler handler;
    auto [fd, peer] = SocketPeer::tcpPair();
    QVERIFY(fd >= 0);
    setSendBuffer(fd, 4096);
    peer.setReceiveBuffer(4096);
    Connection connection(poller, fd, nullptr);
    QVERIFY(connection.start(&handler));
    QCOMPARE(poller.connectionCount(), 1);
    if (writing) {
        connection.send(patternFrame(1, 4 * 1024 * 1024));
        poller.flushAll();
        QVERIFY(connection.bytesToWrite() > 0); // blocked: waiting for EPOLLOUT
    }
    peer.resetAndClose();

    QTRY_COMPARE(handler.closedCalls(), 1);
    QVERIFY(!connection.isOpen());
    QCOMPARE(connection.state(), ConnectionState::Closed);
    QCOMPARE(connection.bytesToWrite(), 0);
    QCOMPARE(poller.connectionCount(), 0);
    // Closed for good: later calls neither write nor report again.
    connection.send("late");
    connection.closeAfterFlush();
    connection.abort();
    spinEventLoop();
    QCOMPARE(connection.bytesToWrite(), 0);
    QCOMPARE(handler.closedCalls(), 1);
}

void tst_Connection::gracefulCloseWritesQueueThenWaitsForPeer()
{
    EventPoller poller;
    RecordingHandler handler;
    auto [fd, peer] = SocketPeer::tcpPair();
    QVERIFY(fd >= 0);
    setSendBuffer(fd, 4096);
    Connection connection(poller, fd, nullptr);
    QVERIFY(connection.start(&handler));
    const QByteArray last = patternFrame(2, 512 * 1024); // more than the buffers: the close must wait for it
    connection.send(last);
    connection.closeAfterFlush();
    QCOMPARE(connection.state(), ConnectionState::Draining);
    connection.send("dropped: sent after the close");
    QVERIFY(peer.write("ignored: input after the close"));

    peer.readContinuously();
    QTRY_VERIFY_WITH_TIMEOUT(peer.sawEndOfStream(), 60000);
    QCOMPARE(peer.received(), last);
    QCOMPARE(connection.state(), ConnectionState::HalfClosed); // our FIN is out; waiting for the peer's
    QCOMPARE(handler.closedCalls(), 0);
    QVERIFY(handler.received().isEmpty());
    peer.close();
    QTRY_COMPARE(handler.closedCalls(), 1);
    QCOMPARE(connection.state(), ConnectionState::Closed);
}

void tst_Connection::abortDropsQueueAndReportsOnce()
{
    EventPoller poller;
    RecordingHandler handler;
    auto [fd, peer] = SocketPeer::unixPair();
    QVERIFY(fd >= 0);
    Connection connection(poller, fd, nullptr);
    QVERIFY(connection.start(&handler));
    connection.send("never written");
    connection.abort();
    QCOMPARE(handler.closedCalls(), 1); // synchronously
    QCOMPARE(connection.bytesToWrite(), 0);
    QTRY_VERIFY((peer.readAvailable(), peer.sawEndOfStream()));
    QVERIFY(peer.received().isEmpty());
    QCOMPARE(handler.closedCalls(), 1);
}

QTEST_GUILESS_MAIN(tst_Connection)
#include "tst_connection.moc"
