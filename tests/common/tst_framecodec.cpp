// FrameCodec: 4-byte big-endian length + one CBOR map with a text `t` (docs/protocol.md, "Framing").

#include "framecodec.h"
#include "protocol.h"

#include <QCborArray>
#include <QCborValue>
#include <QRandomGenerator>
#include <QTest>
#include <QUuid>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <limits>

using namespace lanchat;

namespace {

QCborMap sample(int n)
{
    QCborMap m;
    m.insert(QLatin1String("t"), QLatin1String("send"));
    m.insert(QLatin1String("id"), n);
    m.insert(QLatin1String("text"), QStringLiteral("héllo 你好 %1").arg(n));
    m.insert(QLatin1String("data"), QByteArray(n, char(n)));
    return m;
}

QByteArray framed(const QByteArray& payload)
{
    QByteArray prefix(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(payload.size()), prefix.data());
    return prefix + payload;
}

} // namespace

class tst_FrameCodec : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip();
    void encodeLayout();
    void partialByteByByte();
    void coalesced();
    void lengthAboveMaxRefusedBeforePayload();
    void lengthAtMaxAccepted();
    void malformed_data();
    void malformed();
    void invalidUtf8IsRejectedNotFatal();
    void requestIdExactOverWholeRange_data();
    void requestIdExactOverWholeRange();
    void integerBelowInt64IsRejectedNotFatal_data();
    void integerBelowInt64IsRejectedNotFatal();
    void staysFailed();
    void fuzzRandomAndMutated();
    void documentedExample();
    void largeFramesReadInPlace();
    void inPlaceRoomNotReportedIsDropped();
    void inPlaceRefusesOversizedLength();
};

void tst_FrameCodec::roundTrip()
{
    FrameCodec codec(protocol::kMaxFrameBytes);
    codec.append(FrameCodec::encode(sample(7)));
    const auto frame = codec.next();
    QVERIFY(frame);
    QVERIFY(!frame->rejected);
    QCOMPARE(frame->map, sample(7));
    QVERIFY(!codec.next());
    QCOMPARE(codec.bufferedBytes(), 0);
}

void tst_FrameCodec::encodeLayout()
{
    const QByteArray frame = FrameCodec::encode(sample(1));
    const QByteArray payload = QCborValue(sample(1)).toCbor();
    QCOMPARE(qFromBigEndian<quint32>(frame.constData()), quint32(payload.size()));
    QCOMPARE(frame.mid(4), payload);
}

void tst_FrameCodec::partialByteByByte()
{
    FrameCodec codec(protocol::kMaxFrameBytes);
    const QByteArray bytes = FrameCodec::encode(sample(3)) + FrameCodec::encode(sample(4));
    QList<QCborMap> got;
    for (char c : bytes) {
        codec.append(QByteArray(1, c));
        while (auto frame = codec.next())
            got.append(frame->map);
        QVERIFY(!codec.hasError());
    }
    QCOMPARE(got.size(), 2);
    QCOMPARE(got.at(0), sample(3));
    QCOMPARE(got.at(1), sample(4));
}

void tst_FrameCodec::coalesced()
{
    FrameCodec codec(protocol::kMaxFrameBytes);
    QByteArray bytes;
    for (int i = 0; i < 100; ++i)
        bytes += FrameCodec::encode(sample(i));
    codec.append(bytes);
    for (int i = 0; i < 100; ++i) {
        const auto frame = codec.next();
        QVERIFY(frame);
        QCOMPARE(frame->map, sample(i));
    }
    QVERIFY(!codec.next());
}

void tst_FrameCodec::lengthAboveMaxRefusedBeforePayload()
{
    FrameCodec codec(1024);
    // Only the prefix arrives: the codec must refuse now, not wait for (or allocate) 4 GiB.
    codec.append(QByteArray::fromHex("fffffff0"));
    QVERIFY(!codec.next());
    QVERIFY(codec.hasError());
    QCOMPARE(codec.error(), ErrorCode::FrameTooLarge);
    QCOMPARE(codec.bufferedBytes(), 0);
    FrameCodec justAbove(1024);
    justAbove.append(QByteArray::fromHex("00000401"));
    QVERIFY(!justAbove.next());
    QCOMPARE(justAbove.error(), ErrorCode::FrameTooLarge);
}

void tst_FrameCodec::lengthAtMaxAccepted()
{
    QCborMap m;
    m.insert(QLatin1String("t"), QLatin1String("x"));
    m.insert(QLatin1String("pad"), QByteArray(1000, 'p'));
    const QByteArray frame = FrameCodec::encode(m);
    FrameCodec codec(quint32(frame.size() - 4));
    codec.append(frame);
    QVERIFY(codec.next());
    QVERIFY(!codec.hasError());
}

void tst_FrameCodec::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty frame") << QByteArray::fromHex("00000000");
    QTest::newRow("garbage") << framed(QByteArray::fromHex("ffffff"));
    QTest::newRow("truncated map") << framed(QByteArray::fromHex("a3617461"));
    QTest::newRow("array") << framed(QCborValue(QCborArray{1, 2, 3}).toCbor());
    QTest::newRow("integer") << framed(QCborValue(42).toCbor());
    QTest::newRow("text") << framed(QCborValue(QStringLiteral("t")).toCbor());
    QCborMap noType;
    noType.insert(QLatin1String("id"), 1);
    QTest::newRow("map without t") << framed(QCborValue(noType).toCbor());
    QCborMap bytesType;
    bytesType.insert(QLatin1String("t"), QByteArray("send"));
    QTest::newRow("t is bytes") << framed(QCborValue(bytesType).toCbor());
    QCborMap ok;
    ok.insert(QLatin1String("t"), QLatin1String("ping"));
    QTest::newRow("trailing bytes") << framed(QCborValue(ok).toCbor() + QByteArray::fromHex("00"));
}

void tst_FrameCodec::malformed()
{
    QFETCH(QByteArray, bytes);
    FrameCodec codec(protocol::kMaxFrameBytes);
    codec.append(bytes);
    QVERIFY(!codec.next());
    QVERIFY(codec.hasError());
    QCOMPARE(codec.error(), ErrorCode::Malformed);
    QVERIFY(!codec.errorMessage().isEmpty());
}

void tst_FrameCodec::invalidUtf8IsRejectedNotFatal()
{
    FrameCodec codec(protocol::kMaxFrameBytes);
    // {"id": 9, "t": "send", "text": <ff fe>} then a good frame.
    const QByteArray bad = framed(QByteArray::fromHex("a362696409617464") + QByteArray("send") +
                                  QByteArray::fromHex("6474657874") + QByteArray::fromHex("62fffe"));
    codec.append(bad + FrameCodec::encode(sample(2)));
    const auto rejected = codec.next();
    QVERIFY(rejected);
    QCOMPARE(rejected->rejected, std::optional<ErrorCode>(ErrorCode::InvalidArgument));
    QCOMPARE(rejected->id, std::optional<quint64>(9));
    const auto good = codec.next();
    QVERIFY(good);
    QCOMPARE(good->map, sample(2));
}

void tst_FrameCodec::requestIdExactOverWholeRange_data()
{
    QTest::addColumn<quint64>("id");
    QTest::newRow("0") << quint64(0);
    QTest::newRow("23") << quint64(23);
    QTest::newRow("2^63-1") << quint64(std::numeric_limits<qint64>::max());
    QTest::newRow("2^63") << (quint64(1) << 63);
    QTest::newRow("2^64-1") << std::numeric_limits<quint64>::max();
}

void tst_FrameCodec::requestIdExactOverWholeRange()
{
    QFETCH(quint64, id);
    FrameCodec codec(protocol::kMaxFrameBytes);
    QCborMap map = sample(1);
    map.insert(QLatin1String("id"), 5); // replaced by the encoder's
    codec.append(FrameCodec::encode(map, id));
    const auto frame = codec.next();
    QVERIFY(frame);
    QVERIFY(!frame->rejected);
    QCOMPARE(frame->id, std::optional<quint64>(id));
    QCOMPARE(frame->map.size(), map.size());
    QCOMPARE(frame->map.value(QLatin1String("text")), map.value(QLatin1String("text")));
    // An id that is not an unsigned integer is no id.
    map.insert(QLatin1String("id"), -1);
    codec.append(FrameCodec::encode(map));
    QCOMPARE(codec.next()->id, std::nullopt);
}

void tst_FrameCodec::integerBelowInt64IsRejectedNotFatal_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("rejected");
    // {"id": 7, "t": "sync", "since": X}
    const QByteArray head = QByteArray::fromHex("a362696407617464") + "sync" + QByteArray::fromHex("6573696e6365");
    QTest::newRow("-2^64") << head + QByteArray::fromHex("3bffffffffffffffff") << true;
    QTest::newRow("-2^63-1") << head + QByteArray::fromHex("3b8000000000000000") << true;
    QTest::newRow("-2^63") << head + QByteArray::fromHex("3b7fffffffffffffff") << false;
    QTest::newRow("-1") << head + QByteArray::fromHex("20") << false;
    QTest::newRow("nested in an array") << head + QByteArray::fromHex("8201823bffffffffffffffff02") << true;
    QTest::newRow("nested in a map, tagged") << head + QByteArray::fromHex("a1616bc11bffffffffffffffff") << false;
    QTest::newRow("tagged negative") << head + QByteArray::fromHex("a1616bc13bffffffffffffffff") << true;
}

void tst_FrameCodec::integerBelowInt64IsRejectedNotFatal()
{
    QFETCH(QByteArray, payload);
    QFETCH(bool, rejected);
    FrameCodec codec(protocol::kMaxFrameBytes);
    codec.append(framed(payload) + FrameCodec::encode(sample(2)));
    const auto frame = codec.next();
    QVERIFY(frame);
    QCOMPARE(frame->rejected.has_value(), rejected);
    QCOMPARE(frame->id, std::optional<quint64>(7));
    const auto good = codec.next();
    QVERIFY(good);
    QCOMPARE(good->map, sample(2));
}

void tst_FrameCodec::staysFailed()
{
    FrameCodec codec(protocol::kMaxFrameBytes);
    codec.append(framed(QByteArray::fromHex("ff")));
    QVERIFY(!codec.next());
    codec.append(FrameCodec::encode(sample(1)));
    QVERIFY(!codec.next());
    QVERIFY(codec.hasError());
}

void tst_FrameCodec::fuzzRandomAndMutated()
{
    // Bounded: 20,000 inputs. The codec must never crash, never return a frame without a text `t` unless
    // rejected, and never buffer more than the max frame plus the bytes of one append.
    QRandomGenerator rng(20261122);
    const QByteArray valid = FrameCodec::encode(sample(5)) + FrameCodec::encode(sample(6));
    constexpr quint32 kMax = 4096;
    for (int round = 0; round < 20000; ++round) {
        QByteArray input;
        if (round % 2 == 0) {
            input = valid;
            const int flips = 1 + int(rng.bounded(8));
            for (int f = 0; f < flips; ++f)
                input[int(rng.bounded(input.size()))] = char(rng.bounded(256));
            if (rng.bounded(4) == 0)
                input.truncate(int(rng.bounded(input.size())));
        } else {
            input.resize(int(rng.bounded(64)));
            for (char& c : input)
                c = char(rng.bounded(256));
        }
        FrameCodec codec(kMax);
        qsizetype pos = 0;
        for (int step = 0; step < 100 && pos < input.size(); ++step) {
            const qsizetype chunk = 1 + qsizetype(rng.bounded(16));
            codec.append(input.mid(pos, chunk));
            pos += chunk;
            while (auto frame = codec.next()) {
                if (!frame->rejected)
                    QVERIFY(frame->map.value(QLatin1String("t")).isString());
            }
            QVERIFY(codec.bufferedBytes() <= qsizetype(kMax) + 4 + 16);
        }
    }
}

void tst_FrameCodec::documentedExample()
{
    // docs/protocol.md, "Worked example": these bytes must stay what the code produces.
    QCborMap send;
    send.insert(QLatin1String("t"), QLatin1String("send"));
    send.insert(QLatin1String("conversation"), 7);
    send.insert(QLatin1String("client_msg_id"),
                QUuid(QStringLiteral("{0f8e2c1a-4b3d-4e5f-8a9b-1c2d3e4f5a6b}")).toRfc4122());
    send.insert(QLatin1String("text"), QStringLiteral("Hi 你好"));
    send.insert(QLatin1String("id"), 1);
    QCOMPARE(FrameCodec::encode(send).toHex(' '),
             QByteArray("00 00 00 48 a5 61 74 64 73 65 6e 64 6c 63 6f 6e 76 65 72 73 61 74 69 6f 6e 07 6d 63 6c 69 "
                        "65 6e 74 5f 6d 73 67 5f 69 64 50 0f 8e 2c 1a 4b 3d 4e 5f 8a 9b 1c 2d 3e 4f 5a 6b 64 74 65 78 "
                        "74 69 48 69 20 e4 bd a0 e5 a5 bd 62 69 64 01"));
    QCborMap ack;
    ack.insert(QLatin1String("t"), QLatin1String("ok"));
    ack.insert(QLatin1String("seq"), 1234);
    ack.insert(QLatin1String("ts"), Q_INT64_C(1763776800000));
    ack.insert(QLatin1String("id"), 1);
    QCOMPARE(FrameCodec::encode(ack).toHex(' '),
             QByteArray("00 00 00 1d a4 61 74 62 6f 6b 63 73 65 71 19 04 d2 62 74 73 1b 00 00 01 9a a9 4a 25 00 62 "
                        "69 64 01"));
    QCborMap probe;
    probe.insert(QLatin1String("t"), QLatin1String("discover"));
    probe.insert(QLatin1String("protocol"), 1);
    QCOMPARE(QCborValue(probe).toCbor().toHex(' '),
             QByteArray("a2 61 74 68 64 69 73 63 6f 76 65 72 68 70 72 6f 74 6f 63 6f 6c 01"));
}

void tst_FrameCodec::largeFramesReadInPlace()
{
    // Two file chunks and a small frame between them, as a socket would hand them over: whatever the codec
    // offers room for is read into it, the rest through append().
    FrameCodec codec(protocol::kMaxFrameBytes);
    const QCborMap chunkA = sample(200000);
    const QCborMap chunkB = sample(150000);
    const QByteArray stream = FrameCodec::encode(chunkA) + FrameCodec::encode(sample(5)) + FrameCodec::encode(chunkB);
    QList<QCborMap> got;
    qsizetype pos = 0;
    qsizetype inPlaceBytes = 0;
    constexpr qsizetype kRead = 64 * 1024;
    while (pos < stream.size()) {
        const std::span<char> room = codec.inPlaceSpace();
        if (!room.empty()) {
            const qsizetype n = std::min({qsizetype(room.size()), kRead, stream.size() - pos});
            std::memcpy(room.data(), stream.constData() + pos, size_t(n));
            codec.appendedInPlace(n);
            inPlaceBytes += n;
            pos += n;
        } else {
            const qsizetype n = qMin<qsizetype>(kRead, stream.size() - pos);
            codec.append(stream.constData() + pos, n);
            pos += n;
        }
        while (auto frame = codec.next())
            got.append(frame->map);
        QVERIFY(!codec.hasError());
    }
    QCOMPARE(got, (QList<QCborMap>{chunkA, sample(5), chunkB}));
    QCOMPARE(codec.bufferedBytes(), 0);
    // Each chunk's rest after its first read went in place (the small frame's body and the start of chunk B came
    // in one append), and after chunk B the next prefix is offered: chunks come in a row.
    QVERIFY2(inPlaceBytes > stream.size() / 2, qPrintable(QString::number(inPlaceBytes)));
    QVERIFY(codec.inPlaceSpace().size() == size_t(protocol::kLengthPrefixBytes));
}

void tst_FrameCodec::inPlaceRoomNotReportedIsDropped()
{
    FrameCodec codec(protocol::kMaxFrameBytes);
    const QByteArray frame = FrameCodec::encode(sample(100000));
    codec.append(frame.left(10));
    std::span<char> room = codec.inPlaceSpace();
    QCOMPARE(room.size(), size_t(frame.size() - 10));
    std::memset(room.data(), 0x5a, room.size()); // garbage, never reported
    QCOMPARE(codec.bufferedBytes(), 10);
    QVERIFY(!codec.next());
    codec.append(frame.mid(10, 1000));
    room = codec.inPlaceSpace();
    std::memcpy(room.data(), frame.constData() + 1010, 500);
    codec.appendedInPlace(500);
    QCOMPARE(codec.bufferedBytes(), 1510);
    codec.append(frame.mid(1510));
    const auto decoded = codec.next();
    QVERIFY(decoded);
    QCOMPARE(decoded->map, sample(100000));
}

void tst_FrameCodec::inPlaceRefusesOversizedLength()
{
    FrameCodec codec(128 * 1024);
    codec.append(QByteArray::fromHex("00100000")); // 1 MiB announced
    QVERIFY(codec.inPlaceSpace().empty());         // nothing allocated for it
    QVERIFY(!codec.next());
    QCOMPARE(codec.error(), ErrorCode::FrameTooLarge);
    QVERIFY(codec.inPlaceSpace().empty());
}

QTEST_GUILESS_MAIN(tst_FrameCodec)
#include "tst_framecodec.moc"
