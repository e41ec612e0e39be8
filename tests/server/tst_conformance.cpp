// Protocol conformance cases found by a client written from docs/protocol.md alone: each one sent as raw CBOR
// to a real RelayServer over loopback, with the answer the spec gives.

#include "framecodec.h"
#include "protocolframes.h"
#include "rawclient.h"
#include "testserver.h"

#include <QCborArray>
#include <QTest>
#include <QtEndian>

#include <limits>

using namespace lanchat;
using namespace lanchat::test;

namespace {

/** CBOR text string of up to 23 bytes (one-byte head). */
QByteArray cborText(const char* text)
{
    const QByteArray bytes(text);
    return char(0x60 + bytes.size()) + bytes;
}

/** The CBOR of @p map with one more entry, @p key = the raw CBOR item @p rawValue (e.g. -2^64). */
QByteArray withRawField(const QCborMap& map, const char* key, const QByteArray& rawValue)
{
    QByteArray cbor = QCborValue(map).toCbor();
    Q_ASSERT(map.size() < 23 && quint8(cbor.at(0)) == 0xa0 + map.size()); // a small map: one head byte
    cbor[0] = char(0xa0 + map.size() + 1);
    return cbor + cborText(key) + rawValue;
}

// -2^64, the smallest CBOR integer: major type 1 with argument 2^64-1. QCborValue reads it as 0.
const QByteArray kMinusTwoTo64 = QByteArray::fromHex("3bffffffffffffffff");
// -2^63-1, the largest integer below qint64's range.
const QByteArray kBelowInt64 = QByteArray::fromHex("3b8000000000000000");

} // namespace

class tst_Conformance : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void negativeIntegerInUnsignedField_data();
    void negativeIntegerInUnsignedField();
    void wholeRangeOfRequestIds_data();
    void wholeRangeOfRequestIds();
    void largeIdOnRefusedFrame();
    void featuresMustBeText_data();
    void featuresMustBeText();
    void helloRepeatableBeforeLogin();
    void helloAfterLoginRefused();
    void readClampsToNewestMessage();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_client; ///< logged in as "conformance"
    qint64 m_conversation = 0;           ///< its private chat with "peer"
    std::unique_ptr<RawClient> m_peer;
};

void tst_Conformance::initTestCase()
{
    m_server = std::make_unique<TestServer>(false);
    QVERIFY(m_server->start());
    m_peer = std::make_unique<RawClient>();
    QVERIFY(m_peer->connectTo(m_server->port(), false));
    QVERIFY(m_peer->signUp(QStringLiteral("peer")) > 0);
    m_client = std::make_unique<RawClient>();
    QVERIFY(m_client->connectTo(m_server->port(), false));
    QVERIFY(m_client->signUp(QStringLiteral("conformance")) > 0);
    QCborMap open = typed("open_private");
    open.insert(QLatin1String("user"), m_peer->userId());
    m_conversation =
        m_client->request(open).value(QLatin1String("conversation")).toMap().value(QLatin1String("id")).toInteger();
    QVERIFY(m_conversation > 0);
}

void tst_Conformance::cleanupTestCase()
{
    m_client.reset();
    m_peer.reset();
    m_server.reset();
}

void tst_Conformance::negativeIntegerInUnsignedField_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QByteArray>("value");
    // Each of these would be a valid request with the field at 0 (sync from the start, history from the
    // newest, read position 0): a value read as 0 is accepted.
    QTest::newRow("sync since -2^64") << QByteArray("sync") << QByteArray("since") << kMinusTwoTo64;
    QTest::newRow("history before -2^64") << QByteArray("history") << QByteArray("before") << kMinusTwoTo64;
    QTest::newRow("history limit -2^64") << QByteArray("history") << QByteArray("limit") << kMinusTwoTo64;
    QTest::newRow("read seq -2^64") << QByteArray("read") << QByteArray("seq") << kMinusTwoTo64;
    QTest::newRow("sync since -2^63-1") << QByteArray("sync") << QByteArray("since") << kBelowInt64;
    QTest::newRow("sync since -1") << QByteArray("sync") << QByteArray("since") << QByteArray::fromHex("20");
}

void tst_Conformance::negativeIntegerInUnsignedField()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, value);
    QCborMap map = typed(request.constData());
    map.insert(QLatin1String("id"), 4242);
    if (request != "sync")
        map.insert(QLatin1String("conversation"), m_conversation);
    m_client->sendRaw(framed(withRawField(map, field.constData(), value)));
    const QCborMap reply = m_client->waitReply(4242);
    QCOMPARE(RawClient::errorCode(reply), QStringLiteral("invalid_argument"));
    QVERIFY(m_client->isConnected());
    QCOMPARE(frameType(m_client->request(typed("ping"))), QStringLiteral("ok"));
}

void tst_Conformance::wholeRangeOfRequestIds_data()
{
    QTest::addColumn<quint64>("id");
    QTest::newRow("0") << quint64(0);
    QTest::newRow("2^63-1") << quint64(std::numeric_limits<qint64>::max());
    QTest::newRow("2^63") << (quint64(1) << 63);
    QTest::newRow("2^63+12345") << (quint64(1) << 63) + 12345;
    QTest::newRow("2^64-1") << std::numeric_limits<quint64>::max();
}

void tst_Conformance::wholeRangeOfRequestIds()
{
    QFETCH(quint64, id);
    // The reply's id is matched from the frame's bytes (FrameCodec::Frame::id), exactly.
    m_client->sendRaw(FrameCodec::encode(typed("ping"), id));
    QCOMPARE(frameType(m_client->waitReply(id)), QStringLiteral("ok"));
    // An error reply echoes it too, and so does the send ack (written by its own encoder).
    QCborMap unknown = typed("no_such_type");
    m_client->sendRaw(FrameCodec::encode(unknown, id));
    QCOMPARE(RawClient::errorCode(m_client->waitReply(id)), QStringLiteral("unknown_type"));
    QCborMap send = typed("send");
    send.insert(QLatin1String("conversation"), m_conversation);
    send.insert(QLatin1String("client_msg_id"), QUuid::createUuid().toRfc4122());
    send.insert(QLatin1String("text"), QStringLiteral("id %1").arg(id));
    m_client->sendRaw(FrameCodec::encode(send, id));
    const QCborMap ack = m_client->waitReply(id);
    QCOMPARE(frameType(ack), QStringLiteral("ok"));
    QVERIFY(ack.value(QLatin1String("seq")).toInteger() > 0);
}

void tst_Conformance::largeIdOnRefusedFrame()
{
    // Invalid UTF-8 after the id: the frame is refused, its id still addresses the error.
    const quint64 id = std::numeric_limits<quint64>::max() - 7;
    QByteArray payload = QByteArray::fromHex("a3") + cborText("id") + QByteArray::fromHex("1b") +
                         QByteArray(8, Qt::Uninitialized) + cborText("t") + cborText("send") + cborText("text") +
                         QByteArray::fromHex("62fffe");
    qToBigEndian<quint64>(id, payload.data() + 1 + 3 + 1);
    m_client->sendRaw(framed(payload));
    QCOMPARE(RawClient::errorCode(m_client->waitReply(id)), QStringLiteral("invalid_argument"));
}

void tst_Conformance::featuresMustBeText_data()
{
    QTest::addColumn<QCborArray>("features");
    QTest::newRow("integers") << QCborArray{1, 2};
    QTest::newRow("text and an integer") << QCborArray{QStringLiteral("file_proof"), 7};
    QTest::newRow("a map") << QCborArray{QCborMap{{QStringLiteral("a"), 1}}};
    QTest::newRow("65 bytes") << QCborArray{QString(65, QLatin1Char('f'))};
}

void tst_Conformance::featuresMustBeText()
{
    QFETCH(QCborArray, features);
    RawClient c;
    QVERIFY(c.connectTo(m_server->port(), false));
    QCborMap hello = typed("hello");
    hello.insert(QLatin1String("protocol"), 1);
    hello.insert(QLatin1String("features"), features);
    QCOMPARE(RawClient::errorCode(c.request(hello)), QStringLiteral("invalid_argument"));
    QVERIFY(c.isConnected());
}

void tst_Conformance::helloRepeatableBeforeLogin()
{
    RawClient c;
    QVERIFY(c.connectTo(m_server->port(), false));
    QCOMPARE(frameType(c.hello()), QStringLiteral("welcome"));
    QCOMPARE(frameType(c.hello()), QStringLiteral("welcome"));
}

void tst_Conformance::helloAfterLoginRefused()
{
    RawClient c;
    QVERIFY(c.connectTo(m_server->port(), false));
    QVERIFY(c.signUp(QStringLiteral("twice")) > 0); // hello, then register
    QCOMPARE(RawClient::errorCode(c.hello()), QStringLiteral("invalid_argument"));
    // Nothing changed: still logged in, still connected.
    QCOMPARE(frameType(c.request(typed("users"))), QStringLiteral("ok"));
}

void tst_Conformance::readClampsToNewestMessage()
{
    const QCborMap ack = m_client->sendText(m_conversation, QStringLiteral("read me"));
    const qint64 newest = ack.value(QLatin1String("seq")).toInteger();
    QVERIFY(newest > 0);
    m_client->clearPushes();
    QCborMap read = typed("read");
    read.insert(QLatin1String("conversation"), m_conversation);
    read.insert(QLatin1String("seq"), newest + 1000);
    QCOMPARE(frameType(m_peer->request(read)), QStringLiteral("ok"));
    // The sender sees the receipt at the newest message, not beyond it...
    const QCborMap receipt = m_client->waitPush(QStringLiteral("read_receipt"));
    QCOMPARE(receipt.value(QLatin1String("seq")).toInteger(), newest);
    // ...and the stored position is the newest message too.
    const QCborArray conversations =
        m_peer->request(typed("conversations")).value(QLatin1String("conversations")).toArray();
    bool found = false;
    for (const QCborValue& c : conversations) {
        const QCborMap info = c.toMap();
        if (info.value(QLatin1String("id")).toInteger() == m_conversation) {
            found = true;
            QCOMPARE(info.value(QLatin1String("read_seq")).toInteger(), newest);
        }
    }
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(tst_Conformance)
#include "tst_conformance.moc"
