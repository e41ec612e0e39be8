// Every bad-input case against a real RelayServer over loopback: the offending connection gets
// the documented error (and is closed where the protocol says so) while a bystander keeps being served.

#include "protocolframes.h"
#include "rawclient.h"
#include "testserver.h"

#include <QCborArray>
#include <QTest>
#include <QUuid>

using namespace lanchat;
using namespace lanchat::test;

class tst_BadInput : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void closingErrors_data();
    void closingErrors();
    void unknownTypeKeepsConnection();
    void invalidUtf8KeepsConnection();
    void requestWithoutId();
    void unauthenticated_data();
    void unauthenticated();
    void unsupportedProtocol();
    void textLimits();
    void forbiddenForNonMembers();
    void badCredentialsGivesNoHint();
    void badReferences();
    void bystanderStillServed();

private:
    void expectBystanderServed();

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_bystander;
};

void tst_BadInput::initTestCase()
{
    m_server = std::make_unique<TestServer>(false);
    QVERIFY(m_server->start());
    m_bystander = std::make_unique<RawClient>();
    QVERIFY(m_bystander->connectTo(m_server->port(), false));
    QVERIFY(m_bystander->signUp(QStringLiteral("bystander")) > 0);
}

void tst_BadInput::cleanupTestCase()
{
    m_bystander.reset();
    m_server.reset();
}

void tst_BadInput::expectBystanderServed()
{
    const QCborMap reply = m_bystander->request(typed("users"));
    QCOMPARE(reply.value(QLatin1String("t")).toString(), QStringLiteral("ok"));
}

void tst_BadInput::closingErrors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");
    QTest::newRow("length above max") << QByteArray::fromHex("ffffffff") << "frame_too_large";
    QTest::newRow("length max+1") << QByteArray::fromHex("00100001") << "frame_too_large";
    QTest::newRow("not CBOR") << framed(QByteArray::fromHex("ffffffffff")) << "malformed";
    QTest::newRow("truncated CBOR") << framed(QByteArray::fromHex("a2617464")) << "malformed";
    QTest::newRow("array, not map") << framed(QCborValue(QCborArray{1, 2}).toCbor()) << "malformed";
    QCborMap noType;
    noType.insert(QLatin1String("id"), 1);
    QTest::newRow("map without t") << framed(QCborValue(noType).toCbor()) << "malformed";
    QCborMap intType;
    intType.insert(QLatin1String("t"), 5);
    QTest::newRow("t not a string") << framed(QCborValue(intType).toCbor()) << "malformed";
    QTest::newRow("empty frame") << QByteArray::fromHex("00000000") << "malformed";
}

void tst_BadInput::closingErrors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    RawClient client;
    QVERIFY(client.connectTo(m_server->port(), false));
    client.sendRaw(bytes);
    const QCborMap error = client.waitPush(QStringLiteral("error"));
    QCOMPARE(error.value(QLatin1String("code")).toString(), code);
    QVERIFY(client.waitDisconnected());
    expectBystanderServed();
}

void tst_BadInput::unknownTypeKeepsConnection()
{
    RawClient client;
    QVERIFY(client.connectTo(m_server->port(), false));
    QCOMPARE(RawClient::errorCode(client.request(typed("teleport"))), QStringLiteral("unknown_type"));
    QCOMPARE(client.request(typed("ping")).value(QLatin1String("t")).toString(), QStringLiteral("ok"));
    QVERIFY(client.isConnected());
}

void tst_BadInput::invalidUtf8KeepsConnection()
{
    RawClient client;
    QVERIFY(client.connectTo(m_server->port(), false));
    // {"id": 7, "t": "ping", "x": <text string with bytes ff fe>}: well delimited, invalid UTF-8 inside.
    client.sendRaw(
        framed(QByteArray::fromHex("a362696407617464") + QByteArray("ping") + QByteArray::fromHex("617862fffe")));
    const QCborMap reply = client.waitReply(7);
    QCOMPARE(RawClient::errorCode(reply), QStringLiteral("invalid_argument"));
    QCOMPARE(client.request(typed("ping")).value(QLatin1String("t")).toString(), QStringLiteral("ok"));
}

void tst_BadInput::requestWithoutId()
{
    RawClient client;
    QVERIFY(client.connectTo(m_server->port(), false));
    client.sendRaw(framed(QCborValue(typed("ping")).toCbor()));
    const QCborMap error = client.waitPush(QStringLiteral("error"));
    QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("invalid_argument"));
    QVERIFY(client.isConnected());
}

void tst_BadInput::unauthenticated_data()
{
    QTest::addColumn<QString>("type");
    for (const char* type :
         {"users", "conversations", "open_private", "send", "history", "sync", "read", "group_create", "group_add",
          "group_remove", "group_leave", "group_rename", "logout", "change_password"})
        QTest::newRow(type) << QString::fromLatin1(type);
}

void tst_BadInput::unauthenticated()
{
    QFETCH(QString, type);
    RawClient client;
    QVERIFY(client.connectTo(m_server->port(), false));
    client.hello();
    QCborMap m;
    m.insert(QLatin1String("t"), type);
    QCOMPARE(RawClient::errorCode(client.request(m)), QStringLiteral("unauthenticated"));
    QVERIFY(client.isConnected());
}

void tst_BadInput::unsupportedProtocol()
{
    RawClient client;
    QVERIFY(client.connectTo(m_server->port(), false));
    QCborMap hello = typed("hello");
    hello.insert(QLatin1String("protocol"), 99);
    QCOMPARE(RawClient::errorCode(client.request(hello)), QStringLiteral("unsupported_protocol"));
    QVERIFY(client.waitDisconnected());
}

void tst_BadInput::textLimits()
{
    RawClient a;
    QVERIFY(a.connectTo(m_server->port(), false));
    const qint64 bystander = 1;
    QVERIFY(a.signUp(QStringLiteral("limits")) > 0);
    QCborMap open = typed("open_private");
    open.insert(QLatin1String("user"), bystander);
    const qint64 conversation =
        a.request(open).value(QLatin1String("conversation")).toMap().value(QLatin1String("id")).toInteger();
    QVERIFY(conversation > 0);
    QCOMPARE(RawClient::errorCode(a.sendText(conversation, QString(64 * 1024 + 1, QLatin1Char('x')))),
             QStringLiteral("invalid_argument"));
    QCOMPARE(RawClient::errorCode(a.sendText(conversation, QString())), QStringLiteral("invalid_argument"));
    // Exactly 64 KiB of UTF-8 (3-byte characters plus padding) is accepted.
    QString maxText(64 * 1024 / 3, QChar(0x4E2D));
    maxText += QString(64 * 1024 % 3, QLatin1Char('y'));
    QCOMPARE(maxText.toUtf8().size(), 64 * 1024);
    QCOMPARE(a.sendText(conversation, maxText).value(QLatin1String("t")).toString(), QStringLiteral("ok"));
    QVERIFY(a.isConnected());
}

void tst_BadInput::forbiddenForNonMembers()
{
    RawClient owner;
    RawClient outsider;
    QVERIFY(owner.connectTo(m_server->port(), false));
    QVERIFY(outsider.connectTo(m_server->port(), false));
    QVERIFY(owner.signUp(QStringLiteral("owner")) > 0);
    QVERIFY(outsider.signUp(QStringLiteral("outsider")) > 0);
    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("secret"));
    const qint64 group =
        owner.request(create).value(QLatin1String("conversation")).toMap().value(QLatin1String("id")).toInteger();
    QVERIFY(group > 0);
    QCOMPARE(RawClient::errorCode(outsider.sendText(group, QStringLiteral("let me in"))), QStringLiteral("forbidden"));
    QCborMap history = typed("history");
    history.insert(QLatin1String("conversation"), group);
    QCOMPARE(RawClient::errorCode(outsider.request(history)), QStringLiteral("forbidden"));
    QCborMap add = typed("group_add");
    add.insert(QLatin1String("conversation"), group);
    add.insert(QLatin1String("user"), 1);
    QCOMPARE(RawClient::errorCode(outsider.request(add)), QStringLiteral("forbidden"));
    history.insert(QLatin1String("conversation"), 999999);
    QCOMPARE(RawClient::errorCode(outsider.request(history)), QStringLiteral("not_found"));
    QVERIFY(outsider.isConnected());
}

void tst_BadInput::badCredentialsGivesNoHint()
{
    RawClient client;
    QVERIFY(client.connectTo(m_server->port(), false));
    client.hello();
    const QCborMap wrongPassword = client.login(QStringLiteral("bystander"), QStringLiteral("not-the-password"));
    const QCborMap unknownUser = client.login(QStringLiteral("nobody-here"), QStringLiteral("password123"));
    QCOMPARE(RawClient::errorCode(wrongPassword), QStringLiteral("bad_credentials"));
    QCOMPARE(RawClient::errorCode(unknownUser), QStringLiteral("bad_credentials"));
    QCOMPARE(wrongPassword.value(QLatin1String("message")), unknownUser.value(QLatin1String("message")));
    // Case-insensitive usernames: the right password under another case logs in.
    QCOMPARE(
        client.login(QStringLiteral("BYSTANDER"), QStringLiteral("password123")).value(QLatin1String("t")).toString(),
        QStringLiteral("ok"));
}

void tst_BadInput::badReferences()
{
    RawClient client;
    QVERIFY(client.connectTo(m_server->port(), false));
    const qint64 me = client.signUp(QStringLiteral("refs"));
    QVERIFY(me > 0);
    QCborMap open = typed("open_private");
    open.insert(QLatin1String("user"), me);
    QCOMPARE(RawClient::errorCode(client.request(open)), QStringLiteral("invalid_argument")); // yourself
    open.insert(QLatin1String("user"), 999999);
    QCOMPARE(RawClient::errorCode(client.request(open)), QStringLiteral("not_found"));
    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("g"));
    create.insert(QLatin1String("members"), QCborArray{999999});
    QCOMPARE(RawClient::errorCode(client.request(create)), QStringLiteral("not_found"));
    create.insert(QLatin1String("members"), QCborArray{});
    create.insert(QLatin1String("name"), QStringLiteral("   "));
    QCOMPARE(RawClient::errorCode(client.request(create)), QStringLiteral("invalid_argument"));
    QCborMap history = typed("history");
    history.insert(QLatin1String("conversation"), 1);
    history.insert(QLatin1String("limit"), 501);
    QCOMPARE(RawClient::errorCode(client.request(history)), QStringLiteral("invalid_argument"));
    QCborMap send = typed("send");
    send.insert(QLatin1String("conversation"), 1);
    send.insert(QLatin1String("client_msg_id"), QByteArray(16, '\0'));
    send.insert(QLatin1String("text"), QStringLiteral("x"));
    QCOMPARE(RawClient::errorCode(client.request(send)), QStringLiteral("invalid_argument")); // null UUID
    send.insert(QLatin1String("client_msg_id"), QStringLiteral("not bytes"));
    QCOMPARE(RawClient::errorCode(client.request(send)), QStringLiteral("invalid_argument"));
    QVERIFY(client.isConnected());
}

void tst_BadInput::bystanderStillServed()
{
    expectBystanderServed();
    QVERIFY(m_bystander->isConnected());
}

QTEST_GUILESS_MAIN(tst_BadInput)
#include "tst_badinput.moc"
