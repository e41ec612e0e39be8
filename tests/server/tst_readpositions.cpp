// Read positions (docs/protocol.md 6.1 `read`, 6.3 `read_positions`): they only move forwards, never past the
// conversation's newest message, only members see them, and they survive a server restart. Raw frames against
// the real relay in-process (127.0.0.1, port 0, SQLite in a QTemporaryDir).

#include "framecodec.h"
#include "messages/receiptmessages.h"
#include "protocolframes.h"
#include "rawclient.h"
#include "testserver.h"

#include <QCborArray>
#include <QTest>

#include <memory>

using namespace lanchat::test;

class tst_ReadPositions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void welcomeAnnouncesFeature();
    void specExampleBytes();
    void positionsOfEveryMember();
    void onlyForwards();
    void clampedAtNewestMessage();
    void refusedToNonMembers();
    void refusedBeforeLogin();
    void malformedRequests_data();
    void malformedRequests();
    void formerMembersAreNotListed();
    void keptAcrossServerRestart();

private:
    std::unique_ptr<RawClient> client(const QString& username);
    /** A group of alice (owner), bob and carol with three messages from alice; their seqs in m_seqs. */
    void makeGroup();
    /** `read_positions` of @p conversation as user id → seq; empty when the reply is not ok. */
    static QHash<qint64, qint64> positions(RawClient& as, qint64 conversation);
    static QCborMap readRequest(qint64 conversation, qint64 seq);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_alice;
    std::unique_ptr<RawClient> m_bob;
    std::unique_ptr<RawClient> m_carol;
    qint64 m_group = 0;
    QList<qint64> m_seqs;
};

void tst_ReadPositions::init()
{
    m_server = std::make_unique<TestServer>(false);
    QVERIFY(m_server->start());
}

void tst_ReadPositions::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_carol.reset();
    m_server.reset();
    m_seqs.clear();
}

std::unique_ptr<RawClient> tst_ReadPositions::client(const QString& username)
{
    auto c = std::make_unique<RawClient>();
    if (!c->connectTo(m_server->port(), false) || c->signUp(username) <= 0)
        return nullptr;
    return c;
}

void tst_ReadPositions::makeGroup()
{
    m_alice = client(QStringLiteral("alice"));
    m_bob = client(QStringLiteral("bob"));
    m_carol = client(QStringLiteral("carol"));
    QVERIFY(m_alice && m_bob && m_carol);
    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("team"));
    create.insert(QLatin1String("members"), QCborArray{m_bob->userId(), m_carol->userId()});
    m_group = conversationId(m_alice->request(create));
    QVERIFY(m_group > 0);
    for (int i = 0; i < 3; ++i) {
        const QCborMap ack = m_alice->sendText(m_group, QStringLiteral("message %1").arg(i));
        QCOMPARE(frameType(ack), QStringLiteral("ok"));
        m_seqs.append(ack.value(QLatin1String("seq")).toInteger());
    }
}

QHash<qint64, qint64> tst_ReadPositions::positions(RawClient& as, qint64 conversation)
{
    QCborMap request = typed("read_positions");
    request.insert(QLatin1String("conversation"), conversation);
    const QCborMap reply = as.request(request);
    QHash<qint64, qint64> result;
    if (frameType(reply) != QLatin1String("ok"))
        return result;
    for (const QCborValue& entry : reply.value(QLatin1String("positions")).toArray()) {
        const QCborMap map = entry.toMap();
        result.insert(map.value(QLatin1String("user")).toInteger(), map.value(QLatin1String("seq")).toInteger());
    }
    return result;
}

QCborMap tst_ReadPositions::readRequest(qint64 conversation, qint64 seq)
{
    QCborMap read = typed("read");
    read.insert(QLatin1String("conversation"), conversation);
    read.insert(QLatin1String("seq"), seq);
    return read;
}

void tst_ReadPositions::welcomeAnnouncesFeature()
{
    RawClient c;
    QVERIFY(c.connectTo(m_server->port(), false));
    const QCborArray features = c.hello().value(QLatin1String("features")).toArray();
    QVERIFY(features.contains(QCborValue(QStringLiteral("read_positions"))));
}

void tst_ReadPositions::specExampleBytes()
{
    // docs/protocol.md 6.3: the example frames are what the code produces, byte for byte.
    const QByteArray request = QByteArray::fromHex("00000024a361746e726561645f706f736974696f6e736c636f6e76657273"
                                                   "6174696f6e0762696405");
    QCOMPARE(lanchat::FrameCodec::encode(lanchat::ReadPositions{lanchat::ConversationId(7)}.encode(), 5), request);
    lanchat::ReadPositionsOk ok;
    ok.positions = {{lanchat::UserId(3), 41}, {lanchat::UserId(4), 0}, {lanchat::UserId(9), 45}};
    const QByteArray reply = QByteArray::fromHex("0000003ba36174626f6b69706f736974696f6e7383a264757365720363736571"
                                                 "1829a2647573657204637365710"
                                                 "0a264757365720963736571182d62696405");
    QCOMPARE(lanchat::FrameCodec::encode(ok.encode(), 5), reply);
    QString error;
    const auto decoded = lanchat::ReadPositionsOk::decode(ok.encode(), &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(decoded->positions, ok.positions);
}

void tst_ReadPositions::positionsOfEveryMember()
{
    makeGroup();
    QCOMPARE(frameType(m_bob->request(readRequest(m_group, m_seqs.at(1)))), QStringLiteral("ok"));
    QCOMPARE(frameType(m_carol->request(readRequest(m_group, m_seqs.at(2)))), QStringLiteral("ok"));

    const QHash<qint64, qint64> expected{
        {m_alice->userId(), 0}, {m_bob->userId(), m_seqs.at(1)}, {m_carol->userId(), m_seqs.at(2)}};
    // Every member sees the same positions, ordered by user id, the asker's own included.
    for (RawClient* asker : {m_alice.get(), m_bob.get(), m_carol.get()})
        QCOMPARE(positions(*asker, m_group), expected);
    QCborMap request = typed("read_positions");
    request.insert(QLatin1String("conversation"), m_group);
    const QCborArray list = m_alice->request(request).value(QLatin1String("positions")).toArray();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(0).toMap().value(QLatin1String("user")).toInteger(), m_alice->userId());
    QCOMPARE(list.at(2).toMap().value(QLatin1String("user")).toInteger(), m_carol->userId());
}

void tst_ReadPositions::onlyForwards()
{
    makeGroup();
    QCOMPARE(frameType(m_bob->request(readRequest(m_group, m_seqs.at(2)))), QStringLiteral("ok"));
    QCOMPARE(m_alice->waitPush(QStringLiteral("read_receipt")).value(QLatin1String("seq")).toInteger(), m_seqs.at(2));
    // A second device that is behind reports an older position: accepted, and the stored one stays.
    auto bobsLaptop = client(QStringLiteral("bob"));
    QVERIFY(bobsLaptop);
    QCOMPARE(frameType(bobsLaptop->request(readRequest(m_group, m_seqs.at(0)))), QStringLiteral("ok"));
    QCOMPARE(positions(*m_alice, m_group).value(m_bob->userId()), m_seqs.at(2));
    const QCborArray list = m_bob->request(typed("conversations")).value(QLatin1String("conversations")).toArray();
    QCOMPARE(list.at(0).toMap().value(QLatin1String("read_seq")).toInteger(), m_seqs.at(2));
}

void tst_ReadPositions::clampedAtNewestMessage()
{
    makeGroup();
    const qint64 newest = m_seqs.last();
    QCOMPARE(frameType(m_bob->request(readRequest(m_group, newest + 1000))), QStringLiteral("ok"));
    // The receipt says what was stored: nothing can be read before it exists.
    QCOMPARE(m_carol->waitPush(QStringLiteral("read_receipt")).value(QLatin1String("seq")).toInteger(), newest);
    QCOMPARE(positions(*m_carol, m_group).value(m_bob->userId()), newest);
    // So the next message is unread for bob, and counts once he reads it.
    const qint64 next = m_alice->sendText(m_group, QStringLiteral("later")).value(QLatin1String("seq")).toInteger();
    QVERIFY(next > newest);
    QCOMPARE(positions(*m_alice, m_group).value(m_bob->userId()), newest);
    QCOMPARE(frameType(m_bob->request(readRequest(m_group, next))), QStringLiteral("ok"));
    QCOMPARE(positions(*m_alice, m_group).value(m_bob->userId()), next);
}

void tst_ReadPositions::refusedToNonMembers()
{
    makeGroup();
    auto mallory = client(QStringLiteral("mallory"));
    QVERIFY(mallory);
    QCborMap request = typed("read_positions");
    request.insert(QLatin1String("conversation"), m_group);
    const QCborMap refused = mallory->request(request);
    QCOMPARE(RawClient::errorCode(refused), QStringLiteral("forbidden"));
    QVERIFY(!refused.contains(QLatin1String("positions")));
    QCOMPARE(RawClient::errorCode(mallory->request(readRequest(m_group, m_seqs.last()))), QStringLiteral("forbidden"));
    request.insert(QLatin1String("conversation"), 999999);
    QCOMPARE(RawClient::errorCode(mallory->request(request)), QStringLiteral("not_found"));
    // The members are unaffected and the server still serves the one refused.
    QCOMPARE(positions(*m_bob, m_group).size(), 3);
    QCOMPARE(frameType(mallory->request(typed("ping"))), QStringLiteral("ok"));
}

void tst_ReadPositions::refusedBeforeLogin()
{
    RawClient c;
    QVERIFY(c.connectTo(m_server->port(), false));
    c.hello();
    QCborMap request = typed("read_positions");
    request.insert(QLatin1String("conversation"), 1);
    QCOMPARE(RawClient::errorCode(c.request(request)), QStringLiteral("unauthenticated"));
    QVERIFY(c.isConnected());
}

void tst_ReadPositions::malformedRequests_data()
{
    QTest::addColumn<QCborValue>("conversation");
    QTest::newRow("missing") << QCborValue(QCborValue::Undefined);
    QTest::newRow("text") << QCborValue(QStringLiteral("7"));
    QTest::newRow("negative") << QCborValue(-1);
    QTest::newRow("map") << QCborValue(QCborMap{{QStringLiteral("id"), 7}});
}

void tst_ReadPositions::malformedRequests()
{
    QFETCH(QCborValue, conversation);
    auto bob = client(QStringLiteral("bob"));
    QVERIFY(bob);
    QCborMap request = typed("read_positions");
    if (!conversation.isUndefined())
        request.insert(QLatin1String("conversation"), conversation);
    QCOMPARE(RawClient::errorCode(bob->request(request)), QStringLiteral("invalid_argument"));
    QVERIFY(bob->isConnected());
    QCOMPARE(frameType(bob->request(typed("ping"))), QStringLiteral("ok"));
}

void tst_ReadPositions::formerMembersAreNotListed()
{
    makeGroup();
    QCOMPARE(frameType(m_carol->request(readRequest(m_group, m_seqs.last()))), QStringLiteral("ok"));
    QCborMap remove = typed("group_remove");
    remove.insert(QLatin1String("conversation"), m_group);
    remove.insert(QLatin1String("user"), m_carol->userId());
    QCOMPARE(frameType(m_alice->request(remove)), QStringLiteral("ok"));
    const QHash<qint64, qint64> now = positions(*m_alice, m_group);
    QCOMPARE(now.size(), 2);
    QVERIFY(!now.contains(m_carol->userId()));
    QCborMap request = typed("read_positions");
    request.insert(QLatin1String("conversation"), m_group);
    QCOMPARE(RawClient::errorCode(m_carol->request(request)), QStringLiteral("forbidden"));
}

void tst_ReadPositions::keptAcrossServerRestart()
{
    makeGroup();
    QCOMPARE(frameType(m_bob->request(readRequest(m_group, m_seqs.at(1)))), QStringLiteral("ok"));
    const qint64 bobId = m_bob->userId();
    m_alice.reset();
    m_bob.reset();
    m_carol.reset();
    QVERIFY(m_server->restart());
    auto alice = client(QStringLiteral("alice"));
    QVERIFY(alice);
    const QHash<qint64, qint64> after = positions(*alice, m_group);
    QCOMPARE(after.size(), 3);
    QCOMPARE(after.value(bobId), m_seqs.at(1));
    QCOMPARE(after.value(alice->userId()), qint64(0));
}

QTEST_GUILESS_MAIN(tst_ReadPositions)
#include "tst_readpositions.moc"
