// Full-text search end to end (docs/protocol.md 14), what is never found: conversations one is not in (or no
// longer in), recalled messages, an edit's old text, messages removed by retention or `prune`; `check` on the
// index, and the search_index switch. Three users on a real SQLite file over loopback.
#include "adminrunner.h"
#include "protocolframes.h"
#include "searchfixture.h"
#include "storage/storage.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace lanchat;
using namespace lanchat::test;

class tst_SearchVisibility : public QObject, protected SearchFixture
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(setUp()); }
    void cleanup() { tearDown(); }
    void membership();
    void recalledMessageIsNotFound();
    void editedMessageFoundByNewTextOnly();
    void removedMemberNoLongerFinds();
    void retentionRemovesHits();
    void pruneAndCheckCommands();
    void indexSwitchedOffAndOn();
};

void tst_SearchVisibility::membership()
{
    const qint64 seq = send(*m_alice, QStringLiteral("内部消息"));
    QVERIFY(seq > 0);
    QCOMPARE(errorCodeOf(m_dave->request(searchRequest(QStringLiteral("内部"), m_group), kSearchWaitMs)),
             QStringLiteral("forbidden"));
    QCOMPARE(errorCodeOf(m_dave->request(searchRequest(QStringLiteral("内部"), m_group + 1000), kSearchWaitMs)),
             QStringLiteral("not_found"));
    QCOMPARE(seqs(*m_dave, searchRequest(QStringLiteral("内部"))), QList<qint64>{});
    // A private conversation is searched by its two members only.
    QCborMap open = typed("open_private");
    open.insert(QLatin1String("user"), m_dave->userId());
    const qint64 chat = conversationId(m_alice->request(open, kSearchWaitMs));
    const qint64 secret = send(*m_alice, QStringLiteral("内部 only for dave"), chat);
    QCOMPARE(seqs(*m_dave, searchRequest(QStringLiteral("内部"))), QList<qint64>{secret});
    QCOMPARE(seqs(*m_bob, searchRequest(QStringLiteral("内部"))), QList<qint64>{seq});
    QCOMPARE(seqs(*m_alice, searchRequest(QStringLiteral("内部"))), (QList<qint64>{secret, seq}));
    QCOMPARE(seqs(*m_alice, searchRequest(QStringLiteral("内部"), chat)), QList<qint64>{secret});
}

void tst_SearchVisibility::recalledMessageIsNotFound()
{
    const qint64 seq = send(*m_bob, QStringLiteral("密码是 hunter2"));
    QCOMPARE(seqs(*m_carol, searchRequest(QStringLiteral("hunter2"))), QList<qint64>{seq});
    QCborMap recall = typed("recall");
    recall.insert(QLatin1String("conversation"), m_group);
    recall.insert(QLatin1String("seq"), seq);
    QCOMPARE(frameType(m_bob->request(recall, kSearchWaitMs)), QStringLiteral("ok"));
    QCOMPARE(seqs(*m_carol, searchRequest(QStringLiteral("hunter2"))), QList<qint64>{});
    QCOMPARE(seqs(*m_carol, searchRequest(QStringLiteral("密码"))), QList<qint64>{});
    QVERIFY(m_server->server().storage().checkIntegrity().isEmpty());
}

void tst_SearchVisibility::editedMessageFoundByNewTextOnly()
{
    const qint64 seq = send(*m_bob, QStringLiteral("明天下午三点开会"));
    QCborMap edit = typed("edit");
    edit.insert(QLatin1String("conversation"), m_group);
    edit.insert(QLatin1String("seq"), seq);
    edit.insert(QLatin1String("text"), QStringLiteral("明天上午十点 review"));
    QCOMPARE(frameType(m_bob->request(edit, kSearchWaitMs)), QStringLiteral("ok"));
    QCOMPARE(seqs(*m_carol, searchRequest(QStringLiteral("下午"))), QList<qint64>{});
    const SearchPage page = search(*m_carol, searchRequest(QStringLiteral("上午 review")));
    QCOMPARE(page.hits.size(), 1);
    QCOMPARE(page.hits.at(0).message.seq, seq);
    QCOMPARE(page.hits.at(0).message.text, QStringLiteral("明天上午十点 review"));
    // The Edit record itself is never a hit.
    QCOMPARE(seqs(*m_carol, searchRequest(QStringLiteral("明天"))), QList<qint64>{seq});
    QVERIFY(m_server->server().storage().checkIntegrity().isEmpty());
}

void tst_SearchVisibility::removedMemberNoLongerFinds()
{
    const qint64 seq = send(*m_alice, QStringLiteral("年终奖方案"));
    QCOMPARE(seqs(*m_carol, searchRequest(QStringLiteral("年终奖"))), QList<qint64>{seq});
    QCborMap remove = typed("group_remove");
    remove.insert(QLatin1String("conversation"), m_group);
    remove.insert(QLatin1String("user"), m_carol->userId());
    QCOMPARE(frameType(m_alice->request(remove, kSearchWaitMs)), QStringLiteral("ok"));
    QCOMPARE(seqs(*m_carol, searchRequest(QStringLiteral("年终奖"))), QList<qint64>{});
    QCOMPARE(errorCodeOf(m_carol->request(searchRequest(QStringLiteral("年终奖"), m_group), kSearchWaitMs)),
             QStringLiteral("forbidden"));
    QCOMPARE(seqs(*m_bob, searchRequest(QStringLiteral("年终奖"))), QList<qint64>{seq});
}

void tst_SearchVisibility::retentionRemovesHits()
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

void tst_SearchVisibility::pruneAndCheckCommands()
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

void tst_SearchVisibility::indexSwitchedOffAndOn()
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
    QCOMPARE(errorCodeOf(m_bob->request(searchRequest(QStringLiteral("索引")), kSearchWaitMs)),
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

QTEST_GUILESS_MAIN(tst_SearchVisibility)
#include "tst_searchvisibility.moc"
