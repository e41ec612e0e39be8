// End-to-end file transfer through an in-process relay on 127.0.0.1: real sockets, real files.

#include "chatclient.h"
#include "downloadjob.h"
#include "filenamesanitizer.h"
#include "messages/filemessages.h"
#include "privatechatfixture.h"
#include "relayserver.h"
#include "sha256.h"
#include "transfertestenv.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace lanchat;
using State = TransferManager::State;

namespace {
constexpr qint64 kMiB = 1024 * 1024;
} // namespace

class tst_TransferManager : public QObject, private PrivateChatFixture
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void roundTrip200MiB();
    void groupSendDownloadedByThreeMembers();
    void instantUploadSendsNoBytes();
    void hostileNamesSavedSafely_data();
    void hostileNamesSavedSafely();
    void uploadHashMismatchDetected();
    void downloadHashMismatchDetected();
    void fileTooLarge();
    void quotaGivesStorageFull();
    void diskFullGivesStorageFull();
    void forbiddenForNonMember();
    void cancelRemovesServerPart();
    void queueRespectsMaxConcurrent();
    void sameNameDownloadsDoNotSharePart();
};

void tst_TransferManager::init()
{
    QVERIFY(startPrivateChat([](ServerConfig& config) { config.maxFileBytes = 300 * kMiB; }));
}

void tst_TransferManager::cleanup()
{
    stopPrivateChat();
}

void tst_TransferManager::roundTrip200MiB()
{
    const QString path = QDir(m_env->scratchDir()).filePath(QStringLiteral("big.bin"));
    const QByteArray sha = TransferTestEnv::writeRandomFile(path, 200 * kMiB);
    QVERIFY(!sha.isEmpty());
    QElapsedTimer timer;
    timer.start();
    const int up = m_alice->transfers->upload(m_chat, path);
    QCOMPARE(TransferTestEnv::waitFinished(*m_alice->transfers, up), int(State::Done));
    const qint64 upMs = timer.restart();
    QCOMPARE(TransferTestEnv::roleOf(*m_alice->transfers, up, TransferManager::Sha256Role).toByteArray(), sha);

    const int down = m_bob->transfers->download(m_chat, QStringLiteral("big.bin"), 200 * kMiB, sha);
    QCOMPARE(TransferTestEnv::waitFinished(*m_bob->transfers, down), int(State::Done));
    const qint64 downMs = timer.elapsed();
    const QString local = TransferTestEnv::roleOf(*m_bob->transfers, down, TransferManager::LocalPathRole).toString();
    QCOMPARE(QFileInfo(local).fileName(), QStringLiteral("big.bin"));
    QCOMPARE(Sha256::hashFile(local), sha);
    QCOMPARE(m_bob->transfers->downloadedPath(sha), local);
    qInfo("200 MiB in-process: upload %lld ms (%.0f MB/s incl. hashing), download %lld ms (%.0f MB/s)", upMs,
          200 * kMiB / 1e3 / qMax<qint64>(upMs, 1), downMs, 200 * kMiB / 1e3 / qMax<qint64>(downMs, 1));
}

void tst_TransferManager::groupSendDownloadedByThreeMembers()
{
    auto carol = m_env->connectUser(QStringLiteral("carol"));
    auto dave = m_env->connectUser(QStringLiteral("dave"));
    QVERIFY(carol && dave);
    const ConversationId group = m_env->createGroup(*m_alice, {m_bob.get(), carol.get(), dave.get()});
    QVERIFY(group.isValid());
    const QString path = QDir(m_env->scratchDir()).filePath(QStringLiteral("slides.pptx"));
    const QByteArray sha = TransferTestEnv::writeRandomFile(path, 3 * kMiB + 123);
    const int up = m_alice->transfers->upload(group, path);
    QCOMPARE(TransferTestEnv::waitFinished(*m_alice->transfers, up), int(State::Done));
    // Every member sees the file message in the group's history.
    const QList<MessageRecord> history = m_env->history(*dave, group);
    QVERIFY(!history.isEmpty() && history.first().file);
    QCOMPARE(history.first().kind, MessageKind::File);
    QCOMPARE(history.first().file->sha256, sha);
    for (TestUser* member : {m_bob.get(), carol.get(), dave.get()}) {
        const FileRef file = *history.first().file;
        const int key = member->transfers->download(group, file.name, file.size, file.sha256);
        QCOMPARE(TransferTestEnv::waitFinished(*member->transfers, key), int(State::Done));
        const QString local =
            TransferTestEnv::roleOf(*member->transfers, key, TransferManager::LocalPathRole).toString();
        QCOMPARE(Sha256::hashFile(local), sha);
    }
}

void tst_TransferManager::instantUploadSendsNoBytes()
{
    const QString path = QDir(m_env->scratchDir()).filePath(QStringLiteral("a.bin"));
    const QByteArray sha = TransferTestEnv::writeRandomFile(path, 5 * kMiB);
    const int first = m_alice->transfers->upload(m_chat, path);
    QCOMPARE(TransferTestEnv::waitFinished(*m_alice->transfers, first), int(State::Done));
    QCOMPARE(m_alice->transfers->chunkBytesSent(), 5 * kMiB);

    // The same content under another name, and from another user into another conversation.
    const QString copy = QDir(m_env->scratchDir()).filePath(QStringLiteral("copy of a.bin"));
    QVERIFY(QFile::copy(path, copy));
    const int second = m_alice->transfers->upload(m_chat, copy);
    QCOMPARE(TransferTestEnv::waitFinished(*m_alice->transfers, second), int(State::Done));
    QCOMPARE(m_alice->transfers->chunkBytesSent(), 5 * kMiB);

    // Bob received it and never posted it: his client answers the server's proof-of-possession challenge from
    // his copy (docs/protocol.md 10.2a), still without a chunk.
    auto carol = m_env->connectUser(QStringLiteral("carol"));
    QVERIFY(carol);
    const ConversationId other = m_env->openPrivate(*carol, *m_bob);
    const int third = m_bob->transfers->upload(other, copy);
    QCOMPARE(TransferTestEnv::waitFinished(*m_bob->transfers, third), int(State::Done));
    QCOMPARE(m_bob->transfers->chunkBytesSent(), 0);
    QCOMPARE(m_env->newestFileSha(*carol, other), sha);

    // Dave cannot read it anywhere: the server does not tell him it has it, and he sends every byte.
    auto dave = m_env->connectUser(QStringLiteral("dave"));
    QVERIFY(dave);
    const ConversationId daveAndAlice = m_env->openPrivate(*dave, *m_alice);
    const int fourth = dave->transfers->upload(daveAndAlice, copy);
    QCOMPARE(TransferTestEnv::waitFinished(*dave->transfers, fourth), int(State::Done));
    QCOMPARE(dave->transfers->chunkBytesSent(), 5 * kMiB);
    QCOMPARE(m_env->newestFileSha(*m_alice, daveAndAlice), sha);
}

void tst_TransferManager::hostileNamesSavedSafely_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("traversal") << QStringLiteral("../../x");
    QTest::newRow("separator") << QStringLiteral("a/b");
    QTest::newRow("device") << QStringLiteral("CON");
    QTest::newRow("hidden") << QStringLiteral(".bashrc");
    QTest::newRow("300 bytes") << QString(296, QLatin1Char('n')) + QStringLiteral(".txt");
    QTest::newRow("chinese") << QStringLiteral("项目计划书（定稿）.xlsx");
    QTest::newRow("direction override") << QStringLiteral("invoice\u202Efdp.exe");
    QTest::newRow("port zero") << QStringLiteral("COM0.txt");
}

void tst_TransferManager::hostileNamesSavedSafely()
{
    QFETCH(QString, name);
    // A hostile client offers the name on the wire as it likes (the desktop client would sanitise it first).
    const QByteArray content = "hostile " + name.toUtf8();
    FileOffer offer;
    offer.conversation = m_chat;
    offer.clientMsgId = QUuid::createUuid();
    offer.name = name.left(255);
    while (offer.name.toUtf8().size() > 255)
        offer.name.chop(1);
    offer.size = content.size();
    offer.sha256 = Sha256::hash(content);
    const auto ok = FileOfferOk::decode(TransferTestEnv::call(*m_alice->connection, offer.encode()), nullptr);
    QVERIFY(ok);
    FileChunk chunk{ok->transfer, 0, content};
    QVERIFY(FileChunkOk::decode(TransferTestEnv::call(*m_alice->connection, chunk.encode()), nullptr)->complete);

    const QList<MessageRecord> page = m_env->history(*m_bob, m_chat);
    QVERIFY(!page.isEmpty() && page.first().file);
    const FileRef file = *page.first().file;
    QCOMPARE(file.name, FileNameSanitizer::sanitize(offer.name));
    // Even a server that passed the raw name on would not make the client write outside its directory.
    for (const QString& announced : {file.name, name}) {
        const int key = m_bob->transfers->download(m_chat, announced, file.size, file.sha256);
        QCOMPARE(TransferTestEnv::waitFinished(*m_bob->transfers, key, 30000), int(State::Done));
        const QFileInfo local(
            TransferTestEnv::roleOf(*m_bob->transfers, key, TransferManager::LocalPathRole).toString());
        QCOMPARE(local.absolutePath(), QDir(m_bob->downloadDir).absolutePath());
        QVERIFY(!local.fileName().startsWith(QLatin1Char('.')));
        QVERIFY(local.fileName().toUtf8().size() <= 255);
        QVERIFY(local.fileName().compare(QStringLiteral("CON"), Qt::CaseInsensitive) != 0);
        QVERIFY(local.fileName().compare(QStringLiteral("COM0.txt"), Qt::CaseInsensitive) != 0);
        // Nothing invisible that reorders what the user sees (U+202E shows "invoiceexe.pdf").
        for (const QChar c : local.fileName())
            QVERIFY(c.category() != QChar::Other_Format);
        QCOMPARE(Sha256::hashFile(local.filePath()), file.sha256);
    }
    // Both names sanitise alike and the content is the same: the second download uses the first file.
    QCOMPARE(QDir(m_bob->downloadDir).entryList(QDir::Files | QDir::Hidden).size(), 1);
    QVERIFY(!QFile::exists(QDir(m_env->scratchDir()).filePath(QStringLiteral("x"))));
}

void tst_TransferManager::uploadHashMismatchDetected()
{
    const QString path = QDir(m_env->scratchDir()).filePath(QStringLiteral("corrupt.bin"));
    TransferTestEnv::writeRandomFile(path, 2 * kMiB);
    m_alice->transfers->setCorruptChunksForTest(true);
    const int key = m_alice->transfers->upload(m_chat, path);
    QCOMPARE(TransferTestEnv::waitFinished(*m_alice->transfers, key), int(State::Failed));
    QCOMPARE(TransferTestEnv::roleOf(*m_alice->transfers, key, TransferManager::ErrorCodeRole).toString(),
             QStringLiteral("hash_mismatch"));
    QVERIFY(QDir(partsDir()).isEmpty());
    QVERIFY(m_env->history(*m_bob, m_chat).isEmpty());

    // Retry without the fault succeeds.
    m_alice->transfers->setCorruptChunksForTest(false);
    m_alice->transfers->retryAllFailed();
    QCOMPARE(TransferTestEnv::waitFinished(*m_alice->transfers, key), int(State::Done));
}

void tst_TransferManager::downloadHashMismatchDetected()
{
    const QString path = QDir(m_env->scratchDir()).filePath(QStringLiteral("good.bin"));
    const QByteArray sha = TransferTestEnv::writeRandomFile(path, 2 * kMiB);
    const int up = m_alice->transfers->upload(m_chat, path);
    QCOMPARE(TransferTestEnv::waitFinished(*m_alice->transfers, up), int(State::Done));
    m_bob->transfers->setCorruptChunksForTest(true);
    const int key = m_bob->transfers->download(m_chat, QStringLiteral("good.bin"), 2 * kMiB, sha);
    QCOMPARE(TransferTestEnv::waitFinished(*m_bob->transfers, key), int(State::Failed));
    QCOMPARE(TransferTestEnv::roleOf(*m_bob->transfers, key, TransferManager::ErrorCodeRole).toString(),
             QStringLiteral("hash_mismatch"));
    // Nothing half-written is left, neither as part nor as final file.
    QVERIFY(QDir(m_bob->downloadDir).entryList(QDir::Files | QDir::Hidden).isEmpty());
    QVERIFY(m_bob->transfers->downloadedPath(sha).isEmpty());
}

void tst_TransferManager::fileTooLarge()
{
    const QString path = QDir(m_env->scratchDir()).filePath(QStringLiteral("huge.iso"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(300 * kMiB + 1)); // sparse
    file.close();
    const int key = m_alice->transfers->upload(m_chat, path);
    QCOMPARE(TransferTestEnv::waitFinished(*m_alice->transfers, key), int(State::Failed));
    QCOMPARE(TransferTestEnv::roleOf(*m_alice->transfers, key, TransferManager::ErrorCodeRole).toString(),
             QStringLiteral("file_too_large"));
    QCOMPARE(m_alice->transfers->chunkBytesSent(), 0);
}

void tst_TransferManager::quotaGivesStorageFull()
{
    cleanup();
    m_env = std::make_unique<TransferTestEnv>();
    m_env->config().storeQuotaBytes = 4 * kMiB;
    QVERIFY(m_env->startServer());
    m_alice = m_env->connectUser(QStringLiteral("alice"));
    m_bob = m_env->connectUser(QStringLiteral("bob"));
    m_chat = m_env->openPrivate(*m_alice, *m_bob);
    const QString small = QDir(m_env->scratchDir()).filePath(QStringLiteral("small.bin"));
    const QString big = QDir(m_env->scratchDir()).filePath(QStringLiteral("big.bin"));
    TransferTestEnv::writeRandomFile(small, 3 * kMiB);
    TransferTestEnv::writeRandomFile(big, 2 * kMiB);
    const int first = m_alice->transfers->upload(m_chat, small);
    QCOMPARE(TransferTestEnv::waitFinished(*m_alice->transfers, first), int(State::Done));
    const int second = m_alice->transfers->upload(m_chat, big);
    QCOMPARE(TransferTestEnv::waitFinished(*m_alice->transfers, second), int(State::Failed));
    QCOMPARE(TransferTestEnv::roleOf(*m_alice->transfers, second, TransferManager::ErrorCodeRole).toString(),
             QStringLiteral("storage_full"));
    // The server keeps serving: a text-free request still works.
    QVERIFY(!m_env->history(*m_bob, m_chat).isEmpty());
}

void tst_TransferManager::diskFullGivesStorageFull()
{
    // The next upload's part file (transfer 1 on this fresh server) is /dev/full: every write fails with ENOSPC.
    QVERIFY(QDir().mkpath(partsDir()));
    QVERIFY(QFile::link(QStringLiteral("/dev/full"), QDir(partsDir()).filePath(QStringLiteral("1.part"))));
    const QString path = QDir(m_env->scratchDir()).filePath(QStringLiteral("full.bin"));
    const QByteArray sha = TransferTestEnv::writeRandomFile(path, 1 * kMiB);
    const int key = m_alice->transfers->upload(m_chat, path);
    QCOMPARE(TransferTestEnv::waitFinished(*m_alice->transfers, key), int(State::Failed));
    QCOMPARE(TransferTestEnv::roleOf(*m_alice->transfers, key, TransferManager::ErrorCodeRole).toString(),
             QStringLiteral("storage_full"));
    QVERIFY(QDir(partsDir()).entryList(QDir::Files | QDir::System).isEmpty()); // part removed
    // The server keeps serving, and the retry (a new transfer, a normal part file) goes through.
    m_alice->transfers->retry(key);
    QCOMPARE(TransferTestEnv::waitFinished(*m_alice->transfers, key), int(State::Done));
    QCOMPARE(m_env->newestFileSha(*m_bob, m_chat), sha);
}

void tst_TransferManager::forbiddenForNonMember()
{
    const QString path = QDir(m_env->scratchDir()).filePath(QStringLiteral("private.bin"));
    const QByteArray sha = TransferTestEnv::writeRandomFile(path, 1 * kMiB);
    const int up = m_alice->transfers->upload(m_chat, path);
    QCOMPARE(TransferTestEnv::waitFinished(*m_alice->transfers, up), int(State::Done));
    auto mallory = m_env->connectUser(QStringLiteral("mallory"));
    QVERIFY(mallory);
    const int key = mallory->transfers->download(m_chat, QStringLiteral("private.bin"), 1 * kMiB, sha);
    QCOMPARE(TransferTestEnv::waitFinished(*mallory->transfers, key), int(State::Failed));
    QCOMPARE(TransferTestEnv::roleOf(*mallory->transfers, key, TransferManager::ErrorCodeRole).toString(),
             QStringLiteral("forbidden"));
    // Nor may a non-member upload into the conversation.
    const int upKey = mallory->transfers->upload(m_chat, path);
    QCOMPARE(TransferTestEnv::waitFinished(*mallory->transfers, upKey), int(State::Failed));
    QCOMPARE(TransferTestEnv::roleOf(*mallory->transfers, upKey, TransferManager::ErrorCodeRole).toString(),
             QStringLiteral("forbidden"));
}

void tst_TransferManager::cancelRemovesServerPart()
{
    const QString path = QDir(m_env->scratchDir()).filePath(QStringLiteral("cancel.bin"));
    TransferTestEnv::writeRandomFile(path, 64 * kMiB);
    TransferManager& alice = *m_alice->transfers;
    const int key = alice.upload(m_chat, path);
    QTRY_VERIFY_WITH_TIMEOUT(TransferTestEnv::stateOf(alice, key) == int(State::Running) &&
                                 TransferTestEnv::roleOf(alice, key, TransferManager::BytesDoneRole).toLongLong() > 0,
                             30000);
    QCOMPARE(QDir(partsDir()).entryList(QDir::Files).size(), 1);
    QSignalSpy finished(&alice, &TransferManager::transferFinished);
    alice.cancel(key);
    QCOMPARE(TransferTestEnv::stateOf(alice, key), int(State::Cancelled));
    QCOMPARE(finished.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(QDir(partsDir()).entryList(QDir::Files).isEmpty(), 10000);

    // A paused upload has no job running, but cancelling it still removes the server's part.
    const int second = alice.upload(m_chat, path);
    QTRY_VERIFY_WITH_TIMEOUT(TransferTestEnv::stateOf(alice, second) == int(State::Running) &&
                                 TransferTestEnv::roleOf(alice, second, TransferManager::BytesDoneRole).toLongLong() >
                                     0,
                             30000);
    alice.pause(second);
    QCOMPARE(QDir(partsDir()).entryList(QDir::Files).size(), 1);
    alice.cancel(second);
    QCOMPARE(TransferTestEnv::stateOf(alice, second), int(State::Cancelled));
    QTRY_VERIFY_WITH_TIMEOUT(QDir(partsDir()).entryList(QDir::Files).isEmpty(), 10000);
}

void tst_TransferManager::queueRespectsMaxConcurrent()
{
    TransferManager& alice = *m_alice->transfers;
    alice.setMaxConcurrent(2);
    QList<int> keys;
    for (int i = 0; i < 5; ++i) {
        const QString path = QDir(m_env->scratchDir()).filePath(QStringLiteral("batch-%1.bin").arg(i));
        TransferTestEnv::writeRandomFile(path, 2 * kMiB + i);
        keys << alice.upload(m_chat, path);
    }
    int maxActive = 0;
    const auto count = [&] {
        int active = 0;
        for (int key : keys) {
            const int s = TransferTestEnv::stateOf(alice, key);
            active += (s == int(State::Running) || s == int(State::Hashing)) ? 1 : 0;
        }
        maxActive = qMax(maxActive, active);
    };
    connect(&alice, &QAbstractItemModel::dataChanged, this, count);
    count();
    for (int key : keys)
        QCOMPARE(TransferTestEnv::waitFinished(alice, key), int(State::Done));
    QCOMPARE(maxActive, 2);
    QCOMPARE(alice.rowCount(), 5);
    // Newest first.
    QCOMPARE(alice.data(alice.index(0, 0), TransferManager::TransferKeyRole).toInt(), keys.last());
    QCOMPARE(m_env->history(*m_bob, m_chat).size(), 5);
}

void tst_TransferManager::sameNameDownloadsDoNotSharePart()
{
    // Two different files called report.pdf, sent in the same chat, downloaded at the same time into one folder.
    QList<QByteArray> shas;
    for (const QString& folder : {QStringLiteral("first"), QStringLiteral("second")}) {
        QVERIFY(QDir(m_env->scratchDir()).mkpath(folder));
        const QString path = QDir(m_env->scratchDir()).filePath(folder + QStringLiteral("/report.pdf"));
        shas << TransferTestEnv::writeRandomFile(path, 24 * kMiB + shas.size());
        const int up = m_alice->transfers->upload(m_chat, path);
        QCOMPARE(TransferTestEnv::waitFinished(*m_alice->transfers, up), int(State::Done));
    }
    QVERIFY(shas[0] != shas[1]);
    TransferManager& bob = *m_bob->transfers;
    const DownloadSpec first{m_chat, QStringLiteral("report.pdf"), 24 * kMiB, shas[0], m_bob->downloadDir};
    const DownloadSpec second{m_chat, QStringLiteral("report.pdf"), 24 * kMiB + 1, shas[1], m_bob->downloadDir};
    const int a = bob.download(m_chat, first.name, first.size, first.sha256);
    const int b = bob.download(m_chat, second.name, second.size, second.sha256);
    QVERIFY(a != b);
    bool together = false; // both running at once, so that a shared part would have been written by both
    const auto watch = [&] {
        together = together || (TransferTestEnv::stateOf(bob, a) == int(State::Running) &&
                                TransferTestEnv::stateOf(bob, b) == int(State::Running));
    };
    connect(&bob, &QAbstractItemModel::dataChanged, this, watch);
    QCOMPARE(TransferTestEnv::waitFinished(bob, a), int(State::Done));
    QCOMPARE(TransferTestEnv::waitFinished(bob, b), int(State::Done));
    QVERIFY(together);
    const QString pathA = TransferTestEnv::roleOf(bob, a, TransferManager::LocalPathRole).toString();
    const QString pathB = TransferTestEnv::roleOf(bob, b, TransferManager::LocalPathRole).toString();
    QCOMPARE(Sha256::hashFile(pathA), shas[0]);
    QCOMPARE(Sha256::hashFile(pathB), shas[1]);
    QCOMPARE(QSet<QString>({QFileInfo(pathA).fileName(), QFileInfo(pathB).fileName()}),
             QSet<QString>({QStringLiteral("report.pdf"), QStringLiteral("report (1).pdf")}));
    QCOMPARE(QDir(m_bob->downloadDir).entryList(QDir::Files | QDir::Hidden).size(), 2); // no part left behind
    // One part per content, and the same one for the same content (a restarted client resumes from it).
    QVERIFY(DownloadJob::partPathFor(first) != DownloadJob::partPathFor(second));
    QCOMPARE(DownloadJob::partPathFor(first), DownloadJob::partPathFor(DownloadSpec(first)));
    QCOMPARE(QFileInfo(DownloadJob::partPathFor(first)).fileName(),
             QStringLiteral("report.pdf.%1.part").arg(QString::fromLatin1(shas[0].toHex().left(8))));
}

QTEST_GUILESS_MAIN(tst_TransferManager)
#include "tst_transfermanager.moc"
