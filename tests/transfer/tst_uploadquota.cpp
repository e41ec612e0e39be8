// The file store's limits over raw frames against an in-process relay on 127.0.0.1 (docs/protocol.md 10.1): the
// store quota counts every unfinished upload, idle or not, and holds on resume; the free-disk floor refuses
// uploads; stored files are readable by the server's account only, whatever the umask.

#include "messages/filemessages.h"
#include "protocol.h"
#include "protocolframes.h"
#include "rawclient.h"
#include "relayserver.h"
#include "sha256.h"
#include "storage/storage.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QStorageInfo>
#include <QTest>
#include <QUuid>

#include <sys/stat.h>

using namespace lanchat;
using namespace lanchat::test;

namespace {

/** Permission bits of @p path (lstat, so a link would show as one), -1 when it does not exist. */
int modeOf(const QString& path)
{
    struct stat status;
    return ::lstat(QFile::encodeName(path).constData(), &status) == 0 ? int(status.st_mode & 07777) : -1;
}

} // namespace

class tst_UploadQuota : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void manySmallUploadsStayWithinQuota();
    void resumePastQuotaRefused();
    void diskFloorRefuses();
    void storedFilesAreOwnerOnly();

private:
    /** Starts a relay with @p config, alice and bob, and their private conversation. */
    bool start(const ServerConfig& config);
    FileOffer offerOf(const QByteArray& content) const;

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_alice;
    std::unique_ptr<RawClient> m_bob;
    qint64 m_chat = 0;
};

void tst_UploadQuota::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_server.reset();
}

bool tst_UploadQuota::start(const ServerConfig& config)
{
    m_server = std::make_unique<TestServer>(false, config);
    if (!m_server->start())
        return false;
    m_alice = std::make_unique<RawClient>();
    m_bob = std::make_unique<RawClient>();
    if (!m_alice->connectTo(m_server->port(), false) || !m_bob->connectTo(m_server->port(), false))
        return false;
    if (m_alice->signUp(QStringLiteral("alice")) <= 0 || m_bob->signUp(QStringLiteral("bob")) <= 0)
        return false;
    QCborMap open;
    open.insert(QLatin1String("t"), QLatin1String("open_private"));
    open.insert(QLatin1String("user"), m_bob->userId());
    m_chat = m_alice->request(open).value(QLatin1String("conversation")).toMap().value(QLatin1String("id")).toInteger();
    return m_chat > 0;
}

FileOffer tst_UploadQuota::offerOf(const QByteArray& content) const
{
    return FileOffer{ConversationId(m_chat), QUuid::createUuid(), QStringLiteral("part.bin"), content.size(),
                     Sha256::hash(content)};
}

void tst_UploadQuota::manySmallUploadsStayWithinQuota()
{
    // 200 uploads of 50 KiB against a 7.2 MB quota: more than the 128 parts the store keeps open, so idle ones
    // are closed, and they must still count.
    ServerConfig config = TestServer::openSignUp();
    config.storeQuotaBytes = 7'200'000;
    QVERIFY(start(config));
    constexpr int kUploads = 200;
    constexpr qint64 kSize = 50 * 1024;
    QList<QByteArray> contents;
    QList<qint64> transfers;
    int refused = 0;
    for (int i = 0; i < kUploads; ++i) {
        const QByteArray content = randomBytes(kSize);
        const QCborMap reply = m_alice->request(offerOf(content).encode());
        if (RawClient::errorCode(reply) == QLatin1String("storage_full")) {
            ++refused;
            continue;
        }
        const auto ok = FileOfferOk::decode(reply, nullptr);
        QVERIFY2(ok && !ok->complete, qPrintable(RawClient::errorCode(reply)));
        contents.append(content);
        transfers.append(ok->transfer.value());
    }
    QVERIFY(refused > 0);
    QVERIFY(contents.size() * kSize <= config.storeQuotaBytes);
    // Every accepted upload is sent; one whose part was closed meanwhile is offered again (a resume) first.
    for (qsizetype i = 0; i < contents.size(); ++i) {
        QCborMap reply = m_alice->request(FileChunk{TransferId(transfers[i]), 0, contents[i]}.encode());
        if (RawClient::errorCode(reply) == QLatin1String("offset_mismatch")) {
            const auto resumed = FileOfferOk::decode(m_alice->request(offerOf(contents[i]).encode()), nullptr);
            QVERIFY(resumed && resumed->transfer.value() == transfers[i] && resumed->offset == 0);
            reply = m_alice->request(FileChunk{TransferId(transfers[i]), 0, contents[i]}.encode());
        }
        const auto ok = FileChunkOk::decode(reply, nullptr);
        QVERIFY2(ok && ok->complete, qPrintable(RawClient::errorCode(reply)));
    }
    QVERIFY(m_server->server().storage().blobBytes() <= config.storeQuotaBytes);
    QCOMPARE(m_server->server().storage().blobBytes(), contents.size() * kSize);
    // Full: the next upload is refused.
    QCOMPARE(RawClient::errorCode(m_alice->request(offerOf(randomBytes(kSize)).encode())),
             QStringLiteral("storage_full"));
}

void tst_UploadQuota::resumePastQuotaRefused()
{
    ServerConfig config = TestServer::openSignUp();
    config.storeQuotaBytes = 4 * 1024 * 1024;
    QVERIFY(start(config));
    const QByteArray content = randomBytes(3 * 1024 * 1024);
    const auto accepted = FileOfferOk::decode(m_alice->request(offerOf(content).encode()), nullptr);
    QVERIFY(accepted && accepted->transfer.isValid());
    const QCborMap first =
        m_alice->request(FileChunk{accepted->transfer, 0, content.left(protocol::kChunkBytes)}.encode());
    QVERIFY(RawClient::errorCode(first).isEmpty());

    // The admin lowers the quota below what the store has promised (SIGHUP reload).
    ServerConfig lower = m_server->server().config();
    lower.storeQuotaBytes = 1024 * 1024;
    m_server->server().reloadConfig(lower);
    // The resume is an offer like any other: refused past the quota.
    QCOMPARE(RawClient::errorCode(m_alice->request(offerOf(content).encode())), QStringLiteral("storage_full"));
    QCOMPARE(m_server->server().storage().blobBytes(), 0);
}

void tst_UploadQuota::diskFloorRefuses()
{
    // A floor above the free space of the disk the data dir is on: every upload would go below it.
    ServerConfig config = TestServer::openSignUp();
    const qint64 free = QStorageInfo(QDir::tempPath()).bytesAvailable();
    QVERIFY(free > 0);
    config.minFreeDiskBytes = free + qint64(1024) * 1024 * 1024 * 1024;
    QVERIFY(start(config));
    QCOMPARE(RawClient::errorCode(m_alice->request(offerOf(randomBytes(1000)).encode())),
             QStringLiteral("storage_full"));
    QVERIFY(m_server->server().storage().uploads().isEmpty());
    // The empty file takes no space: still posted.
    const auto empty = FileOfferOk::decode(m_alice->request(offerOf({}).encode()), nullptr);
    QVERIFY(empty && empty->complete);
}

void tst_UploadQuota::storedFilesAreOwnerOnly()
{
    const mode_t previous = ::umask(022); // a server started by hand from a shell
    ServerConfig config = TestServer::openSignUp();
    const bool started = start(config);
    const auto restoreUmask = qScopeGuard([previous] { ::umask(previous); });
    QVERIFY(started);
    const QByteArray content = randomBytes(protocol::kChunkBytes + 10);
    const auto accepted = FileOfferOk::decode(m_alice->request(offerOf(content).encode()), nullptr);
    QVERIFY(accepted && accepted->transfer.isValid());
    QVERIFY(RawClient::errorCode(
                m_alice->request(FileChunk{accepted->transfer, 0, content.left(protocol::kChunkBytes)}.encode()))
                .isEmpty());
    const QString part =
        QDir(m_server->dataDir()).filePath(QStringLiteral("files/tmp/%1.part").arg(accepted->transfer.value()));
    QCOMPARE(modeOf(part), 0600);
    const auto done = FileChunkOk::decode(
        m_alice->request(
            FileChunk{accepted->transfer, protocol::kChunkBytes, content.mid(protocol::kChunkBytes)}.encode()),
        nullptr);
    QVERIFY(done && done->complete);
    const QString hex = QString::fromLatin1(Sha256::hash(content).toHex());
    const QString blob = QDir(m_server->dataDir()).filePath(QStringLiteral("files/%1/%2").arg(hex.left(2), hex));
    QCOMPARE(modeOf(blob), 0600);
    // The empty file is written directly, not through a part.
    QVERIFY(FileOfferOk::decode(m_alice->request(offerOf({}).encode()), nullptr)->complete);
    const QString emptyHex = QString::fromLatin1(Sha256::hash({}).toHex());
    QCOMPARE(modeOf(QDir(m_server->dataDir()).filePath(QStringLiteral("files/%1/%2").arg(emptyHex.left(2), emptyHex))),
             0600);
}

QTEST_GUILESS_MAIN(tst_UploadQuota)
#include "tst_uploadquota.moc"
