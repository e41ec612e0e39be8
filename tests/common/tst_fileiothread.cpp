// FileIoThread (common/fileiothread.h): FIFO order on one worker thread, deliveries in the owner's thread, the
// byte bound that blocks a producer, and the queue drained at destruction.

#include "fileiothread.h"

#include <QSemaphore>
#include <QSet>
#include <QTest>

#include <atomic>
#include <memory>
#include <thread>

using namespace lanchat;

class tst_FileIoThread : public QObject
{
    Q_OBJECT

private slots:
    void runsJobsInOrderOnItsThread();
    void deliverRunsInOwnerThread();
    void postBlocksWhileQueueIsFull();
    void bigJobPassesAnEmptyQueue();
    void destructionRunsQueuedJobs();
    void deliveryDroppedWithTheObject();
};

void tst_FileIoThread::runsJobsInOrderOnItsThread()
{
    FileIoThread io(1024);
    auto order = std::make_shared<QList<int>>();
    auto threads = std::make_shared<QSet<QThread*>>();
    QSemaphore done;
    for (int i = 0; i < 100; ++i) {
        io.post([order, threads, &done, i] {
            order->append(i);
            threads->insert(QThread::currentThread());
            if (i == 99)
                done.release();
        });
    }
    QVERIFY(done.tryAcquire(1, 10000));
    QCOMPARE(order->size(), 100);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(order->at(i), i);
    QCOMPARE(threads->size(), 1);
    QCOMPARE(*threads->begin(), io.workerThread());
    QVERIFY(*threads->begin() != QThread::currentThread());
}

void tst_FileIoThread::deliverRunsInOwnerThread()
{
    FileIoThread io(1024);
    QThread* ranIn = nullptr;
    int value = 0;
    io.post([&io, &ranIn, &value] {
        const int computed = 42; // a result computed on the worker, handed back by value
        io.deliver([&ranIn, &value, computed] {
            ranIn = QThread::currentThread();
            value = computed;
        });
    });
    QTRY_COMPARE_WITH_TIMEOUT(value, 42, 10000);
    QCOMPARE(ranIn, QThread::currentThread());
}

void tst_FileIoThread::postBlocksWhileQueueIsFull()
{
    FileIoThread io(100);
    QSemaphore gate;    // holds the first job on the worker
    QSemaphore running; // the first job has started
    io.post(
        [&] {
            running.release();
            gate.acquire();
        },
        100);
    QVERIFY(running.tryAcquire(1, 10000));
    QCOMPARE(io.queuedBytes(), 100);

    std::atomic<bool> returned{false};
    QSemaphore posted;
    std::thread producer([&] {
        io.post([] {}, 1); // the queue holds its bound: this must wait for the first job
        returned = true;
        posted.release();
    });
    // Negative check, bounded: the producer stays blocked while the gate is closed.
    QVERIFY(!posted.tryAcquire(1, 200));
    QVERIFY(!returned);
    gate.release();
    QVERIFY(posted.tryAcquire(1, 10000));
    producer.join();
    QVERIFY(returned);
    QTRY_COMPARE_WITH_TIMEOUT(io.queuedJobs(), 0, 10000);
    QCOMPARE(io.queuedBytes(), 0);
}

void tst_FileIoThread::bigJobPassesAnEmptyQueue()
{
    FileIoThread io(10);
    QSemaphore done;
    io.post([&] { done.release(); }, 1000); // larger than the bound, but nothing waits: not blocked
    QVERIFY(done.tryAcquire(1, 10000));
}

void tst_FileIoThread::destructionRunsQueuedJobs()
{
    auto count = std::make_shared<std::atomic<int>>(0);
    {
        FileIoThread io(1 << 20);
        QSemaphore gate;
        io.post([&gate] { gate.acquire(); });
        for (int i = 0; i < 50; ++i)
            io.post([count] { ++*count; });
        gate.release();
    } // joins after the 50 queued jobs
    QCOMPARE(count->load(), 50);
}

void tst_FileIoThread::deliveryDroppedWithTheObject()
{
    bool delivered = false;
    {
        FileIoThread io(1024);
        QSemaphore done;
        io.post([&] {
            io.deliver([&delivered] { delivered = true; });
            done.release();
        });
        QVERIFY(done.tryAcquire(1, 10000));
    } // destroyed before the owner's event loop ran the delivery
    QCoreApplication::processEvents();
    QVERIFY(!delivered);
}

QTEST_GUILESS_MAIN(tst_FileIoThread)
#include "tst_fileiothread.moc"
