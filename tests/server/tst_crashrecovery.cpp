// Issue 2's crash test: the real lanchat-server process is SIGKILLed in the middle of a burst of 1,000
// messages, restarted on the same data dir, and every message that had been acked must be in the history
// exactly once (ack after commit, synchronous=FULL, dedup by client_msg_id).

#include "protocolframes.h"
#include "rawclient.h"

#include <QCborArray>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kMessages = 1000;
constexpr int kWindow = 64;
constexpr int kKillAfterAcks = 300;

QCborMap sendRequest(qint64 conversation, const QByteArray& clientMsgId, int n)
{
    QCborMap m = typed("send");
    m.insert(QLatin1String("conversation"), conversation);
    m.insert(QLatin1String("client_msg_id"), clientMsgId);
    m.insert(QLatin1String("text"), QStringLiteral("burst message %1").arg(n));
    return m;
}

} // namespace

class tst_CrashRecovery : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void ackedMessagesSurviveSigkill();
    void sigtermStopsCleanly();

private:
    /** Starts lanchat-server on the data dir; returns its port, 0 on failure. */
    quint16 startServer();
    /** Every message of @p conversation, oldest first, paging with history. */
    QList<QCborMap> fullHistory(RawClient& client, qint64 conversation);

    QString m_binary;
    QTemporaryDir m_dataDir;
    QString m_configPath;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_startupLog;
};

void tst_CrashRecovery::initTestCase()
{
    m_binary = qEnvironmentVariable("LANCHAT_TEST_BINARY_DIR") + QStringLiteral("/server/lanchat-server");
    QVERIFY2(QFile::exists(m_binary), qPrintable(m_binary + QStringLiteral(" missing; run through ctest")));
    QVERIFY(m_dataDir.isValid());
    m_configPath = m_dataDir.filePath(QStringLiteral("test.conf"));
    QFile config(m_configPath);
    QVERIFY(config.open(QIODevice::WriteOnly));
    // A cheap Argon2id cost keeps the test fast; everything else is the shipped default.
    config.write("[server]\nhash_memory_kib=64\nhash_iterations=1\ndiscovery=false\nregistration=open\n");
}

void tst_CrashRecovery::cleanup()
{
    if (m_process) {
        m_process->kill();
        m_process->waitForFinished(5000);
        m_process.reset();
    }
}

quint16 tst_CrashRecovery::startServer()
{
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    m_process->setProcessEnvironment(env);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(m_binary, {QStringLiteral("serve"), QStringLiteral("--config"), m_configPath,
                                QStringLiteral("--data-dir"), m_dataDir.filePath(QStringLiteral("data")),
                                QStringLiteral("--listen"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                                QStringLiteral("0"), QStringLiteral("--insecure-plaintext")});
    static const QRegularExpression listening(QStringLiteral("listening on .* port (\\d+)"));
    QByteArray output;
    quint16 port = 0;
    const bool ok = QTest::qWaitFor(
        [&] {
            output += m_process->readAll();
            const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output));
            if (match.hasMatch())
                port = quint16(match.captured(1).toUInt());
            return port != 0 || m_process->state() == QProcess::NotRunning;
        },
        20000);
    if (!ok || port == 0)
        qWarning("server did not start: %s", output.constData());
    m_startupLog = output;
    return port;
}

QList<QCborMap> tst_CrashRecovery::fullHistory(RawClient& client, qint64 conversation)
{
    QList<QCborMap> all;
    qint64 before = 0;
    for (int page = 0; page < 100; ++page) {
        QCborMap request = typed("history");
        request.insert(QLatin1String("conversation"), conversation);
        request.insert(QLatin1String("limit"), 500);
        if (before > 0)
            request.insert(QLatin1String("before"), before);
        const QCborMap reply = client.request(request);
        const QCborArray messages = reply.value(QLatin1String("messages")).toArray();
        for (const QCborValue& m : messages)
            all.prepend(m.toMap());
        if (!reply.value(QLatin1String("more")).toBool() || messages.isEmpty())
            break;
        before = messages.last().toMap().value(QLatin1String("seq")).toInteger();
    }
    return all;
}

void tst_CrashRecovery::ackedMessagesSurviveSigkill()
{
    quint16 port = startServer();
    QVERIFY(port > 0);
    RawClient alice;
    RawClient bob;
    QVERIFY(alice.connectTo(port, false));
    QVERIFY(bob.connectTo(port, false));
    QVERIFY(alice.signUp(QStringLiteral("alice")) > 0);
    QVERIFY(bob.signUp(QStringLiteral("bob")) > 0);
    QCborMap open = typed("open_private");
    open.insert(QLatin1String("user"), bob.userId());
    const qint64 conversation =
        alice.request(open).value(QLatin1String("conversation")).toMap().value(QLatin1String("id")).toInteger();
    QVERIFY(conversation > 0);

    QList<QByteArray> clientMsgIds;
    for (int i = 0; i < kMessages; ++i)
        clientMsgIds.append(QUuid::createUuid().toRfc4122());
    QHash<quint64, int> inFlight;    // request id → message index
    QHash<QByteArray, qint64> acked; // client_msg_id → seq
    int next = 0;
    while (acked.size() < kKillAfterAcks) {
        while (next < kMessages && inFlight.size() < kWindow) {
            inFlight.insert(alice.send(sendRequest(conversation, clientMsgIds.at(next), next)), next);
            ++next;
        }
        QVERIFY(QTest::qWaitFor([&] { return alice.replyCount() > 0; }, 10000));
        const QHash<quint64, QCborMap> replies = alice.takeReplies();
        for (auto it = replies.cbegin(); it != replies.cend(); ++it) {
            QCOMPARE(it->value(QLatin1String("t")).toString(), QStringLiteral("ok"));
            acked.insert(clientMsgIds.at(inFlight.take(it.key())), it->value(QLatin1String("seq")).toInteger());
        }
    }
    // Mid-burst: refill the window and kill at once, while the server is reading and committing it.
    while (next < kMessages && inFlight.size() < kWindow) {
        inFlight.insert(alice.send(sendRequest(conversation, clientMsgIds.at(next), next)), next);
        ++next;
    }
    QVERIFY(!inFlight.isEmpty());
    m_process->kill(); // SIGKILL
    QVERIFY(m_process->waitForFinished(10000));
    QCOMPARE(m_process->exitStatus(), QProcess::CrashExit);
    qInfo("killed after %d acks with %d requests in flight", int(acked.size()), int(inFlight.size()));

    port = startServer();
    QVERIFY(port > 0);
    RawClient reader;
    QVERIFY(reader.connectTo(port, false));
    QVERIFY(reader.signUp(QStringLiteral("bob")) > 0);
    QList<QCborMap> history = fullHistory(reader, conversation);
    QHash<QByteArray, int> seen;
    for (const QCborMap& m : history)
        ++seen[m.value(QLatin1String("client_msg_id")).toByteArray()];
    for (auto it = acked.cbegin(); it != acked.cend(); ++it)
        QCOMPARE(seen.value(it.key()), 1);
    for (auto it = seen.cbegin(); it != seen.cend(); ++it)
        QCOMPARE(it.value(), 1);
    for (const QCborMap& m : history) {
        const QByteArray id = m.value(QLatin1String("client_msg_id")).toByteArray();
        if (acked.contains(id))
            QCOMPARE(m.value(QLatin1String("seq")).toInteger(), acked.value(id));
    }

    // The client resends everything it has no ack for (and, harmlessly, the rest): still exactly once each.
    RawClient again;
    QVERIFY(again.connectTo(port, false));
    QVERIFY(again.signUp(QStringLiteral("alice")) > 0);
    QList<quint64> ids;
    for (int i = 0; i < kMessages; ++i)
        ids.append(again.send(sendRequest(conversation, clientMsgIds.at(i), i)));
    for (int i = 0; i < kMessages; ++i) {
        const QCborMap ack = again.waitReply(ids.at(i), 20000);
        QCOMPARE(ack.value(QLatin1String("t")).toString(), QStringLiteral("ok"));
        if (acked.contains(clientMsgIds.at(i)))
            QCOMPARE(ack.value(QLatin1String("seq")).toInteger(), acked.value(clientMsgIds.at(i)));
    }
    history = fullHistory(reader, conversation);
    QCOMPARE(history.size(), kMessages);
    for (int i = 1; i < history.size(); ++i)
        QVERIFY(history.at(i - 1).value(QLatin1String("seq")).toInteger() <
                history.at(i).value(QLatin1String("seq")).toInteger());
}

void tst_CrashRecovery::sigtermStopsCleanly()
{
    const quint16 port = startServer();
    QVERIFY(port > 0);
    RawClient alice;
    QVERIFY(alice.connectTo(port, false));
    QVERIFY(alice.signUp(QStringLiteral("alice")) > 0);
    m_process->terminate(); // SIGTERM
    QVERIFY(!alice.waitPush(QStringLiteral("shutdown"), 10000).isEmpty());
    QVERIFY(alice.waitDisconnected(10000));
    QVERIFY(m_process->waitForFinished(10000));
    QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_process->exitCode(), 0);
    const QString log = QString::fromUtf8(m_startupLog + m_process->readAll());
    QVERIFY2(log.contains(QLatin1String("insecure-plaintext")), qPrintable(log)); // the warning at every start
    QVERIFY2(log.contains(QLatin1String("stopped;")), qPrintable(log));
}

QTEST_GUILESS_MAIN(tst_CrashRecovery)
#include "tst_crashrecovery.moc"
