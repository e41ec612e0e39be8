// Recall and edit end to end (docs/protocol.md, "Recall and edit"): three users of a group on a real SQLite file,
// live pushes, a second device, an offline member's sync, a server restart, every refusal, and the file of a
// recalled message no longer downloadable.
#include "protocolframes.h"
#include "rawclient.h"
#include "testserver.h"

#include <QCborArray>
#include <QCryptographicHash>
#include <QDateTime>
#include <QTest>
#include <QUuid>

using namespace lanchat;
using namespace lanchat::test;

namespace {

// Generous: these waits end as soon as the frame is there; the bound only turns a hang into a failure.
constexpr int kWaitMs = 60000;

QCborMap action(const char* type, qint64 conversation, qint64 seq, const QString& text = {})
{
    QCborMap m = typed(type);
    m.insert(QLatin1String("conversation"), conversation);
    m.insert(QLatin1String("seq"), seq);
    if (type == QLatin1String("edit"))
        m.insert(QLatin1String("text"), text);
    return m;
}

qint64 seqOf(const QCborMap& reply)
{
    return reply.value(QLatin1String("seq")).toInteger();
}

QList<QCborMap> messagesOf(const QCborMap& reply)
{
    QList<QCborMap> list;
    for (const QCborValue& v : reply.value(QLatin1String("messages")).toArray())
        list.append(v.toMap());
    return list;
}

/** The message @p seq in a history or sync reply; empty when absent. */
QCborMap find(const QCborMap& reply, qint64 seq)
{
    for (const QCborMap& m : messagesOf(reply)) {
        if (seqOf(m) == seq)
            return m;
    }
    return {};
}

} // namespace

class tst_MessageActions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void recallReachesEveryDeviceAndHistory();
    void editKeepsOnlyTheLatestText();
    void refusals_data();
    void refusals();
    void malformedRequestsAreRefused();
    void ownerRecallsAnyMessageAtAnyTime();
    void recallingTwiceAnswersTheFirstRecord();
    void windowsExpire();
    void offlineMemberSyncsInOrderAndAfterRestart();
    void recalledFileIsNotDownloadable();

private:
    std::unique_ptr<RawClient> client(const QString& username);
    QCborMap history(RawClient& c) { return c.request(historyRequest(), kWaitMs); }
    QCborMap historyRequest() const;

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_alice; // the group's owner
    std::unique_ptr<RawClient> m_bob;
    std::unique_ptr<RawClient> m_carol;
    qint64 m_group = 0;
};

void tst_MessageActions::init()
{
    ServerConfig config = TestServer::openSignUp();
    if (QByteArray(QTest::currentTestFunction()) == "windowsExpire") {
        config.recallWindowSeconds = 0;
        config.editWindowSeconds = 0;
    }
    m_server = std::make_unique<TestServer>(false, config);
    QVERIFY(m_server->start());
    m_alice = client(QStringLiteral("alice"));
    m_bob = client(QStringLiteral("bob"));
    m_carol = client(QStringLiteral("carol"));
    QVERIFY(m_alice && m_bob && m_carol);
    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("Team"));
    create.insert(QLatin1String("members"), QCborArray{m_bob->userId(), m_carol->userId()});
    m_group = conversationId(m_alice->request(create, kWaitMs));
    QVERIFY(m_group > 0);
}

void tst_MessageActions::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_carol.reset();
    m_server.reset();
}

std::unique_ptr<RawClient> tst_MessageActions::client(const QString& username)
{
    auto c = std::make_unique<RawClient>();
    if (!c->connectTo(m_server->port(), false) || c->signUp(username) <= 0)
        return nullptr;
    return c;
}

QCborMap tst_MessageActions::historyRequest() const
{
    QCborMap m = typed("history");
    m.insert(QLatin1String("conversation"), m_group);
    return m;
}

void tst_MessageActions::recallReachesEveryDeviceAndHistory()
{
    auto bobPhone = client(QStringLiteral("bob"));
    QVERIFY(bobPhone);
    const qint64 seq = seqOf(m_bob->sendText(m_group, QStringLiteral("wrong chat, sorry")));
    QVERIFY(seq > 0);
    m_carol->clearPushes();
    bobPhone->clearPushes();

    const QCborMap reply = m_bob->request(action("recall", m_group, seq), kWaitMs);
    QCOMPARE(frameType(reply), QStringLiteral("ok"));
    const qint64 recordSeq = seqOf(reply);
    QVERIFY(recordSeq > seq);
    for (RawClient* device : {m_carol.get(), bobPhone.get(), m_alice.get()}) {
        QCborMap push;
        QVERIFY(RawClient::waitUntil(
            [&] {
                push = device->waitPush(QStringLiteral("message"), 100);
                return push.value(QLatin1String("kind")).toString() == QLatin1String("recall");
            },
            kWaitMs));
        QCOMPARE(seqOf(push), recordSeq);
        QCOMPARE(push.value(QLatin1String("target")).toInteger(), seq);
        QCOMPARE(push.value(QLatin1String("sender")).toInteger(), m_bob->userId());
        QVERIFY(!push.contains(QLatin1String("text")));
    }
    // History holds the message in its current state, and no record of its own.
    const QCborMap h = history(*m_carol);
    const QCborMap recalled = find(h, seq);
    QCOMPARE(recalled.value(QLatin1String("recalled_by")).toInteger(), m_bob->userId());
    QVERIFY(!recalled.contains(QLatin1String("text")));
    QVERIFY(find(h, recordSeq).isEmpty());
    QVERIFY(!QCborValue(h).toDiagnosticNotation().contains(QLatin1String("wrong chat")));
}

void tst_MessageActions::editKeepsOnlyTheLatestText()
{
    const qint64 seq = seqOf(m_bob->sendText(m_group, QStringLiteral("meeting at 3")));
    m_carol->clearPushes();
    QCOMPARE(frameType(m_bob->request(action("edit", m_group, seq, QStringLiteral("meeting at 4")), kWaitMs)),
             QStringLiteral("ok"));
    const QCborMap second = m_bob->request(action("edit", m_group, seq, QStringLiteral("meeting at 5")), kWaitMs);
    QCOMPARE(frameType(second), QStringLiteral("ok"));
    QCborMap push = m_carol->waitPush(QStringLiteral("message"), kWaitMs);
    QCOMPARE(push.value(QLatin1String("kind")).toString(), QStringLiteral("edit"));
    QCOMPARE(push.value(QLatin1String("target")).toInteger(), seq);
    QCOMPARE(push.value(QLatin1String("text")).toString(), QStringLiteral("meeting at 4"));
    push = m_carol->waitPush(QStringLiteral("message"), kWaitMs);
    QCOMPARE(push.value(QLatin1String("text")).toString(), QStringLiteral("meeting at 5"));

    const QCborMap edited = find(history(*m_carol), seq);
    QCOMPARE(edited.value(QLatin1String("text")).toString(), QStringLiteral("meeting at 5"));
    QVERIFY(edited.value(QLatin1String("edited")).toInteger() > 0);
    // A device syncing later reads the latest text in every record: never a replaced version.
    QCborMap sync = typed("sync");
    sync.insert(QLatin1String("since"), seq - 1);
    const QString all = QCborValue(m_carol->request(sync, kWaitMs)).toDiagnosticNotation();
    QVERIFY(!all.contains(QLatin1String("meeting at 3")));
    QVERIFY(!all.contains(QLatin1String("meeting at 4")));
}

void tst_MessageActions::refusals_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("target"); // "bob": Bob's message, "system": the group_created line, "none"
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::newRow("recall someone else's") << "carol"
                                           << "recall"
                                           << "bob"
                                           << ""
                                           << "forbidden";
    QTest::newRow("edit someone else's") << "carol"
                                         << "edit"
                                         << "bob"
                                         << "x"
                                         << "forbidden";
    QTest::newRow("owner edits someone else's") << "alice"
                                                << "edit"
                                                << "bob"
                                                << "x"
                                                << "forbidden";
    QTest::newRow("recall, not a member") << "dave"
                                          << "recall"
                                          << "bob"
                                          << ""
                                          << "forbidden";
    QTest::newRow("edit, not a member") << "dave"
                                        << "edit"
                                        << "bob"
                                        << "x"
                                        << "forbidden";
    QTest::newRow("no such message") << "bob"
                                     << "recall"
                                     << "none"
                                     << ""
                                     << "not_found";
    QTest::newRow("empty text") << "bob"
                                << "edit"
                                << "bob"
                                << " "
                                << "invalid_argument";
    QTest::newRow("owner recalls a system line") << "alice"
                                                 << "recall"
                                                 << "system"
                                                 << ""
                                                 << "invalid_argument";
}

void tst_MessageActions::refusals()
{
    QFETCH(QString, who);
    QFETCH(QString, type);
    QFETCH(QString, target);
    QFETCH(QString, text);
    QFETCH(QString, code);
    const qint64 bobs = seqOf(m_bob->sendText(m_group, QStringLiteral("original")));
    const qint64 system = seqOf(messagesOf(history(*m_alice)).constLast());
    auto dave = client(QStringLiteral("dave"));
    QVERIFY(dave);
    RawClient* c = who == QLatin1String("alice")   ? m_alice.get()
                   : who == QLatin1String("bob")   ? m_bob.get()
                   : who == QLatin1String("carol") ? m_carol.get()
                                                   : dave.get();
    const qint64 seq = target == QLatin1String("bob") ? bobs : target == QLatin1String("system") ? system : bobs + 1000;
    const QCborMap reply = c->request(action(type.toLatin1().constData(), m_group, seq, text), kWaitMs);
    QCOMPARE(errorCodeOf(reply), code);
    // Nothing changed, and the relay serves on.
    QCOMPARE(find(history(*m_carol), bobs).value(QLatin1String("text")).toString(), QStringLiteral("original"));
    QCOMPARE(frameType(m_carol->sendText(m_group, QStringLiteral("still here"))), QStringLiteral("ok"));
}

void tst_MessageActions::malformedRequestsAreRefused()
{
    QCborMap wrongType = typed("recall");
    wrongType.insert(QLatin1String("conversation"), m_group);
    wrongType.insert(QLatin1String("seq"), QStringLiteral("1"));
    QCOMPARE(errorCodeOf(m_bob->request(wrongType, kWaitMs)), QStringLiteral("invalid_argument"));
    QCborMap noText = typed("edit");
    noText.insert(QLatin1String("conversation"), m_group);
    noText.insert(QLatin1String("seq"), 1);
    QCOMPARE(errorCodeOf(m_bob->request(noText, kWaitMs)), QStringLiteral("invalid_argument"));
    QCborMap tooLong = noText;
    tooLong.insert(QLatin1String("text"), QString(65537, QLatin1Char('x')));
    QCOMPARE(errorCodeOf(m_bob->request(tooLong, kWaitMs)), QStringLiteral("invalid_argument"));
    QCOMPARE(frameType(m_bob->sendText(m_group, QStringLiteral("still connected"))), QStringLiteral("ok"));
}

void tst_MessageActions::ownerRecallsAnyMessageAtAnyTime()
{
    const qint64 seq = seqOf(m_carol->sendText(m_group, QStringLiteral("off-topic")));
    const QCborMap reply = m_alice->request(action("recall", m_group, seq), kWaitMs);
    QCOMPARE(frameType(reply), QStringLiteral("ok"));
    QCOMPARE(find(history(*m_bob), seq).value(QLatin1String("recalled_by")).toInteger(), m_alice->userId());
    // Recalled is final: the sender cannot edit it back.
    QCOMPARE(errorCodeOf(m_carol->request(action("edit", m_group, seq, QStringLiteral("x")), kWaitMs)),
             QStringLiteral("recalled"));
}

void tst_MessageActions::recallingTwiceAnswersTheFirstRecord()
{
    const qint64 seq = seqOf(m_bob->sendText(m_group, QStringLiteral("twice")));
    const QCborMap first = m_bob->request(action("recall", m_group, seq), kWaitMs);
    const QCborMap second = m_bob->request(action("recall", m_group, seq), kWaitMs);
    QCOMPARE(frameType(second), QStringLiteral("ok"));
    QCOMPARE(seqOf(second), seqOf(first));
}

void tst_MessageActions::windowsExpire()
{
    // Both windows are 0 s here: once the clock has moved on, the sender's own message is out of them.
    const QCborMap sent = m_bob->sendText(m_group, QStringLiteral("too late"));
    const qint64 ts = sent.value(QLatin1String("ts")).toInteger();
    QVERIFY(RawClient::waitUntil([ts] { return QDateTime::currentMSecsSinceEpoch() > ts; }, kWaitMs));
    QCOMPARE(errorCodeOf(m_bob->request(action("recall", m_group, seqOf(sent)), kWaitMs)),
             QStringLiteral("window_expired"));
    QCOMPARE(errorCodeOf(m_bob->request(action("edit", m_group, seqOf(sent), QStringLiteral("x")), kWaitMs)),
             QStringLiteral("window_expired"));
    // The owner's recall knows no window.
    QCOMPARE(frameType(m_alice->request(action("recall", m_group, seqOf(sent)), kWaitMs)), QStringLiteral("ok"));
}

void tst_MessageActions::offlineMemberSyncsInOrderAndAfterRestart()
{
    const qint64 bobId = m_bob->userId();
    const qint64 before = seqOf(m_bob->sendText(m_group, QStringLiteral("carol was here")));
    m_carol.reset(); // offline
    const qint64 edited = seqOf(m_bob->sendText(m_group, QStringLiteral("draft v1")));
    const qint64 editRecord =
        seqOf(m_bob->request(action("edit", m_group, edited, QStringLiteral("final v2")), kWaitMs));
    const qint64 recalled = seqOf(m_bob->sendText(m_group, QStringLiteral("secret")));
    const qint64 recallRecord = seqOf(m_bob->request(action("recall", m_group, recalled), kWaitMs));
    QVERIFY(before < edited && edited < editRecord && editRecord < recalled && recalled < recallRecord);

    for (int round = 0; round < 2; ++round) {
        if (round == 1) { // the same after a restart, from the SQLite file
            m_alice.reset();
            m_bob.reset();
            QVERIFY(m_server->restart());
        }
        auto carol = client(QStringLiteral("carol"));
        QVERIFY(carol);
        QCborMap sync = typed("sync");
        sync.insert(QLatin1String("since"), before);
        const QCborMap page = carol->request(sync, kWaitMs);
        QList<qint64> order;
        for (const QCborMap& m : messagesOf(page))
            order.append(seqOf(m));
        QCOMPARE(order, (QList<qint64>{edited, editRecord, recalled, recallRecord}));
        QCOMPARE(find(page, edited).value(QLatin1String("text")).toString(), QStringLiteral("final v2"));
        QCOMPARE(find(page, editRecord).value(QLatin1String("kind")).toString(), QStringLiteral("edit"));
        QCOMPARE(find(page, recalled).value(QLatin1String("recalled_by")).toInteger(), bobId);
        QCOMPARE(find(page, recallRecord).value(QLatin1String("target")).toInteger(), recalled);
        const QString all = QCborValue(page).toDiagnosticNotation();
        QVERIFY(!all.contains(QLatin1String("secret")));
        QVERIFY(!all.contains(QLatin1String("draft v1")));
        const QCborMap h = history(*carol);
        QVERIFY(find(h, recalled).contains(QLatin1String("recalled_by")));
        QVERIFY(find(h, recallRecord).isEmpty());
    }
}

void tst_MessageActions::recalledFileIsNotDownloadable()
{
    const QByteArray content = randomBytes(1000);
    const QByteArray sha = QCryptographicHash::hash(content, QCryptographicHash::Sha256);
    QCborMap offer = typed("file_offer");
    offer.insert(QLatin1String("conversation"), m_group);
    offer.insert(QLatin1String("client_msg_id"), QUuid::createUuid().toRfc4122());
    offer.insert(QLatin1String("name"), QStringLiteral("plan.txt"));
    offer.insert(QLatin1String("size"), content.size());
    offer.insert(QLatin1String("sha256"), sha);
    const QCborMap offered = m_bob->request(offer, kWaitMs);
    QCOMPARE(frameType(offered), QStringLiteral("ok"));
    QCborMap chunk = typed("file_chunk");
    chunk.insert(QLatin1String("transfer"), offered.value(QLatin1String("transfer")));
    chunk.insert(QLatin1String("offset"), 0);
    chunk.insert(QLatin1String("data"), content);
    const QCborMap done = m_bob->request(chunk, kWaitMs);
    QVERIFY(done.value(QLatin1String("complete")).toBool());
    const qint64 seq = seqOf(done);
    QCborMap read = typed("file_read");
    read.insert(QLatin1String("conversation"), m_group);
    read.insert(QLatin1String("sha256"), sha);
    read.insert(QLatin1String("offset"), 0);
    read.insert(QLatin1String("length"), 1000);
    QCOMPARE(m_carol->request(read, kWaitMs).value(QLatin1String("data")).toByteArray(), content);

    QCOMPARE(frameType(m_bob->request(action("recall", m_group, seq), kWaitMs)), QStringLiteral("ok"));
    QCOMPARE(errorCodeOf(m_carol->request(read, kWaitMs)), QStringLiteral("recalled"));
    const QCborMap recalled = find(history(*m_carol), seq);
    QVERIFY(!recalled.contains(QLatin1String("file")));
    QCOMPARE(recalled.value(QLatin1String("kind")).toString(), QStringLiteral("file"));
}

QTEST_GUILESS_MAIN(tst_MessageActions)
#include "tst_messageactions.moc"
