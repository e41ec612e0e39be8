// `forward` end to end over loopback with three users on a real SQLite file (docs/protocol.md 6.3): alice and bob
// chat privately (the source), alice and carol share a group (the target); bob is not in the group and carol not in
// the private chat.

#include "admin/adminchannel.h"
#include "messages/filemessages.h"
#include "messages/forwardmessages.h"
#include "protocol.h"
#include "protocolframes.h"
#include "rawclient.h"
#include "sha256.h"
#include "storage/storage.h"
#include "testserver.h"

#include <QCborArray>
#include <QDateTime>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

QCborArray messagesOf(const QCborMap& page)
{
    return page.value(QLatin1String("messages")).toArray();
}

QCborMap forwardRequest(qint64 target, qint64 source, const QList<qint64>& seqs, const QUuid& id = QUuid::createUuid())
{
    return ForwardMessages{ConversationId(target), ConversationId(source), seqs, id}.encode();
}

QList<qint64> seqsOf(const QCborMap& reply)
{
    const auto ok = ForwardOk::decode(reply, nullptr);
    return ok ? ok->seqs : QList<qint64>();
}

} // namespace

class tst_Forward : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void textReachesTargetMembersAndTheForwardersOtherSessions();
    void severalInTheOrderGiven();
    void offlineMemberSyncsAndRestartKeepsThem();
    void fileIsSharedByReference();
    void retryIsIdempotent();
    void notAMemberIsForbiddenRevealingNothing();
    void badSeqsAreInvalid_data();
    void badSeqsAreInvalid();
    void announced();
    void retentionOfASharedBlob();

private:
    std::unique_ptr<RawClient> connect(const QString& username);
    qint64 sendText(RawClient& from, qint64 conversation, const QString& text);
    QCborMap history(RawClient& reader, qint64 conversation);
    /** Uploads @p content as a file message of alice into the private chat; returns its seq (0 on failure). */
    qint64 uploadFile(const QByteArray& content, const QString& name);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_alice;
    std::unique_ptr<RawClient> m_bob;
    std::unique_ptr<RawClient> m_carol;
    qint64 m_private = 0; ///< alice and bob
    qint64 m_group = 0;   ///< alice (owner) and carol
};

std::unique_ptr<RawClient> tst_Forward::connect(const QString& username)
{
    auto c = std::make_unique<RawClient>();
    if (!c->connectTo(m_server->port(), true) || c->signUp(username) <= 0)
        return nullptr;
    return c;
}

qint64 tst_Forward::sendText(RawClient& from, qint64 conversation, const QString& text)
{
    return from.sendText(conversation, text).value(QLatin1String("seq")).toInteger();
}

QCborMap tst_Forward::history(RawClient& reader, qint64 conversation)
{
    QCborMap request = typed("history");
    request.insert(QLatin1String("conversation"), conversation);
    return reader.request(request);
}

qint64 tst_Forward::uploadFile(const QByteArray& content, const QString& name)
{
    const FileOffer offer{ConversationId(m_private), QUuid::createUuid(), name, content.size(), Sha256::hash(content)};
    const auto accepted = FileOfferOk::decode(m_alice->request(offer.encode()), nullptr);
    if (!accepted || accepted->complete)
        return 0;
    const auto done =
        FileChunkOk::decode(m_alice->request(FileChunk{accepted->transfer, 0, content}.encode()), nullptr);
    return done && done->complete ? done->seq : 0;
}

void tst_Forward::init()
{
    m_server = std::make_unique<TestServer>(true);
    QVERIFY(m_server->start());
    m_alice = connect(QStringLiteral("alice"));
    m_bob = connect(QStringLiteral("bob"));
    m_carol = connect(QStringLiteral("carol"));
    QVERIFY(m_alice && m_bob && m_carol);
    QCborMap open = typed("open_private");
    open.insert(QLatin1String("user"), m_bob->userId());
    m_private = conversationId(m_alice->request(open));
    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("Team"));
    create.insert(QLatin1String("members"), QCborArray{m_carol->userId()});
    m_group = conversationId(m_alice->request(create));
    QVERIFY(m_private > 0 && m_group > 0);
    QVERIFY(!m_carol->waitPush(QStringLiteral("conversation")).isEmpty());
    m_alice->clearPushes();
    m_bob->clearPushes();
    m_carol->clearPushes();
}

void tst_Forward::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_carol.reset();
    m_server.reset();
}

void tst_Forward::textReachesTargetMembersAndTheForwardersOtherSessions()
{
    auto aliceLaptop = std::make_unique<RawClient>();
    QVERIFY(aliceLaptop->connectTo(m_server->port(), true));
    aliceLaptop->hello();
    QCOMPARE(frameType(aliceLaptop->login(QStringLiteral("alice"), QStringLiteral("password123"))),
             QStringLiteral("ok"));
    const qint64 original = sendText(*m_bob, m_private, QStringLiteral("the build is green"));
    QVERIFY(original > 0);
    for (RawClient* device : {m_alice.get(), aliceLaptop.get()})
        QCOMPARE(device->waitPush(QStringLiteral("message")).value(QLatin1String("seq")).toInteger(), original);

    const QCborMap reply = m_alice->request(forwardRequest(m_group, m_private, {original}));
    QCOMPARE(frameType(reply), QStringLiteral("ok"));
    const QList<qint64> copies = seqsOf(reply);
    QCOMPARE(copies.size(), 1);
    QVERIFY(copies.first() > original);

    for (RawClient* member : {m_carol.get(), aliceLaptop.get(), m_alice.get()}) {
        const QCborMap push = member->waitPush(QStringLiteral("message"));
        QCOMPARE(push.value(QLatin1String("seq")).toInteger(), copies.first());
        QCOMPARE(push.value(QLatin1String("conversation")).toInteger(), m_group);
        QCOMPARE(push.value(QLatin1String("sender")).toInteger(), m_alice->userId());
        QCOMPARE(push.value(QLatin1String("kind")).toString(), QStringLiteral("text"));
        QCOMPARE(push.value(QLatin1String("text")).toString(), QStringLiteral("the build is green"));
    }
    // Bob is not in the group: he learns nothing of it.
    QVERIFY(m_bob->waitPush(QStringLiteral("message"), 300).isEmpty());
    const QCborArray carolSees = messagesOf(history(*m_carol, m_group));
    QCOMPARE(carolSees.first().toMap().value(QLatin1String("seq")).toInteger(), copies.first());
}

void tst_Forward::severalInTheOrderGiven()
{
    const qint64 first = sendText(*m_bob, m_private, QStringLiteral("one"));
    const qint64 second = sendText(*m_alice, m_private, QStringLiteral("two"));
    const qint64 third = sendText(*m_bob, m_private, QStringLiteral("three"));
    const QList<qint64> copies = seqsOf(m_alice->request(forwardRequest(m_group, m_private, {third, first, second})));
    QCOMPARE(copies.size(), 3);
    QVERIFY(copies[0] < copies[1] && copies[1] < copies[2]);
    const QCborArray page = messagesOf(history(*m_carol, m_group)); // newest first
    QCOMPARE(page.at(0).toMap().value(QLatin1String("text")).toString(), QStringLiteral("two"));
    QCOMPARE(page.at(1).toMap().value(QLatin1String("text")).toString(), QStringLiteral("one"));
    QCOMPARE(page.at(2).toMap().value(QLatin1String("text")).toString(), QStringLiteral("three"));
    // Into the same conversation is allowed too, as in every messenger.
    QCOMPARE(seqsOf(m_alice->request(forwardRequest(m_private, m_private, {first}))).size(), 1);
}

void tst_Forward::offlineMemberSyncsAndRestartKeepsThem()
{
    const qint64 original = sendText(*m_bob, m_private, QStringLiteral("for later"));
    const qint64 carolSeen = m_carol->sendText(m_group, QStringLiteral("bye")).value(QLatin1String("seq")).toInteger();
    m_carol.reset();
    const QList<qint64> copies = seqsOf(m_alice->request(forwardRequest(m_group, m_private, {original})));
    QCOMPARE(copies.size(), 1);

    m_alice.reset();
    m_bob.reset();
    QVERIFY(m_server->restart());
    m_carol = std::make_unique<RawClient>();
    QVERIFY(m_carol->connectTo(m_server->port(), true));
    m_carol->hello();
    QCOMPARE(frameType(m_carol->login(QStringLiteral("carol"), QStringLiteral("password123"))), QStringLiteral("ok"));
    QCborMap sync = typed("sync");
    sync.insert(QLatin1String("since"), carolSeen);
    const QCborArray missed = messagesOf(m_carol->request(sync));
    QCOMPARE(missed.size(), 1);
    QCOMPARE(missed.first().toMap().value(QLatin1String("seq")).toInteger(), copies.first());
    QCOMPARE(missed.first().toMap().value(QLatin1String("text")).toString(), QStringLiteral("for later"));
}

void tst_Forward::fileIsSharedByReference()
{
    const QByteArray content = randomBytes(100 * 1024);
    const qint64 original = uploadFile(content, QStringLiteral("plan.pdf"));
    QVERIFY(original > 0);
    Storage& storage = m_server->server().storage();
    QCOMPARE(storage.blobs().size(), 1);

    const QList<qint64> copies = seqsOf(m_alice->request(forwardRequest(m_group, m_private, {original})));
    QCOMPARE(copies.size(), 1);
    const QCborMap push = m_carol->waitPush(QStringLiteral("message"));
    QCOMPARE(push.value(QLatin1String("kind")).toString(), QStringLiteral("file"));
    const QCborMap file = push.value(QLatin1String("file")).toMap();
    QCOMPARE(file.value(QLatin1String("name")).toString(), QStringLiteral("plan.pdf"));
    QCOMPARE(file.value(QLatin1String("size")).toInteger(), content.size());
    QCOMPARE(file.value(QLatin1String("sha256")).toByteArray(), Sha256::hash(content));
    // No second blob and no bytes moved: carol reads the one stored content through the group.
    QCOMPARE(storage.blobs().size(), 1);
    QCOMPARE(storage.blobBytes(), content.size());
    QByteArray downloaded;
    while (downloaded.size() < content.size()) {
        const auto data = FileData::decode(m_carol->request(FileRead{ConversationId(m_group), Sha256::hash(content),
                                                                     downloaded.size(), protocol::kChunkBytes}
                                                                .encode()),
                                           nullptr);
        QVERIFY(data && !data->data.isEmpty());
        downloaded += data->data;
    }
    QCOMPARE(downloaded, content);
}

void tst_Forward::retryIsIdempotent()
{
    const qint64 first = sendText(*m_bob, m_private, QStringLiteral("once"));
    const qint64 second = sendText(*m_bob, m_private, QStringLiteral("only once"));
    const QUuid id = QUuid::createUuid();
    const QList<qint64> copies = seqsOf(m_alice->request(forwardRequest(m_group, m_private, {first, second}, id)));
    QCOMPARE(copies.size(), 2);
    QVERIFY(!m_carol->waitPush(QStringLiteral("message")).isEmpty());
    QVERIFY(!m_carol->waitPush(QStringLiteral("message")).isEmpty());
    QCOMPARE(seqsOf(m_alice->request(forwardRequest(m_group, m_private, {first, second}, id))), copies);
    QVERIFY(m_carol->waitPush(QStringLiteral("message"), 300).isEmpty());
    const QCborArray page = messagesOf(history(*m_carol, m_group));
    int copiesSeen = 0;
    for (const QCborValue& m : page)
        copiesSeen += m.toMap().value(QLatin1String("text")).toString().contains(QLatin1String("once")) ? 1 : 0;
    QCOMPARE(copiesSeen, 2);
}

void tst_Forward::notAMemberIsForbiddenRevealingNothing()
{
    const qint64 original = sendText(*m_bob, m_private, QStringLiteral("between us"));
    // Carol is not in the private chat; a conversation that does not exist reads exactly the same.
    const QCborMap notMember = m_carol->request(forwardRequest(m_group, m_private, {original}));
    const QCborMap missing = m_carol->request(forwardRequest(m_group, 999999, {original}));
    QCOMPARE(errorCodeOf(notMember), QStringLiteral("forbidden"));
    QCOMPARE(errorCodeOf(missing), QStringLiteral("forbidden"));
    QCOMPARE(notMember.value(QLatin1String("message")), missing.value(QLatin1String("message")));
    // A seq that does not exist there either: still forbidden, the seqs are not looked at.
    QCOMPARE(errorCodeOf(m_carol->request(forwardRequest(m_group, m_private, {original + 1000}))),
             QStringLiteral("forbidden"));
    // Bob is not in the group he forwards into.
    QCOMPARE(errorCodeOf(m_bob->request(forwardRequest(m_group, m_private, {original}))), QStringLiteral("forbidden"));
    QCOMPARE(errorCodeOf(m_bob->request(forwardRequest(999999, m_private, {original}))), QStringLiteral("forbidden"));
    QVERIFY(m_carol->waitPush(QStringLiteral("message"), 300).isEmpty());
    QVERIFY(m_carol->isConnected() && m_bob->isConnected());
    QCOMPARE(errorCodeOf(m_bob->sendText(m_private, QStringLiteral("still served"))), QString());
}

void tst_Forward::badSeqsAreInvalid_data()
{
    QTest::addColumn<QString>("which");
    QTest::newRow("empty") << QStringLiteral("empty");
    QTest::newRow("repeated") << QStringLiteral("repeated");
    QTest::newRow("too many") << QStringLiteral("too many");
    QTest::newRow("of another conversation") << QStringLiteral("other");
    QTest::newRow("does not exist") << QStringLiteral("missing");
    QTest::newRow("system message") << QStringLiteral("system");
    QTest::newRow("null client_msg_id") << QStringLiteral("null id");
    QTest::newRow("seqs not an array") << QStringLiteral("not an array");
}

void tst_Forward::badSeqsAreInvalid()
{
    QFETCH(QString, which);
    const qint64 original = sendText(*m_bob, m_private, QStringLiteral("x"));
    const qint64 inGroup = sendText(*m_alice, m_group, QStringLiteral("y"));
    QCOMPARE(m_carol->waitPush(QStringLiteral("message")).value(QLatin1String("seq")).toInteger(), inGroup);
    QList<qint64> seqs{original};
    QCborMap request;
    if (which == QLatin1String("empty")) {
        seqs.clear();
    } else if (which == QLatin1String("repeated")) {
        seqs.append(original);
    } else if (which == QLatin1String("too many")) {
        for (int i = 0; i < protocol::kMaxForwardMessages; ++i)
            seqs.append(original + 1 + i);
    } else if (which == QLatin1String("other")) {
        seqs = {inGroup};
    } else if (which == QLatin1String("missing")) {
        seqs = {inGroup + 1000};
    } else if (which == QLatin1String("system")) {
        // The group's first line, "alice created the group", is a system message.
        const QCborArray page = messagesOf(history(*m_alice, m_group));
        QCOMPARE(page.last().toMap().value(QLatin1String("kind")).toString(), QStringLiteral("system"));
        request = forwardRequest(m_private, m_group, {page.last().toMap().value(QLatin1String("seq")).toInteger()});
    }
    if (request.isEmpty())
        request = forwardRequest(m_group, m_private, seqs);
    if (which == QLatin1String("null id"))
        request.insert(QLatin1String("client_msg_id"), QUuid().toRfc4122());
    if (which == QLatin1String("not an array"))
        request.insert(QLatin1String("seqs"), original);
    QCOMPARE(errorCodeOf(m_alice->request(request)), QStringLiteral("invalid_argument"));
    QVERIFY(m_carol->waitPush(QStringLiteral("message"), 200).isEmpty());
    QCOMPARE(errorCodeOf(m_alice->sendText(m_group, QStringLiteral("still served"))), QString());
}

void tst_Forward::announced()
{
    RawClient fresh;
    QVERIFY(fresh.connectTo(m_server->port(), true));
    const QCborArray features = fresh.hello().value(QLatin1String("features")).toArray();
    QVERIFY(features.contains(QString::fromLatin1(protocol::kFeatureForward)));
    // The copies' client_msg_ids, as docs/protocol.md 6.3 gives them for its example.
    const QUuid request(QStringLiteral("0f8e2c1a-4b3d-4e5f-8a9b-1c2d3e4f5a6b"));
    QCOMPARE(ForwardMessages::itemClientMsgId(request, 0),
             QUuid(QStringLiteral("65ef66c5-512e-5da5-a030-14f2ff93dde4")));
    QCOMPARE(ForwardMessages::itemClientMsgId(request, 1),
             QUuid(QStringLiteral("58c6e1b9-7405-5f8d-b8e7-002489ab773c")));
}

void tst_Forward::retentionOfASharedBlob()
{
    const QByteArray content = randomBytes(4096);
    const qint64 original = uploadFile(content, QStringLiteral("old.bin"));
    QVERIFY(original > 0);
    QCOMPARE(seqsOf(m_alice->request(forwardRequest(m_group, m_private, {original}))).size(), 1);
    QCOMPARE(m_server->server().storage().blobs().size(), 1);

    // The one blob ages past file_retention_days: both messages read as expired, neither conversation serves it.
    m_server->stop();
    m_alice.reset();
    m_bob.reset();
    m_carol.reset();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fixture"));
        db.setDatabaseName(QDir(m_server->dataDir()).filePath(QStringLiteral("lanchat.db")));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("UPDATE blobs SET created_ms = %1")
                               .arg(QDateTime::currentMSecsSinceEpoch() - qint64(3) * 24 * 3600 * 1000)));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fixture"));
    m_server->config().fileRetentionDays = 2;
    QVERIFY(m_server->start());
    QCOMPARE(m_server->server().adminChannel()->applyRetention().files, 1);
    QCOMPARE(m_server->server().storage().blobs().size(), 0);
    QCOMPARE(m_server->server().storage().blobBytes(), 0);

    m_carol = connect(QStringLiteral("carol"));
    QVERIFY(m_carol);
    const QCborMap copy = messagesOf(history(*m_carol, m_group)).first().toMap();
    QCOMPARE(copy.value(QLatin1String("kind")).toString(), QStringLiteral("file"));
    QVERIFY(copy.value(QLatin1String("file")).toMap().value(QLatin1String("expired")).toBool());
    QCOMPARE(errorCodeOf(m_carol->request(FileRead{ConversationId(m_group), Sha256::hash(content), 0, 4096}.encode())),
             QStringLiteral("not_found"));
    // An expired file cannot be forwarded again: there is nothing left to refer to.
    m_alice = connect(QStringLiteral("alice"));
    QVERIFY(m_alice);
    QCOMPARE(errorCodeOf(m_alice->request(forwardRequest(m_group, m_private, {original}))),
             QStringLiteral("invalid_argument"));
}

QTEST_GUILESS_MAIN(tst_Forward)
#include "tst_forward.moc"
