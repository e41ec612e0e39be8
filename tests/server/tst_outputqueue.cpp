// OutputQueue (server/net/outputqueue.*): the unsent frames of one connection. Partial writes resume at the
// right byte, TLS packing is deterministic for retries, written frames are released, and an empty queue
// holds nothing.

#include "net/outputqueue.h"

#include <QTest>

#include <sys/uio.h>

using namespace lanchat;

namespace {

QByteArray gathered(const OutputQueue& queue, int max = 64)
{
    iovec iov[64];
    const int count = queue.gather(iov, max);
    QByteArray bytes;
    for (int i = 0; i < count; ++i)
        bytes.append(static_cast<const char*>(iov[i].iov_base), qsizetype(iov[i].iov_len));
    return bytes;
}

} // namespace

class tst_OutputQueue : public QObject
{
    Q_OBJECT
private slots:
    void partialWritesResumeAtTheRightByte();
    void gatherStopsAtTheLimit();
    void tlsPackingIsStableForRetries();
    void largeFrontFrameIsPassedWithoutCopy();
    void writtenFramesAreReleased();
};

void tst_OutputQueue::partialWritesResumeAtTheRightByte()
{
    OutputQueue queue;
    queue.append("abc");
    queue.append("defgh");
    queue.append(QByteArray()); // ignored
    QCOMPARE(queue.bytes(), 8);
    queue.consume(2);
    QCOMPARE(gathered(queue), QByteArray("cdefgh"));
    queue.consume(3);
    QCOMPARE(gathered(queue), QByteArray("fgh"));
    QCOMPARE(queue.bytes(), 3);
    queue.consume(3);
    QVERIFY(queue.isEmpty());
    QCOMPARE(gathered(queue), QByteArray());
}

void tst_OutputQueue::gatherStopsAtTheLimit()
{
    OutputQueue queue;
    for (char c = 'a'; c <= 'e'; ++c)
        queue.append(QByteArray(1, c));
    QCOMPARE(gathered(queue, 3), QByteArray("abc"));
}

void tst_OutputQueue::tlsPackingIsStableForRetries()
{
    OutputQueue queue;
    queue.append("12345");
    queue.append("6789");
    queue.consume(1);
    char stage[8];
    const char* data = nullptr;
    QCOMPARE(queue.front(stage, sizeof stage, &data), 8);
    QCOMPARE(QByteArray(data, 8), QByteArray("23456789"));
    // More output arrives before the retry: the first bytes stay the same, the record only grows up to its room.
    queue.append("XYZ");
    QCOMPARE(queue.front(stage, sizeof stage, &data), 8);
    QCOMPARE(QByteArray(data, 8), QByteArray("23456789"));
    queue.consume(8);
    QCOMPARE(queue.front(stage, sizeof stage, &data), 3);
    QCOMPARE(QByteArray(data, 3), QByteArray("XYZ"));
}

void tst_OutputQueue::largeFrontFrameIsPassedWithoutCopy()
{
    OutputQueue queue;
    const QByteArray big(100, 'b');
    queue.append(big);
    queue.append("tail");
    char stage[16];
    const char* data = nullptr;
    QCOMPARE(queue.front(stage, sizeof stage, &data), 100);
    QCOMPARE(data, big.constData()); // the shared frame itself, not a packed copy
}

void tst_OutputQueue::writtenFramesAreReleased()
{
    OutputQueue queue;
    QByteArray fanOut(64, 'f');
    queue.append(fanOut);
    queue.append("next");
    QVERIFY(!fanOut.isDetached()); // shared with the queue
    queue.consume(64);
    QVERIFY(fanOut.isDetached()); // the queue let go as soon as it was written
}

QTEST_GUILESS_MAIN(tst_OutputQueue)
#include "tst_outputqueue.moc"
