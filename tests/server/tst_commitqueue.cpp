// The pipelined group commit (server/commitqueue.*) over a real SQLite file: appends queued while a commit
// runs on the commit thread go into the next batch, results come back in order with strictly increasing
// seqs, a resend inside one batch is answered with the original seq, and a write made with begin() while a
// commit runs waits for it and lands in the next batch.

#include "commitqueue.h"
#include "sqlitestorage.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace lanchat;

class tst_CommitQueue : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void appendsGatherIntoFewCommitsInOrder();
    void resendInOneBatchGetsTheOriginal();
    void writesBesideARunningCommitLandNext();
    void drainDeliversEverythingBeforeReturning();

private:
    NewMessage message(const QString& text, QUuid id = QUuid::createUuid()) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteStorage> m_storage;
    std::unique_ptr<CommitQueue> m_commits;
    UserId m_alice;
    UserId m_bob;
    ConversationId m_chat;
};

void tst_CommitQueue::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_storage = SqliteStorage::open(m_dir->filePath(QStringLiteral("lanchat.db")), &error);
    QVERIFY2(m_storage, qPrintable(error));
    QCOMPARE(m_storage->createUser(QStringLiteral("alice"), QStringLiteral("Alice"), "hash", &m_alice),
             CreateUserResult::Created);
    QCOMPARE(m_storage->createUser(QStringLiteral("bob"), QStringLiteral("Bob"), "hash", &m_bob),
             CreateUserResult::Created);
    m_chat = m_storage->privateConversation(m_alice, m_bob, true);
    QVERIFY(m_chat.isValid());
    m_commits = std::make_unique<CommitQueue>(*m_storage);
}

void tst_CommitQueue::cleanup()
{
    m_commits.reset();
    m_storage.reset();
    m_dir.reset();
}

NewMessage tst_CommitQueue::message(const QString& text, QUuid id) const
{
    NewMessage m;
    m.conversation = m_chat;
    m.sender = m_alice;
    m.clientMsgId = id;
    m.text = text;
    return m;
}

void tst_CommitQueue::appendsGatherIntoFewCommitsInOrder()
{
    constexpr int kTurns = 50;
    constexpr int kPerTurn = 40;
    QList<Seq> seqs;
    int failures = 0;
    // Each turn queues its appends and returns to the event loop, as the relay's socket thread does, while
    // earlier batches may still be committing.
    for (int turn = 0; turn < kTurns; ++turn) {
        for (int i = 0; i < kPerTurn; ++i) {
            m_commits->append(message(QStringLiteral("m%1.%2").arg(turn).arg(i)),
                              [&](const std::optional<AppendResult>& r) {
                                  if (r && !r->duplicate)
                                      seqs.append(r->seq);
                                  else
                                      ++failures;
                              });
        }
        QCoreApplication::processEvents();
    }
    QTRY_COMPARE_WITH_TIMEOUT(seqs.size() + failures, kTurns * kPerTurn, 20000);
    QCOMPARE(failures, 0);
    for (qsizetype i = 1; i < seqs.size(); ++i)
        QVERIFY2(seqs[i] > seqs[i - 1], "callbacks run in append order, seqs strictly increase");
    QVERIFY(m_commits->commitCount() <= kTurns); // never more than one commit per turn, often fewer
    const QList<MessageRecord> stored = m_storage->history(m_chat, 0, kTurns * kPerTurn + 1);
    QCOMPARE(stored.size(), kTurns * kPerTurn);
    QCOMPARE(stored.first().text, QStringLiteral("m%1.%2").arg(kTurns - 1).arg(kPerTurn - 1));
}

void tst_CommitQueue::resendInOneBatchGetsTheOriginal()
{
    const QUuid id = QUuid::createUuid();
    std::optional<AppendResult> first;
    std::optional<AppendResult> resend;
    m_commits->append(message(QStringLiteral("once"), id), [&](const auto& r) { first = r; });
    m_commits->append(message(QStringLiteral("once"), id), [&](const auto& r) { resend = r; });
    QTRY_VERIFY(first && resend);
    QVERIFY(!first->duplicate);
    QVERIFY(resend->duplicate);
    QCOMPARE(resend->seq, first->seq);
    QCOMPARE(resend->timestampMs, first->timestampMs);
    QCOMPARE(m_storage->history(m_chat, 0, 10).size(), 1);
}

void tst_CommitQueue::writesBesideARunningCommitLandNext()
{
    std::optional<AppendResult> appended;
    for (int i = 0; i < 500; ++i)
        m_commits->append(message(QStringLiteral("bulk %1").arg(i)), [&](const auto& r) { appended = r; });
    m_commits->flush(); // starts the batch on the commit thread now
    // The next write waits for that commit inside begin(), then joins the following batch.
    QVERIFY(m_commits->begin());
    QVERIFY(m_storage->setReadSeq(m_chat, m_bob, 1));
    bool readCommitted = false;
    m_commits->afterCommit([&](bool ok) { readCommitted = ok; });
    QTRY_VERIFY(appended && readCommitted);
    const std::optional<ConversationInfo> info = m_storage->conversation(m_chat, m_bob);
    QVERIFY(info);
    QCOMPARE(info->readSeq, 1);
}

void tst_CommitQueue::drainDeliversEverythingBeforeReturning()
{
    int delivered = 0;
    for (int i = 0; i < 100; ++i) {
        m_commits->append(message(QStringLiteral("last %1").arg(i)), [&](const auto& r) { delivered += r ? 1 : 0; });
        if (i == 50)
            m_commits->flush(); // one batch running, one pending
    }
    m_commits->drain();
    QCOMPARE(delivered, 100);
    QVERIFY(!m_commits->isCommitting());
}

QTEST_GUILESS_MAIN(tst_CommitQueue)
#include "tst_commitqueue.moc"
