// Connection with TLS (the relay's TlsContext, a throw-away certificate) against an OpenSSL client on the far
// end of a socketpair or loopback TCP, both non-blocking in one thread: the handshake waiting for input
// (WANT_READ), writes stopping on a full buffer (WANT_WRITE), a close during the handshake, a peer that resets,
// and decrypted bytes left in OpenSSL while reading is paused.

#include "net/connection.h"
#include "net/eventpoller.h"
#include "net/tlscontext.h"
#include "recordinghandler.h"
#include "socketpeer.h"
#include "tlspeer.h"

#include <QCoreApplication>
#include <QTest>

using namespace lanchat;
using namespace lanchat::test;

namespace {

QByteArray patternFrame(int index, qsizetype size)
{
    QByteArray frame(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        frame[i] = char((i * 13 + index * 5) & 0xff);
    return frame;
}

void spinEventLoop()
{
    for (int i = 0; i < 10; ++i)
        QCoreApplication::processEvents();
}

} // namespace

class tst_TlsConnection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void handshakeWaitsForThePeer();
    void partialWritesArriveInOrder();
    void pendingDecryptedBytesAreDeliveredAfterResume_data();
    void pendingDecryptedBytesAreDeliveredAfterResume();
    void closeDuringHandshakeDeliversQueuedFrame();
    void peerLeavingDuringHandshakeClosesOnce();
    void garbageInsteadOfClientHelloClosesOnce();
    void peerResetClosesOnce();

private:
    std::unique_ptr<TlsContext> m_context;
};

void tst_TlsConnection::initTestCase()
{
    QString error;
    m_context = TlsPeer::serverContext(&error);
    QVERIFY2(m_context, qPrintable(error));
}

void tst_TlsConnection::handshakeWaitsForThePeer()
{
    EventPoller poller;
    RecordingHandler handler;
    auto [fd, socket] = SocketPeer::unixPair();
    QVERIFY(fd >= 0);
    TlsPeer peer(std::move(socket));
    Connection connection(poller, fd, m_context->handle());
    QVERIFY(connection.start(&handler)); // SSL_accept: WANT_READ, nothing has come yet
    QCOMPARE(connection.state(), ConnectionState::Handshaking);
    connection.send("queued during the handshake");
    spinEventLoop();
    QVERIFY(connection.isHandshaking());

    QTRY_VERIFY(peer.handshake());
    QVERIFY(peer.write("hello"));
    QTRY_COMPARE(handler.received(), QByteArray("hello"));
    QCOMPARE(connection.state(), ConnectionState::Open);
    QTRY_COMPARE(peer.readAvailable(), qsizetype(27));
    QCOMPARE(peer.received(), QByteArray("queued during the handshake"));
    QCOMPARE(handler.closedCalls(), 0);
}

void tst_TlsConnection::partialWritesArriveInOrder()
{
    EventPoller poller;
    RecordingHandler handler;
    auto [fd, socket] = SocketPeer::unixPair();
    QVERIFY(fd >= 0);
    setSendBuffer(fd, 4096);
    TlsPeer peer(std::move(socket));
    Connection connection(poller, fd, m_context->handle());
    QVERIFY(connection.start(&handler));
    QTRY_VERIFY(peer.handshake());
    QTRY_COMPARE(connection.state(), ConnectionState::Open);

    // Small frames packed into records and frames larger than a record, far more than the socket buffers.
    QByteArray expected;
    for (int i = 0; i < 200; ++i) {
        const QByteArray frame = patternFrame(i, i % 3 == 0 ? 40000 + i : 1 + i * 37);
        expected += frame;
        connection.send(frame);
    }
    poller.flushAll();
    QVERIFY(connection.bytesToWrite() > 0); // SSL_write: WANT_WRITE, the rest waits for EPOLLOUT
    peer.readContinuously();
    QTRY_COMPARE_WITH_TIMEOUT(peer.received().size(), expected.size(), 60000);
    QCOMPARE(peer.received(), expected);
    QCOMPARE(connection.bytesToWrite(), 0);
    QCOMPARE(handler.closedCalls(), 0);
}

void tst_TlsConnection::pendingDecryptedBytesAreDeliveredAfterResume_data()
{
    QTest::addColumn<qsizetype>("room");
    QTest::newRow("shared buffer, records read ahead") << qsizetype(0);
    QTest::newRow("in place, record read in parts") << qsizetype(1000);
}

void tst_TlsConnection::pendingDecryptedBytesAreDeliveredAfterResume()
{
    // A session pauses reading from inside a delivery (its output is congested). What OpenSSL has already
    // taken off the socket raises no epoll event: it must come after resuming all the same.
    QFETCH(qsizetype, room);
    EventPoller poller;
    RecordingHandler handler;
    auto [fd, socket] = SocketPeer::unixPair();
    QVERIFY(fd >= 0);
    TlsPeer peer(std::move(socket));
    Connection connection(poller, fd, m_context->handle());
    if (room > 0)
        handler.setReceiveRoom(room);
    QVERIFY(connection.start(&handler));
    QTRY_VERIFY(peer.handshake());
    QTRY_COMPARE(connection.state(), ConnectionState::Open);
    handler.setOnReceived([&connection](const QByteArray&) { connection.setReadEnabled(false); });

    QByteArray expected;
    for (int i = 0; i < 3; ++i)
        expected += patternFrame(i, 3000); // three records, sent at once
    for (int i = 0; i < 3; ++i)
        QVERIFY(peer.write(expected.mid(i * 3000, 3000)));
    QTRY_COMPARE(handler.deliveries(), 1);
    const qsizetype first = handler.received().size();
    QVERIFY(first < expected.size());
    spinEventLoop();
    QCOMPARE(handler.received().size(), first); // paused: nothing more delivered

    handler.setOnReceived({});
    connection.setReadEnabled(true); // the peer sends nothing more: no readable event will come
    QTRY_COMPARE(handler.received().size(), expected.size());
    QCOMPARE(handler.received(), expected);
}

void tst_TlsConnection::closeDuringHandshakeDeliversQueuedFrame()
{
    EventPoller poller;
    RecordingHandler handler;
    auto [fd, socket] = SocketPeer::unixPair();
    QVERIFY(fd >= 0);
    TlsPeer peer(std::move(socket));
    Connection connection(poller, fd, m_context->handle());
    QVERIFY(connection.start(&handler));
    connection.send("the error that explains the close");
    connection.closeAfterFlush();
    QCOMPARE(connection.state(), ConnectionState::HandshakingToClose);
    QVERIFY(connection.isHandshaking());
    connection.send("dropped: after the close");

    QTRY_VERIFY(peer.handshake());
    QTRY_VERIFY((peer.readAvailable(), peer.sawEndOfStream())); // the frame, then close_notify
    QCOMPARE(peer.received(), QByteArray("the error that explains the close"));
    QTRY_COMPARE(connection.state(), ConnectionState::HalfClosed);
    QCOMPARE(handler.closedCalls(), 0);
    peer.socket().close();
    QTRY_COMPARE(handler.closedCalls(), 1);
    QCOMPARE(connection.state(), ConnectionState::Closed);
}

void tst_TlsConnection::peerLeavingDuringHandshakeClosesOnce()
{
    EventPoller poller;
    RecordingHandler handler;
    auto [fd, socket] = SocketPeer::unixPair();
    QVERIFY(fd >= 0);
    TlsPeer peer(std::move(socket));
    Connection connection(poller, fd, m_context->handle());
    QVERIFY(connection.start(&handler));
    QVERIFY(!peer.handshake()); // ClientHello sent; the server answers
    QTRY_VERIFY(peer.socket().readAvailable() > 0);
    QVERIFY(connection.isHandshaking()); // waiting for the client's Finished
    peer.socket().close();
    QTRY_COMPARE(handler.closedCalls(), 1);
    QCOMPARE(connection.state(), ConnectionState::Closed);
    QCOMPARE(poller.connectionCount(), 0);
    spinEventLoop();
    QCOMPARE(handler.closedCalls(), 1);
}

void tst_TlsConnection::garbageInsteadOfClientHelloClosesOnce()
{
    EventPoller poller;
    RecordingHandler handler;
    auto [fd, peer] = SocketPeer::unixPair();
    QVERIFY(fd >= 0);
    Connection connection(poller, fd, m_context->handle());
    QVERIFY(connection.start(&handler));
    QVERIFY(peer.write(QByteArray("GET / HTTP/1.1\r\nHost: relay\r\n\r\n")));
    QTRY_COMPARE(handler.closedCalls(), 1);
    QCOMPARE(connection.state(), ConnectionState::Closed);
    QVERIFY(handler.received().isEmpty());
}

void tst_TlsConnection::peerResetClosesOnce()
{
    EventPoller poller;
    RecordingHandler handler;
    auto [fd, socket] = SocketPeer::tcpPair();
    QVERIFY(fd >= 0);
    setSendBuffer(fd, 4096);
    socket.setReceiveBuffer(4096);
    TlsPeer peer(std::move(socket));
    Connection connection(poller, fd, m_context->handle());
    QVERIFY(connection.start(&handler));
    QTRY_VERIFY(peer.handshake());
    QTRY_COMPARE(connection.state(), ConnectionState::Open);
    connection.send(patternFrame(0, 2 * 1024 * 1024));
    poller.flushAll();
    QVERIFY(connection.bytesToWrite() > 0);
    peer.socket().resetAndClose();
    QTRY_COMPARE(handler.closedCalls(), 1);
    QCOMPARE(connection.state(), ConnectionState::Closed);
    QCOMPARE(connection.bytesToWrite(), 0);
    spinEventLoop();
    QCOMPARE(handler.closedCalls(), 1);
}

QTEST_GUILESS_MAIN(tst_TlsConnection)
#include "tst_tlsconnection.moc"
