// The search index below the relay: the tokenizer (ICU folding, one token per ideograph), the MATCH expressions the
// query builder makes (never the user's syntax), excerpts, the query plan (the FTS5 index drives every search),
// appends through a detached group commit, and `check` finding a damaged index.

#include "searchindex.h"
#include "searchquery.h"
#include "searchsnippet.h"
#include "searchtokenizer.h"
#include "sqlitestorage.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QVariant>

#include <sqlite3.h>

using namespace lanchat;

namespace {

QStringList terms(const QString& text)
{
    QStringList list;
    for (const SearchToken& token : SearchTokenizer::tokenize(QStringView(text)))
        list.append(QString::fromStdString(token.term));
    return list;
}

/** A connection of the test's own to @p path with the tokenizer registered, as every server connection has. */
class RawConnection
{
public:
    explicit RawConnection(const QString& path)
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
            db.setDatabaseName(path);
            if (!db.open())
                return;
            const QVariant handle = db.driver()->handle();
            m_ok = SearchTokenizer::registerWith(*static_cast<sqlite3* const*>(handle.constData()), nullptr);
        }
    }
    ~RawConnection() { QSqlDatabase::removeDatabase(m_name); }
    bool isOpen() const { return m_ok; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name); }

private:
    QString m_name = QStringLiteral("tst_searchindex-") + QUuid::createUuid().toString();
    bool m_ok = false;
};

} // namespace

class tst_SearchIndex : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void tokens_data();
    void tokens();
    void tokenOffsetsPointIntoTheText();
    void matchExpressions_data();
    void matchExpressions();
    void queryIsCutAt256Characters();
    void snippets_data();
    void snippets();
    void queryPlanUsesTheIndex_data();
    void queryPlanUsesTheIndex();
    void detachedCommitAppendsAreIndexed();
    void checkFindsADamagedIndex();

private:
    Seq append(const QString& text, ConversationId conversation = {});

    QTemporaryDir m_dir;
    std::unique_ptr<SqliteStorage> m_storage;
    UserId m_alice;
    UserId m_bob;
    ConversationId m_chat;
};

void tst_SearchIndex::init()
{
    QString error;
    m_storage = SqliteStorage::open(m_dir.filePath(QStringLiteral("search.db")), &error);
    QVERIFY2(m_storage, qPrintable(error));
    QCOMPARE(m_storage->createUser(QStringLiteral("alice"), QStringLiteral("Alice"), "x", &m_alice),
             CreateUserResult::Created);
    QCOMPARE(m_storage->createUser(QStringLiteral("bob"), QStringLiteral("Bob"), "x", &m_bob),
             CreateUserResult::Created);
    m_chat = m_storage->privateConversation(m_alice, m_bob, true);
    QVERIFY(m_chat.isValid());
}

void tst_SearchIndex::cleanup()
{
    m_storage.reset();
    QFile::remove(m_dir.filePath(QStringLiteral("search.db")));
}

Seq tst_SearchIndex::append(const QString& text, ConversationId conversation)
{
    const auto stored = m_storage->appendMessage(
        {conversation.isValid() ? conversation : m_chat, m_alice, QUuid::createUuid(), MessageKind::Text, text, {}});
    return stored ? stored->seq : 0;
}

void tst_SearchIndex::tokens_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("Han: one token each") << QStringLiteral("开会了") << QStringList{"开", "会", "了"};
    QTest::newRow("words folded") << QStringLiteral("Deployment, Q3!") << QStringList{"deployment", "q3"};
    QTest::newRow("full-width") << QStringLiteral("ＱＡ　Ｑ３") << QStringList{"qa", "q3"};
    QTest::newRow("mixed without spaces") << QStringLiteral("Q3报告v2") << QStringList{"q3", "报", "告", "v2"};
    QTest::newRow("half-width katakana") << QStringLiteral("ｶﾀｶﾅ") << QStringList{"カ", "タ", "カ", "ナ"};
    QTest::newRow("prolonged sound mark") << QStringLiteral("ラーメン") << QStringList{"ラ", "ー", "メ", "ン"};
    QTest::newRow("Hangul") << QStringLiteral("회의") << QStringList{"회", "의"};
    QTest::newRow("case folding beyond ASCII")
        << QStringLiteral("STRASSE Straße ΣΊΣΥΦΟΣ") << QStringList{"strasse", "strasse", "σίσυφοσ"};
    QTest::newRow("combining mark stays in the word")
        << QStringLiteral("cafe\u0301 re\u0301sume\u0301") << QStringList{"café", "résumé"};
    QTest::newRow("punctuation and symbols separate")
        << QStringLiteral("a-b_c.d/e+f \"g\" (h) *i* 【报告】😀")
        << QStringList{"a", "b", "c", "d", "e", "f", "g", "h", "i", "报", "告"};
    QTest::newRow("circled digit") << QStringLiteral("①号") << QStringList{"1", "号"};
    QTest::newRow("only symbols") << QStringLiteral("\"*()-^: ，。！") << QStringList{};
}

void tst_SearchIndex::tokens()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(terms(text), expected);
}

void tst_SearchIndex::tokenOffsetsPointIntoTheText()
{
    const QString text = QStringLiteral("Ａ报 deploy");
    const QByteArray utf8 = text.toUtf8();
    const std::vector<SearchToken> tokens = SearchTokenizer::tokenize(QStringView(text));
    QCOMPARE(tokens.size(), size_t(3));
    QStringList sources;
    for (const SearchToken& token : tokens)
        sources.append(QString::fromUtf8(utf8.mid(token.start, token.end - token.start)));
    QCOMPARE(sources, (QStringList{"Ａ", "报", "deploy"}));
    QVERIFY(!tokens[0].ideograph && tokens[1].ideograph && !tokens[2].ideograph);
}

void tst_SearchIndex::matchExpressions_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expression");
    QTest::newRow("Han run: one phrase") << QStringLiteral("季度报告") << QStringLiteral("c : (\"季 度 报 告\")");
    QTest::newRow("separated Han: two phrases") << QStringLiteral("报 告") << QStringLiteral("c : (\"报\" AND \"告\")");
    QTest::newRow("word: prefix") << QStringLiteral("Deploy") << QStringLiteral("c : (\"deploy\"*)");
    QTest::newRow("mixed") << QStringLiteral("Q3报告") << QStringLiteral("c : (\"q3\"* AND \"报 告\")");
    QTest::newRow("quotes are text") << QStringLiteral("\"a\" \"\"") << QStringLiteral("c : (\"a\"*)");
    QTest::newRow("NEAR is a word") << QStringLiteral("NEAR(a b)")
                                    << QStringLiteral("c : (\"near\"* AND \"a\"* AND \"b\"*)");
    QTest::newRow("operators are words") << QStringLiteral("x OR -y NOT z*")
                                         << QStringLiteral(
                                                "c : (\"x\"* AND \"or\"* AND \"y\"* AND \"not\"* AND \"z\"*)");
    QTest::newRow("column syntax is text")
        << QStringLiteral("body:x {name}") << QStringLiteral("c : (\"body\"* AND \"x\"* AND \"name\"*)");
    QTest::newRow("nothing to find") << QStringLiteral("\"*()-") << QString();
}

void tst_SearchIndex::matchExpressions()
{
    QFETCH(QString, query);
    QFETCH(QString, expression);
    QCOMPARE(SearchQuery(query).matchExpression(QStringLiteral("c")), expression);
    QCOMPARE(SearchQuery(query).isEmpty(), expression.isEmpty());
}

void tst_SearchIndex::queryIsCutAt256Characters()
{
    // 255 ideographs, a space, then a word: the word is past the 256th character and ignored.
    const SearchQuery query(QString(QString(255, u'报') + QStringLiteral(" deploy")));
    QCOMPARE(query.parts().size(), size_t(1));
    QCOMPARE(query.parts().front().terms.size(), size_t(255));
    // Characters outside the BMP count once.
    const SearchQuery emoji(QString(QString(255, u'x').prepend(QStringLiteral("😀")) + QStringLiteral("y")));
    QCOMPARE(emoji.parts().front().terms.front().size(), size_t(255));
}

void tst_SearchIndex::snippets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("pieces");
    QTest::newRow("Han inside") << QStringLiteral("季度报告草稿") << QStringLiteral("报告")
                                << QStringList{"季度", "报告", "草稿"};
    QTest::newRow("at the start") << QStringLiteral("报告好了") << QStringLiteral("报告")
                                  << QStringList{"", "报告", "好了"};
    QTest::newRow("at the end") << QStringLiteral("看报告") << QStringLiteral("报告") << QStringList{"看", "报告"};
    QTest::newRow("prefix marks the whole word")
        << QStringLiteral("Deployment done") << QStringLiteral("deploy") << QStringList{"", "Deployment", " done"};
    QTest::newRow("every part, every occurrence") << QStringLiteral("Q3 报告, q3 again") << QStringLiteral("q3 报告")
                                                  << QStringList{"", "Q3", " ", "报告", ", ", "q3", " again"};
    QTest::newRow("full-width text") << QStringLiteral("ＱＡ通过") << QStringLiteral("qa")
                                     << QStringList{"", "ＱＡ", "通过"};
    QTest::newRow("protocol.md example") << QStringLiteral("Deploying the Q3 build") << QStringLiteral("deploy q3")
                                         << QStringList{"", "Deploying", " the ", "Q3", " build"};
    QTest::newRow("across punctuation in the text")
        << QStringLiteral("报、告") << QStringLiteral("报告") << QStringList{"", "报、告"};
    QTest::newRow("no match") << QStringLiteral("abc") << QStringLiteral("xyz") << QStringList{"abc"};
}

void tst_SearchIndex::snippets()
{
    QFETCH(QString, text);
    QFETCH(QString, query);
    QFETCH(QStringList, pieces);
    QCOMPARE(SearchSnippet::make(text, SearchQuery(query)), pieces);
}

void tst_SearchIndex::queryPlanUsesTheIndex_data()
{
    QTest::addColumn<QString>("match");
    QTest::newRow("one Han character") << QStringLiteral("{body name} : (\"会\")");
    QTest::newRow("two Han characters") << QStringLiteral("{body name} : (\"报 告\")");
    QTest::newRow("one conversation") << QStringLiteral("conv : \"c1\" AND {body name} : (\"会\")");
}

void tst_SearchIndex::queryPlanUsesTheIndex()
{
    QFETCH(QString, match);
    QVERIFY(append(QStringLiteral("开会了")) > 0);
    RawConnection raw(m_storage->path());
    QVERIFY(raw.isOpen());
    QSqlQuery plan(raw.db());
    QVERIFY(plan.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + QLatin1String(SearchIndex::kSearchSql)));
    const QVariantList values{match, 1000, m_alice.value(), 0, 0, 0, qint64(1) << 60, 21};
    for (int i = 0; i < values.size(); ++i)
        plan.bindValue(i, values.at(i));
    QVERIFY(plan.exec());
    QStringList lines;
    while (plan.next())
        lines.append(plan.value(3).toString());
    qInfo().noquote() << "EXPLAIN QUERY PLAN (" << match << "):\n " << lines.join(QStringLiteral("\n  "));
    // The FTS5 index is the outer loop, in rowid order (no sort), and each hit's row is read by its key.
    QVERIFY(lines.value(0).startsWith(QLatin1String("SCAN message_search VIRTUAL TABLE INDEX")));
    QVERIFY(lines.join(u'\n').contains(QLatin1String("SEARCH m USING INTEGER PRIMARY KEY (rowid=?)")));
    QVERIFY(!lines.join(u'\n').contains(QLatin1String("TEMP B-TREE FOR ORDER BY")));
    for (const QString& line : lines)
        QVERIFY2(!line.startsWith(QLatin1String("SCAN m ")) && line != QLatin1String("SCAN m"), qPrintable(line));
}

void tst_SearchIndex::detachedCommitAppendsAreIndexed()
{
    NewMessage message{m_chat, m_bob, QUuid::createUuid(), MessageKind::Text, QStringLiteral("批量提交的消息"), {}};
    std::unique_ptr<DetachedCommit> commit = m_storage->detachCommit({message});
    QVERIFY(commit);
    commit->run();
    m_storage->attachCommit(*commit);
    QVERIFY(commit->committed());
    SearchMessages request;
    request.query = QStringLiteral("提交");
    const std::optional<SearchPage> page = m_storage->search(m_alice, request);
    QVERIFY(page);
    QCOMPARE(page->hits.size(), 1);
    QCOMPARE(page->hits.at(0).message.seq, commit->results().value(0)->seq);
    QVERIFY(m_storage->checkIntegrity().isEmpty());
}

void tst_SearchIndex::checkFindsADamagedIndex()
{
    QVERIFY(append(QStringLiteral("好的")) > 0);
    QVERIFY(m_storage->checkIntegrity().isEmpty());
    {
        RawConnection raw(m_storage->path());
        QVERIFY(raw.isOpen());
        QSqlQuery ghost(raw.db());
        // An index row for a message that does not exist: what a write around the triggers would leave.
        QVERIFY(ghost.exec(QStringLiteral(
            "INSERT INTO message_search (rowid, body, name, conv) VALUES (999999, 'ghost', NULL, 'c1')")));
    }
    const QStringList problems = m_storage->checkIntegrity();
    QVERIFY2(!problems.isEmpty(), "check found nothing");
    qInfo() << problems;
}

QTEST_GUILESS_MAIN(tst_SearchIndex)
#include "tst_searchindex.moc"
