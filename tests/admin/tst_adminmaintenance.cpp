// Admin maintenance subcommands through the real executable: backup during a write burst and restore,
// check (corrupt blob, orphans), prune (retention by age and quota), upgrades.

#include "adminchannel.h"
#include "adminrunner.h"
#include "files/filestore.h"
#include "migrator.h"
#include "rawclient.h"
#include "retention.h"
#include "sha256.h"
#include "sqlitestorage.h"
#include "sqlstatements.h"
#include "testserver.h"

#include <QCborArray>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <csignal>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr qint64 kDayMs = qint64(24) * 60 * 60 * 1000;

QString dbPath(const QString& dir)
{
    return QDir(dir).filePath(QStringLiteral("lanchat.db"));
}

/** Runs @p sql on the database file outside SqliteStorage (fixtures: back-dating rows). */
bool execSql(const QString& path, const QStringList& statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fixture"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString& sql : statements)
            ok = ok && query.exec(sql);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fixture"));
    return ok;
}

/** Writes a blob file into the store of @p dir and records it; returns its SHA-256. */
QByteArray addBlob(Storage& storage, const QString& dir, const QByteArray& content, bool record = true)
{
    const QByteArray sha = Sha256::hash(content);
    const QString path = FileStore(dir).blobPath(sha);
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    if (record && !storage.addBlob(sha, content.size()))
        return {};
    return sha;
}

/** Signs up "a" on @p a and "b" on @p b (both connected to @p port) and returns their private chat, 0 on failure. */
qint64 privateChatOfTwo(RawClient& a, RawClient& b, quint16 port)
{
    if (!a.connectTo(port, false) || a.signUp(QStringLiteral("a")) <= 0 || !b.connectTo(port, false))
        return 0;
    const qint64 bId = b.signUp(QStringLiteral("b"));
    if (bId <= 0)
        return 0;
    const QCborMap opened =
        a.request(QCborMap{{QStringLiteral("t"), QStringLiteral("open_private")}, {QStringLiteral("user"), bId}});
    return opened.value(QLatin1String("conversation")).toMap().value(QLatin1String("id")).toInteger();
}

} // namespace

class tst_AdminMaintenance : public QObject
{
    Q_OBJECT
private slots:
    void backupDuringWriteBurstRestoresConsistently();
    void checkFindsCorruptBlobAndOrphans();
    void pruneRemovesExactlyWhatIsOlder();
    void olderSchemaIsMigratedWithBackupAndNewerRefused();
    void sighupReloadsTheConfig();
    void abandonedUploadsExpire();
    void runningServerRetentionJob();
};

void tst_AdminMaintenance::backupDuringWriteBurstRestoresConsistently()
{
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    RawClient writer;
    QVERIFY(writer.connectTo(server.port(), false));
    QVERIFY(writer.signUp(QStringLiteral("writer")) > 0);
    const AdminRunner::Result created = admin.run(
        {QStringLiteral("group"), QStringLiteral("create"), QStringLiteral("Burst"), QStringLiteral("writer")});
    QCOMPARE(created.exitCode, 0);
    const qint64 conversation =
        QRegularExpression(QStringLiteral("id (\\d+)")).match(created.out).captured(1).toLongLong();
    QVERIFY(conversation > 0);

    constexpr int kBurst = 2000;
    for (int i = 0; i < kBurst; ++i) {
        QCborMap send;
        send.insert(QLatin1String("t"), QLatin1String("send"));
        send.insert(QLatin1String("conversation"), conversation);
        send.insert(QLatin1String("client_msg_id"), QUuid::createUuid().toRfc4122());
        send.insert(QLatin1String("text"), QStringLiteral("m%1").arg(i));
        writer.send(send);
    }
    // Start the backup once the first acks are out, so it runs while the relay commits the rest of the burst
    // (the event loop turns during run()).
    constexpr int kCommittedBefore = 200;
    QVERIFY(RawClient::waitUntil([&] { return writer.replyCount() >= kCommittedBefore; }, 30000));
    QTemporaryDir backups;
    const QString backup = QDir(backups.path()).filePath(QStringLiteral("copy.db"));
    QCOMPARE(admin.run({QStringLiteral("backup"), backup}).exitCode, 0);
    QVERIFY(RawClient::waitUntil([&] { return writer.replyCount() == kBurst; }, 30000));
    const QHash<quint64, QCborMap> replies = writer.takeReplies();
    for (const QCborMap& reply : replies)
        QCOMPARE(RawClient::errorCode(reply), QString());
    QCOMPARE(admin.run({QStringLiteral("backup"), backup}).exitCode, 1); // never overwrites

    const AdminRunner::Result refused = admin.run({QStringLiteral("restore"), backup});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("running")), qPrintable(refused.err));

    QTemporaryDir fresh;
    const AdminRunner restorer(fresh.path());
    QCOMPARE(restorer.run({QStringLiteral("user"), QStringLiteral("list")}).exitCode, 0); // an older db to keep
    QCOMPARE(restorer.run({QStringLiteral("restore"), backup}).exitCode, 0);
    QVERIFY(!QDir(fresh.path()).entryList({QStringLiteral("lanchat.db.before-restore-*")}).isEmpty());
    QCOMPARE(restorer.run({QStringLiteral("check")}).exitCode, 0);

    QString error;
    const auto restored = SqliteStorage::open(dbPath(fresh.path()), &error);
    QVERIFY2(restored, qPrintable(error));
    // Consistent: the copy holds exactly a prefix of the burst, m0..m(n-1), in order, nothing torn.
    QList<MessageRecord> all;
    for (Seq before = 0;;) {
        const QList<MessageRecord> page = restored->history(ConversationId(conversation), before, 500);
        if (page.isEmpty())
            break;
        all += page;
        before = page.last().seq;
    }
    QCOMPARE(qint64(all.size()), restored->messageCount());
    QVERIFY(all.size() >= kCommittedBefore && all.size() <= kBurst);
    for (qsizetype i = 0; i < all.size(); ++i)
        QCOMPARE(all.at(all.size() - 1 - i).text, QStringLiteral("m%1").arg(i));
    qInfo("backup taken during the burst holds %lld of %d messages", qint64(all.size()), kBurst);

    QFile junk(QDir(backups.path()).filePath(QStringLiteral("junk.db")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a database at all, just text");
    junk.close();
    QCOMPARE(restorer.run({QStringLiteral("restore"), junk.fileName()}).exitCode, 1);
}

void tst_AdminMaintenance::checkFindsCorruptBlobAndOrphans()
{
    QTemporaryDir dir;
    const AdminRunner admin(dir.path());
    QByteArray good;
    QByteArray bad;
    QByteArray missing;
    QByteArray orphan;
    {
        QString error;
        const auto storage = SqliteStorage::open(dbPath(dir.path()), &error);
        QVERIFY2(storage, qPrintable(error));
        good = addBlob(*storage, dir.path(), "good content");
        bad = addBlob(*storage, dir.path(), "bad content!");
        QVERIFY(!good.isEmpty() && !bad.isEmpty());
    }
    AdminRunner::Result r = admin.run({QStringLiteral("check")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("check: ok (database and 2 files)")), qPrintable(r.out));
    {
        QString error;
        const auto storage = SqliteStorage::open(dbPath(dir.path()), &error);
        missing = Sha256::hash("recorded, never stored");
        QVERIFY(storage->addBlob(missing, 22));
        orphan = addBlob(*storage, dir.path(), "stored, never recorded", false);
    }
    QFile corrupt(FileStore(dir.path()).blobPath(bad));
    QVERIFY(corrupt.open(QIODevice::ReadWrite));
    corrupt.write("BAD"); // same size, different bytes
    corrupt.close();

    r = admin.run({QStringLiteral("check")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QStringLiteral("corrupt blob: ") + FileStore(dir.path()).blobPath(bad)), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("orphan record: blob ") + QString::fromLatin1(missing.toHex())));
    QVERIFY(r.out.contains(QStringLiteral("orphan file: ") + FileStore(dir.path()).blobPath(orphan)));
    QVERIFY(!r.out.contains(QString::fromLatin1(good.toHex())));
    QVERIFY(r.out.contains(QStringLiteral("check: 3 problems")));
}

void tst_AdminMaintenance::pruneRemovesExactlyWhatIsOlder()
{
    QTemporaryDir dir;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    ConversationId chat;
    QByteArray oldBlob;
    QByteArray newBlob;
    {
        QString error;
        const auto storage = SqliteStorage::open(dbPath(dir.path()), &error);
        QVERIFY2(storage, qPrintable(error));
        UserId a;
        UserId b;
        QCOMPARE(storage->createUser(QStringLiteral("a"), QStringLiteral("A"), "x", &a), CreateUserResult::Created);
        QCOMPARE(storage->createUser(QStringLiteral("b"), QStringLiteral("B"), "x", &b), CreateUserResult::Created);
        chat = storage->privateConversation(a, b, true);
        for (const QString& text :
             {QStringLiteral("old-1"), QStringLiteral("old-2"), QStringLiteral("edge"), QStringLiteral("new-1")})
            QVERIFY(storage->appendMessage({chat, a, QUuid::createUuid(), MessageKind::Text, text, std::nullopt}));
        oldBlob = addBlob(*storage, dir.path(), "six days old");
        newBlob = addBlob(*storage, dir.path(), "four days old");
        for (const QByteArray& sha : {oldBlob, newBlob})
            QVERIFY(storage->appendMessage(
                {chat, b, QUuid::createUuid(), MessageKind::File, {}, FileRef{QStringLiteral("f"), 12, sha, false}}));
    }
    // Back-date: 11 days (older than 10), 9.9 days (younger), blobs 6 and 4 days (limit 5).
    QVERIFY(execSql(dbPath(dir.path()),
                    {QStringLiteral("UPDATE messages SET ts = %1 WHERE text LIKE 'old-%'").arg(now - 11 * kDayMs),
                     QStringLiteral("UPDATE messages SET ts = %1 WHERE text = 'edge'").arg(now - 99 * kDayMs / 10),
                     QStringLiteral("UPDATE blobs SET created_ms = %1 WHERE sha256 = x'%2'")
                         .arg(now - 6 * kDayMs)
                         .arg(QString::fromLatin1(oldBlob.toHex())),
                     QStringLiteral("UPDATE blobs SET created_ms = %1 WHERE sha256 = x'%2'")
                         .arg(now - 4 * kDayMs)
                         .arg(QString::fromLatin1(newBlob.toHex()))}));

    QCOMPARE(AdminRunner(dir.path()).run({QStringLiteral("prune")}).out.trimmed(),
             QStringLiteral("retention is off (retention_days, file_retention_days and store_quota_bytes are 0): "
                            "nothing to do"));
    const AdminRunner admin(dir.path(), {QStringLiteral("retention_days=10"), QStringLiteral("file_retention_days=5")});
    AdminRunner::Result r = admin.run({QStringLiteral("prune")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("deleted 2 messages and 1 file (12 bytes)"));
    QVERIFY(!QFile::exists(FileStore(dir.path()).blobPath(oldBlob)));
    QVERIFY(QFile::exists(FileStore(dir.path()).blobPath(newBlob)));
    {
        QString error;
        const auto storage = SqliteStorage::open(dbPath(dir.path()), &error);
        const QList<MessageRecord> left = storage->history(chat, 0, 100);
        QCOMPARE(left.size(), 4);
        QCOMPARE(left.at(3).text, QStringLiteral("edge"));
        QCOMPARE(left.at(2).text, QStringLiteral("new-1"));
        QVERIFY(left.at(1).file && left.at(1).file->expired);  // its content was pruned
        QVERIFY(left.at(0).file && !left.at(0).file->expired); // still there
    }
    QCOMPARE(admin.run({QStringLiteral("check")}).exitCode, 0);
    // Quota: the store must fit 1 byte, so the remaining (oldest first) blob goes too.
    r = AdminRunner(dir.path(), {QStringLiteral("store_quota_bytes=1")}).run({QStringLiteral("prune")});
    QCOMPARE(r.out.trimmed(), QStringLiteral("deleted 0 messages and 1 file (13 bytes)"));
    QVERIFY(!QFile::exists(FileStore(dir.path()).blobPath(newBlob)));
}

void tst_AdminMaintenance::olderSchemaIsMigratedWithBackupAndNewerRefused()
{
    // tests/storage covers Migrator itself; here: the executable migrates on open and keeps the backup.
    QTemporaryDir dir;
    const QString path = dbPath(dir.path());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        {
            SqlStatements statements(QStringLiteral("v1"));
            QString error;
            QVERIFY2(Migrator(statements).migrate(path, &error, 1), qPrintable(error));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));
    const AdminRunner admin(dir.path());
    const AdminRunner::Result r = admin.run({QStringLiteral("stats")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(QFile::exists(path + QStringLiteral(".pre-v%1.bak").arg(Migrator::latestVersion())));

    QVERIFY(execSql(path, {QStringLiteral("PRAGMA user_version = 999")}));
    const AdminRunner::Result serve = AdminRunner::runRaw(
        {QStringLiteral("serve"), QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--port"),
         QStringLiteral("0"), QStringLiteral("--no-discovery"), QStringLiteral("--insecure-plaintext")});
    QCOMPARE(serve.exitCode, 1);
    QVERIFY2(serve.err.contains(QStringLiteral("newer than this server supports")), qPrintable(serve.err));
    QCOMPARE(admin.run({QStringLiteral("stats")}).exitCode, 1);
}

void tst_AdminMaintenance::sighupReloadsTheConfig()
{
    QTemporaryDir dir;
    const AdminRunner admin(dir.path()); // writes test.conf (cheap hash cost)
    QProcess serve;
    QString log;
    connect(&serve, &QProcess::readyReadStandardError, this,
            [&] { log += QString::fromUtf8(serve.readAllStandardError()); });
    serve.start(AdminRunner::executable(),
                {QStringLiteral("serve"), QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--config"),
                 admin.configPath(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                 QStringLiteral("0"), QStringLiteral("--no-discovery"), QStringLiteral("--insecure-plaintext")});
    const QRegularExpression listening(QStringLiteral("port (\\d+) \\(plaintext\\)"));
    QVERIFY(RawClient::waitUntil([&] { return listening.match(log).hasMatch(); }, 20000));
    const auto port = quint16(listening.match(log).captured(1).toUInt());

    RawClient first;
    QVERIFY(first.connectTo(port, false));
    QVERIFY(first.signUp(QStringLiteral("first")) > 0);

    QFile config(admin.configPath());
    QVERIFY(config.open(QIODevice::ReadOnly));
    const QByteArray content = config.readAll();
    config.close();
    QVERIFY(content.contains("registration=open\n"));
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write(QByteArray(content).replace("registration=open\n", "registration=off\n"));
    config.close();
    QCOMPARE(::kill(pid_t(serve.processId()), SIGHUP), 0);
    QVERIFY(RawClient::waitUntil([&] { return log.contains(QStringLiteral("config reloaded")); }, 10000));

    RawClient second;
    QVERIFY(second.connectTo(port, false));
    QCOMPARE(second.hello().value(QLatin1String("registration")).toString(), QStringLiteral("off"));
    QCOMPARE(RawClient::errorCode(second.registerUser(QStringLiteral("second"), QStringLiteral("password123"))),
             QStringLiteral("registration_disabled"));
    QVERIFY(first.isConnected()); // a reload is not a restart
    serve.terminate();
    QVERIFY(serve.waitForFinished(10000));
    QCOMPARE(serve.exitCode(), 0);
}

void tst_AdminMaintenance::runningServerRetentionJob()
{
    ServerConfig overrides = TestServer::openSignUp();
    overrides.retentionDays = 10;
    TestServer server(false, overrides);
    QVERIFY(server.start());
    RawClient a;
    RawClient b;
    const qint64 chat = privateChatOfTwo(a, b, server.port());
    QVERIFY(chat > 0);
    QCOMPARE(RawClient::errorCode(a.sendText(chat, QStringLiteral("old"))), QString());
    QCOMPARE(RawClient::errorCode(a.sendText(chat, QStringLiteral("new"))), QString());
    // Back-dated through a second connection while the relay runs, as an old history would be.
    const qint64 old = QDateTime::currentMSecsSinceEpoch() - 11 * kDayMs;
    QVERIFY(
        execSql(dbPath(server.dataDir()), {QStringLiteral("UPDATE messages SET ts = %1 WHERE text = 'old'").arg(old)}));

    auto* channel = server.server().adminChannel();
    QVERIFY(channel);
    QCOMPARE(channel->applyRetention().messages, 1);
    const QCborMap page = b.request(QCborMap{{QStringLiteral("t"), QStringLiteral("history")},
                                             {QStringLiteral("conversation"), chat},
                                             {QStringLiteral("before"), 0},
                                             {QStringLiteral("limit"), 0}});
    const QCborArray messages = page.value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).toMap().value(QLatin1String("text")).toString(), QStringLiteral("new"));
}

void tst_AdminMaintenance::abandonedUploadsExpire()
{
    TestServer server(false); // upload_expiry_hours: the default, 72
    QCOMPARE(server.config().uploadExpiryHours, 72);
    QVERIFY(server.start());
    RawClient a;
    RawClient b;
    const qint64 chat = privateChatOfTwo(a, b, server.port());
    QVERIFY(chat > 0);
    // Two uploads left after their first chunk: one idle for 73 hours, one still in use.
    const auto startUpload = [&](const QByteArray& content) {
        const QCborMap offer = a.request(QCborMap{{QStringLiteral("t"), QStringLiteral("file_offer")},
                                                  {QStringLiteral("conversation"), chat},
                                                  {QStringLiteral("client_msg_id"), QUuid::createUuid().toRfc4122()},
                                                  {QStringLiteral("name"), QStringLiteral("left.bin")},
                                                  {QStringLiteral("size"), content.size()},
                                                  {QStringLiteral("sha256"), Sha256::hash(content)}});
        const qint64 transfer = offer.value(QLatin1String("transfer")).toInteger();
        const QCborMap chunk = a.request(QCborMap{{QStringLiteral("t"), QStringLiteral("file_chunk")},
                                                  {QStringLiteral("transfer"), transfer},
                                                  {QStringLiteral("offset"), 0},
                                                  {QStringLiteral("data"), content.left(256 * 1024)}});
        return chunk.value(QLatin1String("received")).toInteger() == 256 * 1024 ? transfer : 0;
    };
    const qint64 idle = startUpload(QByteArray(1024 * 1024, 'i'));
    const qint64 active = startUpload(QByteArray(1024 * 1024, 'a'));
    QVERIFY(idle > 0 && active > 0);
    const FileStore store(server.dataDir());
    const auto backDate = [](const QString& path, qint64 hours) {
        QFile file(path);
        return file.open(QIODevice::ReadWrite) &&
               file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-hours * 3600),
                                QFileDevice::FileModificationTime);
    };
    QVERIFY(backDate(store.partPath(TransferId(idle)), 73));
    // Stray parts without a record (a crash between the two deletions): an old one goes, a fresh one stays.
    const QString strayOld = QDir(store.partsDir()).filePath(QStringLiteral("900.part"));
    const QString strayNew = QDir(store.partsDir()).filePath(QStringLiteral("901.part"));
    for (const QString& path : {strayOld, strayNew}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("stray") == 5);
    }
    QVERIFY(backDate(strayOld, 100));

    auto* channel = server.server().adminChannel();
    QVERIFY(channel);
    const Retention::Result result = channel->applyRetention(); // the daily job, with only the upload rule on
    QCOMPARE(result.uploads, 2);
    QCOMPARE(result.uploadBytes, 256 * 1024 + 5);
    QCOMPARE(result.messages, 0);
    QVERIFY(!QFile::exists(store.partPath(TransferId(idle))));
    QVERIFY(!QFile::exists(strayOld));
    QVERIFY(QFile::exists(strayNew));
    QVERIFY(!server.server().storage().upload(TransferId(idle)));
    QCOMPARE(QFileInfo(store.partPath(TransferId(active))).size(), 256 * 1024);
    QVERIFY(server.server().storage().upload(TransferId(active)));

    // At start: the server was down for four days; the other upload is gone before anyone could resume it.
    a.abort();
    b.abort();
    server.stop();
    QVERIFY(backDate(store.partPath(TransferId(active)), 96));
    QVERIFY(server.start());
    QVERIFY(!QFile::exists(store.partPath(TransferId(active))));
    QVERIFY(server.server().storage().uploads().isEmpty());
    QVERIFY(QFile::exists(strayNew));

    // upload_expiry_hours = 0 keeps them forever.
    ServerConfig keep = server.config();
    keep.uploadExpiryHours = 0;
    QVERIFY(backDate(strayNew, 10000));
    QCOMPARE(Retention::expireUploads(server.server().storage(), keep, QDateTime::currentMSecsSinceEpoch()).uploads, 0);
    QVERIFY(QFile::exists(strayNew));
}

QTEST_GUILESS_MAIN(tst_AdminMaintenance)
#include "tst_adminmaintenance.moc"
