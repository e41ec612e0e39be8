// Resuming transfers through an in-process relay on 127.0.0.1: connections cut by stopping and restarting
// the relay on the same port and data directory, pause and resume, a crash between last byte and completion.

#include "chatclient.h"
#include "filenamesanitizer.h"
#include "messages/filemessages.h"
#include "privatechatfixture.h"
#include "relayserver.h"
#include "sha256.h"
#include "transfertestenv.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace lanchat;
using State = TransferManager::State;

namespace {
constexpr qint64 kMiB = 1024 * 1024;

/** The part name's content tag (docs/protocol.md 10.4): the first 8 hex digits of the SHA-256. */
QString hex8(const QByteArray& sha256)
{
    return QString::fromLatin1(sha256.toHex().left(8));
}
} // namespace

class tst_TransferResume : public QObject, private PrivateChatFixture
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void uploadResumesAfterServerRestart();
    void chatClientTransfersResumeAfterRelogin();
    void downloadResumesAfterServerRestart();
    void reofferOfCompletePartFinishes();
    void pauseAndResumeContinue();
};

void tst_TransferResume::init()
{
    QVERIFY(startPrivateChat([](ServerConfig& config) { config.maxFileBytes = 300 * kMiB; }));
}

void tst_TransferResume::cleanup()
{
    stopPrivateChat();
}

void tst_TransferResume::uploadResumesAfterServerRestart()
{
    const qint64 size = 96 * kMiB;
    const QString path = QDir(m_env->scratchDir()).filePath(QStringLiteral("resume-up.bin"));
    const QByteArray sha = TransferTestEnv::writeRandomFile(path, size);
    const int key = m_alice->transfers->upload(m_chat, path);
    const auto done = [&] {
        return TransferTestEnv::roleOf(*m_alice->transfers, key, TransferManager::BytesDoneRole).toLongLong();
    };
    QTRY_VERIFY_WITH_TIMEOUT(
        TransferTestEnv::stateOf(*m_alice->transfers, key) == int(State::Running) && done() >= size * 4 / 10, 60000);
    m_env->stopServer(); // cuts every connection at ~40 %
    const qint64 acked = done();
    QVERIFY(acked < size);
    QVERIFY(m_env->startServer(m_env->port()));
    QCOMPARE(TransferTestEnv::waitFinished(*m_alice->transfers, key), int(State::Done));
    // Resumed from the part on disk: only the window in flight at the cut is sent twice, not the whole prefix.
    const qint64 resent = m_alice->transfers->chunkBytesSent() - size;
    QVERIFY2(resent <= 8 * 256 * 1024, qPrintable(QString::number(resent)));
    QVERIFY(QDir(partsDir()).isEmpty());
    const int down = m_bob->transfers->download(m_chat, QStringLiteral("resume-up.bin"), size, sha);
    QCOMPARE(TransferTestEnv::waitFinished(*m_bob->transfers, down), int(State::Done));
}

void tst_TransferResume::chatClientTransfersResumeAfterRelogin()
{
    // The desktop app's path: ChatClient owns the TransferManager, which resumes once the client has logged in again.
    ChatClient client;
    QSignalSpy loggedIn(&client, &ChatClient::loggedIn);
    client.connectToServer(QStringLiteral("127.0.0.1"), m_env->port(), false);
    client.registerAccount(QStringLiteral("erin"), QStringLiteral("correct horse battery"), QStringLiteral("Erin"));
    QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 1, 15000);
    QSignalSpy opened(&client, &ChatClient::conversationOpened);
    client.openPrivate(m_bob->id);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 15000);
    const auto chat = opened.first().first().value<ConversationId>();

    const qint64 size = 64 * kMiB;
    const QString path = QDir(m_env->scratchDir()).filePath(QStringLiteral("via-chatclient.bin"));
    const QByteArray sha = TransferTestEnv::writeRandomFile(path, size);
    TransferManager& transfers = *client.transfers();
    const int key = transfers.upload(chat, path);
    QTRY_VERIFY_WITH_TIMEOUT(TransferTestEnv::stateOf(transfers, key) == int(State::Running) &&
                                 TransferTestEnv::roleOf(transfers, key, TransferManager::BytesDoneRole).toLongLong() >=
                                     size * 4 / 10,
                             60000);
    m_env->stopServer();
    QVERIFY(m_env->startServer(m_env->port()));
    QCOMPARE(TransferTestEnv::waitFinished(transfers, key), int(State::Done));
    QVERIFY(loggedIn.size() >= 2);
    QVERIFY(transfers.chunkBytesSent() - size <= 8 * 256 * 1024);
    QCOMPARE(m_env->newestFileSha(*m_bob, chat), sha);
}

void tst_TransferResume::downloadResumesAfterServerRestart()
{
    const qint64 size = 96 * kMiB;
    const QString path = QDir(m_env->scratchDir()).filePath(QStringLiteral("resume-down.bin"));
    const QByteArray sha = TransferTestEnv::writeRandomFile(path, size);
    const int up = m_alice->transfers->upload(m_chat, path);
    QCOMPARE(TransferTestEnv::waitFinished(*m_alice->transfers, up), int(State::Done));

    TransferManager& bob = *m_bob->transfers;
    const int key = bob.download(m_chat, QStringLiteral("resume-down.bin"), size, sha);
    const auto done = [&] { return TransferTestEnv::roleOf(bob, key, TransferManager::BytesDoneRole).toLongLong(); };
    QTRY_VERIFY_WITH_TIMEOUT(done() >= size * 4 / 10, 60000);
    m_env->stopServer();
    const QString part = QDir(m_bob->downloadDir).filePath(QStringLiteral("resume-down.bin.%1.part").arg(hex8(sha)));
    // The chunks received before the cut are written on the client's I/O thread; once they have landed, the part
    // holds exactly the bytes the row reports.
    QTRY_COMPARE_WITH_TIMEOUT(QFileInfo(part).size(), done(), 10000);
    const qint64 atCut = done();
    QVERIFY(atCut < size);
    // From now on progress must never fall below the cut: the download continues from the part's size.
    qint64 lowest = atCut;
    connect(&bob, &QAbstractItemModel::dataChanged, this, [&] { lowest = qMin(lowest, done()); });
    QVERIFY(m_env->startServer(m_env->port()));
    QCOMPARE(TransferTestEnv::waitFinished(bob, key), int(State::Done));
    QCOMPARE(lowest, atCut);
    QVERIFY(!QFile::exists(part));
    QCOMPARE(Sha256::hashFile(TransferTestEnv::roleOf(bob, key, TransferManager::LocalPathRole).toString()), sha);
}

void tst_TransferResume::reofferOfCompletePartFinishes()
{
    // The server crashed after the last byte reached the part file but before it finished the upload.
    const QByteArray content = QByteArray(300 * 1024, 'q');
    FileOffer offer{m_chat, QUuid::createUuid(), QStringLiteral("late.txt"), content.size(), Sha256::hash(content)};
    const auto ok = FileOfferOk::decode(TransferTestEnv::call(*m_alice->connection, offer.encode()), nullptr);
    QVERIFY(ok && !ok->complete);
    FileChunk first{ok->transfer, 0, content.left(256 * 1024)};
    QCOMPARE(FileChunkOk::decode(TransferTestEnv::call(*m_alice->connection, first.encode()), nullptr)->received,
             256 * 1024);
    m_env->stopServer();
    QFile part(QDir(partsDir()).filePath(QStringLiteral("%1.part").arg(ok->transfer.value())));
    QVERIFY(part.open(QIODevice::Append));
    part.write(content.mid(256 * 1024));
    part.close();
    QVERIFY(m_env->startServer(m_env->port()));
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->connection->isReady(), 15000);
    QCborMap reply;
    QTRY_VERIFY_WITH_TIMEOUT(
        (reply = TransferTestEnv::call(*m_alice->connection, offer.encode())).value(QLatin1String("t")).toString() ==
            QLatin1String("ok"),
        15000); // the first try may race the client's re-login
    const auto again = FileOfferOk::decode(reply, nullptr);
    QVERIFY(again && again->complete);
    QCOMPARE(m_env->newestFileSha(*m_bob, m_chat), offer.sha256);
    QVERIFY(QDir(partsDir()).isEmpty());
}

void tst_TransferResume::pauseAndResumeContinue()
{
    const qint64 size = 64 * kMiB;
    const QString path = QDir(m_env->scratchDir()).filePath(QStringLiteral("pause.bin"));
    const QByteArray sha = TransferTestEnv::writeRandomFile(path, size);
    TransferManager& alice = *m_alice->transfers;
    const int key = alice.upload(m_chat, path);
    const auto done = [&](TransferManager& m, int k) {
        return TransferTestEnv::roleOf(m, k, TransferManager::BytesDoneRole).toLongLong();
    };
    QTRY_VERIFY_WITH_TIMEOUT(TransferTestEnv::stateOf(alice, key) == int(State::Running) && done(alice, key) > 0,
                             30000);
    alice.pause(key);
    QCOMPARE(TransferTestEnv::stateOf(alice, key), int(State::Paused));
    QCOMPARE(TransferTestEnv::roleOf(alice, key, TransferManager::EtaRole).toLongLong(), -1);
    alice.resume(key);
    QCOMPARE(TransferTestEnv::waitFinished(alice, key), int(State::Done));
    QVERIFY(alice.chunkBytesSent() - size <= 8 * 256 * 1024);

    TransferManager& bob = *m_bob->transfers;
    const int down = bob.download(m_chat, QStringLiteral("pause.bin"), size, sha);
    QCOMPARE(bob.download(m_chat, QStringLiteral("pause.bin"), size, sha), down); // no second row for the same file
    QTRY_VERIFY_WITH_TIMEOUT(done(bob, down) > 0, 30000);
    bob.pause(down);
    const qint64 paused = done(bob, down);
    const QString part = QDir(m_bob->downloadDir).filePath(QStringLiteral("pause.bin.%1.part").arg(hex8(sha)));
    QCOMPARE(QFileInfo(part).size(), paused);
    bob.resume(down);
    QCOMPARE(TransferTestEnv::waitFinished(bob, down), int(State::Done));
    QCOMPARE(Sha256::hashFile(TransferTestEnv::roleOf(bob, down, TransferManager::LocalPathRole).toString()), sha);
    QCOMPARE(bob.rowCount(), 1);
}

QTEST_GUILESS_MAIN(tst_TransferResume)
#include "tst_transferresume.moc"
