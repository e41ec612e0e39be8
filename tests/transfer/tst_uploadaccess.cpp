// Who may upload into a conversation, checked over raw frames against an in-process relay on 127.0.0.1: a member
// who leaves, is removed or is disabled posts nothing more (docs/protocol.md 10.2), and the file requests agree
// with the spec on empty chunks, empty names and conversations that do not exist.

#include "adminrunner.h"
#include "messageposter.h"
#include "messages/filemessages.h"
#include "protocol.h"
#include "protocolframes.h"
#include "rawclient.h"
#include "relayserver.h"
#include "sha256.h"
#include "storage/storage.h"
#include "testserver.h"

#include <QCborArray>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

using namespace lanchat;
using namespace lanchat::test;

class tst_UploadAccess : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void removedMemberCannotFinishUpload();
    void leavingDropsUploads();
    void disabledUserUploadsDropped();
    void adminRemovalDropsUploads();
    void posterRefusesNonMember();
    void emptyChunkRefused();
    void emptyNameRefused_data();
    void emptyNameRefused();
    void unknownConversationForbidden();

private:
    /** alice creates a group with bob; bob offers m_content into it and sends its first chunk. */
    void startBobsUpload();
    QString partPath(qint64 transfer) const;
    /** The file messages of m_group as alice sees them. */
    int fileMessagesInGroup();

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_alice;
    std::unique_ptr<RawClient> m_bob;
    qint64 m_group = 0;
    QByteArray m_content;
    qint64 m_transfer = 0;
};

void tst_UploadAccess::init()
{
    m_server = std::make_unique<TestServer>(false);
    QVERIFY(m_server->start());
    m_alice = std::make_unique<RawClient>();
    m_bob = std::make_unique<RawClient>();
    QVERIFY(m_alice->connectTo(m_server->port(), false));
    QVERIFY(m_bob->connectTo(m_server->port(), false));
    QVERIFY(m_alice->signUp(QStringLiteral("alice")) > 0);
    QVERIFY(m_bob->signUp(QStringLiteral("bob")) > 0);
    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("team"));
    create.insert(QLatin1String("members"), QCborArray{m_bob->userId()});
    m_group =
        m_alice->request(create).value(QLatin1String("conversation")).toMap().value(QLatin1String("id")).toInteger();
    QVERIFY(m_group > 0);
    m_content = randomBytes(protocol::kChunkBytes + 100);
}

void tst_UploadAccess::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_server.reset();
}

void tst_UploadAccess::startBobsUpload()
{
    const FileOffer offer{ConversationId(m_group), QUuid::createUuid(), QStringLiteral("plan.pdf"), m_content.size(),
                          Sha256::hash(m_content)};
    const auto accepted = FileOfferOk::decode(m_bob->request(offer.encode()), nullptr);
    QVERIFY(accepted && !accepted->complete && accepted->transfer.isValid());
    m_transfer = accepted->transfer.value();
    const QCborMap first =
        m_bob->request(FileChunk{accepted->transfer, 0, m_content.left(protocol::kChunkBytes)}.encode());
    QVERIFY2(RawClient::errorCode(first).isEmpty(), qPrintable(RawClient::errorCode(first)));
    QVERIFY(QFileInfo::exists(partPath(m_transfer)));
}

QString tst_UploadAccess::partPath(qint64 transfer) const
{
    return QDir(m_server->dataDir()).filePath(QStringLiteral("files/tmp/%1.part").arg(transfer));
}

int tst_UploadAccess::fileMessagesInGroup()
{
    QCborMap history = typed("history");
    history.insert(QLatin1String("conversation"), m_group);
    int files = 0;
    for (const QCborValue& message : m_alice->request(history).value(QLatin1String("messages")).toArray()) {
        if (message.toMap().value(QLatin1String("kind")).toString() == QLatin1String("file"))
            ++files;
    }
    return files;
}

void tst_UploadAccess::removedMemberCannotFinishUpload()
{
    startBobsUpload();
    QCborMap remove = typed("group_remove");
    remove.insert(QLatin1String("conversation"), m_group);
    remove.insert(QLatin1String("user"), m_bob->userId());
    QVERIFY(RawClient::errorCode(m_alice->request(remove)).isEmpty());

    // The rest of the file, sent as if nothing happened: refused, and nothing is posted in bob's name.
    const TransferId transfer(m_transfer);
    QCOMPARE(RawClient::errorCode(m_bob->request(
                 FileChunk{transfer, protocol::kChunkBytes, m_content.mid(protocol::kChunkBytes)}.encode())),
             QStringLiteral("forbidden"));
    QCOMPARE(RawClient::errorCode(m_bob->request(
                 FileChunk{transfer, protocol::kChunkBytes, m_content.mid(protocol::kChunkBytes)}.encode())),
             QStringLiteral("forbidden"));
    QTRY_VERIFY(!QFileInfo::exists(partPath(m_transfer)));
    QVERIFY(!m_server->server().storage().upload(transfer));
    QCOMPARE(fileMessagesInGroup(), 0);
    // Nor can a new offer start it again.
    const FileOffer again{ConversationId(m_group), QUuid::createUuid(), QStringLiteral("plan.pdf"), m_content.size(),
                          Sha256::hash(m_content)};
    QCOMPARE(RawClient::errorCode(m_bob->request(again.encode())), QStringLiteral("forbidden"));
}

void tst_UploadAccess::leavingDropsUploads()
{
    startBobsUpload();
    QCborMap leave = typed("group_leave");
    leave.insert(QLatin1String("conversation"), m_group);
    QVERIFY(RawClient::errorCode(m_bob->request(leave)).isEmpty());
    // Dropped at the leave already, not only at the next chunk.
    QTRY_VERIFY(!QFileInfo::exists(partPath(m_transfer)));
    QVERIFY(m_server->server().storage().uploads().isEmpty());
    QCOMPARE(
        RawClient::errorCode(m_bob->request(
            FileChunk{TransferId(m_transfer), protocol::kChunkBytes, m_content.mid(protocol::kChunkBytes)}.encode())),
        QStringLiteral("forbidden"));
    QCOMPARE(fileMessagesInGroup(), 0);
}

void tst_UploadAccess::disabledUserUploadsDropped()
{
    startBobsUpload();
    const AdminRunner admin(m_server->dataDir());
    QCOMPARE(admin.run({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("bob")}).exitCode, 0);
    QVERIFY(m_bob->waitDisconnected());
    QTRY_VERIFY(!QFileInfo::exists(partPath(m_transfer)));
    QVERIFY(m_server->server().storage().uploads().isEmpty());
    QCOMPARE(fileMessagesInGroup(), 0);
}

void tst_UploadAccess::adminRemovalDropsUploads()
{
    startBobsUpload();
    const AdminRunner admin(m_server->dataDir());
    QCOMPARE(
        admin.run({QStringLiteral("group"), QStringLiteral("remove"), QString::number(m_group), QStringLiteral("bob")})
            .exitCode,
        0);
    QTRY_VERIFY(!QFileInfo::exists(partPath(m_transfer)));
    QVERIFY(m_server->server().storage().uploads().isEmpty());
    QCOMPARE(
        RawClient::errorCode(m_bob->request(
            FileChunk{TransferId(m_transfer), protocol::kChunkBytes, m_content.mid(protocol::kChunkBytes)}.encode())),
        QStringLiteral("forbidden"));
    QCOMPARE(fileMessagesInGroup(), 0);
}

void tst_UploadAccess::posterRefusesNonMember()
{
    // The last line of defence: whatever a handler missed, a message of a non-member is never stored.
    RawClient carol;
    QVERIFY(carol.connectTo(m_server->port(), false));
    QVERIFY(carol.signUp(QStringLiteral("carol")) > 0);
    NewMessage message;
    message.conversation = ConversationId(m_group);
    message.sender = UserId(carol.userId());
    message.clientMsgId = QUuid::createUuid();
    message.kind = MessageKind::File;
    message.file = FileRef{QStringLiteral("x.bin"), 3, Sha256::hash("abc"), false};
    bool called = false;
    std::optional<AppendResult> result;
    m_server->server().poster().post(message, nullptr, [&](const std::optional<AppendResult>& r) {
        called = true;
        result = r;
    });
    QTRY_VERIFY(called);
    QVERIFY(!result);
    QCOMPARE(fileMessagesInGroup(), 0);
}

void tst_UploadAccess::emptyChunkRefused()
{
    // docs/protocol.md 10.2: `data` is 1..262144 bytes; an empty chunk is no progress and no completion either.
    startBobsUpload();
    QCborMap chunk = typed("file_chunk");
    chunk.insert(QLatin1String("transfer"), m_transfer);
    chunk.insert(QLatin1String("offset"), protocol::kChunkBytes);
    chunk.insert(QLatin1String("data"), QByteArray());
    QCOMPARE(RawClient::errorCode(m_bob->request(chunk)), QStringLiteral("invalid_argument"));
    // The upload itself goes on.
    const QCborMap rest = m_bob->request(
        FileChunk{TransferId(m_transfer), protocol::kChunkBytes, m_content.mid(protocol::kChunkBytes)}.encode());
    QVERIFY2(RawClient::errorCode(rest).isEmpty(), qPrintable(RawClient::errorCode(rest)));
    QCOMPARE(fileMessagesInGroup(), 1);
}

void tst_UploadAccess::emptyNameRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("dots and spaces") << QStringLiteral(". . ..");
    QTest::newRow("only a direction override") << QStringLiteral("\u202E");
    QTest::newRow("only control characters") << QStringLiteral("\x01\x02");
}

void tst_UploadAccess::emptyNameRefused()
{
    QFETCH(QString, name);
    const FileOffer offer{ConversationId(m_group), QUuid::createUuid(), name, m_content.size(),
                          Sha256::hash(m_content)};
    QCOMPARE(RawClient::errorCode(m_bob->request(offer.encode())), QStringLiteral("invalid_argument"));
    QVERIFY(m_server->server().storage().uploads().isEmpty());
}

void tst_UploadAccess::unknownConversationForbidden()
{
    // File requests answer a conversation that does not exist like one the user is not in: `forbidden`, so they
    // do not reveal which ids exist (docs/protocol.md 10).
    RawClient carol;
    QVERIFY(carol.connectTo(m_server->port(), false));
    QVERIFY(carol.signUp(QStringLiteral("carol")) > 0);
    const QByteArray sha = Sha256::hash(m_content);
    for (const qint64 conversation : {m_group, m_group + 1000}) {
        const FileOffer offer{ConversationId(conversation), QUuid::createUuid(), QStringLiteral("a.bin"),
                              m_content.size(), sha};
        QCOMPARE(RawClient::errorCode(carol.request(offer.encode())), QStringLiteral("forbidden"));
        const FileRead read{ConversationId(conversation), sha, 0, 1024};
        QCOMPARE(RawClient::errorCode(carol.request(read.encode())), QStringLiteral("forbidden"));
    }
}

QTEST_GUILESS_MAIN(tst_UploadAccess)
#include "tst_uploadaccess.moc"
