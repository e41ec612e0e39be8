// ClientConnection against a minimal peer on loopback (a QTcpServer speaking just enough of the
// protocol: welcome, silence, pushes), for what the real relay never does on purpose: stay silent,
// refuse connections, send a push that looks like a reply.

#include "chatclient.h"
#include "clientconnection.h"
#include "framecodec.h"
#include "messages/authmessages.h"
#include "messages/chatmessages.h"
#include "protocol.h"
#include "reconnectbackoff.h"
#include "userinfo.h"

#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace lanchat;

namespace {

const QString kHost = QStringLiteral("127.0.0.1");

/** Accepts connections; answers hello with welcome when @p answer is set, otherwise says nothing. */
class TestPeer : public QObject
{
public:
    explicit TestPeer(bool answer)
        : m_answer(answer)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                m_socket = s;
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onReadyRead(s); });
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    void send(const QCborMap& map) { m_socket->write(FrameCodec::encode(map)); }
    void dropClient() { m_socket->abort(); }
    /** welcome.registration to announce (empty: the field is left out, as an older server does). */
    void setRegistration(const QString& mode) { m_registration = mode; }
    QStringList received;
    QList<QCborMap> frames;

private:
    void onReadyRead(QTcpSocket* s)
    {
        m_codec.append(s->readAll());
        while (auto frame = m_codec.next()) {
            const QString type = frame->map.value(QLatin1String("t")).toString();
            received.append(type);
            frames.append(frame->map);
            if (type == QLatin1String(Hello::kType) && m_answer) {
                Welcome w;
                w.protocol = protocol::kVersion;
                w.server = QStringLiteral("peer");
                w.maxFrame = protocol::kMaxFrameBytes;
                w.registration = m_registration;
                QCborMap reply = w.encode();
                reply.insert(QLatin1String("id"), frame->map.value(QLatin1String("id")));
                send(reply);
            }
        }
    }

    bool m_answer;
    QString m_registration;
    QTcpServer m_server;
    QPointer<QTcpSocket> m_socket;
    FrameCodec m_codec{protocol::kMaxFrameBytes};
};

} // namespace

class tst_ClientConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backoffSequence();
    void backoffDoublesWithJitterUpToTheCap();
    void silentServerIsDroppedByTheHeartbeat();
    void repliesPushesAndTimeoutOnDrop();
    void disconnectStopsReconnecting();
    void fingerprintsAreNormalised();
    void plaintextRefusedToPinnedEndpoint();
    void plaintextRefusedWithPersistedPin();
    void registrationModeFromWelcome();
};

void tst_ClientConnection::backoffSequence()
{
    ReconnectBackoff backoff;
    QCOMPARE(backoff.firstMs(), 1000); // the documented defaults: 1 s doubling to 30 s
    QCOMPARE(backoff.maxMs(), 30000);
    const QList<int> expected{1000, 2000, 4000, 8000, 16000, 30000, 30000};
    for (int round = 0; round < 2; ++round) {
        for (const int base : expected) {
            const int delay = backoff.next();
            QVERIFY2(delay >= base * 8 / 10 && delay <= base * 12 / 10, qPrintable(QString::number(delay)));
        }
        backoff.reset();
    }
    backoff.setDelays(0, -5); // clamped to sane values
    QCOMPARE(backoff.firstMs(), 1);
    QCOMPARE(backoff.maxMs(), 1);
    QVERIFY(backoff.next() >= 1);
}

void tst_ClientConnection::backoffDoublesWithJitterUpToTheCap()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    ClientConnection connection;
    connection.setReconnectDelays(100, 400);
    QList<int> delays;
    connect(&connection, &ClientConnection::stateChanged, this, [&](ClientConnection::State s) {
        if (s == ClientConnection::State::Waiting)
            delays.append(connection.reconnectInMs());
    });
    connection.connectToServer(kHost, closedPort, false);
    QTRY_VERIFY_WITH_TIMEOUT(delays.size() >= 5, 10000);
    connection.disconnectFromServer();
    const QList<int> expected{100, 200, 400, 400, 400};
    for (int i = 0; i < expected.size(); ++i) {
        // ±20 % jitter, plus the 5 % a coarse QTimer may add and a few ms of granularity.
        QVERIFY2(delays.at(i) >= expected.at(i) * 8 / 10 - 10 && delays.at(i) <= expected.at(i) * 126 / 100 + 10,
                 qPrintable(QStringLiteral("attempt %1: %2 ms").arg(i).arg(delays.at(i))));
    }
    QVERIFY(!connection.lastError().isEmpty());
    QCOMPARE(connection.state(), ClientConnection::State::Disconnected);
}

void tst_ClientConnection::silentServerIsDroppedByTheHeartbeat()
{
    TestPeer peer(false);
    ClientConnection connection;
    connection.setHeartbeat(50, 200);
    connection.setReconnectDelays(5000, 5000);
    QSignalSpy disconnected(&connection, &ClientConnection::disconnected);
    connection.connectToServer(kHost, peer.port(), false);
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), ClientConnection::State::Handshaking, 5000);
    QVERIFY(disconnected.wait(5000));
    QCOMPARE(connection.state(), ClientConnection::State::Waiting);
    QCOMPARE(connection.lastError(), QStringLiteral("The server stopped answering."));
    QCOMPARE(peer.received, QStringList{QStringLiteral("hello")});
}

void tst_ClientConnection::repliesPushesAndTimeoutOnDrop()
{
    TestPeer peer(true);
    ClientConnection connection;
    connection.setReconnectDelays(5000, 5000);
    QCOMPARE(connection.request(emptyRequest(msgtype::kUsers), {}), quint64(0)); // not connected
    QSignalSpy ready(&connection, &ClientConnection::ready);
    connection.connectToServer(kHost, peer.port(), false);
    QVERIFY(ready.wait(5000));
    QCOMPARE(connection.serverName(), QStringLiteral("peer"));

    QList<QCborMap> replies;
    const quint64 id = connection.request(emptyRequest(msgtype::kUsers), [&](const QCborMap& r) { replies.append(r); });
    QVERIFY(id > 0);
    // A push whose fields include an `id` (a `user` push) is a push, not the reply to request `id`.
    QCborMap userPush = UserInfo{UserId(qint64(id)), QStringLiteral("u"), QStringLiteral("U"), true}.toCbor();
    userPush.insert(QLatin1String("t"), QLatin1String(msgtype::kUserPush));
    QSignalSpy pushes(&connection, &ClientConnection::pushReceived);
    peer.send(userPush);
    QVERIFY(pushes.wait(5000));
    QCOMPARE(pushes.first().first().value<QCborMap>().value(QLatin1String("username")).toString(), QStringLiteral("u"));
    QVERIFY(replies.isEmpty());

    // The connection drops before the reply: the handler gets the synthetic timeout, exactly once.
    QSignalSpy disconnected(&connection, &ClientConnection::disconnected);
    peer.dropClient();
    QVERIFY(disconnected.wait(5000));
    QCOMPARE(replies.size(), 1);
    QCOMPARE(replies.first().value(QLatin1String("t")).toString(), QStringLiteral("error"));
    QCOMPARE(replies.first().value(QLatin1String("code")).toString(), QStringLiteral("timeout"));
    QCOMPARE(connection.state(), ClientConnection::State::Waiting);
    QVERIFY(connection.reconnectInMs() > 0);
}

void tst_ClientConnection::disconnectStopsReconnecting()
{
    TestPeer peer(true);
    ClientConnection connection;
    connection.setReconnectDelays(10, 10);
    QSignalSpy ready(&connection, &ClientConnection::ready);
    connection.connectToServer(kHost, peer.port(), false);
    QVERIFY(ready.wait(5000));
    connection.disconnectFromServer();
    QCOMPARE(connection.state(), ClientConnection::State::Disconnected);
    QCOMPARE(connection.reconnectInMs(), 0);
}

void tst_ClientConnection::fingerprintsAreNormalised()
{
    ClientConnection connection;
    connection.setPinnedFingerprint(QStringLiteral("Host"), 1, QStringLiteral("AB:CD:01"));
    QCOMPARE(connection.pinnedFingerprint(QStringLiteral("host"), 1), QStringLiteral("abcd01"));
    QCOMPARE(connection.pinnedFingerprint(QStringLiteral("host"), 2), QString());
    connection.setPinnedFingerprint(QStringLiteral("host"), 1, QString());
    QCOMPARE(connection.pinnedFingerprint(QStringLiteral("host"), 1), QString());
}

void tst_ClientConnection::plaintextRefusedToPinnedEndpoint()
{
    TestPeer peer(true);
    ClientConnection pinned;
    pinned.setPinnedFingerprint(kHost, peer.port(), QStringLiteral("ab").repeated(32));
    QVERIFY(!pinned.connectToServer(kHost, peer.port(), false));
    QCOMPARE(pinned.state(), ClientConnection::State::Disconnected);
    QCOMPARE(pinned.reconnectInMs(), 0);
    QVERIFY(!pinned.lastError().isEmpty());

    // Plaintext to an endpoint without a pin (tests, the bench) still works, and is the only hello the peer saw.
    ClientConnection other;
    QSignalSpy ready(&other, &ClientConnection::ready);
    QVERIFY(other.connectToServer(kHost, peer.port(), false));
    QVERIFY(ready.wait(5000));
    QCOMPARE(peer.received, QStringList{QStringLiteral("hello")});
    QCOMPARE(pinned.state(), ClientConnection::State::Disconnected);
}

void tst_ClientConnection::plaintextRefusedWithPersistedPin()
{
    TestPeer peer(true);
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("client.ini")), QSettings::IniFormat);
    {
        ChatClient earlier;
        earlier.setSettings(&settings);
        earlier.setPinnedFingerprint(kHost, peer.port(), QStringLiteral("cd").repeated(32));
    }
    // A later run of the program, told (by a stale setting or a forged discovery answer) to use plaintext.
    ChatClient client;
    client.setSettings(&settings);
    QSignalSpy states(&client, &ChatClient::stateChanged);
    QVERIFY(!client.connectToServer(kHost, peer.port(), false));
    client.login(QStringLiteral("alice"), QStringLiteral("correct horse"));
    QCOMPARE(client.state(), ChatClient::State::Offline);
    QVERIFY(states.isEmpty());
    QVERIFY(!client.lastConnectionError().isEmpty());
    QCOMPARE(client.connection()->state(), ClientConnection::State::Disconnected);
}

void tst_ClientConnection::registrationModeFromWelcome()
{
    TestPeer peer(true);
    peer.setRegistration(QStringLiteral("invite"));
    ChatClient client;
    client.setSettings(nullptr);
    QCOMPARE(client.registration(), ChatClient::Registration::Unknown);
    // The login dialog decides when the state becomes Connected: the mode must be known by then.
    ChatClient::Registration atConnected = ChatClient::Registration::Unknown;
    connect(&client, &ChatClient::stateChanged, this, [&](ChatClient::State state) {
        if (state == ChatClient::State::Connected)
            atConnected = client.registration();
    });
    QSignalSpy changed(&client, &ChatClient::registrationChanged);
    client.connectToServer(kHost, peer.port(), false);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ChatClient::State::Connected, 5000);
    QCOMPARE(atConnected, ChatClient::Registration::Invite);
    QCOMPARE(client.registration(), ChatClient::Registration::Invite);
    QCOMPARE(changed.size(), 1);

    // The invite code goes into register.invite.
    client.registerAccount(QStringLiteral("newbie"), QStringLiteral("correct horse"), QStringLiteral("New"),
                           QStringLiteral("blue-lantern-42"));
    QTRY_VERIFY_WITH_TIMEOUT(peer.received.contains(QStringLiteral("register")), 5000);
    const QCborMap reg = peer.frames.at(peer.received.indexOf(QStringLiteral("register")));
    QCOMPARE(reg.value(QLatin1String("invite")).toString(), QStringLiteral("blue-lantern-42"));
    QCOMPARE(reg.value(QLatin1String("username")).toString(), QStringLiteral("newbie"));

    // Known after the disconnect; an older server that says nothing is Unknown, not Open.
    client.disconnectFromServer();
    QCOMPARE(client.registration(), ChatClient::Registration::Invite);
    TestPeer old(true);
    client.connectToServer(kHost, old.port(), false);
    QCOMPARE(client.registration(), ChatClient::Registration::Unknown);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ChatClient::State::Connected, 5000);
    QCOMPARE(client.registration(), ChatClient::Registration::Unknown);

    TestPeer off(true);
    off.setRegistration(QStringLiteral("off"));
    client.connectToServer(kHost, off.port(), false);
    QTRY_COMPARE_WITH_TIMEOUT(client.registration(), ChatClient::Registration::Off, 5000);
}

QTEST_GUILESS_MAIN(tst_ClientConnection)
#include "tst_clientconnection.moc"
