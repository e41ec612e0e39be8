// End-to-end behaviour of the relay over real loopback sockets and a real SQLite file, run
// twice: plaintext and TLS (see main() at the end).

#include "messages/filemessages.h"
#include "protocol.h"
#include "protocolframes.h"
#include "rawclient.h"
#include "session.h"
#include "sessionregistry.h"
#include "sha256.h"
#include "testserver.h"

#include <QCborArray>
#include <QFile>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>
#include <QUuid>

using namespace lanchat;
using namespace lanchat::test;

namespace {

QCborArray messages(const QCborMap& page)
{
    return page.value(QLatin1String("messages")).toArray();
}

} // namespace

class tst_RelayServer : public QObject
{
    Q_OBJECT
public:
    explicit tst_RelayServer(bool tls)
        : m_tls(tls)
    {}

private slots:
    void init();
    void cleanup();
    void welcomeAnnouncesLimits();
    void registration();
    void registrationDisabled();
    void changePassword();
    void privateChatBothWays();
    void fileChunksBesideText();
    void groupChatReachesAllMembers();
    void groupManagement();
    void offlineUserSyncsInOrder();
    void twoSessionsBothReceive();
    void resendGetsOriginalAck();
    void presence();
    void readReceipts();
    void restartKeepsHistory();
    void shutdownTellsClients();
    void slowReaderIsThrottled();
    void slowConsumerIsDisconnected();
    void discoveryAnswersProbe();

private:
    std::unique_ptr<RawClient> client(const QString& username);
    qint64 openPrivate(RawClient& from, qint64 user);

    bool m_tls;
    std::unique_ptr<TestServer> m_server;
};

void tst_RelayServer::init()
{
    m_server = std::make_unique<TestServer>(m_tls);
    QVERIFY(m_server->start());
    QCOMPARE(m_server->server().certificateFingerprint().size(), m_tls ? 64 : 0);
}

void tst_RelayServer::cleanup()
{
    m_server.reset();
}

std::unique_ptr<RawClient> tst_RelayServer::client(const QString& username)
{
    auto c = std::make_unique<RawClient>();
    if (!c->connectTo(m_server->port(), m_tls) || c->signUp(username) <= 0)
        return nullptr;
    return c;
}

qint64 tst_RelayServer::openPrivate(RawClient& from, qint64 user)
{
    QCborMap open = typed("open_private");
    open.insert(QLatin1String("user"), user);
    return conversationId(from.request(open));
}

void tst_RelayServer::welcomeAnnouncesLimits()
{
    RawClient c;
    QVERIFY(c.connectTo(m_server->port(), m_tls));
    const QCborMap welcome = c.hello();
    QCOMPARE(frameType(welcome), QStringLiteral("welcome"));
    QCOMPARE(welcome.value(QLatin1String("protocol")).toInteger(), 1);
    QCOMPARE(welcome.value(QLatin1String("max_frame")).toInteger(), 1024 * 1024);
    QVERIFY(welcome.value(QLatin1String("server_time")).toInteger() > 0);
}

void tst_RelayServer::registration()
{
    RawClient c;
    QVERIFY(c.connectTo(m_server->port(), m_tls));
    c.hello();
    const QCborMap ok =
        c.registerUser(QStringLiteral("Wang.Li"), QStringLiteral("password123"), QStringLiteral("王丽"));
    QCOMPARE(frameType(ok), QStringLiteral("ok"));
    const QCborMap user = ok.value(QLatin1String("user")).toMap();
    QCOMPARE(user.value(QLatin1String("display_name")).toString(), QStringLiteral("王丽"));
    QCOMPARE(user.value(QLatin1String("username")).toString(), QStringLiteral("Wang.Li"));
    RawClient other;
    QVERIFY(other.connectTo(m_server->port(), m_tls));
    QCOMPARE(RawClient::errorCode(other.registerUser(QStringLiteral("wang.li"), QStringLiteral("password123"))),
             QStringLiteral("username_taken"));
    QCOMPARE(RawClient::errorCode(other.registerUser(QStringLiteral("bad name"), QStringLiteral("password123"))),
             QStringLiteral("invalid_argument"));
    QCOMPARE(RawClient::errorCode(other.registerUser(QStringLiteral("shortpw"), QStringLiteral("1234567"))),
             QStringLiteral("invalid_argument"));
    QCOMPARE(frameType(other.login(QStringLiteral("WANG.LI"), QStringLiteral("password123"))), QStringLiteral("ok"));
    // The logged-in first client heard about the new account?  It was the new account; a third one is pushed.
    QVERIFY(other.registerUser(QStringLiteral("third"), QStringLiteral("password123")).value(QLatin1String("t")) ==
            QLatin1String("ok"));
    const QCborMap push = c.waitPush(QStringLiteral("user"));
    QCOMPARE(push.value(QLatin1String("user")).toMap().value(QLatin1String("username")).toString(),
             QStringLiteral("third"));
}

void tst_RelayServer::registrationDisabled()
{
    TestServer closed(m_tls, ServerConfig{}); // the default: sign-up off
    QVERIFY(closed.start());
    RawClient c;
    QVERIFY(c.connectTo(closed.port(), m_tls));
    QCOMPARE(RawClient::errorCode(c.registerUser(QStringLiteral("someone"), QStringLiteral("password123"))),
             QStringLiteral("registration_disabled"));
}

void tst_RelayServer::changePassword()
{
    auto a = client(QStringLiteral("alice"));
    QVERIFY(a);
    QCborMap change = typed("change_password");
    change.insert(QLatin1String("old_password"), QStringLiteral("wrong-password"));
    change.insert(QLatin1String("new_password"), QStringLiteral("new-password-1"));
    QCOMPARE(RawClient::errorCode(a->request(change)), QStringLiteral("bad_credentials"));
    change.insert(QLatin1String("old_password"), QStringLiteral("password123"));
    QCOMPARE(frameType(a->request(change)), QStringLiteral("ok"));
    RawClient again;
    QVERIFY(again.connectTo(m_server->port(), m_tls));
    QCOMPARE(RawClient::errorCode(again.login(QStringLiteral("alice"), QStringLiteral("password123"))),
             QStringLiteral("bad_credentials"));
    QCOMPARE(frameType(again.login(QStringLiteral("alice"), QStringLiteral("new-password-1"))), QStringLiteral("ok"));
}

void tst_RelayServer::privateChatBothWays()
{
    auto a = client(QStringLiteral("alice"));
    auto b = client(QStringLiteral("bob"));
    QVERIFY(a && b);
    const qint64 conversation = openPrivate(*a, b->userId());
    QVERIFY(conversation > 0);
    QCOMPARE(openPrivate(*b, a->userId()), conversation); // one conversation per pair, either order
    QCOMPARE(conversationId(b->waitPush(QStringLiteral("conversation"))), conversation);

    const QCborMap ack = a->sendText(conversation, QStringLiteral("hi bob 你好"));
    QCOMPARE(frameType(ack), QStringLiteral("ok"));
    const QCborMap atB = b->waitPush(QStringLiteral("message"));
    QCOMPARE(atB.value(QLatin1String("text")).toString(), QStringLiteral("hi bob 你好"));
    QCOMPARE(atB.value(QLatin1String("seq")), ack.value(QLatin1String("seq")));
    QCOMPARE(atB.value(QLatin1String("ts")), ack.value(QLatin1String("ts")));
    QCOMPARE(atB.value(QLatin1String("sender")).toInteger(), a->userId());

    QCOMPARE(frameType(b->sendText(conversation, QStringLiteral("hi alice"))), QStringLiteral("ok"));
    QCOMPARE(a->waitPush(QStringLiteral("message")).value(QLatin1String("text")).toString(),
             QStringLiteral("hi alice"));
    QVERIFY(a->pushes().isEmpty() || frameType(a->pushes().constFirst()) != QLatin1String("message")); // no echo of own

    QCborMap history = typed("history");
    history.insert(QLatin1String("conversation"), conversation);
    const QCborArray page = messages(a->request(history));
    QCOMPARE(page.size(), 2);
    QCOMPARE(page.at(0).toMap().value(QLatin1String("text")).toString(), QStringLiteral("hi alice")); // newest first
}

void tst_RelayServer::fileChunksBesideText()
{
    // Chunks are read into their frame in place (FrameCodec::inPlaceSpace) and small frames through the shared
    // buffer: pipelined chunks with a text message between them must all arrive intact, over TLS and plaintext.
    auto a = client(QStringLiteral("alice"));
    auto b = client(QStringLiteral("bob"));
    QVERIFY(a && b);
    const qint64 conversation = openPrivate(*a, b->userId());
    QByteArray content(3 * protocol::kChunkBytes + 1000, Qt::Uninitialized);
    QRandomGenerator(7).fillRange(reinterpret_cast<quint32*>(content.data()), content.size() / 4);
    const FileOffer offer{ConversationId(conversation), QUuid::createUuid(), QStringLiteral("slides.bin"),
                          content.size(), Sha256::hash(content)};
    const auto accepted = FileOfferOk::decode(a->request(offer.encode()), nullptr);
    QVERIFY(accepted && !accepted->complete);
    QCOMPARE(accepted->offset, 0);
    QList<quint64> chunkIds;
    quint64 textId = 0;
    for (qint64 offset = 0; offset < content.size(); offset += protocol::kChunkBytes) {
        chunkIds.append(
            a->send(FileChunk{accepted->transfer, offset, content.mid(offset, protocol::kChunkBytes)}.encode()));
        if (offset == 0) {
            QCborMap text = typed("send");
            text.insert(QLatin1String("conversation"), conversation);
            text.insert(QLatin1String("client_msg_id"), QUuid::createUuid().toRfc4122());
            text.insert(QLatin1String("text"), QStringLiteral("between the chunks"));
            textId = a->send(text);
        }
    }
    QCOMPARE(frameType(a->waitReply(textId, 15000)), QStringLiteral("ok"));
    for (const quint64 id : std::as_const(chunkIds))
        QCOMPARE(frameType(a->waitReply(id, 15000)), QStringLiteral("ok")); // the last one only once the hash matched
    QCOMPARE(b->waitPush(QStringLiteral("message")).value(QLatin1String("text")).toString(),
             QStringLiteral("between the chunks"));

    QByteArray downloaded;
    while (downloaded.size() < content.size()) {
        const auto data = FileData::decode(
            b->request(FileRead{ConversationId(conversation), offer.sha256, downloaded.size(), protocol::kChunkBytes}
                           .encode()),
            nullptr);
        QVERIFY(data && !data->data.isEmpty());
        QCOMPARE(data->offset, downloaded.size());
        downloaded += data->data;
    }
    QCOMPARE(downloaded, content);
}

void tst_RelayServer::groupChatReachesAllMembers()
{
    auto a = client(QStringLiteral("alice"));
    auto b = client(QStringLiteral("bob"));
    auto c = client(QStringLiteral("carol"));
    auto d = client(QStringLiteral("dave"));
    QVERIFY(a && b && c && d);
    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("研发部"));
    create.insert(QLatin1String("members"), QCborArray{b->userId(), c->userId()});
    const QCborMap created = a->request(create);
    const qint64 group = conversationId(created);
    QVERIFY(group > 0);
    QCOMPARE(created.value(QLatin1String("conversation")).toMap().value(QLatin1String("owner")).toInteger(),
             a->userId());
    QCOMPARE(conversationId(b->waitPush(QStringLiteral("conversation"))), group);
    QCOMPARE(conversationId(c->waitPush(QStringLiteral("conversation"))), group);

    // First the system line of the creation, then the chat.
    QCOMPARE(b->waitPush(QStringLiteral("message")).value(QLatin1String("kind")).toString(), QStringLiteral("system"));
    QCOMPARE(c->waitPush(QStringLiteral("message")).value(QLatin1String("kind")).toString(), QStringLiteral("system"));
    QCOMPARE(frameType(a->sendText(group, QStringLiteral("standup in 5"))), QStringLiteral("ok"));
    QCOMPARE(b->waitPush(QStringLiteral("message")).value(QLatin1String("text")).toString(),
             QStringLiteral("standup in 5"));
    QCOMPARE(c->waitPush(QStringLiteral("message")).value(QLatin1String("text")).toString(),
             QStringLiteral("standup in 5"));
    QCOMPARE(RawClient::errorCode(d->sendText(group, QStringLiteral("me too"))), QStringLiteral("forbidden"));
    QVERIFY(d->waitPush(QStringLiteral("message"), 200).isEmpty());

    const QCborMap list = b->request(typed("conversations"));
    QCOMPARE(list.value(QLatin1String("conversations")).toArray().size(), 1);
}

void tst_RelayServer::groupManagement()
{
    auto a = client(QStringLiteral("alice"));
    auto b = client(QStringLiteral("bob"));
    auto c = client(QStringLiteral("carol"));
    QVERIFY(a && b && c);
    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("team"));
    create.insert(QLatin1String("members"), QCborArray{b->userId()});
    const qint64 group = conversationId(a->request(create));
    QVERIFY(group > 0);

    QCborMap add = typed("group_add");
    add.insert(QLatin1String("conversation"), group);
    add.insert(QLatin1String("user"), c->userId());
    QCOMPARE(RawClient::errorCode(b->request(add)), QStringLiteral("forbidden")); // not the owner
    QCOMPARE(frameType(a->request(add)), QStringLiteral("ok"));
    QCOMPARE(conversationId(c->waitPush(QStringLiteral("conversation"))), group); // the added member learns

    QCborMap rename = typed("group_rename");
    rename.insert(QLatin1String("conversation"), group);
    rename.insert(QLatin1String("name"), QStringLiteral("team 2"));
    c->clearPushes();
    QCOMPARE(frameType(a->request(rename)), QStringLiteral("ok"));
    QCOMPARE(c->waitPush(QStringLiteral("conversation"))
                 .value(QLatin1String("conversation"))
                 .toMap()
                 .value(QLatin1String("name"))
                 .toString(),
             QStringLiteral("team 2"));

    QCborMap remove = typed("group_remove");
    remove.insert(QLatin1String("conversation"), group);
    remove.insert(QLatin1String("user"), c->userId());
    QCOMPARE(frameType(a->request(remove)), QStringLiteral("ok"));
    const QCborMap removed = c->waitPush(QStringLiteral("conversation_removed"));
    QCOMPARE(removed.value(QLatin1String("conversation")).toInteger(), group);
    QCOMPARE(removed.value(QLatin1String("by")).toInteger(), a->userId()); // for "removed by Alice"
    QCOMPARE(RawClient::errorCode(c->sendText(group, QStringLiteral("still here?"))), QStringLiteral("forbidden"));

    QCborMap leave = typed("group_leave");
    leave.insert(QLatin1String("conversation"), group);
    QCOMPARE(RawClient::errorCode(a->request(leave)), QStringLiteral("invalid_argument")); // the owner stays
    QCOMPARE(frameType(b->request(leave)), QStringLiteral("ok"));
    const QCborMap left = b->waitPush(QStringLiteral("conversation_removed"));
    QCOMPARE(left.value(QLatin1String("conversation")).toInteger(), group);
    QCOMPARE(left.value(QLatin1String("by")).toInteger(), b->userId());
}

void tst_RelayServer::offlineUserSyncsInOrder()
{
    auto a = client(QStringLiteral("alice"));
    auto b = client(QStringLiteral("bob"));
    QVERIFY(a && b);
    const qint64 conversation = openPrivate(*a, b->userId());
    b.reset(); // bob goes offline
    for (int i = 0; i < 5; ++i)
        QCOMPARE(frameType(a->sendText(conversation, QStringLiteral("m%1").arg(i))), QStringLiteral("ok"));

    b = client(QStringLiteral("bob"));
    QVERIFY(b);
    QCborMap sync = typed("sync");
    sync.insert(QLatin1String("since"), 0);
    sync.insert(QLatin1String("limit"), 3);
    QCborMap page = b->request(sync);
    QCborArray got = messages(page);
    QCOMPARE(got.size(), 3);
    QVERIFY(page.value(QLatin1String("more")).toBool());
    sync.insert(QLatin1String("since"), got.last().toMap().value(QLatin1String("seq")).toInteger());
    page = b->request(sync);
    QVERIFY(!page.value(QLatin1String("more")).toBool());
    for (const QCborValue& m : messages(page))
        got.append(m);
    QCOMPARE(got.size(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(got.at(i).toMap().value(QLatin1String("text")).toString(), QStringLiteral("m%1").arg(i));
}

void tst_RelayServer::twoSessionsBothReceive()
{
    auto a = client(QStringLiteral("alice"));
    auto aPhone = client(QStringLiteral("alice"));
    auto b = client(QStringLiteral("bob"));
    auto bPhone = client(QStringLiteral("bob"));
    QVERIFY(a && aPhone && b && bPhone);
    const qint64 conversation = openPrivate(*a, b->userId());
    QCOMPARE(frameType(a->sendText(conversation, QStringLiteral("to both"))), QStringLiteral("ok"));
    QCOMPARE(b->waitPush(QStringLiteral("message")).value(QLatin1String("text")).toString(), QStringLiteral("to both"));
    QCOMPARE(bPhone->waitPush(QStringLiteral("message")).value(QLatin1String("text")).toString(),
             QStringLiteral("to both"));
    // The sender's other device sees its own message too.
    QCOMPARE(aPhone->waitPush(QStringLiteral("message")).value(QLatin1String("text")).toString(),
             QStringLiteral("to both"));
}

void tst_RelayServer::resendGetsOriginalAck()
{
    auto a = client(QStringLiteral("alice"));
    auto b = client(QStringLiteral("bob"));
    QVERIFY(a && b);
    const qint64 conversation = openPrivate(*a, b->userId());
    const QByteArray clientMsgId = QUuid::createUuid().toRfc4122();
    const QCborMap first = a->sendText(conversation, QStringLiteral("once"), clientMsgId);
    QCOMPARE(b->waitPush(QStringLiteral("message")).value(QLatin1String("text")).toString(), QStringLiteral("once"));
    // Resent after a reconnect, and twice in one turn.
    a = client(QStringLiteral("alice"));
    const QCborMap second = a->sendText(conversation, QStringLiteral("once"), clientMsgId);
    QCOMPARE(second.value(QLatin1String("seq")), first.value(QLatin1String("seq")));
    QCOMPARE(second.value(QLatin1String("ts")), first.value(QLatin1String("ts")));
    QVERIFY(b->waitPush(QStringLiteral("message"), 300).isEmpty()); // not delivered again

    QCborMap history = typed("history");
    history.insert(QLatin1String("conversation"), conversation);
    QCOMPARE(messages(a->request(history)).size(), 1);
}

void tst_RelayServer::presence()
{
    auto a = client(QStringLiteral("alice"));
    QVERIFY(a);
    auto b = client(QStringLiteral("bob"));
    QVERIFY(b);
    QCborMap online = a->waitPush(QStringLiteral("presence"));
    while (!online.isEmpty() && online.value(QLatin1String("user")).toInteger() != b->userId())
        online = a->waitPush(QStringLiteral("presence"));
    QVERIFY(online.value(QLatin1String("online")).toBool());
    const QCborArray users = a->request(typed("users")).value(QLatin1String("users")).toArray();
    QCOMPARE(users.size(), 2);
    QVERIFY(users.at(1).toMap().value(QLatin1String("online")).toBool());
    const qint64 bobId = b->userId();
    b.reset();
    const QCborMap offline = a->waitPush(QStringLiteral("presence"));
    QCOMPARE(offline.value(QLatin1String("user")).toInteger(), bobId);
    QVERIFY(!offline.value(QLatin1String("online")).toBool());
}

void tst_RelayServer::readReceipts()
{
    auto a = client(QStringLiteral("alice"));
    auto b = client(QStringLiteral("bob"));
    QVERIFY(a && b);
    const qint64 conversation = openPrivate(*a, b->userId());
    const qint64 seq = a->sendText(conversation, QStringLiteral("read me")).value(QLatin1String("seq")).toInteger();
    QCborMap read = typed("read");
    read.insert(QLatin1String("conversation"), conversation);
    read.insert(QLatin1String("seq"), seq);
    QCOMPARE(frameType(b->request(read)), QStringLiteral("ok"));
    const QCborMap receipt = a->waitPush(QStringLiteral("read_receipt"));
    QCOMPARE(receipt.value(QLatin1String("seq")).toInteger(), seq);
    QCOMPARE(receipt.value(QLatin1String("user")).toInteger(), b->userId());
    const QCborArray list = b->request(typed("conversations")).value(QLatin1String("conversations")).toArray();
    QCOMPARE(list.at(0).toMap().value(QLatin1String("read_seq")).toInteger(), seq);
}

void tst_RelayServer::restartKeepsHistory()
{
    qint64 conversation = 0;
    {
        auto a = client(QStringLiteral("alice"));
        auto b = client(QStringLiteral("bob"));
        QVERIFY(a && b);
        conversation = openPrivate(*a, b->userId());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(frameType(a->sendText(conversation, QStringLiteral("kept %1").arg(i))), QStringLiteral("ok"));
    }
    const QString fingerprint = m_server->server().certificateFingerprint();
    QVERIFY(m_server->restart());
    // The generated certificate is kept: clients that pinned it still connect.
    QCOMPARE(m_server->server().certificateFingerprint(), fingerprint);
    if (m_tls) {
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::WriteOther | QFileDevice::ExeOther;
        const QFileDevice::Permissions key = QFile::permissions(m_server->dataDir() + QStringLiteral("/server.key"));
        QVERIFY(key & QFileDevice::ReadOwner);
        QVERIFY(!(key & others)); // mode 0600
    }
    auto b = client(QStringLiteral("bob"));
    QVERIFY(b);
    QCborMap history = typed("history");
    history.insert(QLatin1String("conversation"), conversation);
    const QCborArray page = messages(b->request(history));
    QCOMPARE(page.size(), 3);
    QCOMPARE(page.at(2).toMap().value(QLatin1String("text")).toString(), QStringLiteral("kept 0"));
}

void tst_RelayServer::shutdownTellsClients()
{
    auto a = client(QStringLiteral("alice"));
    QVERIFY(a);
    QSignalSpy stopped(&m_server->server(), &RelayServer::stopped);
    m_server->server().stop();
    QVERIFY(!a->waitPush(QStringLiteral("shutdown")).isEmpty());
    QVERIFY(stopped.count() == 1 || stopped.wait(5000));
    QVERIFY(a->waitDisconnected());
}

void tst_RelayServer::slowReaderIsThrottled()
{
    ServerConfig config = TestServer::openSignUp();
    config.maxPendingOutputBytes = 256 * 1024;
    TestServer server(m_tls, config);
    QVERIFY(server.start());
    Session* serverSide = nullptr;
    connect(&server.server(), &RelayServer::sessionOpened, this, [&serverSide](Session* s) {
        if (!serverSide)
            serverSide = s;
    });
    RawClient a;
    QVERIFY(a.connectTo(server.port(), m_tls));
    QVERIFY(a.signUp(QStringLiteral("alice")) > 0);
    QVERIFY(serverSide);
    RawClient b;
    QVERIFY(b.connectTo(server.port(), m_tls));
    QVERIFY(b.signUp(QStringLiteral("bob")) > 0);
    QCborMap open = typed("open_private");
    open.insert(QLatin1String("user"), b.userId());
    const qint64 conversation = conversationId(a.request(open));
    quint64 lastSend = 0;
    for (int i = 0; i < 100; ++i)
        lastSend = b.send([&] {
            QCborMap m = typed("send");
            m.insert(QLatin1String("conversation"), conversation);
            m.insert(QLatin1String("client_msg_id"), QUuid::createUuid().toRfc4122());
            m.insert(QLatin1String("text"), QString(4000, QLatin1Char('z')));
            return m;
        }());
    QCOMPARE(frameType(b.waitReply(lastSend)), QStringLiteral("ok"));
    a.setReading(false);
    // Alice asks for 100-message pages (~400 KB each) 200 times without reading a byte.
    constexpr int kRequests = 200;
    QCborMap history = typed("history");
    history.insert(QLatin1String("conversation"), conversation);
    QList<quint64> ids;
    for (int i = 0; i < kRequests; ++i)
        ids.append(a.send(history));
    QTRY_VERIFY_WITH_TIMEOUT(serverSide->outputCongested(), 10000);
    // Give the server a chance to misbehave, bounded: spin the loop while checking the bound every time.
    qint64 worst = 0;
    for (int i = 0; i < 500; ++i) {
        QCoreApplication::processEvents();
        worst = qMax(worst, serverSide->bytesToWrite() + serverSide->bufferedInputBytes());
    }
    // One reply past the bound at most, plus the decoder's bounded input.
    QVERIFY2(worst < 4 * 1024 * 1024, qPrintable(QString::number(worst)));
    a.setReading(true);
    for (quint64 id : ids)
        QCOMPARE(messages(a.waitReply(id, 20000)).size(), 100);
}

void tst_RelayServer::slowConsumerIsDisconnected()
{
    ServerConfig config = TestServer::openSignUp();
    config.maxPendingOutputBytes = 64 * 1024; // disconnect above 1 MiB of unsent pushes
    TestServer server(m_tls, config);
    QVERIFY(server.start());
    RawClient sender;
    RawClient sleeper;
    QVERIFY(sender.connectTo(server.port(), m_tls));
    QVERIFY(sleeper.connectTo(server.port(), m_tls));
    QVERIFY(sender.signUp(QStringLiteral("sender")) > 0);
    QVERIFY(sleeper.signUp(QStringLiteral("sleeper")) > 0);
    QCborMap open = typed("open_private");
    open.insert(QLatin1String("user"), sleeper.userId());
    const qint64 conversation = conversationId(sender.request(open));
    sleeper.setReading(false);
    // Up to 64 MiB of pushes (kernel buffers on loopback hold a few MiB); the server must give up on the
    // sleeper long before, and the sender's acks keep coming.
    const QString text(60 * 1024, QLatin1Char('s'));
    const auto sleeperOnline = [&server, &sleeper] {
        return server.server().sessions().isOnline(UserId(sleeper.userId()));
    };
    int sent = 0;
    for (; sent < 1000 && sleeperOnline(); ++sent)
        QCOMPARE(frameType(sender.sendText(conversation, text)), QStringLiteral("ok"));
    QVERIFY2(!sleeperOnline(), qPrintable(QStringLiteral("still connected after %1 pushes").arg(sent)));
    qInfo("slow consumer dropped after %d pushes of 60 KiB", sent);
    QCOMPARE(frameType(sender.sendText(conversation, QStringLiteral("still served"))), QStringLiteral("ok"));
}

void tst_RelayServer::discoveryAnswersProbe()
{
    const quint16 port = m_server->server().discoveryPort();
    QVERIFY(port > 0);
    QUdpSocket probe;
    QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
    QCborMap request = typed("discover");
    request.insert(QLatin1String("protocol"), 1);
    probe.writeDatagram(QCborValue(request).toCbor(), QHostAddress::LocalHost, port);
    QTRY_VERIFY_WITH_TIMEOUT(probe.hasPendingDatagrams(), 5000);
    const QCborMap answer = QCborValue::fromCbor(probe.receiveDatagram().data()).toMap();
    QCOMPARE(frameType(answer), QStringLiteral("server"));
    QCOMPARE(answer.value(QLatin1String("port")).toInteger(), m_server->port());
    QCOMPARE(answer.value(QLatin1String("tls")).toBool(), m_tls);
    QCOMPARE(answer.value(QLatin1String("fingerprint")).toString(), m_server->server().certificateFingerprint());
}

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    for (bool tls : {false, true}) {
        tst_RelayServer test(tls);
        qInfo("=== %s", tls ? "TLS" : "plaintext");
        failures += QTest::qExec(&test, argc, argv);
    }
    return failures;
}

#include "tst_relayserver.moc"
