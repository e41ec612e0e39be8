// Full-text search end to end (docs/protocol.md 14): three users on a real SQLite file over loopback. Chinese runs
// found as substrings, Latin words by prefix, full-width = half-width, files by name, the filters, paging, bad
// input and FTS syntax as plain text, membership, recall, edit, removal from a group, retention and the
// search_index switch.
#include "adminrunner.h"
#include "messages/filemessages.h"
#include "messages/searchmessages.h"
#include "protocol.h"
#include "protocolframes.h"
#include "rawclient.h"
#include "sha256.h"
#include "storage/storage.h"
#include "testserver.h"

#include <QCborArray>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace lanchat;
using namespace lanchat::test;

namespace {

// Generous: these waits end as soon as the frame is there; the bound only turns a hang into a failure.
constexpr int kWaitMs = 60000;
// Characters of context the server keeps before a match in a cut excerpt (SearchSnippet::kLeadChars).
constexpr int kLead = 20;

QCborMap searchRequest(const QString& query, qint64 conversation = 0)
{
    SearchMessages request;
    request.query = query;
    request.conversation = ConversationId(conversation);
    return request.encode();
}

qint64 seqOf(const QCborMap& reply)
{
    return reply.value(QLatin1String("seq")).toInteger();
}

} // namespace

class tst_Search : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void matches_data();
    void matches();
    void snippetMarksTheMatch();
    void longTextSnippetIsCut();
    void filesByName();
    void senderAndDateFilters();
    void paging();
    void invalidRequests_data();
    void invalidRequests();
    void syntaxIsPlainText_data();
    void syntaxIsPlainText();
    void membership();
    void recalledMessageIsNotFound();
    void editedMessageFoundByNewTextOnly();
    void removedMemberNoLongerFinds();
    void retentionRemovesHits();
    void pruneAndCheckCommands();
    void indexSwitchedOffAndOn();

private:
    std::unique_ptr<RawClient> client(const QString& username);
    /** The feature flags of the server's welcome. */
    QCborArray features();
    /** @p c's search @p request, decoded; fails the test on an error reply. */
    SearchPage search(RawClient& c, const QCborMap& request);
    QList<qint64> seqs(RawClient& c, const QCborMap& request);
    qint64 send(RawClient& c, const QString& text, qint64 conversation = 0);
    qint64 uploadFile(RawClient& c, const QString& name);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawClient> m_alice; // the group's owner
    std::unique_ptr<RawClient> m_bob;
    std::unique_ptr<RawClient> m_carol;
    std::unique_ptr<RawClient> m_dave; // in no conversation with the others
    qint64 m_group = 0;
};

void tst_Search::init()
{
    m_server = std::make_unique<TestServer>(false);
    QVERIFY(m_server->start());
    m_alice = client(QStringLiteral("alice"));
    m_bob = client(QStringLiteral("bob"));
    m_carol = client(QStringLiteral("carol"));
    m_dave = client(QStringLiteral("dave"));
    QVERIFY(m_alice && m_bob && m_carol && m_dave);
    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("Team"));
    create.insert(QLatin1String("members"), QCborArray{m_bob->userId(), m_carol->userId()});
    m_group = conversationId(m_alice->request(create, kWaitMs));
    QVERIFY(m_group > 0);
}

void tst_Search::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_carol.reset();
    m_dave.reset();
    m_server.reset();
}

std::unique_ptr<RawClient> tst_Search::client(const QString& username)
{
    auto c = std::make_unique<RawClient>();
    if (!c->connectTo(m_server->port(), false) || c->signUp(username) <= 0)
        return nullptr;
    return c;
}

QCborArray tst_Search::features()
{
    RawClient c;
    if (!c.connectTo(m_server->port(), false))
        return {};
    return c.hello().value(QLatin1String("features")).toArray();
}

SearchPage tst_Search::search(RawClient& c, const QCborMap& request)
{
    const QCborMap reply = c.request(request, kWaitMs);
    QString error;
    const std::optional<SearchPage> page = SearchPage::decode(reply, &error);
    if (frameType(reply) != QLatin1String("ok") || !page) {
        qWarning() << "search failed:" << reply << error;
        return SearchPage{{}, true};
    }
    return *page;
}

QList<qint64> tst_Search::seqs(RawClient& c, const QCborMap& request)
{
    QList<qint64> list;
    for (const SearchHit& hit : search(c, request).hits)
        list.append(hit.message.seq);
    return list;
}

qint64 tst_Search::send(RawClient& c, const QString& text, qint64 conversation)
{
    return seqOf(c.sendText(conversation ? conversation : m_group, text));
}

qint64 tst_Search::uploadFile(RawClient& c, const QString& name)
{
    const QByteArray content = randomBytes(100);
    const FileOffer offer{ConversationId(m_group), QUuid::createUuid(), name, content.size(), Sha256::hash(content)};
    const auto accepted = FileOfferOk::decode(c.request(offer.encode(), kWaitMs), nullptr);
    if (!accepted || accepted->complete)
        return 0;
    const auto done =
        FileChunkOk::decode(c.request(FileChunk{accepted->transfer, 0, content}.encode(), kWaitMs), nullptr);
    return done && done->complete ? done->seq : 0;
}

void tst_Search::matches_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("found"); // newest first

    const QString meeting = QStringLiteral("开会了");
    const QString draft = QStringLiteral("季度报告草稿");
    const QString deploy = QStringLiteral("Deployment finished at 5pm");
    const QString mixed = QStringLiteral("季度报告: Q3 草稿");
    const QString fullWidth = QStringLiteral("ＱＡ 回归测试通过");
    QTest::newRow("one Han character inside a word") << QStringLiteral("会") << QStringList{meeting};
    QTest::newRow("two Han characters") << QStringLiteral("报告") << QStringList{mixed, draft};
    QTest::newRow("three Han characters") << QStringLiteral("报告草") << QStringList{draft};
    QTest::newRow("English prefix, any case") << QStringLiteral("deploy") << QStringList{deploy};
    QTest::newRow("whole English word") << QStringLiteral("DEPLOYMENT") << QStringList{deploy};
    QTest::newRow("not a prefix") << QStringLiteral("ployment") << QStringList{};
    QTest::newRow("mixed query: every part") << QStringLiteral("Q3 报告") << QStringList{mixed};
    QTest::newRow("mixed query in any order") << QStringLiteral("草稿 q3") << QStringList{mixed};
    QTest::newRow("half-width finds full-width") << QStringLiteral("qa") << QStringList{fullWidth};
    QTest::newRow("full-width finds half-width") << QStringLiteral("ＱＡ") << QStringList{fullWidth};
    QTest::newRow("full-width digit") << QStringLiteral("Ｑ３") << QStringList{mixed};
    QTest::newRow("separated Han: separate parts") << QStringLiteral("告 季") << QStringList{mixed, draft};
    QTest::newRow("Han run not in any text") << QStringLiteral("会报") << QStringList{};
}

void tst_Search::matches()
{
    QFETCH(QString, query);
    QFETCH(QStringList, found);
    for (const QString& text :
         {QStringLiteral("开会了"), QStringLiteral("季度报告草稿"), QStringLiteral("Deployment finished at 5pm"),
          QStringLiteral("季度报告: Q3 草稿"), QStringLiteral("ＱＡ 回归测试通过")})
        QVERIFY(send(*m_alice, text) > 0);
    const SearchPage page = search(*m_bob, searchRequest(query));
    QStringList texts;
    for (const SearchHit& hit : page.hits)
        texts.append(hit.message.text);
    QCOMPARE(texts, found);
    QVERIFY(!page.more);
    // In the one conversation too.
    QCOMPARE(search(*m_carol, searchRequest(query, m_group)).hits.size(), found.size());
}

void tst_Search::snippetMarksTheMatch()
{
    send(*m_alice, QStringLiteral("季度报告草稿已上传"));
    send(*m_alice, QStringLiteral("Deploying the Q3 build; deploy again later"));
    QCOMPARE(search(*m_bob, searchRequest(QStringLiteral("报告"))).hits.value(0).snippet,
             (QStringList{QStringLiteral("季度"), QStringLiteral("报告"), QStringLiteral("草稿已上传")}));
    QCOMPARE(search(*m_bob, searchRequest(QStringLiteral("deploy q3"))).hits.value(0).snippet,
             (QStringList{QString(), QStringLiteral("Deploying"), QStringLiteral(" the "), QStringLiteral("Q3"),
                          QStringLiteral(" build; "), QStringLiteral("deploy"), QStringLiteral(" again later")}));
}

void tst_Search::longTextSnippetIsCut()
{
    const QString before = QString(150, u'前');
    const QString after = QString(150, u'后');
    send(*m_alice, before + QStringLiteral("报告") + after);
    const QStringList snippet = search(*m_bob, searchRequest(QStringLiteral("报告"))).hits.value(0).snippet;
    QCOMPARE(snippet.size(), 3);
    QCOMPARE(snippet.at(0), QStringLiteral("…") + QString(kLead, u'前'));
    QCOMPARE(snippet.at(1), QStringLiteral("报告"));
    QCOMPARE(snippet.at(2), QString(protocol::kSearchSnippetChars - kLead - 2, u'后') + QStringLiteral("…"));
}

void tst_Search::filesByName()
{
    const qint64 file = uploadFile(*m_alice, QStringLiteral("Q3报告.pdf"));
    QVERIFY(file > 0);
    const qint64 text = send(*m_alice, QStringLiteral("报告见附件"));
    QCOMPARE(seqs(*m_bob, searchRequest(QStringLiteral("报告"))), (QList<qint64>{text, file}));
    SearchMessages request;
    request.query = QStringLiteral("报告");
    request.filesOnly = true;
    const SearchPage page = search(*m_bob, request.encode());
    QCOMPARE(page.hits.size(), 1);
    QCOMPARE(page.hits.at(0).message.seq, file);
    QCOMPARE(page.hits.at(0).message.kind, MessageKind::File);
    QCOMPARE(page.hits.at(0).snippet,
             (QStringList{QStringLiteral("Q3"), QStringLiteral("报告"), QStringLiteral(".pdf")}));
    request.query = QStringLiteral("pdf");
    QCOMPARE(search(*m_bob, request.encode()).hits.size(), 1);
    request.query = QStringLiteral("附件"); // a text message's word is no file name
    QCOMPARE(search(*m_bob, request.encode()).hits.size(), 0);
}

void tst_Search::senderAndDateFilters()
{
    const QCborMap first = m_alice->sendText(m_group, QStringLiteral("周报 from alice"));
    const qint64 fromBob = send(*m_bob, QStringLiteral("周报 from bob"));
    const qint64 firstTs = first.value(QLatin1String("ts")).toInteger();
    QVERIFY(firstTs > 0 && fromBob > 0);
    SearchMessages request;
    request.query = QStringLiteral("周报");
    request.sender = UserId(m_bob->userId());
    QCOMPARE(seqs(*m_carol, request.encode()), QList<qint64>{fromBob});
    request.sender = UserId();
    request.untilMs = firstTs; // ts < until_ms: not even the first one
    QCOMPARE(seqs(*m_carol, request.encode()), QList<qint64>{});
    request.untilMs = 0;
    request.sinceMs = firstTs;
    QCOMPARE(seqs(*m_carol, request.encode()).size(), 2);
    request.sinceMs = QDateTime::currentMSecsSinceEpoch() + 3600 * 1000;
    QCOMPARE(seqs(*m_carol, request.encode()), QList<qint64>{});
}

void tst_Search::paging()
{
    QList<qint64> sent;
    for (int i = 0; i < 5; ++i)
        sent.prepend(send(*m_alice, QStringLiteral("第%1次开会").arg(i)));
    SearchMessages request;
    request.query = QStringLiteral("开会");
    request.limit = 2;
    SearchPage page = search(*m_bob, request.encode());
    QCOMPARE(page.hits.size(), 2);
    QVERIFY(page.more);
    QCOMPARE(page.hits.at(0).message.seq, sent.at(0));
    QCOMPARE(page.hits.at(1).message.seq, sent.at(1));
    request.before = sent.at(1);
    page = search(*m_bob, request.encode());
    QCOMPARE(page.hits.size(), 2);
    QVERIFY(page.more);
    QCOMPARE(page.hits.at(0).message.seq, sent.at(2));
    request.before = sent.at(3);
    page = search(*m_bob, request.encode());
    QCOMPARE(page.hits.size(), 1);
    QVERIFY(!page.more);
    QCOMPARE(page.hits.at(0).message.seq, sent.at(4));
    request.before = sent.at(4); // beyond the end: empty
    page = search(*m_bob, request.encode());
    QVERIFY(page.hits.isEmpty());
    QVERIFY(!page.more);
    // The default limit.
    request.before = 0;
    request.limit = 0;
    QCOMPARE(search(*m_bob, request.encode()).hits.size(), 5);
}

void tst_Search::invalidRequests_data()
{
    QTest::addColumn<QCborMap>("request");
    QTest::newRow("no q") << typed("search");
    QTest::newRow("empty q") << searchRequest(QString());
    QTest::newRow("spaces") << searchRequest(QStringLiteral("   \t "));
    QTest::newRow("ideographic space") << searchRequest(QStringLiteral("\u3000\u3000"));
    QCborMap wrongType = searchRequest(QStringLiteral("报告"));
    wrongType.insert(QLatin1String("q"), 5);
    QTest::newRow("q not text") << wrongType;
    QTest::newRow("q too long") << searchRequest(QString(protocol::kMaxSearchQueryBytes + 1, u'a'));
    QCborMap limit = searchRequest(QStringLiteral("报告"));
    limit.insert(QLatin1String("limit"), protocol::kMaxSearchLimit + 1);
    QTest::newRow("limit too large") << limit;
    QCborMap zeroLimit = searchRequest(QStringLiteral("报告"));
    zeroLimit.insert(QLatin1String("limit"), 0);
    QTest::newRow("limit 0") << zeroLimit;
    QCborMap dates = searchRequest(QStringLiteral("报告"));
    dates.insert(QLatin1String("since_ms"), 2000);
    dates.insert(QLatin1String("until_ms"), 2000);
    QTest::newRow("until not after since") << dates;
    QCborMap files = searchRequest(QStringLiteral("报告"));
    files.insert(QLatin1String("files_only"), QStringLiteral("yes"));
    QTest::newRow("files_only not bool") << files;
}

void tst_Search::invalidRequests()
{
    QFETCH(QCborMap, request);
    QCOMPARE(errorCodeOf(m_alice->request(request, kWaitMs)), QStringLiteral("invalid_argument"));
    // The session keeps working.
    QCOMPARE(frameType(m_alice->request(searchRequest(QStringLiteral("报告")), kWaitMs)), QStringLiteral("ok"));
}

void tst_Search::syntaxIsPlainText_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("hits");
    QTest::newRow("quote") << QStringLiteral("\"") << 0;
    QTest::newRow("unbalanced quote") << QStringLiteral("\"deploy") << 1;
    QTest::newRow("quoted phrase") << QStringLiteral("\"报告\"") << 1;
    QTest::newRow("star") << QStringLiteral("*") << 0;
    QTest::newRow("star suffix") << QStringLiteral("depl*") << 1;
    QTest::newRow("NEAR") << QStringLiteral("NEAR(deploy 报告)") << 1; // three words, all in the text
    QTest::newRow("NEAR as a word") << QStringLiteral("near") << 1;
    QTest::newRow("minus") << QStringLiteral("-deploy") << 1;
    QTest::newRow("column filter") << QStringLiteral("body:deploy") << 0;
    QTest::newRow("parentheses") << QStringLiteral("(报告)") << 1;
    QTest::newRow("AND OR NOT") << QStringLiteral("deploy OR NOT AND") << 0;
    QTest::newRow("only symbols") << QStringLiteral("\"*()-^:") << 0;
    QTest::newRow("300 characters") << QString(300, u'报') << 0;
    QTest::newRow("300 characters, the match first") << QStringLiteral("deploy ") + QString(293, u'*') << 1;
    QTest::newRow("emoji and controls") << QStringLiteral("😀\u0001\u200b报告") << 1;
}

void tst_Search::syntaxIsPlainText()
{
    QFETCH(QString, query);
    QFETCH(int, hits);
    send(*m_alice, QStringLiteral("deploy the 报告 near noon"));
    const QCborMap reply = m_bob->request(searchRequest(query), kWaitMs);
    QCOMPARE(frameType(reply), QStringLiteral("ok"));
    QCOMPARE(reply.value(QLatin1String("hits")).toArray().size(), hits);
}

void tst_Search::membership()
{
    const qint64 seq = send(*m_alice, QStringLiteral("内部消息"));
    QVERIFY(seq > 0);
    QCOMPARE(errorCodeOf(m_dave->request(searchRequest(QStringLiteral("内部"), m_group), kWaitMs)),
             QStringLiteral("forbidden"));
    QCOMPARE(errorCodeOf(m_dave->request(searchRequest(QStringLiteral("内部"), m_group + 1000), kWaitMs)),
             QStringLiteral("not_found"));
    QCOMPARE(seqs(*m_dave, searchRequest(QStringLiteral("内部"))), QList<qint64>{});
    // A private conversation is searched by its two members only.
    QCborMap open = typed("open_private");
    open.insert(QLatin1String("user"), m_dave->userId());
    const qint64 chat = conversationId(m_alice->request(open, kWaitMs));
    const qint64 secret = send(*m_alice, QStringLiteral("内部 only for dave"), chat);
    QCOMPARE(seqs(*m_dave, searchRequest(QStringLiteral("内部"))), QList<qint64>{secret});
    QCOMPARE(seqs(*m_bob, searchRequest(QStringLiteral("内部"))), QList<qint64>{seq});
    QCOMPARE(seqs(*m_alice, searchRequest(QStringLiteral("内部"))), (QList<qint64>{secret, seq}));
    QCOMPARE(seqs(*m_alice, searchRequest(QStringLiteral("内部"), chat)), QList<qint64>{secret});
}

void tst_Search::recalledMessageIsNotFound()
{
    const qint64 seq = send(*m_bob, QStringLiteral("密码是 hunter2"));
    QCOMPARE(seqs(*m_carol, searchRequest(QStringLiteral("hunter2"))), QList<qint64>{seq});
    QCborMap recall = typed("recall");
    recall.insert(QLatin1String("conversation"), m_group);
    recall.insert(QLatin1String("seq"), seq);
    QCOMPARE(frameType(m_bob->request(recall, kWaitMs)), QStringLiteral("ok"));
    QCOMPARE(seqs(*m_carol, searchRequest(QStringLiteral("hunter2"))), QList<qint64>{});
    QCOMPARE(seqs(*m_carol, searchRequest(QStringLiteral("密码"))), QList<qint64>{});
    QVERIFY(m_server->server().storage().checkIntegrity().isEmpty());
}

void tst_Search::editedMessageFoundByNewTextOnly()
{
    const qint64 seq = send(*m_bob, QStringLiteral("明天下午三点开会"));
    QCborMap edit = typed("edit");
    edit.insert(QLatin1String("conversation"), m_group);
    edit.insert(QLatin1String("seq"), seq);
    edit.insert(QLatin1String("text"), QStringLiteral("明天上午十点 review"));
    QCOMPARE(frameType(m_bob->request(edit, kWaitMs)), QStringLiteral("ok"));
    QCOMPARE(seqs(*m_carol, searchRequest(QStringLiteral("下午"))), QList<qint64>{});
    const SearchPage page = search(*m_carol, searchRequest(QStringLiteral("上午 review")));
    QCOMPARE(page.hits.size(), 1);
    QCOMPARE(page.hits.at(0).message.seq, seq);
    QCOMPARE(page.hits.at(0).message.text, QStringLiteral("明天上午十点 review"));
    // The Edit record itself is never a hit.
    QCOMPARE(seqs(*m_carol, searchRequest(QStringLiteral("明天"))), QList<qint64>{seq});
    QVERIFY(m_server->server().storage().checkIntegrity().isEmpty());
}

void tst_Search::removedMemberNoLongerFinds()
{
    const qint64 seq = send(*m_alice, QStringLiteral("年终奖方案"));
    QCOMPARE(seqs(*m_carol, searchRequest(QStringLiteral("年终奖"))), QList<qint64>{seq});
    QCborMap remove = typed("group_remove");
    remove.insert(QLatin1String("conversation"), m_group);
    remove.insert(QLatin1String("user"), m_carol->userId());
    QCOMPARE(frameType(m_alice->request(remove, kWaitMs)), QStringLiteral("ok"));
    QCOMPARE(seqs(*m_carol, searchRequest(QStringLiteral("年终奖"))), QList<qint64>{});
    QCOMPARE(errorCodeOf(m_carol->request(searchRequest(QStringLiteral("年终奖"), m_group), kWaitMs)),
             QStringLiteral("forbidden"));
    QCOMPARE(seqs(*m_bob, searchRequest(QStringLiteral("年终奖"))), QList<qint64>{seq});
}

void tst_Search::retentionRemovesHits()
{
    const qint64 seq = send(*m_alice, QStringLiteral("旧的公告"));
    QCOMPARE(seqs(*m_bob, searchRequest(QStringLiteral("公告"))), QList<qint64>{seq});
    Storage& storage = m_server->server().storage();
    QVERIFY(storage.checkIntegrity().isEmpty());
    // What the retention job and `prune` run: every message older than the cut-off goes, with its index rows.
    QVERIFY(storage.deleteMessagesBefore(QDateTime::currentMSecsSinceEpoch() + 1000) >= 1);
    QCOMPARE(seqs(*m_bob, searchRequest(QStringLiteral("公告"))), QList<qint64>{});
    QVERIFY2(storage.checkIntegrity().isEmpty(), qPrintable(storage.checkIntegrity().join(u'\n')));
    const qint64 fresh = send(*m_alice, QStringLiteral("新的公告"));
    QCOMPARE(seqs(*m_bob, searchRequest(QStringLiteral("公告"))), QList<qint64>{fresh});
}

void tst_Search::pruneAndCheckCommands()
{
    const qint64 old = send(*m_alice, QStringLiteral("去年的计划"));
    const qint64 recent = send(*m_alice, QStringLiteral("今年的计划"));
    QCOMPARE(seqs(*m_bob, searchRequest(QStringLiteral("计划"))), (QList<qint64>{recent, old}));
    {
        // Eleven days old (ts is no indexed column: the triggers stay out of this).
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("age"));
        db.setDatabaseName(m_server->config().databasePath());
        QVERIFY(db.open());
        QSqlQuery age(db);
        QVERIFY(age.exec(QStringLiteral("UPDATE messages SET ts = ts - 11 * 86400000 WHERE seq = %1").arg(old)));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("age"));
    const AdminRunner::Result pruned =
        AdminRunner(m_server->dataDir(), {QStringLiteral("retention_days=10")}).run({QStringLiteral("prune")});
    QCOMPARE(pruned.exitCode, 0);
    QCOMPARE(seqs(*m_bob, searchRequest(QStringLiteral("计划"))), QList<qint64>{recent});
    const AdminRunner::Result checked = AdminRunner(m_server->dataDir()).run({QStringLiteral("check")});
    QVERIFY2(checked.exitCode == 0, qPrintable(checked.out + checked.err));
}

void tst_Search::indexSwitchedOffAndOn()
{
    QVERIFY(features().contains(QLatin1String("search")));
    const qint64 seq = send(*m_alice, QStringLiteral("索引开关"));
    m_alice.reset();
    m_bob.reset();
    m_carol.reset();
    m_dave.reset();
    m_server->stop();
    m_server->config().searchIndex = false;
    QVERIFY(m_server->start());
    QVERIFY(!m_server->server().storage().searchIndexEnabled());
    QVERIFY(m_server->server().storage().checkIntegrity().isEmpty());
    m_bob = client(QStringLiteral("bob"));
    QVERIFY(m_bob);
    QVERIFY(!features().contains(QLatin1String("search")));
    QCOMPARE(errorCodeOf(m_bob->request(searchRequest(QStringLiteral("索引")), kWaitMs)),
             QStringLiteral("unknown_type"));
    const qint64 later = send(*m_bob, QStringLiteral("索引关着时发的"));
    QVERIFY(later > seq);
    m_bob.reset();
    m_server->stop();
    m_server->config().searchIndex = true;
    QVERIFY(m_server->start()); // builds the index of everything stored
    QVERIFY(m_server->server().storage().checkIntegrity().isEmpty());
    m_bob = client(QStringLiteral("bob"));
    QVERIFY(m_bob);
    QCOMPARE(seqs(*m_bob, searchRequest(QStringLiteral("索引"))), (QList<qint64>{later, seq}));
}

QTEST_GUILESS_MAIN(tst_Search)
#include "tst_search.moc"
