// The file-transfer messages of common/messages/filemessages.h against docs/protocol.md, "Files".

#include "framecodec.h"
#include "messages/filemessages.h"
#include "protocol.h"
#include "sha256.h"

#include <QCborArray>
#include <QTest>

using namespace lanchat;

class tst_FileMessages : public QObject
{
    Q_OBJECT

private slots:
    void documentedExample();
    void roundTrip();
    void limits();
    void proofDocumentedExample();
    void challengeRoundTripAndLimits();
    void dataFrameDecodesLikeReply_data();
    void dataFrameDecodesLikeReply();
};

void tst_FileMessages::documentedExample()
{
    // docs/protocol.md, 10.8: these bytes must stay what the code produces.
    QCborMap cancel = FileCancel{TransferId(3)}.encode();
    cancel.insert(QLatin1String("id"), 7);
    QCOMPARE(FrameCodec::encode(cancel).toHex(' '), QByteArray("00 00 00 1d a3 61 74 6b 66 69 6c 65 5f 63 61 6e 63 65 "
                                                               "6c 68 74 72 61 6e 73 66 65 72 03 62 69 64 07"));
}

void tst_FileMessages::roundTrip()
{
    const QByteArray sha = Sha256::hash("content");
    const FileOffer offer{ConversationId(9), QUuid::createUuid(), QStringLiteral("报告.pdf"), 1234, sha};
    const auto offer2 = FileOffer::decode(offer.encode(), nullptr);
    QVERIFY(offer2);
    QCOMPARE(offer2->name, offer.name);
    QCOMPARE(offer2->clientMsgId, offer.clientMsgId);
    QCOMPARE(offer2->sha256, sha);

    const auto ok = FileOfferOk::decode(FileOfferOk{TransferId(), 1234, true, 77, 1700000000000}.encode(), nullptr);
    QVERIFY(ok && ok->complete);
    QCOMPARE(ok->seq, 77);

    const QByteArray data(protocol::kChunkBytes, 'x');
    const auto chunk = FileChunk::decode(FileChunk{TransferId(5), 262144, data}.encode(), nullptr);
    QVERIFY(chunk);
    QCOMPARE(chunk->data, data);

    const auto read = FileRead::decode(FileRead{ConversationId(9), sha, 10, protocol::kChunkBytes}.encode(), nullptr);
    QVERIFY(read);
    QCOMPARE(read->length, protocol::kChunkBytes);
}

void tst_FileMessages::limits()
{
    QString error;
    // A chunk above 256 KiB, a read longer than a chunk and a short digest are refused (invalid_argument).
    QVERIFY(
        !FileChunk::decode(FileChunk{TransferId(5), 0, QByteArray(protocol::kChunkBytes + 1, 'x')}.encode(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!FileRead::decode(FileRead{ConversationId(1), Sha256::hash("a"), 0, protocol::kChunkBytes + 1}.encode(),
                              nullptr));
    QVERIFY(!FileOffer::decode(
        FileOffer{ConversationId(1), QUuid::createUuid(), QStringLiteral("a"), 1, "short"}.encode(), nullptr));
    QVERIFY(!FileOffer::decode(
        FileOffer{ConversationId(1), QUuid::createUuid(), QString(256, QLatin1Char('n')), 1, Sha256::hash("a")}
            .encode(),
        nullptr));
    // The lower bounds: `data` is 1..262144 bytes and `name` 1..255 (docs/protocol.md 10).
    error.clear();
    QVERIFY(!FileChunk::decode(FileChunk{TransferId(5), 0, QByteArray()}.encode(), &error));
    QCOMPARE(error, QStringLiteral("field 'data': empty"));
    QVERIFY(FileChunk::decode(FileChunk{TransferId(5), 0, QByteArray(1, 'x')}.encode(), nullptr));
    error.clear();
    QVERIFY(!FileOffer::decode(
        FileOffer{ConversationId(1), QUuid::createUuid(), QString(), 1, Sha256::hash("a")}.encode(), &error));
    QCOMPARE(error, QStringLiteral("field 'name': empty"));
}

void tst_FileMessages::proofDocumentedExample()
{
    // docs/protocol.md, 10.2a.
    QByteArray nonce(16, Qt::Uninitialized);
    for (int i = 0; i < 16; ++i)
        nonce[i] = char(i);
    QCOMPARE(FileOfferOk::proofOf(nonce, {QByteArray("hello")}).toHex(),
             QByteArray("7c9f5b9e4cc36c703715bb6eedcbb8bd80840fd48d135a07af861d1a027be360"));
}

void tst_FileMessages::challengeRoundTripAndLimits()
{
    FileOfferOk challenge;
    challenge.challenge = 42;
    challenge.nonce = QByteArray(protocol::kProofNonceBytes, 'n');
    challenge.ranges = {{0, 4096}, {123456789, 10}};
    const QCborMap map = challenge.encode();
    QCOMPARE(map.value(QLatin1String("ranges")).toArray().size(), 4); // offset, length, offset, length
    const auto decoded = FileOfferOk::decode(map, nullptr);
    QVERIFY(decoded);
    QCOMPARE(decoded->challenge, quint64(42));
    QCOMPARE(decoded->nonce, challenge.nonce);
    QCOMPARE(decoded->ranges, challenge.ranges);
    // Without a challenge none of its fields is sent (older clients see the reply they know).
    const FileOfferOk plain{TransferId(3), 0, false, 0, 0};
    QVERIFY(!plain.encode().contains(QLatin1String("nonce")));

    QString error;
    FileOfferOk bad = challenge;
    bad.ranges = {{0, protocol::kProofRangeBytes + 1}};
    QVERIFY(!FileOfferOk::decode(bad.encode(), &error));
    QVERIFY(error.contains(QLatin1String("ranges")));
    QCborMap odd = map;
    odd.insert(QLatin1String("ranges"), QCborArray{0, 1, 2});
    QVERIFY(!FileOfferOk::decode(odd, nullptr));
    bad = challenge;
    bad.nonce.chop(1);
    QVERIFY(!FileOfferOk::decode(bad.encode(), nullptr));

    const auto prove = FileProve::decode(FileProve{7, QByteArray(32, 'p')}.encode(), nullptr);
    QVERIFY(prove && prove->challenge == 7);
    QVERIFY(!FileProve::decode(FileProve{7, QByteArray(31, 'p')}.encode(), nullptr));
}

void tst_FileMessages::dataFrameDecodesLikeReply_data()
{
    QTest::addColumn<qsizetype>("dataBytes");
    // Each length form of the byte string head (RFC 8949: immediate, 1, 2 and 4 length bytes) at its edges.
    for (const qsizetype n : {0, 1, 23, 24, 255, 256, 65535, 65536, int(protocol::kChunkBytes)})
        QTest::addRow("%lld bytes", qlonglong(n)) << n;
}

void tst_FileMessages::dataFrameDecodesLikeReply()
{
    QFETCH(qsizetype, dataBytes);
    QByteArray frame = FileData::encodeFrame(4000000000ULL, 1234567890123, 9876543210987, dataBytes);
    QByteArray data(dataBytes, Qt::Uninitialized);
    for (qsizetype i = 0; i < dataBytes; ++i)
        data[i] = char(i * 7 + 3);
    std::copy(data.cbegin(), data.cend(), frame.end() - dataBytes);

    FrameCodec codec(2 * protocol::kMaxFrameBytes);
    codec.append(frame);
    const auto decoded = codec.next();
    QVERIFY(decoded && !decoded->rejected);
    QVERIFY(!codec.hasError());
    QCOMPARE(codec.bufferedBytes(), 0);
    QCOMPARE(decoded->map.value(QLatin1String("t")).toString(), QStringLiteral("ok"));
    QCOMPARE(decoded->map.value(QLatin1String("id")).toInteger(), qint64(4000000000LL));
    const auto reply = FileData::decode(decoded->map, nullptr);
    QVERIFY(reply);
    QCOMPARE(reply->offset, 1234567890123);
    QCOMPARE(reply->size, 9876543210987);
    QCOMPARE(reply->data, data);
    // The same bytes as the map encoder would produce for these fields in this order.
    QCborMap map;
    map.insert(QLatin1String("t"), QLatin1String("ok"));
    map.insert(QLatin1String("id"), qint64(4000000000LL));
    map.insert(QLatin1String("offset"), qint64(1234567890123));
    map.insert(QLatin1String("size"), qint64(9876543210987));
    map.insert(QLatin1String("data"), data);
    QCOMPARE(frame, FrameCodec::encode(map));
}

QTEST_GUILESS_MAIN(tst_FileMessages)
#include "tst_filemessages.moc"
