// File transfer against the real `lanchat-server` executable as a child process: the upload survives
// a SIGKILL of the server, and the server's memory stays bounded while a client that does not read is sent 1 GiB.

#include "framecodec.h"
#include "messages/authmessages.h"
#include "messages/filemessages.h"
#include "protocol.h"
#include "sha256.h"
#include "transfertestenv.h"

#include <QDir>
#include <QFile>
#include <QTcpSocket>
#include <QTest>

using namespace lanchat;
using State = TransferManager::State;

namespace {
constexpr qint64 kMiB = 1024 * 1024;

/** A field of /proc/<pid>/status in KiB (VmRSS, VmHWM), -1 if unreadable. */
qint64 procStatusKiB(qint64 pid, const QByteArray& field)
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

class tst_FileServerProcess : public QObject
{
    Q_OBJECT

private slots:
    void uploadSurvivesServerSigkill();
    void slowReaderKeepsServerMemoryBounded();
};

void tst_FileServerProcess::uploadSurvivesServerSigkill()
{
    TransferTestEnv env;
    QVERIFY(env.startServerProcess());
    auto alice = env.connectUser(QStringLiteral("alice"));
    auto bob = env.connectUser(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    const ConversationId chat = env.openPrivate(*alice, *bob);
    QVERIFY(chat.isValid());

    const qint64 size = 128 * kMiB;
    const QString path = QDir(env.scratchDir()).filePath(QStringLiteral("kill.bin"));
    const QByteArray sha = TransferTestEnv::writeRandomFile(path, size);
    TransferManager& up = *alice->transfers;
    const int key = up.upload(chat, path);
    const auto done = [&] { return TransferTestEnv::roleOf(up, key, TransferManager::BytesDoneRole).toLongLong(); };
    QTRY_VERIFY_WITH_TIMEOUT(TransferTestEnv::stateOf(up, key) == int(State::Running) && done() >= size * 4 / 10,
                             60000);
    env.killServerProcess();
    const qint64 atKill = done();
    QVERIFY2(atKill < size, "the upload finished before the kill; use a bigger file");
    QVERIFY(env.startServerProcess());
    QCOMPARE(TransferTestEnv::waitFinished(up, key, 120000), int(State::Done));
    // It resumed from the part the killed server left on disk: at most the window in flight is sent again.
    const qint64 resent = up.chunkBytesSent() - size;
    QVERIFY2(resent <= 8 * protocol::kChunkBytes, qPrintable(QStringLiteral("resent %1 bytes").arg(resent)));

    const int down = bob->transfers->download(chat, QStringLiteral("kill.bin"), size, sha);
    QCOMPARE(TransferTestEnv::waitFinished(*bob->transfers, down, 120000), int(State::Done));
    QCOMPARE(
        Sha256::hashFile(TransferTestEnv::roleOf(*bob->transfers, down, TransferManager::LocalPathRole).toString()),
        sha);
}

void tst_FileServerProcess::slowReaderKeepsServerMemoryBounded()
{
    TransferTestEnv env;
    QVERIFY(env.startServerProcess());
    auto alice = env.connectUser(QStringLiteral("alice"));
    auto bob = env.connectUser(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    const ConversationId chat = env.openPrivate(*alice, *bob);
    const qint64 fileSize = 64 * kMiB;
    const QString path = QDir(env.scratchDir()).filePath(QStringLiteral("source.bin"));
    const QByteArray sha = TransferTestEnv::writeRandomFile(path, fileSize);
    const int key = alice->transfers->upload(chat, path);
    QCOMPARE(TransferTestEnv::waitFinished(*alice->transfers, key, 60000), int(State::Done));
    const qint64 pid = env.serverPid();
    const qint64 baselineKiB = procStatusKiB(pid, "VmRSS");
    QVERIFY(baselineKiB > 0);

    // A raw client logs in as bob, asks for 1 GiB (the file 16 times) in one go and reads nothing at first.
    QTcpSocket socket;
    socket.setReadBufferSize(64 * 1024);
    socket.connectToHost(QHostAddress::LocalHost, env.port());
    QVERIFY(socket.waitForConnected(5000));
    quint64 nextId = 1;
    const auto send = [&](QCborMap map) {
        map.insert(QLatin1String("id"), qint64(nextId++));
        socket.write(FrameCodec::encode(map));
    };
    send(Hello{protocol::kVersion, QStringLiteral("slow-reader"), {}}.encode());
    send(Login{QStringLiteral("bob"), QStringLiteral("correct horse battery")}.encode());
    const qint64 total = 1024 * kMiB;
    const qint64 requests = total / protocol::kChunkBytes;
    for (qint64 i = 0; i < requests; ++i)
        send(FileRead{chat, sha, (i * protocol::kChunkBytes) % fileSize, protocol::kChunkBytes}.encode());

    qint64 peakKiB = baselineKiB;
    const auto sample = [&] { peakKiB = qMax(peakKiB, procStatusKiB(pid, "VmRSS")); };
    // Phase 1: not reading. The server fills its bounded output and stops taking requests.
    QDeadlineTimer stalled(1500);
    while (!stalled.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        sample();
    }
    const qint64 stalledPeakKiB = peakKiB;

    // Phase 2: read everything; every requested byte arrives.
    FrameCodec codec(2 * protocol::kMaxFrameBytes);
    qint64 received = 0;
    qint64 replies = 0;
    QDeadlineTimer deadline(60000);
    while (replies < requests + 2 && !deadline.hasExpired()) {
        if (!socket.bytesAvailable())
            socket.waitForReadyRead(100);
        codec.append(socket.readAll());
        while (auto frame = codec.next()) {
            ++replies;
            received += frame->map.value(QLatin1String("data")).toByteArray().size();
        }
        QVERIFY(!codec.hasError());
        if (replies % 256 == 0)
            sample();
    }
    sample();
    const qint64 hwmKiB = procStatusKiB(pid, "VmHWM");
    qInfo("server RSS: baseline %lld KiB, peak while stalled %lld KiB, peak overall %lld KiB, VmHWM %lld KiB",
          baselineKiB, stalledPeakKiB, peakKiB, hwmKiB);
    QCOMPARE(received, total);
#if defined(__SANITIZE_ADDRESS__)
    // ASan keeps freed blocks in quarantine (256 MiB by default), so RSS says nothing about live memory here.
    QSKIP("RSS bounds are not meaningful under AddressSanitizer; the 1 GiB was delivered");
#endif
    // Bounded: a stalled reader costs the server its output bound (4 MiB), the reads in flight, the requests
    // waiting and what the allocator keeps of them, not the 1 GiB asked for. Measured on a 2-core Debian 12 VM:
    // +19 MiB from a baseline of 23 MiB (glibc serves the 256 KiB frames from thread arenas, the server's
    // fixed malloc thresholds); with glibc's default thresholds +8 MiB from 39 MiB, a higher peak.
    QVERIFY2(stalledPeakKiB - baselineKiB < 32 * 1024, "server memory grew while the reader was stalled");
    QVERIFY2(peakKiB < 64 * 1024, "server RSS above 64 MiB");
}

QTEST_GUILESS_MAIN(tst_FileServerProcess)
#include "tst_fileserverprocess.moc"
