// Contract tests of the Storage interface, run against SqliteStorage on a real file in a temporary folder.

#include "sqlitestorage.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace lanchat;

class tst_SqliteStorage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createUserIsCaseInsensitiveUnique();
    void chineseDisplayNameRoundTrips();
    void userUpdates();
    void renameUserRefusesTakenName();
    void deleteUserKeepsMessages();
    void privateConversationOncePerPair();
    void privateConversationRejectsSelf();
    void groupsAndMembership();
    void membersFollowRollbackAndDeletion();
    void groupRolesTransferAndDissolve();
    void removingTheOwnerKeepsTheGroupOwned();
    void membersSeeOtherConnectionsCommits();
    void readSeqMovesForwardOnly();
    void deleteConversationRemovesMessages();
    void appendAssignsIncreasingSeq();
    void appendDeduplicatesResend();
    void backgroundCheckpointsKeepEveryCommit();
    void appendSystemMessagesAreNotDeduplicated();
    void appendToMissingConversationFails();
    void historyPagesNewestFirst();
    void historyAfterAndMessageStayInTheirConversation();
    void messagesSinceOnlyMemberConversations();
    void messagesSinceRespectsLimitAcrossConversations();
    void fileMessageExpiresWithBlob();
    void blobsCrud();
    void uploadsCrud();
    void transactionCommitAndRollback();
    void groupCommitSurvivesFailedWriteInside();
    void dataSurvivesReopen();
    void mentionsSurviveReopen();
    void userStatusesDefaultKeptAndCascade();
    void secondConnectionSharesTheFile();
    void backupAndIntegrity();
    void filesAreOwnerOnly();
    void integrityCheckReportsDanglingRows();
    void countAndDeleteOldMessages();

private:
    UserId addUser(const QString& name);
    std::optional<AppendResult> post(ConversationId conversation, UserId sender, const QString& text,
                                     const QUuid& id = QUuid::createUuid());
    void reopen();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteStorage> m_storage;
    QString m_path;
};

void tst_SqliteStorage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("lanchat.db"));
    QString error;
    m_storage = SqliteStorage::open(m_path, &error);
    QVERIFY2(m_storage, qPrintable(error));
}

void tst_SqliteStorage::cleanup()
{
    m_storage.reset();
    m_dir.reset();
}

UserId tst_SqliteStorage::addUser(const QString& name)
{
    UserId id;
    const CreateUserResult result = m_storage->createUser(name, name + QStringLiteral(" Display"), "hash", &id);
    return result == CreateUserResult::Created ? id : UserId();
}

std::optional<AppendResult> tst_SqliteStorage::post(ConversationId conversation, UserId sender, const QString& text,
                                                    const QUuid& id)
{
    NewMessage message;
    message.conversation = conversation;
    message.sender = sender;
    message.clientMsgId = id;
    message.text = text;
    return m_storage->appendMessage(message);
}

void tst_SqliteStorage::reopen()
{
    m_storage.reset();
    QString error;
    m_storage = SqliteStorage::open(m_path, &error);
    QVERIFY2(m_storage, qPrintable(error));
}

void tst_SqliteStorage::createUserIsCaseInsensitiveUnique()
{
    UserId alice;
    QCOMPARE(m_storage->createUser(QStringLiteral("Alice"), QStringLiteral("Alice A."), "h1", &alice),
             CreateUserResult::Created);
    QVERIFY(alice.isValid());
    UserId other;
    QCOMPARE(m_storage->createUser(QStringLiteral("aLICE"), QStringLiteral("x"), "h2", &other),
             CreateUserResult::UsernameTaken);
    QVERIFY(!other.isValid());

    const std::optional<UserRecord> found = m_storage->userByName(QStringLiteral("ALICE"));
    QVERIFY(found);
    QCOMPARE(found->id, alice);
    QCOMPARE(found->username, QStringLiteral("Alice")); // case as registered
    QCOMPARE(found->passwordHash, QByteArray("h1"));
    QVERIFY(!found->disabled);
    QVERIFY(qAbs(found->createdMs - QDateTime::currentMSecsSinceEpoch()) < 60'000);
    QVERIFY(!m_storage->userByName(QStringLiteral("bob")));
    QVERIFY(!m_storage->userById(UserId(999)));
}

void tst_SqliteStorage::chineseDisplayNameRoundTrips()
{
    const QString name = QStringLiteral("张伟 · 研发部 😀");
    UserId id;
    QCOMPARE(m_storage->createUser(QStringLiteral("zhangwei"), name, "h", &id), CreateUserResult::Created);
    QCOMPARE(m_storage->userById(id)->displayName, name);
    QVERIFY(m_storage->setDisplayName(id, QStringLiteral("王芳")));
    reopen();
    QCOMPARE(m_storage->userByName(QStringLiteral("ZhangWei"))->displayName, QStringLiteral("王芳"));
}

void tst_SqliteStorage::userUpdates()
{
    const UserId bob = addUser(QStringLiteral("bob"));
    const UserId carol = addUser(QStringLiteral("carol"));
    QVERIFY(m_storage->setPasswordHash(bob, "new-hash"));
    QVERIFY(m_storage->setUserDisabled(bob, true));
    QCOMPARE(m_storage->userById(bob)->passwordHash, QByteArray("new-hash"));
    QVERIFY(m_storage->userById(bob)->disabled);
    QVERIFY(m_storage->setUserDisabled(bob, false));
    QVERIFY(!m_storage->userById(bob)->disabled);
    QVERIFY(!m_storage->setPasswordHash(UserId(999), "x"));
    QVERIFY(!m_storage->setDisplayName(UserId(999), QStringLiteral("x")));

    const QList<UserRecord> all = m_storage->users();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).id, bob);
    QCOMPARE(all.at(1).id, carol);
}

void tst_SqliteStorage::renameUserRefusesTakenName()
{
    const UserId bob = addUser(QStringLiteral("bob"));
    addUser(QStringLiteral("carol"));
    QVERIFY(!m_storage->renameUser(bob, QStringLiteral("CAROL")));
    QVERIFY(m_storage->renameUser(bob, QStringLiteral("Bobby")));
    QVERIFY(m_storage->renameUser(bob, QStringLiteral("BOBBY"))); // own name, other case
    QCOMPARE(m_storage->userByName(QStringLiteral("bobby"))->username, QStringLiteral("BOBBY"));
    QVERIFY(!m_storage->userByName(QStringLiteral("bob")));
}

void tst_SqliteStorage::deleteUserKeepsMessages()
{
    const UserId bob = addUser(QStringLiteral("bob"));
    const UserId carol = addUser(QStringLiteral("carol"));
    const ConversationId chat = m_storage->privateConversation(bob, carol, true);
    QVERIFY(post(chat, bob, QStringLiteral("bye")));
    QVERIFY(m_storage->deleteUser(bob));
    QVERIFY(!m_storage->userById(bob));
    QVERIFY(!m_storage->deleteUser(bob));
    QCOMPARE(m_storage->members(chat), QList<UserId>{carol});
    const QList<MessageRecord> history = m_storage->history(chat, 0, 10);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().sender, bob);
}

void tst_SqliteStorage::privateConversationOncePerPair()
{
    const UserId a = addUser(QStringLiteral("a"));
    const UserId b = addUser(QStringLiteral("b"));
    QVERIFY(!m_storage->privateConversation(a, b, false).isValid());
    const ConversationId ab = m_storage->privateConversation(a, b, true);
    QVERIFY(ab.isValid());
    QCOMPARE(m_storage->privateConversation(b, a, true), ab);
    QCOMPARE(m_storage->privateConversation(b, a, false), ab);
    QCOMPARE(m_storage->members(ab), (QList<UserId>{a, b}));

    const std::optional<ConversationInfo> info = m_storage->conversation(ab, a);
    QVERIFY(info);
    QCOMPARE(info->kind, ConversationKind::Private);
    QVERIFY(info->name.isEmpty());
    QVERIFY(!info->owner.isValid());
    QCOMPARE(info->lastSeq, Seq(0));
    QVERIFY(m_storage->groups().isEmpty());
}

void tst_SqliteStorage::privateConversationRejectsSelf()
{
    const UserId a = addUser(QStringLiteral("a"));
    QVERIFY(!m_storage->privateConversation(a, a, true).isValid());
    QVERIFY(!m_storage->privateConversation(a, UserId(), true).isValid());
    // A missing user fails through the foreign key and leaves nothing half-created.
    QVERIFY(!m_storage->privateConversation(a, UserId(999), true).isValid());
    QVERIFY(m_storage->conversationsOf(a).isEmpty());
}

void tst_SqliteStorage::groupsAndMembership()
{
    const UserId owner = addUser(QStringLiteral("owner"));
    const UserId b = addUser(QStringLiteral("b"));
    const UserId c = addUser(QStringLiteral("c"));
    const UserId d = addUser(QStringLiteral("d"));
    const ConversationId group = m_storage->createGroup(QStringLiteral("研发部"), owner, {b, c, b});
    QVERIFY(group.isValid());
    QCOMPARE(m_storage->members(group), (QList<UserId>{owner, b, c}));
    QVERIFY(m_storage->isMember(group, c));
    QVERIFY(!m_storage->isMember(group, d));

    QVERIFY(m_storage->addMember(group, d));
    QVERIFY(m_storage->addMember(group, d)); // already a member: still true
    QVERIFY(m_storage->removeMember(group, b));
    QVERIFY(!m_storage->removeMember(group, b));
    QVERIFY(m_storage->renameGroup(group, QStringLiteral("产品部")));
    QCOMPARE(m_storage->members(group), (QList<UserId>{owner, c, d}));

    const std::optional<ConversationInfo> info = m_storage->conversation(group, c);
    QVERIFY(info);
    QCOMPARE(info->kind, ConversationKind::Group);
    QCOMPARE(info->name, QStringLiteral("产品部"));
    QCOMPARE(info->owner, owner);
    QCOMPARE(info->members, (QList<UserId>{owner, c, d}));

    const ConversationId pair = m_storage->privateConversation(c, d, true);
    QVERIFY(!m_storage->addMember(pair, owner)); // private conversations keep two members
    QVERIFY(!m_storage->removeMember(pair, c));
    QVERIFY(!m_storage->renameGroup(pair, QStringLiteral("x")));

    const QList<ConversationInfo> ofC = m_storage->conversationsOf(c);
    QCOMPARE(ofC.size(), 2);
    QCOMPARE(ofC.at(0).id, group);
    QCOMPARE(ofC.at(1).id, pair);
    QCOMPARE(m_storage->conversationsOf(b).size(), 0);
    QCOMPARE(m_storage->groups().size(), 1);
    QCOMPARE(m_storage->groups().first().id, group);
    QVERIFY(!m_storage->createGroup(QStringLiteral("bad"), owner, {UserId(999)}).isValid());
    QCOMPARE(m_storage->groups().size(), 1);
}

void tst_SqliteStorage::groupRolesTransferAndDissolve()
{
    const UserId owner = addUser(QStringLiteral("owner"));
    const UserId b = addUser(QStringLiteral("b"));
    const UserId c = addUser(QStringLiteral("c"));
    const ConversationId group = m_storage->createGroup(QStringLiteral("g"), owner, {b, c});
    QCOMPARE(int(m_storage->groupRole(group, owner)), int(GroupRole::Owner));
    QCOMPARE(int(m_storage->groupRole(group, b)), int(GroupRole::Member));
    QCOMPARE(int(m_storage->groupRole(group, addUser(QStringLiteral("outsider")))), int(GroupRole::None));

    QVERIFY(m_storage->setGroupRole(group, c, GroupRole::Admin));
    QVERIFY(m_storage->setGroupRole(group, c, GroupRole::Admin)); // again: no change, still true
    QVERIFY(m_storage->setGroupRole(group, b, GroupRole::Admin));
    QCOMPARE(m_storage->conversation(group, owner)->admins, (QList<UserId>{b, c})); // joined together: by id
    QVERIFY(!m_storage->setGroupRole(group, owner, GroupRole::Admin));
    QVERIFY(!m_storage->setGroupRole(group, b, GroupRole::Owner));
    QVERIFY(m_storage->setGroupRole(group, b, GroupRole::Member));
    QCOMPARE(int(m_storage->groupRole(group, b)), int(GroupRole::Member));

    // An admin becoming owner is no longer listed as admin; the old owner is a plain member.
    QVERIFY(m_storage->transferGroup(group, c));
    const std::optional<ConversationInfo> info = m_storage->conversation(group, owner);
    QCOMPARE(info->owner, c);
    QVERIFY(info->admins.isEmpty());
    QCOMPARE(int(info->roleOf(owner)), int(GroupRole::Member));
    QVERIFY(!m_storage->transferGroup(group, addUser(QStringLiteral("stranger"))));

    // Dissolved: nobody is a member; the conversation and its history stay.
    QVERIFY(post(group, b, QStringLiteral("kept")));
    QVERIFY(m_storage->dissolveGroup(group));
    QVERIFY(m_storage->members(group).isEmpty());
    QVERIFY(m_storage->conversationsOf(b).isEmpty());
    QCOMPARE(m_storage->history(group, 0, 10).size(), 1);
}

void tst_SqliteStorage::removingTheOwnerKeepsTheGroupOwned()
{
    const UserId owner = addUser(QStringLiteral("owner"));
    const UserId b = addUser(QStringLiteral("b"));
    const UserId c = addUser(QStringLiteral("c"));
    const ConversationId group = m_storage->createGroup(QStringLiteral("g"), owner, {b, c});
    QVERIFY(m_storage->setGroupRole(group, c, GroupRole::Admin));
    QVERIFY(m_storage->removeMember(group, owner)); // the admin CLI's `group remove`
    QCOMPARE(m_storage->conversation(group, b)->owner, c);
    QCOMPARE(int(m_storage->groupRole(group, c)), int(GroupRole::Owner));
    // The last member deleted: nobody left to own it.
    QVERIFY(m_storage->removeMember(group, b));
    QVERIFY(m_storage->deleteUser(c));
    QVERIFY(m_storage->members(group).isEmpty());
}

void tst_SqliteStorage::membersFollowRollbackAndDeletion()
{
    const UserId owner = addUser(QStringLiteral("owner"));
    const UserId b = addUser(QStringLiteral("b"));
    const UserId c = addUser(QStringLiteral("c"));
    const ConversationId group = m_storage->createGroup(QStringLiteral("g"), owner, {b});
    QCOMPARE(m_storage->members(group), (QList<UserId>{owner, b}));

    QVERIFY(m_storage->beginTransaction());
    QVERIFY(m_storage->addMember(group, c));
    QCOMPARE(m_storage->members(group), (QList<UserId>{owner, b, c})); // own uncommitted write is visible
    m_storage->rollbackTransaction();
    QCOMPARE(m_storage->members(group), (QList<UserId>{owner, b}));

    QVERIFY(m_storage->deleteUser(b));
    QCOMPARE(m_storage->members(group), QList<UserId>{owner});
    QVERIFY(m_storage->deleteConversation(group));
    QVERIFY(m_storage->members(group).isEmpty());
}

void tst_SqliteStorage::membersSeeOtherConnectionsCommits()
{
    const UserId owner = addUser(QStringLiteral("owner"));
    const UserId b = addUser(QStringLiteral("b"));
    const ConversationId group = m_storage->createGroup(QStringLiteral("g"), owner, {});
    QCOMPARE(m_storage->members(group), QList<UserId>{owner});
    {
        // An admin command in another process adds a member through its own connection.
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("admin"));
        admin.setDatabaseName(m_path);
        QVERIFY(admin.open());
        QSqlQuery query(admin);
        QVERIFY(query.exec(QStringLiteral("PRAGMA busy_timeout = 5000")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO members (conversation, user_id) VALUES (%1, %2)")
                               .arg(group.value())
                               .arg(b.value())));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("admin"));
    QCOMPARE(m_storage->members(group), (QList<UserId>{owner, b}));
}

void tst_SqliteStorage::readSeqMovesForwardOnly()
{
    const UserId a = addUser(QStringLiteral("a"));
    const UserId b = addUser(QStringLiteral("b"));
    const UserId outsider = addUser(QStringLiteral("x"));
    const ConversationId chat = m_storage->privateConversation(a, b, true);
    const Seq first = post(chat, a, QStringLiteral("1"))->seq;
    const Seq second = post(chat, a, QStringLiteral("2"))->seq;
    QVERIFY(m_storage->setReadSeq(chat, b, second));
    QVERIFY(m_storage->setReadSeq(chat, b, first)); // an older device's report does not move it back
    QCOMPARE(m_storage->conversation(chat, b)->readSeq, second);
    QCOMPARE(m_storage->conversation(chat, a)->readSeq, Seq(0));
    QCOMPARE(m_storage->conversation(chat, a)->lastSeq, second);
    QCOMPARE(m_storage->conversationsOf(b).first().readSeq, second);
    QVERIFY(!m_storage->setReadSeq(chat, outsider, second));
    // Every member's position, ordered by user id; none for an outsider or a missing conversation.
    QCOMPARE(m_storage->readPositions(chat), (QList<ReadPosition>{{a, 0}, {b, second}}));
    QVERIFY(m_storage->readPositions(ConversationId(999999)).isEmpty());
}

void tst_SqliteStorage::deleteConversationRemovesMessages()
{
    const UserId a = addUser(QStringLiteral("a"));
    const UserId b = addUser(QStringLiteral("b"));
    const ConversationId group = m_storage->createGroup(QStringLiteral("g"), a, {b});
    const Seq seq = post(group, a, QStringLiteral("hello"))->seq;
    QVERIFY(m_storage->deleteConversation(group));
    QVERIFY(!m_storage->conversation(group, a));
    QVERIFY(m_storage->history(group, 0, 10).isEmpty());
    QVERIFY(m_storage->conversationsOf(b).isEmpty());
    QVERIFY(!m_storage->deleteConversation(group));
    // seq is never reused, even though the newest message is gone.
    const ConversationId chat = m_storage->privateConversation(a, b, true);
    QVERIFY(post(chat, a, QStringLiteral("again"))->seq > seq);
}

void tst_SqliteStorage::appendAssignsIncreasingSeq()
{
    const UserId a = addUser(QStringLiteral("a"));
    const UserId b = addUser(QStringLiteral("b"));
    const ConversationId chat = m_storage->privateConversation(a, b, true);
    const ConversationId group = m_storage->createGroup(QStringLiteral("g"), a, {b});
    QCOMPARE(m_storage->lastSeq(), Seq(0));
    Seq previous = 0;
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < 50; ++i) {
        const std::optional<AppendResult> result = post(i % 2 ? chat : group, i % 3 ? a : b, QString::number(i));
        QVERIFY(result);
        QVERIFY(!result->duplicate);
        QVERIFY(result->seq > previous);
        QVERIFY(result->timestampMs >= before && result->timestampMs <= QDateTime::currentMSecsSinceEpoch());
        previous = result->seq;
    }
    QCOMPARE(m_storage->lastSeq(), previous);
    QCOMPARE(m_storage->messageCount(), qint64(50));
}

void tst_SqliteStorage::appendDeduplicatesResend()
{
    const UserId a = addUser(QStringLiteral("a"));
    const UserId b = addUser(QStringLiteral("b"));
    const ConversationId chat = m_storage->privateConversation(a, b, true);
    const QUuid id = QUuid::createUuid();
    const std::optional<AppendResult> first = post(chat, a, QStringLiteral("once"), id);
    QVERIFY(first && !first->duplicate);
    QVERIFY(post(chat, b, QStringLiteral("other")));
    const std::optional<AppendResult> again = post(chat, a, QStringLiteral("once"), id);
    QVERIFY(again);
    QVERIFY(again->duplicate);
    QCOMPARE(again->seq, first->seq);
    QCOMPARE(again->timestampMs, first->timestampMs);
    // The same client id from another sender is refused (client_msg_id is unique across senders, schema 3).
    const std::optional<AppendResult> fromB = post(chat, b, QStringLiteral("mine"), id);
    QVERIFY(fromB && fromB->idTaken && !fromB->duplicate);
    QCOMPARE(m_storage->history(chat, 0, 10).size(), 2);

    const MessageRecord stored = m_storage->history(chat, 0, 10).last();
    QCOMPARE(stored.seq, first->seq);
    QCOMPARE(stored.clientMsgId, id);
    QCOMPARE(stored.text, QStringLiteral("once"));
    QCOMPARE(stored.kind, MessageKind::Text);
    QVERIFY(!stored.file);
}

void tst_SqliteStorage::backgroundCheckpointsKeepEveryCommit()
{
    SqliteStorage* sqlite = m_storage.get();
    QString error;
    QVERIFY2(sqlite->startBackgroundCheckpoints(&error, 20), qPrintable(error)); // a low threshold: 20 pages
    const UserId a = addUser(QStringLiteral("a"));
    const UserId b = addUser(QStringLiteral("b"));
    const ConversationId chat = m_storage->privateConversation(a, b, true);
    const QString text(400, QLatin1Char('x'));
    for (int batch = 0; batch < 30; ++batch) {
        QVERIFY(m_storage->beginTransaction());
        for (int i = 0; i < 20; ++i)
            QVERIFY(post(chat, a, text));
        QVERIFY(m_storage->commitTransaction());
    }
    QTRY_VERIFY(sqlite->backgroundCheckpoints() > 0);
    QCOMPARE(m_storage->messageCount(), qint64(600));
    // Reopened from the file (database plus what is left in the WAL): nothing lost.
    const QString path = sqlite->path();
    m_storage.reset();
    m_storage = SqliteStorage::open(path, &error);
    QVERIFY2(m_storage, qPrintable(error));
    QCOMPARE(m_storage->messageCount(), qint64(600));
    QVERIFY(m_storage->checkIntegrity().isEmpty());
}

void tst_SqliteStorage::appendSystemMessagesAreNotDeduplicated()
{
    const UserId a = addUser(QStringLiteral("a"));
    const ConversationId group = m_storage->createGroup(QStringLiteral("g"), a, {});
    NewMessage notice;
    notice.conversation = group;
    notice.kind = MessageKind::System;
    notice.text = QStringLiteral("a joined");
    QVERIFY(!m_storage->appendMessage(notice)->duplicate);
    QVERIFY(!m_storage->appendMessage(notice)->duplicate);
    const QList<MessageRecord> history = m_storage->history(group, 0, 10);
    QCOMPARE(history.size(), 2);
    QVERIFY(!history.first().sender.isValid());
    QVERIFY(history.first().clientMsgId.isNull());
    QCOMPARE(history.first().kind, MessageKind::System);
}

void tst_SqliteStorage::appendToMissingConversationFails()
{
    const UserId a = addUser(QStringLiteral("a"));
    QVERIFY(!post(ConversationId(4242), a, QStringLiteral("lost")));
    QCOMPARE(m_storage->lastSeq(), Seq(0));
}

void tst_SqliteStorage::historyAfterAndMessageStayInTheirConversation()
{
    const UserId a = addUser(QStringLiteral("a"));
    const UserId b = addUser(QStringLiteral("b"));
    const ConversationId chat = m_storage->privateConversation(a, b, true);
    const ConversationId other = m_storage->createGroup(QStringLiteral("g"), a, {});
    QList<Seq> seqs;
    for (int i = 0; i < 6; ++i) {
        seqs.append(post(chat, a, QString::number(i))->seq);
        post(other, a, QStringLiteral("noise"));
    }
    // The oldest ones above `after`, oldest first.
    const QList<MessageRecord> after = m_storage->historyAfter(chat, seqs.at(1), 3);
    QCOMPARE(after.size(), 3);
    QCOMPARE(after.first().seq, seqs.at(2));
    QCOMPARE(after.last().seq, seqs.at(4));
    QVERIFY(m_storage->historyAfter(chat, seqs.last(), 3).isEmpty());

    // A reply keeps only its original's seq, also after a reopen.
    NewMessage reply;
    reply.conversation = chat;
    reply.sender = b;
    reply.clientMsgId = QUuid::createUuid();
    reply.text = QStringLiteral("re");
    reply.replyTo = seqs.at(3);
    const Seq replySeq = m_storage->appendMessage(reply)->seq;
    reopen();
    const std::optional<MessageRecord> stored = m_storage->message(chat, replySeq);
    QVERIFY(stored);
    QVERIFY(stored->reply);
    QCOMPARE(stored->reply->seq, seqs.at(3));
    QVERIFY(!stored->reply->available);
    QVERIFY(!m_storage->message(chat, seqs.at(3))->reply);
    // A seq of another conversation is not found through this one.
    QVERIFY(!m_storage->message(other, seqs.at(3)));
    QVERIFY(!m_storage->message(chat, replySeq + 100));
}

void tst_SqliteStorage::historyPagesNewestFirst()
{
    const UserId a = addUser(QStringLiteral("a"));
    const UserId b = addUser(QStringLiteral("b"));
    const ConversationId chat = m_storage->privateConversation(a, b, true);
    const ConversationId other = m_storage->createGroup(QStringLiteral("g"), a, {});
    QList<Seq> seqs;
    for (int i = 0; i < 25; ++i) {
        seqs.append(post(chat, a, QString::number(i))->seq);
        post(other, a, QStringLiteral("noise"));
    }
    const QList<MessageRecord> newest = m_storage->history(chat, 0, 10);
    QCOMPARE(newest.size(), 10);
    QCOMPARE(newest.first().seq, seqs.at(24));
    QCOMPARE(newest.last().seq, seqs.at(15));
    QCOMPARE(newest.first().text, QStringLiteral("24"));
    const QList<MessageRecord> page2 = m_storage->history(chat, newest.last().seq, 10);
    QCOMPARE(page2.first().seq, seqs.at(14));
    QCOMPARE(page2.last().seq, seqs.at(5));
    const QList<MessageRecord> page3 = m_storage->history(chat, page2.last().seq, 10);
    QCOMPARE(page3.size(), 5);
    QCOMPARE(page3.last().seq, seqs.at(0));
    QVERIFY(m_storage->history(chat, seqs.at(0), 10).isEmpty());
    QVERIFY(m_storage->history(chat, 0, 0).isEmpty());
    for (const MessageRecord& record : page2)
        QCOMPARE(record.conversation, chat);
}

void tst_SqliteStorage::messagesSinceOnlyMemberConversations()
{
    const UserId a = addUser(QStringLiteral("a"));
    const UserId b = addUser(QStringLiteral("b"));
    const UserId c = addUser(QStringLiteral("c"));
    const ConversationId ab = m_storage->privateConversation(a, b, true);
    const ConversationId bc = m_storage->privateConversation(b, c, true);
    const ConversationId group = m_storage->createGroup(QStringLiteral("g"), a, {c});
    const Seq s1 = post(ab, a, QStringLiteral("ab1"))->seq;
    post(bc, b, QStringLiteral("bc1"));
    const Seq s3 = post(group, c, QStringLiteral("g1"))->seq;
    const Seq s4 = post(ab, b, QStringLiteral("ab2"))->seq;
    post(bc, c, QStringLiteral("bc2"));

    const QList<MessageRecord> all = m_storage->messagesSince(a, 0, 100);
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).seq, s1);
    QCOMPARE(all.at(1).seq, s3);
    QCOMPARE(all.at(2).seq, s4);
    const QList<MessageRecord> later = m_storage->messagesSince(a, s1, 100);
    QCOMPARE(later.size(), 2);
    QCOMPARE(later.first().seq, s3);
    QVERIFY(m_storage->messagesSince(a, s4, 100).isEmpty());
    QCOMPARE(m_storage->messagesSince(c, 0, 100).size(), 3);
}

void tst_SqliteStorage::messagesSinceRespectsLimitAcrossConversations()
{
    const UserId a = addUser(QStringLiteral("a"));
    QList<ConversationId> groups;
    for (int i = 0; i < 4; ++i)
        groups.append(m_storage->createGroup(QStringLiteral("g%1").arg(i), a, {}));
    QList<Seq> seqs;
    for (int i = 0; i < 40; ++i)
        seqs.append(post(groups.at((i * 7) % 4), a, QString::number(i))->seq);
    // Paging through with limit 7 yields every message once, in seq order.
    QList<Seq> seen;
    Seq since = 0;
    for (int page = 0; page < 20; ++page) {
        const QList<MessageRecord> batch = m_storage->messagesSince(a, since, 7);
        if (batch.isEmpty())
            break;
        QVERIFY(batch.size() <= 7);
        for (const MessageRecord& record : batch)
            seen.append(record.seq);
        since = batch.last().seq;
    }
    QCOMPARE(seen, seqs);
}

void tst_SqliteStorage::fileMessageExpiresWithBlob()
{
    const UserId a = addUser(QStringLiteral("a"));
    const UserId b = addUser(QStringLiteral("b"));
    const ConversationId chat = m_storage->privateConversation(a, b, true);
    const QByteArray sha = QByteArray(32, '\xab');
    QVERIFY(m_storage->addBlob(sha, 1234));
    NewMessage message;
    message.conversation = chat;
    message.sender = a;
    message.clientMsgId = QUuid::createUuid();
    message.kind = MessageKind::File;
    message.file = FileRef{QStringLiteral("报告.pdf"), 1234, sha, false};
    QVERIFY(m_storage->appendMessage(message));
    QVERIFY(m_storage->conversationHasFile(chat, sha));
    QVERIFY(!m_storage->conversationHasFile(chat, QByteArray(32, '\x01')));
    QVERIFY(!m_storage->conversationHasFile(m_storage->createGroup(QStringLiteral("g"), a, {}), sha));
    // The sender is known to have posted this content (proof of possession is not asked again); the receiver not.
    QVERIFY(m_storage->userPostedFile(a, sha));
    QVERIFY(!m_storage->userPostedFile(b, sha));
    QVERIFY(!m_storage->userPostedFile(a, QByteArray(32, '\x01')));
    // Both participants may read it; an outsider may not, nor anyone who left the conversation it was posted in.
    const UserId c = addUser(QStringLiteral("c"));
    QVERIFY(m_storage->memberSeesFile(a, sha));
    QVERIFY(m_storage->memberSeesFile(b, sha));
    QVERIFY(!m_storage->memberSeesFile(c, sha));
    QVERIFY(!m_storage->memberSeesFile(b, QByteArray(32, '\x01')));
    const ConversationId group = m_storage->createGroup(QStringLiteral("team"), a, {c});
    message.conversation = group;
    message.clientMsgId = QUuid::createUuid();
    QVERIFY(m_storage->appendMessage(message));
    QVERIFY(m_storage->memberSeesFile(c, sha));
    QVERIFY(m_storage->removeMember(group, c));
    QVERIFY(!m_storage->memberSeesFile(c, sha));

    MessageRecord record = m_storage->history(chat, 0, 1).first();
    QCOMPARE(record.kind, MessageKind::File);
    QVERIFY(record.file);
    QCOMPARE(*record.file, *message.file);

    QVERIFY(m_storage->removeBlob(sha));
    record = m_storage->messagesSince(b, 0, 10).first();
    QVERIFY(record.file);
    QVERIFY(record.file->expired);
    QCOMPARE(record.file->name, QStringLiteral("报告.pdf"));
}

void tst_SqliteStorage::blobsCrud()
{
    const QByteArray one(32, '\x01');
    const QByteArray two(32, '\x02');
    QVERIFY(!m_storage->hasBlob(one));
    QVERIFY(m_storage->addBlob(one, 100));
    QVERIFY(m_storage->addBlob(one, 100)); // again: fine
    QVERIFY(m_storage->addBlob(two, 2000));
    QVERIFY(m_storage->hasBlob(one));
    QCOMPARE(m_storage->blobBytes(), qint64(2100));
    const auto blobs = m_storage->blobs();
    QCOMPARE(blobs.size(), 2);
    for (const auto& [sha, size, created] : blobs) {
        QVERIFY(sha == one || sha == two);
        QCOMPARE(size, qint64(sha == one ? 100 : 2000));
        QVERIFY(qAbs(created - QDateTime::currentMSecsSinceEpoch()) < 60'000);
    }
    QVERIFY(m_storage->removeBlob(one));
    QVERIFY(!m_storage->removeBlob(one));
    QVERIFY(!m_storage->hasBlob(one));
    QCOMPARE(m_storage->blobBytes(), qint64(2000));
}

void tst_SqliteStorage::uploadsCrud()
{
    const UserId a = addUser(QStringLiteral("a"));
    const UserId b = addUser(QStringLiteral("b"));
    const ConversationId chat = m_storage->privateConversation(a, b, true);
    UploadRecord upload;
    upload.sender = a;
    upload.conversation = chat;
    upload.clientMsgId = QUuid::createUuid();
    upload.name = QStringLiteral("设计稿.png");
    upload.size = 5'000'000'000;
    upload.sha256 = QByteArray(32, '\x07');
    const TransferId id = m_storage->createUpload(upload);
    QVERIFY(id.isValid());

    const std::optional<UploadRecord> stored = m_storage->upload(id);
    QVERIFY(stored);
    QCOMPARE(stored->id, id);
    QCOMPARE(stored->sender, a);
    QCOMPARE(stored->conversation, chat);
    QCOMPARE(stored->clientMsgId, upload.clientMsgId);
    QCOMPARE(stored->name, upload.name);
    QCOMPARE(stored->size, upload.size);
    QCOMPARE(stored->sha256, upload.sha256);
    QVERIFY(stored->createdMs > 0);

    QCOMPARE(m_storage->findUpload(a, chat, upload.sha256)->id, id);
    QVERIFY(!m_storage->findUpload(b, chat, upload.sha256));
    QVERIFY(!m_storage->findUpload(a, chat, QByteArray(32, '\x08')));
    QCOMPARE(m_storage->uploads().size(), 1);
    // Every unfinished upload is reserved with its announced size, whoever sends it.
    QCOMPARE(m_storage->uploadBytes(), upload.size);
    UploadRecord other = upload;
    other.sender = b;
    other.clientMsgId = QUuid::createUuid();
    other.size = 10;
    const TransferId otherId = m_storage->createUpload(other);
    QVERIFY(otherId.isValid());
    QCOMPARE(m_storage->uploadBytes(), upload.size + 10);
    QCOMPARE(m_storage->uploadsOf(a).size(), 1);
    QCOMPARE(m_storage->uploadsOf(a).first().id, id);
    QCOMPARE(m_storage->uploadsOf(b).first().id, otherId);
    QVERIFY(m_storage->deleteUpload(otherId));
    QVERIFY(m_storage->uploadsOf(b).isEmpty());
    QVERIFY(m_storage->deleteUpload(id));
    QVERIFY(!m_storage->deleteUpload(id));
    QVERIFY(!m_storage->upload(id));
    QVERIFY(m_storage->uploads().isEmpty());
    QCOMPARE(m_storage->uploadBytes(), 0);
    upload.conversation = ConversationId(999);
    QVERIFY(!m_storage->createUpload(upload).isValid());
}

void tst_SqliteStorage::transactionCommitAndRollback()
{
    const UserId a = addUser(QStringLiteral("a"));
    const ConversationId group = m_storage->createGroup(QStringLiteral("g"), a, {});
    QVERIFY(!m_storage->inTransaction());
    QVERIFY(m_storage->beginTransaction());
    QVERIFY(m_storage->inTransaction());
    QVERIFY(!m_storage->beginTransaction()); // no nesting
    QVERIFY(post(group, a, QStringLiteral("rolled back")));
    m_storage->rollbackTransaction();
    QVERIFY(!m_storage->inTransaction());
    QVERIFY(m_storage->history(group, 0, 10).isEmpty());

    QVERIFY(m_storage->beginTransaction());
    for (int i = 0; i < 10; ++i)
        QVERIFY(post(group, a, QString::number(i)));
    QVERIFY(m_storage->commitTransaction());
    QVERIFY(!m_storage->commitTransaction());
    reopen();
    QCOMPARE(m_storage->history(group, 0, 100).size(), 10);
}

void tst_SqliteStorage::groupCommitSurvivesFailedWriteInside()
{
    const UserId a = addUser(QStringLiteral("a"));
    const ConversationId group = m_storage->createGroup(QStringLiteral("g"), a, {});
    QVERIFY(m_storage->beginTransaction());
    QVERIFY(post(group, a, QStringLiteral("kept")));
    QVERIFY(!m_storage->createGroup(QStringLiteral("bad"), a, {UserId(999)}).isValid());
    QVERIFY(!post(ConversationId(999), a, QStringLiteral("fails")));
    QVERIFY(m_storage->privateConversation(a, addUser(QStringLiteral("b")), true).isValid());
    QVERIFY(m_storage->commitTransaction());
    reopen();
    QCOMPARE(m_storage->history(group, 0, 10).size(), 1);
    QCOMPARE(m_storage->groups().size(), 1);
    QCOMPARE(m_storage->conversationsOf(a).size(), 2);
}

void tst_SqliteStorage::dataSurvivesReopen()
{
    const UserId a = addUser(QStringLiteral("a"));
    const UserId b = addUser(QStringLiteral("b"));
    const ConversationId chat = m_storage->privateConversation(a, b, true);
    const QUuid id = QUuid::createUuid();
    const AppendResult first = *post(chat, a, QStringLiteral("持久"), id);
    reopen();
    QCOMPARE(m_storage->userByName(QStringLiteral("A"))->id, a);
    QCOMPARE(m_storage->privateConversation(a, b, false), chat);
    const std::optional<AppendResult> again = post(chat, a, QStringLiteral("持久"), id);
    QVERIFY(again && again->duplicate);
    QCOMPARE(again->seq, first.seq);
    QCOMPARE(m_storage->history(chat, 0, 10).first().text, QStringLiteral("持久"));
    QVERIFY(m_storage->migrationBackupPath().isEmpty()); // already at the latest schema: no backup
}

void tst_SqliteStorage::mentionsSurviveReopen()
{
    const UserId owner = addUser(QStringLiteral("owner"));
    const UserId b = addUser(QStringLiteral("b"));
    const UserId c = addUser(QStringLiteral("c"));
    const ConversationId group = m_storage->createGroup(QStringLiteral("g"), owner, {b, c});
    NewMessage message;
    message.conversation = group;
    message.sender = owner;
    message.clientMsgId = QUuid::createUuid();
    message.text = QStringLiteral("@C @B @all");
    message.mentions = Mentions{{c, b}, true};
    QVERIFY(m_storage->appendMessage(message));
    QVERIFY(post(group, owner, QStringLiteral("none")));
    reopen();
    const QList<MessageRecord> page = m_storage->history(group, 0, 10);
    QCOMPARE(page.size(), 2);
    QVERIFY(page.at(0).mentions.isEmpty());
    QCOMPARE(page.at(1).mentions, (Mentions{{c, b}, true})); // in the order written
    QCOMPARE(m_storage->messagesSince(c, 0, 10).first().mentions, (Mentions{{c, b}, true}));
}

void tst_SqliteStorage::userStatusesDefaultKeptAndCascade()
{
    const UserId alice = addUser(QStringLiteral("alice"));
    const UserId bob = addUser(QStringLiteral("bob"));
    // Never chosen: online without text, and absent from all().
    QCOMPARE(m_storage->userStatuses().of(alice).status, QStringLiteral("online"));
    QCOMPARE(m_storage->userStatuses().of(alice).text, QString());
    QCOMPARE(m_storage->userStatuses().of(alice).updatedMs, 0);
    QVERIFY(m_storage->userStatuses().all().isEmpty());
    QVERIFY(m_storage->userStatuses().set(alice, QStringLiteral("busy"), QStringLiteral("在开会"), 1000));
    QVERIFY(m_storage->userStatuses().set(alice, QStringLiteral("dnd"), QStringLiteral("focus"), 2000)); // replaces
    QVERIFY(m_storage->userStatuses().set(bob, QStringLiteral("away"), QString(), 3000));
    // The schema refuses what is never stored ("offline") and unknown accounts.
    QVERIFY(!m_storage->userStatuses().set(bob, QStringLiteral("offline"), QString(), 4000));
    QVERIFY(!m_storage->userStatuses().set(UserId(999), QStringLiteral("busy"), QString(), 4000));
    reopen();
    const UserStatusRecord kept = m_storage->userStatuses().of(alice);
    QCOMPARE(kept.status, QStringLiteral("dnd"));
    QCOMPARE(kept.text, QStringLiteral("focus"));
    QCOMPARE(kept.updatedMs, 2000);
    QCOMPARE(m_storage->userStatuses().all().size(), 2);
    QCOMPARE(m_storage->userStatuses().all().value(bob).status, QStringLiteral("away"));
    QVERIFY(m_storage->deleteUser(bob));
    QCOMPARE(m_storage->userStatuses().all().size(), 1);
}

void tst_SqliteStorage::secondConnectionSharesTheFile()
{
    // An admin command opens the same file while the server runs.
    const UserId owner = addUser(QStringLiteral("owner"));
    const ConversationId group = m_storage->createGroup(QStringLiteral("g"), owner, {});
    QCOMPARE(m_storage->members(group), QList<UserId>{owner});
    QString error;
    std::unique_ptr<SqliteStorage> admin = SqliteStorage::open(m_path, &error);
    QVERIFY2(admin, qPrintable(error));
    QVERIFY(admin->migrationBackupPath().isEmpty());
    UserId added;
    QCOMPARE(admin->createUser(QStringLiteral("new"), QStringLiteral("New"), "h", &added), CreateUserResult::Created);
    QVERIFY(admin->addMember(group, added));
    QVERIFY(admin->setUserDisabled(owner, true));
    admin.reset();
    QCOMPARE(m_storage->userByName(QStringLiteral("NEW"))->id, added);
    QVERIFY(m_storage->userById(owner)->disabled);
    QCOMPARE(m_storage->members(group), (QList<UserId>{owner, added}));
}

void tst_SqliteStorage::backupAndIntegrity()
{
    const UserId a = addUser(QStringLiteral("a"));
    const ConversationId group = m_storage->createGroup(QStringLiteral("g"), a, {});
    post(group, a, QStringLiteral("backed up"));
    QVERIFY(m_storage->checkIntegrity().isEmpty());
    const QString copy = m_dir->filePath(QStringLiteral("copy.db"));
    QString error;
    QVERIFY2(m_storage->backupTo(copy, &error), qPrintable(error));
    QVERIFY(!m_storage->backupTo(copy, &error)); // never overwrites
    QVERIFY(!error.isEmpty());

    std::unique_ptr<SqliteStorage> restored = SqliteStorage::open(copy, &error);
    QVERIFY2(restored, qPrintable(error));
    QCOMPARE(restored->history(group, 0, 10).first().text, QStringLiteral("backed up"));
    QVERIFY(restored->checkIntegrity().isEmpty());
}

void tst_SqliteStorage::filesAreOwnerOnly()
{
    addUser(QStringLiteral("a")); // a write, so the WAL exists
    const QFileDevice::Permissions others =
        QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther;
    QVERIFY(QFileInfo::exists(m_path + QStringLiteral("-wal")));
    QCOMPARE(QFileInfo(m_path).permissions() & others, QFileDevice::Permissions());
    QCOMPARE(QFileInfo(m_path + QStringLiteral("-wal")).permissions() & others, QFileDevice::Permissions());
    const QString copy = m_dir->filePath(QStringLiteral("copy.db"));
    QString error;
    QVERIFY2(m_storage->backupTo(copy, &error), qPrintable(error));
    QCOMPARE(QFileInfo(copy).permissions() & others, QFileDevice::Permissions());
}

void tst_SqliteStorage::integrityCheckReportsDanglingRows()
{
    const UserId a = addUser(QStringLiteral("a"));
    const ConversationId group = m_storage->createGroup(QStringLiteral("g"), a, {});
    {
        // Another writer without foreign key enforcement (e.g. a hand-edited file) leaves a dangling row.
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(m_path);
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        QVERIFY(query.exec(QStringLiteral("PRAGMA busy_timeout = 5000")));
        QVERIFY(query.exec(
            QStringLiteral("INSERT INTO members (conversation, user_id) VALUES (%1, 777)").arg(group.value())));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    const QStringList problems = m_storage->checkIntegrity();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QLatin1String("members")), qPrintable(problems.first()));
}

void tst_SqliteStorage::countAndDeleteOldMessages()
{
    const UserId a = addUser(QStringLiteral("a"));
    const ConversationId group = m_storage->createGroup(QStringLiteral("g"), a, {});
    for (int i = 0; i < 5; ++i)
        post(group, a, QString::number(i));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(m_storage->messageCount(now - 60'000), qint64(5));
    QCOMPARE(m_storage->messageCount(now + 60'000), qint64(0));
    QCOMPARE(m_storage->deleteMessagesBefore(now - 60'000), qint64(0));
    QCOMPARE(m_storage->deleteMessagesBefore(now + 60'000), qint64(5));
    QCOMPARE(m_storage->messageCount(), qint64(0));
}

QTEST_GUILESS_MAIN(tst_SqliteStorage)
#include "tst_sqlitestorage.moc"
