// Schema migrations: empty file to latest, a version-1 fixture upgraded with a backup, a newer database refused;
// migration files run through SQLite itself (triggers apply, a broken file rolls back).

#include "migrator.h"
#include "sqlitestorage.h"
#include "sqlstatements.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QVariant>

#include <utility>

using namespace lanchat;

namespace {

/** A raw QtSql connection to @p path, outside SqliteStorage, for building and inspecting fixtures. */
std::unique_ptr<SqlStatements> rawConnection(const QString& path)
{
    static int counter = 0;
    const QString name = QStringLiteral("tst_migrations-%1").arg(++counter);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    if (!db.open())
        return nullptr;
    return std::make_unique<SqlStatements>(name);
}

/** A raw connection to a new file at @p path holding schema @p version: the file an older release left. */
std::unique_ptr<SqlStatements> fixtureAt(const QString& path, int version)
{
    std::unique_ptr<SqlStatements> raw = rawConnection(path);
    QString error;
    if (!raw || !Migrator(*raw).migrate(path, &error, version)) {
        qWarning("fixture at schema %d: %s", version, qPrintable(error));
        return nullptr;
    }
    return raw;
}

/** Writes a migration folder holding @p files (name → SQL) under @p dir; returns its path. */
QString migrationFolder(const QTemporaryDir& dir, const QList<std::pair<QString, QByteArray>>& files)
{
    const QString folder = dir.filePath(QStringLiteral("sql"));
    QDir().mkpath(folder);
    for (const auto& [name, sql] : files) {
        QFile file(folder + u'/' + name);
        if (!file.open(QIODevice::WriteOnly) || file.write(sql) != sql.size())
            return {};
    }
    return folder;
}

const QByteArray kBaseMigration = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);\n"
                                  "CREATE TABLE audit (note INTEGER, body TEXT);\n";

} // namespace

class tst_Migrations : public QObject
{
    Q_OBJECT

private slots:
    void embeddedMigrationsAreNumberedWithoutGaps();
    void migrationWithTriggerApplies();
    void brokenMigrationRollsBackToThePreviousVersion();
    void migrationMayNotCommitItself();
    void emptyFileMigratesToLatest();
    void versionOneFixtureIsMigratedWithBackup();
    void versionTwoSharedClientIdsKeepEveryMessage();
    void versionNineMessagesAreIndexedOnOpen();
    void versionNineGroupsGetRolesAndJoinTimes();
    void backupNeverOverwritesAnEarlierOne();
    void newerDatabaseIsRefused();
    void notADatabaseIsRefused();
};

void tst_Migrations::embeddedMigrationsAreNumberedWithoutGaps()
{
    QVERIFY(Migrator::latestVersion() >= 2);
    // A gap is a lost file: a database would skip that migration for good.
    for (int version = 1; version <= Migrator::latestVersion(); ++version) {
        const QString pattern = QStringLiteral("%1_*.sql").arg(version, 4, 10, QLatin1Char('0'));
        QCOMPARE(QDir(QStringLiteral(":/lanchat/storage/sql")).entryList({pattern}).size(), 1);
    }
}

void tst_Migrations::migrationWithTriggerApplies()
{
    // A trigger body holds statements ending in ';' at the end of a line, and a string may hold one too:
    // only SQLite's own parser knows where a statement ends.
    QTemporaryDir dir;
    const QString folder = migrationFolder(dir, {{QStringLiteral("0001_base.sql"), kBaseMigration},
                                                 {QStringLiteral("0002_audit_trigger.sql"),
                                                  "-- keeps a copy of every note\n"
                                                  "CREATE TRIGGER notes_audit AFTER INSERT ON notes\n"
                                                  "BEGIN\n"
                                                  "    INSERT INTO audit (note, body) VALUES (new.id, new.body);\n"
                                                  "    INSERT INTO audit (note, body) VALUES (new.id, 'copied;\n"
                                                  "');\n"
                                                  "END;\n"}});
    QVERIFY(!folder.isEmpty());
    const QString path = dir.filePath(QStringLiteral("trigger.db"));
    std::unique_ptr<SqlStatements> raw = rawConnection(path);
    QVERIFY(raw);
    Migrator migrator(*raw, folder);
    QString error;
    QVERIFY2(migrator.migrate(path, &error), qPrintable(error));
    QCOMPARE(migrator.currentVersion(), 2);
    QVERIFY(raw->execDirect(QStringLiteral("INSERT INTO notes (body) VALUES ('hello')")));
    QCOMPARE(raw->scalarDirect(QStringLiteral("SELECT COUNT(*) FROM audit WHERE note = 1")), QVariant(2));
    QCOMPARE(raw->scalarDirect(QStringLiteral("SELECT body FROM audit WHERE body LIKE 'copied%'")).toString(),
             QStringLiteral("copied;\n"));
}

void tst_Migrations::brokenMigrationRollsBackToThePreviousVersion()
{
    QTemporaryDir dir;
    const QString folder =
        migrationFolder(dir, {{QStringLiteral("0001_base.sql"), kBaseMigration},
                              {QStringLiteral("0002_broken.sql"), "CREATE TABLE half (x INTEGER);\n"
                                                                  "INSERT INTO notes (body) VALUES ('half done');\n"
                                                                  "CREAT TABLE typo (x INTEGER);\n"}});
    QVERIFY(!folder.isEmpty());
    const QString path = dir.filePath(QStringLiteral("broken.db"));
    std::unique_ptr<SqlStatements> raw = rawConnection(path);
    QVERIFY(raw);
    Migrator migrator(*raw, folder);
    QString error;
    QVERIFY(!migrator.migrate(path, &error));
    QVERIFY2(error.startsWith(QLatin1String("migration 0002_broken.sql failed: ")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("syntax error")), qPrintable(error)); // SQLite's own message
    QCOMPARE(migrator.currentVersion(), 1);
    QVERIFY(!raw->inTransaction());
    QCOMPARE(raw->scalarDirect(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'")), QVariant(0));
    QCOMPARE(raw->scalarDirect(QStringLiteral("SELECT COUNT(*) FROM notes")), QVariant(0));
}

void tst_Migrations::migrationMayNotCommitItself()
{
    // A COMMIT inside the file would end the transaction that the version bump belongs to.
    QTemporaryDir dir;
    const QString folder =
        migrationFolder(dir, {{QStringLiteral("0001_commits.sql"), "CREATE TABLE a (x INTEGER);\nCOMMIT;\nBEGIN;\n"}});
    QVERIFY(!folder.isEmpty());
    const QString path = dir.filePath(QStringLiteral("commits.db"));
    std::unique_ptr<SqlStatements> raw = rawConnection(path);
    QVERIFY(raw);
    Migrator migrator(*raw, folder);
    QString error;
    QVERIFY(!migrator.migrate(path, &error));
    QVERIFY2(error.startsWith(QLatin1String("migration 0001_commits.sql failed: ")), qPrintable(error));
    QCOMPARE(migrator.currentVersion(), 0);
    QCOMPARE(raw->scalarDirect(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'a'")), QVariant(0));
}

void tst_Migrations::emptyFileMigratesToLatest()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.db"));
    QString error;
    {
        std::unique_ptr<SqliteStorage> storage = SqliteStorage::open(path, &error);
        QVERIFY2(storage, qPrintable(error));
        QVERIFY(storage->migrationBackupPath().isEmpty()); // nothing to lose in an empty file
    }
    std::unique_ptr<SqlStatements> raw = rawConnection(path);
    QVERIFY(raw);
    QCOMPARE(Migrator(*raw).currentVersion(), Migrator::latestVersion());
    QCOMPARE(raw->scalarDirect(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(raw->scalarDirect(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'messages_by_file'")),
             QVariant(1));
    QVERIFY(QDir(dir.path()).entryList({QStringLiteral("*.bak")}).isEmpty());
}

void tst_Migrations::versionOneFixtureIsMigratedWithBackup()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.db"));
    {
        // The fixture: schema version 1 as shipped in 0001_initial.sql, with a user, a chat and a message.
        std::unique_ptr<SqlStatements> raw = fixtureAt(path, 1);
        QVERIFY(raw);
        QCOMPARE(Migrator(*raw).currentVersion(), 1);
        QVERIFY(raw->execDirect(QStringLiteral("INSERT INTO users (username, username_key, display_name, "
                                               "password_hash, created_ms) VALUES ('Li', 'li', '李雷', 'h', 1)")));
        QVERIFY(raw->execDirect(
            QStringLiteral("INSERT INTO conversations (kind, name, created_ms) VALUES (1, 'team', 1)")));
        QVERIFY(raw->execDirect(QStringLiteral("INSERT INTO members (conversation, user_id) VALUES (1, 1)")));
        QVERIFY(raw->execDirect(QStringLiteral("INSERT INTO messages (conversation, sender, kind, text, ts) "
                                               "VALUES (1, 1, 0, 'before the upgrade', 5)")));
    }
    QString error;
    std::unique_ptr<SqliteStorage> storage = SqliteStorage::open(path, &error);
    QVERIFY2(storage, qPrintable(error));
    const QString backup = path + QStringLiteral(".pre-v%1.bak").arg(Migrator::latestVersion());
    QCOMPARE(storage->migrationBackupPath(), backup);
    QVERIFY(QFile::exists(backup));
    QCOMPARE(QFileInfo(backup).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions()); // it holds password hashes

    // Data kept and usable through the new schema.
    QCOMPARE(storage->userByName(QStringLiteral("LI"))->displayName, QStringLiteral("李雷"));
    const QList<MessageRecord> history = storage->history(ConversationId(1), 0, 10);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().text, QStringLiteral("before the upgrade"));
    QVERIFY(storage->checkIntegrity().isEmpty());
    storage.reset();

    // The backup is the untouched version-1 database.
    std::unique_ptr<SqlStatements> raw = rawConnection(backup);
    QVERIFY(raw);
    QCOMPARE(Migrator(*raw).currentVersion(), 1);
    QCOMPARE(raw->scalarDirect(QStringLiteral("SELECT text FROM messages")).toString(),
             QStringLiteral("before the upgrade"));
}

void tst_Migrations::versionTwoSharedClientIdsKeepEveryMessage()
{
    // Schema 3 makes client_msg_id unique across senders. A version-2 file may hold one id from two senders
    // (legal then) and a sequence high-water mark above its newest row (retention deleted it): the upgrade
    // keeps every message and never hands out a used seq again.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v2.db"));
    {
        std::unique_ptr<SqlStatements> raw = fixtureAt(path, 2);
        QVERIFY(raw);
        for (const char* user : {"a", "b"})
            QVERIFY(raw->execDirect(QStringLiteral("INSERT INTO users (username, username_key, display_name, "
                                                   "password_hash, created_ms) VALUES ('%1', '%1', '%1', 'h', 1)")
                                        .arg(QLatin1String(user))));
        QVERIFY(raw->execDirect(QStringLiteral("INSERT INTO conversations (kind, created_ms) VALUES (0, 1)")));
        const QString insert = QStringLiteral("INSERT INTO messages (conversation, sender, client_msg_id, kind, text, "
                                              "ts) VALUES (1, %1, X'%2', 0, '%3', 5)");
        const QString shared = QStringLiteral("0123456789abcdef0123456789abcdef");
        QVERIFY(raw->execDirect(insert.arg(1).arg(shared, QStringLiteral("from a"))));
        QVERIFY(raw->execDirect(insert.arg(2).arg(shared, QStringLiteral("from b, same id"))));
        QVERIFY(raw->execDirect(
            insert.arg(2).arg(QStringLiteral("fedcba9876543210fedcba9876543210"), QStringLiteral("deleted later"))));
        QVERIFY(raw->execDirect(QStringLiteral("DELETE FROM messages WHERE seq = 3")));
    }
    QString error;
    std::unique_ptr<SqliteStorage> storage = SqliteStorage::open(path, &error);
    QVERIFY2(storage, qPrintable(error));
    QVERIFY(storage->checkIntegrity().isEmpty());
    const QList<MessageRecord> history = storage->history(ConversationId(1), 0, 10);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(1).text, QStringLiteral("from a"));
    QVERIFY(!history.at(1).clientMsgId.isNull()); // the first holder keeps the id (its resends still match)
    QCOMPARE(history.at(0).text, QStringLiteral("from b, same id"));
    QVERIFY(history.at(0).clientMsgId.isNull());

    NewMessage next;
    next.conversation = ConversationId(1);
    next.sender = UserId(1);
    next.clientMsgId = QUuid::createUuid();
    next.text = QStringLiteral("after the upgrade");
    const std::optional<AppendResult> appended = storage->appendMessage(next);
    QVERIFY(appended);
    QCOMPARE(appended->seq, Seq(4)); // 3 was handed out before, even though its row is gone
}

void tst_Migrations::versionNineMessagesAreIndexedOnOpen()
{
    // Schema 10 adds the search index: a version-9 file's messages are indexed when it is opened, with progress in
    // the log; recalled messages, system events and Recall/Edit records are not.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v9.db"));
    {
        std::unique_ptr<SqlStatements> raw = fixtureAt(path, 9);
        QVERIFY(raw);
        QVERIFY(raw->execDirect(QStringLiteral("INSERT INTO users (username, username_key, display_name, "
                                               "password_hash, created_ms) VALUES ('li', 'li', '李雷', 'h', 1)")));
        QVERIFY(raw->execDirect(
            QStringLiteral("INSERT INTO conversations (kind, name, created_ms) VALUES (1, 'team', 1)")));
        QVERIFY(raw->execDirect(QStringLiteral("INSERT INTO members (conversation, user_id) VALUES (1, 1)")));
        const QStringList rows = {
            QStringLiteral("0, '季度报告草稿', NULL, NULL"),      // text
            QStringLiteral("1, NULL, 'Q3报告.pdf', NULL"),        // file
            QStringLiteral("0, NULL, NULL, 1"),                   // recalled text
            QStringLiteral("4, '报告 edit record', NULL, NULL"),  // an Edit record
            QStringLiteral("2, '报告 system event', NULL, NULL"), // a system message
        };
        for (const QString& row : rows)
            QVERIFY(raw->execDirect(QStringLiteral("INSERT INTO messages (conversation, sender, kind, text, file_name, "
                                                   "recalled_by, ts) VALUES (1, 1, %1, 5)")
                                        .arg(row)));
    }
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("building the search index of 2 messages")));
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("search index: 2 of 2 messages indexed")));
    QString error;
    std::unique_ptr<SqliteStorage> storage = SqliteStorage::open(path, &error);
    QVERIFY2(storage, qPrintable(error));
    QVERIFY(storage->checkIntegrity().isEmpty());
    SearchMessages request;
    request.query = QStringLiteral("报告");
    const std::optional<SearchPage> page = storage->search(UserId(1), request);
    QVERIFY(page);
    QCOMPARE(page->hits.size(), 2);
    QCOMPARE(page->hits.at(0).message.seq, Seq(2));
    QCOMPARE(page->hits.at(1).message.seq, Seq(1));
    // Opened again: nothing to build.
    storage.reset();
    storage = SqliteStorage::open(path, &error);
    QVERIFY2(storage, qPrintable(error));
    QCOMPARE(storage->search(UserId(1), request)->hits.size(), 2);
}

void tst_Migrations::versionNineGroupsGetRolesAndJoinTimes()
{
    // Schema 14 adds group roles and join times. A group of schema 9 (the last one a raw connection can build: 10
    // needs the server's search tokenizer; 10-13 apply on the way) keeps its owner, has no admins, and its members
    // count as joined when the line of their addition was written, else when the group was created: so when the
    // owner's account goes, the founding member takes over, not the one with the lowest id.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v9-groups.db"));
    {
        std::unique_ptr<SqlStatements> raw = fixtureAt(path, 9);
        QVERIFY(raw);
        for (const char* user : {"owner", "late", "founder"})
            QVERIFY(raw->execDirect(QStringLiteral("INSERT INTO users (username, username_key, display_name, "
                                                   "password_hash, created_ms) VALUES ('%1', '%1', '%1', 'h', 1)")
                                        .arg(QLatin1String(user))));
        QVERIFY(raw->execDirect(
            QStringLiteral("INSERT INTO conversations (kind, name, owner, created_ms) VALUES (1, 'team', 1, 100)")));
        for (int user : {1, 2, 3})
            QVERIFY(raw->execDirect(
                QStringLiteral("INSERT INTO members (conversation, user_id) VALUES (1, %1)").arg(user)));
        // user 2 was added later, as its system line says; user 3 came with the group.
        QVERIFY(raw->execDirect(QStringLiteral("INSERT INTO messages (conversation, sender, kind, text, event, "
                                               "event_actor, event_target, ts) "
                                               "VALUES (1, NULL, 2, 'owner added late', 'member_added', 1, 2, 900)")));
    }
    QString error;
    std::unique_ptr<SqliteStorage> storage = SqliteStorage::open(path, &error);
    QVERIFY2(storage, qPrintable(error));
    QVERIFY(storage->checkIntegrity().isEmpty());
    QCOMPARE(int(storage->groupRole(ConversationId(1), UserId(1))), int(GroupRole::Owner));
    QCOMPARE(int(storage->groupRole(ConversationId(1), UserId(2))), int(GroupRole::Member));
    QCOMPARE(int(storage->groupRole(ConversationId(1), UserId(4))), int(GroupRole::None));
    QVERIFY(storage->conversation(ConversationId(1), UserId(1))->admins.isEmpty());

    QVERIFY(storage->deleteUser(UserId(1)));
    const std::optional<ConversationInfo> info = storage->conversation(ConversationId(1), UserId(3));
    QVERIFY(info);
    QCOMPARE(info->owner, UserId(3));
    QCOMPARE(info->members, (QList<UserId>{UserId(2), UserId(3)}));
    // Roles work on the migrated rows.
    QVERIFY(storage->setGroupRole(ConversationId(1), UserId(2), GroupRole::Admin));
    QCOMPARE(storage->conversation(ConversationId(1), UserId(3))->admins, QList<UserId>{UserId(2)});
    QVERIFY(!storage->setGroupRole(ConversationId(1), UserId(3), GroupRole::Admin)); // the owner
}

void tst_Migrations::backupNeverOverwritesAnEarlierOne()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.db"));
    const QString firstBackup = path + QStringLiteral(".pre-v%1.bak").arg(Migrator::latestVersion());
    {
        std::unique_ptr<SqlStatements> raw = fixtureAt(path, 1);
        QVERIFY(raw);
    }
    QFile existing(firstBackup);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("an earlier backup");
    existing.close();

    QString error;
    std::unique_ptr<SqliteStorage> storage = SqliteStorage::open(path, &error);
    QVERIFY2(storage, qPrintable(error));
    QVERIFY(storage->migrationBackupPath() != firstBackup);
    QVERIFY(QFile::exists(storage->migrationBackupPath()));
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("an earlier backup"));
}

void tst_Migrations::newerDatabaseIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.db"));
    {
        std::unique_ptr<SqlStatements> raw = rawConnection(path);
        QVERIFY(raw);
        QVERIFY(raw->execDirect(QStringLiteral("CREATE TABLE future (x INTEGER)")));
        QVERIFY(raw->execDirect(QStringLiteral("PRAGMA user_version = 999")));
    }
    QString error;
    QVERIFY(!SqliteStorage::open(path, &error));
    QCOMPARE(error, QStringLiteral("database schema version 999 is newer than this server supports (%1)")
                        .arg(Migrator::latestVersion()));
    // Refusing must not touch the file.
    std::unique_ptr<SqlStatements> raw = rawConnection(path);
    QCOMPARE(Migrator(*raw).currentVersion(), 999);
    QVERIFY(QDir(dir.path()).entryList({QStringLiteral("*.bak")}).isEmpty());
}

void tst_Migrations::notADatabaseIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("garbage.db"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    QString error;
    QVERIFY(!SqliteStorage::open(path, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!SqliteStorage::open(dir.filePath(QStringLiteral("missing/dir/x.db")), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(tst_Migrations)
#include "tst_migrations.moc"
