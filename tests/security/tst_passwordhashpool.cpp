// PasswordHashPool on its own: work runs off the calling thread at a lower priority, the caps count queued and
// running jobs per address and in total, and a job whose context is gone before it starts is skipped.

#include "security/passwordhashpool.h"

#include <QSemaphore>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>

using namespace lanchat;

namespace {

const PasswordHasher::Cost kCheap{64, 1, 1};

struct Where
{
    QThread* thread = nullptr;
    int nice = 0;
};

/** Keeps every worker of @p pool busy until the returned semaphore is released threadCount() times. */
std::shared_ptr<QSemaphore> occupyWorkers(PasswordHashPool& pool, std::atomic<int>* started)
{
    auto gate = std::make_shared<QSemaphore>();
    for (int i = 0; i < pool.threadCount(); ++i) {
        const bool queued = pool.run<int>(
            QStringLiteral("busy"), nullptr,
            [gate, started] {
                ++*started;
                gate->acquire();
                return 0;
            },
            [](int) {});
        if (!queued)
            return nullptr;
    }
    return gate;
}

} // namespace

class tst_PasswordHashPool : public QObject
{
    Q_OBJECT
private slots:
    void runsOffTheCallingThreadAtLowerPriority();
    void capsCountPerAddressAndInTotal();
    void jobOfAGoneContextIsSkipped();
};

void tst_PasswordHashPool::runsOffTheCallingThreadAtLowerPriority()
{
    PasswordHashPool pool(kCheap, {0, 0});
    errno = 0;
    const int ownNice = getpriority(PRIO_PROCESS, id_t(gettid()));
    QCOMPARE(errno, 0);
    std::optional<Where> where;
    QVERIFY(pool.run<Where>(
        QStringLiteral("a"), nullptr,
        [] {
            return Where{QThread::currentThread(), getpriority(PRIO_PROCESS, id_t(gettid()))};
        },
        [&where](Where w) { where = w; }));
    QTRY_VERIFY(where.has_value());
    QVERIFY(where->thread != QThread::currentThread());
    QCOMPARE(where->nice, std::min(19, ownNice + PasswordHashPool::kWorkerNice));
    // The hasher the jobs use works there too.
    std::optional<bool> verified;
    const PasswordHasher* hasher = &pool.hasher();
    const QByteArray hash = hasher->hash(QStringLiteral("password-1"));
    QVERIFY(pool.run<bool>(
        QStringLiteral("a"), nullptr, [hasher, hash] { return hasher->verify(hash, QStringLiteral("password-1")); },
        [&verified](bool ok) { verified = ok; }));
    QTRY_VERIFY(verified.has_value());
    QVERIFY(*verified);
}

void tst_PasswordHashPool::capsCountPerAddressAndInTotal()
{
    PasswordHashPool pool(kCheap, {3, 2});
    std::atomic<int> started = 0;
    auto gate = std::make_shared<QSemaphore>();
    int delivered = 0;
    const auto blocked = [&](const QString& key) {
        return pool.run<int>(
            key, nullptr,
            [gate, &started] {
                ++started;
                gate->acquire();
                return 1;
            },
            [&delivered](int n) { delivered += n; });
    };
    QVERIFY(blocked(QStringLiteral("a")));
    QVERIFY(blocked(QStringLiteral("a")));
    QVERIFY(!blocked(QStringLiteral("a"))); // per address
    QVERIFY(blocked(QStringLiteral("b")));
    QVERIFY(!blocked(QStringLiteral("c"))); // in total
    QCOMPARE(pool.pending(), 3);
    QCOMPARE(pool.pending(QStringLiteral("a")), 2);
    gate->release(3);
    QTRY_COMPARE(delivered, 3);
    QCOMPARE(pool.pending(), 0);
    QCOMPARE(pool.pending(QStringLiteral("a")), 0);
    QVERIFY(blocked(QStringLiteral("c"))); // room again
    gate->release(1);
    QTRY_COMPARE(delivered, 4);
}

void tst_PasswordHashPool::jobOfAGoneContextIsSkipped()
{
    PasswordHashPool pool(kCheap, {0, 0});
    std::atomic<int> started = 0;
    const std::shared_ptr<QSemaphore> gate = occupyWorkers(pool, &started);
    QVERIFY(gate);
    QTRY_COMPARE(started.load(), pool.threadCount()); // every worker is busy: the next job waits in the queue
    auto context = std::make_unique<QObject>();
    auto ran = std::make_shared<std::atomic<bool>>(false);
    bool delivered = false;
    QVERIFY(pool.run<int>(
        QStringLiteral("a"), context.get(),
        [ran] {
            *ran = true;
            return 0;
        },
        [&delivered](int) { delivered = true; }));
    context.reset(); // the session closed while its login waited
    gate->release(pool.threadCount());
    QTRY_COMPARE(pool.pending(), 0);
    QVERIFY(!ran->load());
    QVERIFY(!delivered);
}

QTEST_GUILESS_MAIN(tst_PasswordHashPool)
#include "tst_passwordhashpool.moc"
