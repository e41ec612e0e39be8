// MessageSearch against the real relay in-process (127.0.0.1, port 0, SQLite in a QTemporaryDir): pages of hits
// with names and marked excerpts, the next page on demand, an answer to an older query dropped while a newer one
// is on its way, typing debounced into one request, and refusals (forbidden, rate_limited) reported as ErrorCode.
// No sleeps: QSignalSpy::wait and QTRY_* only.
#include "chatclient.h"
#include "clientconnection.h"
#include "clientsteps.h"
#include "messagesearch.h"
#include "messagesmodel.h"
#include "modelroles.h"
#include "protocol.h"
#include "searchresultsmodel.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 20000;

/** Sends @p texts from @p client into @p conversation and waits until all are stored. */
bool sendAll(ChatClient& client, ConversationId conversation, const QStringList& texts)
{
    MessagesModel* model = client.messages(conversation);
    const int before = model->storedCount();
    for (const QString& text : texts)
        client.sendText(conversation, text);
    return QTest::qWaitFor([&] { return model->storedCount() == before + int(texts.size()); }, kWaitMs);
}

/** Waits for the search to settle on a page or a refusal; true on a page. */
bool settle(MessageSearch& search)
{
    QSignalSpy page(&search, &MessageSearch::pageLoaded);
    QSignalSpy failed(&search, &MessageSearch::failed);
    if (search.status() == MessageSearch::Status::Searching)
        search.searchNow();
    if (search.status() == MessageSearch::Status::Searching)
        (void)QTest::qWaitFor([&] { return page.size() + failed.size() > 0; }, kWaitMs);
    return search.status() == MessageSearch::Status::Ready;
}

QStringList texts(const SearchResultsModel* model)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->index(row).data(Qt::DisplayRole).toString());
    return out;
}

} // namespace

class tst_SearchClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void initTestCase();
    void cleanupTestCase();
    void unavailableUntilLoggedIn();
    void pagesNewestFirstWithNamesAndMarks();
    void olderAnswerIsDropped();
    void typingIsDebouncedIntoOneRequest();
    void filtersNarrowTheHits();
    void forbiddenConversationIsReported();
    void rateLimitIsReported();

private:
    std::unique_ptr<TestServer> m_relay;
    std::unique_ptr<ChatClient> m_alice;
    std::unique_ptr<ChatClient> m_bob;
    std::unique_ptr<ChatClient> m_carol;
    ConversationId m_aliceBob;
    ConversationId m_bobCarol;
};

void tst_SearchClient::initTestCase()
{
    m_relay = std::make_unique<TestServer>(false);
    QVERIFY(m_relay->start());
    m_alice = newClient();
    m_bob = newClient();
    m_carol = newClient();
    QVERIFY(enter(*m_alice, *m_relay, QStringLiteral("alice"), true));
    QVERIFY(enter(*m_bob, *m_relay, QStringLiteral("bob"), true));
    QVERIFY(enter(*m_carol, *m_relay, QStringLiteral("carol"), true));
    m_aliceBob = openPrivate(*m_alice, m_bob->currentUser().id);
    m_bobCarol = openPrivate(*m_bob, m_carol->currentUser().id);
    QVERIFY(m_aliceBob.isValid() && m_bobCarol.isValid());
    QStringList reports;
    for (int i = 0; i < 25; ++i)
        reports.append(QStringLiteral("季度报告草稿 %1").arg(i));
    QVERIFY(sendAll(*m_alice, m_aliceBob, reports));
    QVERIFY(sendAll(*m_bob, m_aliceBob, {QStringLiteral("alpha deployment"), QStringLiteral("beta release")}));
    QVERIFY(sendAll(*m_bob, m_bobCarol, {QStringLiteral("secret 报告 for carol")}));
}

void tst_SearchClient::init()
{
    // A relay built without the search part announces no `search`: then there is nothing to test against here.
    if (!m_alice->connection()->serverFeatures().contains(QLatin1String(protocol::kFeatureSearch)))
        QSKIP("the relay does not announce the search feature");
}

void tst_SearchClient::cleanupTestCase()
{
    m_carol.reset();
    m_bob.reset();
    m_alice.reset();
    m_relay.reset();
}

void tst_SearchClient::unavailableUntilLoggedIn()
{
    auto dave = newClient();
    MessageSearch search(dave.get());
    QCOMPARE(search.status(), MessageSearch::Status::Unavailable);
    QVERIFY(!search.isAvailable());
    search.setQuery(QStringLiteral("报告"));
    QCOMPARE(search.status(), MessageSearch::Status::Unavailable);
    QSignalSpy available(&search, &MessageSearch::availabilityChanged);
    QVERIFY(enter(*dave, *m_relay, QStringLiteral("dave"), true));
    QCOMPARE(available.size(), 1);
    QVERIFY(search.isAvailable());
    // The query typed while offline is asked once the server is there: dave is in no conversation, so no hits.
    QVERIFY(settle(search));
    QCOMPARE(search.results()->rowCount(), 0);
}

void tst_SearchClient::pagesNewestFirstWithNamesAndMarks()
{
    MessageSearch search(m_bob.get());
    QAbstractItemModelTester tester(search.results(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    search.setQuery(QStringLiteral("报告"));
    QVERIFY(settle(search));
    const SearchResultsModel* results = search.results();
    QCOMPARE(results->rowCount(), protocol::kDefaultSearchLimit);
    QVERIFY(search.hasMore());
    // Newest first: bob's message to carol, then alice's reports from the last down.
    QCOMPARE(results->index(0).data(roles::SearchHitConversationId).toLongLong(), m_bobCarol.value());
    QCOMPARE(results->index(0).data(roles::SearchHitConversationTitle).toString(), QStringLiteral("CAROL"));
    QCOMPARE(results->index(1).data(roles::SearchHitSenderName).toString(), QStringLiteral("ALICE"));
    QCOMPARE(results->index(1).data(roles::SearchHitConversationTitle).toString(), QStringLiteral("ALICE"));
    QCOMPARE(results->index(1).data(Qt::DisplayRole).toString(), QStringLiteral("季度报告草稿 24"));
    QCOMPARE(results->index(1).data(roles::SearchHitKind).toInt(), int(MessageKind::Text));
    const QStringList snippet = results->index(1).data(roles::SearchHitSnippet).toStringList();
    QVERIFY2(snippet.size() >= 2 && snippet.at(1) == QStringLiteral("报告"), qPrintable(snippet.join(u'|')));
    for (int row = 1; row < results->rowCount(); ++row) {
        QVERIFY(results->index(row).data(roles::SearchHitSeq).toLongLong() <
                results->index(row - 1).data(roles::SearchHitSeq).toLongLong());
    }

    // The next page: the rest, and the end.
    QVERIFY(results->canFetchMore({}));
    QSignalSpy page(&search, &MessageSearch::pageLoaded);
    search.results()->fetchMore({});
    QVERIFY(search.isLoadingMore());
    search.loadMore(); // one page on its way at a time
    QVERIFY(page.wait(kWaitMs));
    QCOMPARE(results->rowCount(), 26);
    QCOMPARE(results->index(25).data(Qt::DisplayRole).toString(), QStringLiteral("季度报告草稿 0"));
    if (search.hasMore()) { // "more" may be said when the page ended exactly at the last hit: the next is empty
        search.loadMore();
        QVERIFY(page.wait(kWaitMs));
    }
    QCOMPARE(results->rowCount(), 26);
    QVERIFY(!search.hasMore());
    QVERIFY(!results->canFetchMore({}));
}

void tst_SearchClient::olderAnswerIsDropped()
{
    MessageSearch search(m_bob.get());
    QSignalSpy page(&search, &MessageSearch::pageLoaded);
    search.setQuery(QStringLiteral("alpha"));
    search.searchNow();
    // The answer to "alpha" is on its way (it comes first on the one connection) when the user types on.
    search.setQuery(QStringLiteral("beta"));
    search.searchNow();
    QVERIFY(page.wait(kWaitMs));
    QCOMPARE(page.size(), 1);
    QCOMPARE(texts(search.results()), QStringList{QStringLiteral("beta release")});
    // A third query makes the same round trip; "alpha" never showed up in between.
    search.setQuery(QStringLiteral("deploy"));
    QVERIFY(settle(search));
    QCOMPARE(page.size(), 2);
    QCOMPARE(texts(search.results()), QStringList{QStringLiteral("alpha deployment")});
}

void tst_SearchClient::typingIsDebouncedIntoOneRequest()
{
    MessageSearch search(m_bob.get());
    search.setDebounceMs(60 * 1000); // nothing is asked by the timer during this test
    QSignalSpy page(&search, &MessageSearch::pageLoaded);
    QSignalSpy status(&search, &MessageSearch::statusChanged);
    for (const QString& typed : {QStringLiteral("r"), QStringLiteral("re"), QStringLiteral("rel")})
        search.setQuery(typed);
    QCOMPARE(search.status(), MessageSearch::Status::Searching);
    QCOMPARE(search.results()->rowCount(), 0);
    search.searchNow();
    QVERIFY(page.wait(kWaitMs));
    QCOMPARE(page.size(), 1);
    QCOMPARE(texts(search.results()), QStringList{QStringLiteral("beta release")});
    // Idle → Searching → Ready: no page in between.
    QCOMPARE(status.size(), 2);
    // Clearing the field drops the hits at once, without asking.
    search.setQuery(QString());
    QCOMPARE(search.status(), MessageSearch::Status::Idle);
    QCOMPARE(search.results()->rowCount(), 0);
}

void tst_SearchClient::filtersNarrowTheHits()
{
    MessageSearch search(m_bob.get());
    search.setQuery(QStringLiteral("报告"));
    QVERIFY(settle(search));
    QCOMPARE(search.results()->rowCount(), protocol::kDefaultSearchLimit);
    search.setConversation(m_bobCarol);
    QVERIFY(settle(search));
    QCOMPARE(texts(search.results()), QStringList{QStringLiteral("secret 报告 for carol")});
    search.setConversation(ConversationId());
    search.setSender(m_bob->currentUser().id);
    QVERIFY(settle(search));
    QCOMPARE(texts(search.results()), QStringList{QStringLiteral("secret 报告 for carol")});
    search.setSender(UserId());
    // A range that ended before any message: nothing; one in the future: nothing either.
    search.setTimeRange(1, 2);
    QVERIFY(settle(search));
    QCOMPARE(search.results()->rowCount(), 0);
    search.setTimeRange(QDateTime::currentMSecsSinceEpoch() + 3600 * 1000, 0);
    QVERIFY(settle(search));
    QCOMPARE(search.results()->rowCount(), 0);
    search.setTimeRange(0, 0);
    search.setFilesOnly(true);
    QVERIFY(settle(search));
    QCOMPARE(search.results()->rowCount(), 0); // no file is called 报告 here
}

void tst_SearchClient::forbiddenConversationIsReported()
{
    MessageSearch search(m_alice.get());
    QSignalSpy failed(&search, &MessageSearch::failed);
    search.setConversation(m_bobCarol); // alice is no member of it
    search.setQuery(QStringLiteral("报告"));
    QVERIFY(!settle(search));
    QCOMPARE(search.status(), MessageSearch::Status::Failed);
    QCOMPARE(search.error(), ErrorCode::Forbidden);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).value<ErrorCode>(), ErrorCode::Forbidden);
    QCOMPARE(search.results()->rowCount(), 0);
}

void tst_SearchClient::rateLimitIsReported()
{
    ServerConfig config = TestServer::openSignUp();
    config.maxRequestsPerSecond = 1;
    config.requestBurst = 40;
    TestServer relay(false, config);
    QVERIFY(relay.start());
    auto erin = newClient();
    QVERIFY(enter(*erin, relay, QStringLiteral("erin"), true));
    MessageSearch search(erin.get());
    // Far more requests than the bucket holds, faster than it refills: the last one is refused.
    for (int i = 0; i < 80; ++i) {
        search.setQuery(QStringLiteral("report %1").arg(i));
        search.searchNow();
    }
    QVERIFY(!settle(search));
    QCOMPARE(search.error(), ErrorCode::RateLimited);
}

QTEST_GUILESS_MAIN(tst_SearchClient)
#include "tst_searchclient.moc"
