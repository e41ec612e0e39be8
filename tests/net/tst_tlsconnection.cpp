// Connection with TLS (the relay's TlsContext, a throw-away certificate) against an OpenSSL client on the far
// end of a socketpair or loopback TCP, both non-blocking in one thread: the handshake waiting for input
// (WANT_READ), writes stopping on a full buffer (WANT_WRITE), a close during the handshake, a peer that resets,
// and decrypted bytes left in OpenSSL while reading is paused.

#include "connectionfixture.h"
#include "net/tlscontext.h"

#include <QTest>

using namespace lanchat;
using namespace lanchat::test;
using Link = ConnectionFixture::Link;

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
    ConnectionFixture f(Link::Unix, m_context->handle());
    QVERIFY(f.start()); // SSL_accept: WANT_READ, nothing has come yet
    QCOMPARE(f.connection().state(), ConnectionState::Handshaking);
    f.connection().send("queued during the handshake");
    spinEventLoop();
    QVERIFY(f.connection().isHandshaking());

    QTRY_VERIFY(f.tlsPeer().handshake());
    QVERIFY(f.tlsPeer().write("hello"));
    QTRY_COMPARE(f.handler().received(), QByteArray("hello"));
    QCOMPARE(f.connection().state(), ConnectionState::Open);
    QTRY_COMPARE(f.tlsPeer().readAvailable(), qsizetype(27));
    QCOMPARE(f.tlsPeer().received(), QByteArray("queued during the handshake"));
    QCOMPARE(f.handler().closedCalls(), 0);
}

void tst_TlsConnection::partialWritesArriveInOrder()
{
    ConnectionFixture f(Link::Unix, m_context->handle(), 4096);
    QVERIFY(f.start());
    QTRY_VERIFY(f.tlsPeer().handshake());
    QTRY_COMPARE(f.connection().state(), ConnectionState::Open);

    // Small frames packed into records and frames larger than a record, far more than the socket buffers.
    QByteArray expected;
    for (int i = 0; i < 200; ++i) {
        const QByteArray frame = patternFrame(i, i % 3 == 0 ? 40000 + i : 1 + i * 37);
        expected += frame;
        f.connection().send(frame);
    }
    f.poller().flushAll();
    QVERIFY(f.connection().bytesToWrite() > 0); // SSL_write: WANT_WRITE, the rest waits for EPOLLOUT
    f.tlsPeer().readContinuously();
    QTRY_COMPARE_WITH_TIMEOUT(f.tlsPeer().received().size(), expected.size(), 60000);
    QCOMPARE(f.tlsPeer().received(), expected);
    QCOMPARE(f.connection().bytesToWrite(), 0);
    QCOMPARE(f.handler().closedCalls(), 0);
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
    ConnectionFixture f(Link::Unix, m_context->handle());
    if (room > 0)
        f.handler().setReceiveRoom(room);
    QVERIFY(f.start());
    QTRY_VERIFY(f.tlsPeer().handshake());
    QTRY_COMPARE(f.connection().state(), ConnectionState::Open);
    Connection& connection = f.connection();
    f.handler().setOnReceived([&connection](const QByteArray&) { connection.setReadEnabled(false); });

    QByteArray expected;
    for (int i = 0; i < 3; ++i)
        expected += patternFrame(i, 3000);
    for (int i = 0; i < 3; ++i)
        QVERIFY(f.tlsPeer().write(expected.mid(i * 3000, 3000))); // three records, sent at once
    QTRY_COMPARE(f.handler().deliveries(), 1);
    const qsizetype first = f.handler().received().size();
    QVERIFY(first < expected.size());
    spinEventLoop();
    QCOMPARE(f.handler().received().size(), first); // paused: nothing more delivered

    f.handler().setOnReceived({});
    connection.setReadEnabled(true); // the peer sends nothing more: no readable event will come
    QTRY_COMPARE(f.handler().received().size(), expected.size());
    QCOMPARE(f.handler().received(), expected);
}

void tst_TlsConnection::closeDuringHandshakeDeliversQueuedFrame()
{
    ConnectionFixture f(Link::Unix, m_context->handle());
    QVERIFY(f.start());
    f.connection().send("the error that explains the close");
    f.connection().closeAfterFlush();
    QCOMPARE(f.connection().state(), ConnectionState::HandshakingToClose);
    QVERIFY(f.connection().isHandshaking());
    f.connection().send("dropped: after the close");

    QTRY_VERIFY(f.tlsPeer().handshake());
    QTRY_VERIFY((f.tlsPeer().readAvailable(), f.tlsPeer().sawEndOfStream())); // the frame, then close_notify
    QCOMPARE(f.tlsPeer().received(), QByteArray("the error that explains the close"));
    QTRY_COMPARE(f.connection().state(), ConnectionState::HalfClosed);
    QCOMPARE(f.handler().closedCalls(), 0);
    f.peer().close();
    QTRY_COMPARE(f.handler().closedCalls(), 1);
    QCOMPARE(f.connection().state(), ConnectionState::Closed);
}

void tst_TlsConnection::peerLeavingDuringHandshakeClosesOnce()
{
    ConnectionFixture f(Link::Unix, m_context->handle());
    QVERIFY(f.start());
    QVERIFY(!f.tlsPeer().handshake()); // ClientHello sent; the server answers
    QTRY_VERIFY(f.peer().readAvailable() > 0);
    QVERIFY(f.connection().isHandshaking()); // waiting for the client's Finished
    f.peer().close();
    QTRY_COMPARE(f.handler().closedCalls(), 1);
    QCOMPARE(f.connection().state(), ConnectionState::Closed);
    QCOMPARE(f.poller().connectionCount(), 0);
    spinEventLoop();
    QCOMPARE(f.handler().closedCalls(), 1);
}

void tst_TlsConnection::garbageInsteadOfClientHelloClosesOnce()
{
    ConnectionFixture f(Link::Unix, m_context->handle());
    QVERIFY(f.start());
    QVERIFY(f.peer().write(QByteArray("GET / HTTP/1.1\r\nHost: relay\r\n\r\n")));
    QTRY_COMPARE(f.handler().closedCalls(), 1);
    QCOMPARE(f.connection().state(), ConnectionState::Closed);
    QVERIFY(f.handler().received().isEmpty());
}

void tst_TlsConnection::peerResetClosesOnce()
{
    ConnectionFixture f(Link::Tcp, m_context->handle(), 4096);
    f.peer().setReceiveBuffer(4096);
    QVERIFY(f.start());
    QTRY_VERIFY(f.tlsPeer().handshake());
    QTRY_COMPARE(f.connection().state(), ConnectionState::Open);
    f.connection().send(patternFrame(0, 2 * 1024 * 1024));
    f.poller().flushAll();
    QVERIFY(f.connection().bytesToWrite() > 0);
    f.peer().resetAndClose();
    QTRY_COMPARE(f.handler().closedCalls(), 1);
    QCOMPARE(f.connection().state(), ConnectionState::Closed);
    QCOMPARE(f.connection().bytesToWrite(), 0);
    spinEventLoop();
    QCOMPARE(f.handler().closedCalls(), 1);
}

QTEST_GUILESS_MAIN(tst_TlsConnection)
#include "tst_tlsconnection.moc"
