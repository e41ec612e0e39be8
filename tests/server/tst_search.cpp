// Full-text search end to end (docs/protocol.md 14), what matches: three users on a real SQLite file over loopback.
// Chinese runs found as substrings, Latin words by prefix, full-width = half-width, files by name, the excerpt,
// the filters, paging, bad input and FTS syntax as plain text.
#include "protocol.h"
#include "protocolframes.h"
#include "searchfixture.h"

#include <QDateTime>
#include <QTest>

using namespace lanchat;
using namespace lanchat::test;

namespace {

// Characters of context the server keeps before a match in a cut excerpt (SearchSnippet::kLeadChars).
constexpr int kLead = 20;

} // namespace

class tst_Search : public QObject, protected SearchFixture
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(setUp()); }
    void cleanup() { tearDown(); }
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
};

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
    QCOMPARE(errorCodeOf(m_alice->request(request, kSearchWaitMs)), QStringLiteral("invalid_argument"));
    // The session keeps working.
    QCOMPARE(frameType(m_alice->request(searchRequest(QStringLiteral("报告")), kSearchWaitMs)), QStringLiteral("ok"));
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
    const QCborMap reply = m_bob->request(searchRequest(query), kSearchWaitMs);
    QCOMPARE(frameType(reply), QStringLiteral("ok"));
    QCOMPARE(reply.value(QLatin1String("hits")).toArray().size(), hits);
}

QTEST_GUILESS_MAIN(tst_Search)
#include "tst_search.moc"
