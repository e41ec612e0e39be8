// The audit table of recalled and edited messages through the real lanchat-server: `audit list`, `audit export`
// (CSV and JSON hold the originals), `message recall` against a running relay, and retention (`prune`) purging the
// audit rows with the messages.
#include "adminrunner.h"
#include "protocolframes.h"
#include "rawclient.h"
#include "sqlitestorage.h"
#include "testserver.h"

#include <QCborArray>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace lanchat;
using namespace lanchat::test;

namespace {

constexpr int kWaitMs = 60000;
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;

QCborMap action(const char* type, qint64 conversation, qint64 seq, const QString& text = {})
{
    QCborMap m = typed(type);
    m.insert(QLatin1String("conversation"), conversation);
    m.insert(QLatin1String("seq"), seq);
    if (!text.isEmpty())
        m.insert(QLatin1String("text"), text);
    return m;
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

} // namespace

class tst_AdminAudit : public QObject
{
    Q_OBJECT

private slots:
    void exportHoldsTheOriginals();
    void adminRecallReachesMembersOnline();
    void pruneRemovesAuditRowsWithTheirMessages();
};

void tst_AdminAudit::exportHoldsTheOriginals()
{
    TestServer server(false);
    QVERIFY(server.start());
    RawClient alice;
    RawClient bob;
    QVERIFY(alice.connectTo(server.port(), false) && alice.signUp(QStringLiteral("alice")) > 0);
    QVERIFY(bob.connectTo(server.port(), false) && bob.signUp(QStringLiteral("bob")) > 0);
    QCborMap open = typed("open_private");
    open.insert(QLatin1String("user"), alice.userId());
    const qint64 chat = conversationId(bob.request(open, kWaitMs));
    const qint64 secret =
        bob.sendText(chat, QStringLiteral("the secret, plan \"B\"")).value(QLatin1String("seq")).toInteger();
    const qint64 typo = bob.sendText(chat, QStringLiteral("teh report")).value(QLatin1String("seq")).toInteger();
    QCOMPARE(frameType(bob.request(action("recall", chat, secret), kWaitMs)), QStringLiteral("ok"));
    QCOMPARE(frameType(bob.request(action("edit", chat, typo, QStringLiteral("the report")), kWaitMs)),
             QStringLiteral("ok"));

    const AdminRunner admin(server.dataDir());
    AdminRunner::Result r = admin.run(
        {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0)[QStringLiteral("action")].toString(), QStringLiteral("recall"));
    QCOMPARE(rows.at(0)[QStringLiteral("actor")].toString(), QStringLiteral("bob"));
    QCOMPARE(rows.at(0)[QStringLiteral("seq")].toInteger(), secret);
    QCOMPARE(rows.at(0)[QStringLiteral("text")].toString(), QStringLiteral("the secret, plan \"B\""));
    QCOMPARE(rows.at(1)[QStringLiteral("action")].toString(), QStringLiteral("edit"));
    QCOMPARE(rows.at(1)[QStringLiteral("text")].toString(), QStringLiteral("teh report"));

    r = admin.run(
        {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).startsWith(QStringLiteral("id,action,actor,action_time,conversation,seq,sender")));
    QVERIFY2(lines.at(1).contains(QStringLiteral("\"the secret, plan \"\"B\"\"\"")), qPrintable(lines.at(1)));
    QVERIFY(lines.at(2).contains(QStringLiteral(",teh report,")));

    r = admin.run(
        {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--conversation"), QString::number(chat)});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("recall")) && r.out.contains(QStringLiteral("teh report")));
    r = admin.run({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--since"),
                   QDateTime::currentDateTime().addDays(1).date().toString(Qt::ISODate)});
    QCOMPARE(r.out.trimmed(), QStringLiteral("no recalled or edited messages"));
    QCOMPARE(
        admin
            .run({QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("xml")})
            .exitCode,
        2);
    // Clients never read it: history keeps neither original.
    QCborMap history = typed("history");
    history.insert(QLatin1String("conversation"), chat);
    const QString seen = QCborValue(alice.request(history, kWaitMs)).toDiagnosticNotation();
    QVERIFY(!seen.contains(QLatin1String("secret")) && !seen.contains(QLatin1String("teh report")));
}

void tst_AdminAudit::adminRecallReachesMembersOnline()
{
    TestServer server(false);
    QVERIFY(server.start());
    RawClient alice;
    RawClient bob;
    QVERIFY(alice.connectTo(server.port(), false) && alice.signUp(QStringLiteral("alice")) > 0);
    QVERIFY(bob.connectTo(server.port(), false) && bob.signUp(QStringLiteral("bob")) > 0);
    QCborMap create = typed("group_create");
    create.insert(QLatin1String("name"), QStringLiteral("All hands"));
    create.insert(QLatin1String("members"), QCborArray{bob.userId()});
    const qint64 group = conversationId(alice.request(create, kWaitMs));
    const qint64 seq =
        alice.sendText(group, QStringLiteral("leaked salary list")).value(QLatin1String("seq")).toInteger();
    QVERIFY(seq > 0);
    bob.clearPushes();

    const AdminRunner::Result r =
        AdminRunner(server.dataDir())
            .run({QStringLiteral("message"), QStringLiteral("recall"), QString::number(group), QString::number(seq)});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("message %1 recalled").arg(seq));
    QCborMap push;
    QVERIFY(RawClient::waitUntil(
        [&] {
            push = bob.waitPush(QStringLiteral("message"), 100);
            return push.value(QLatin1String("kind")).toString() == QLatin1String("recall");
        },
        kWaitMs));
    QCOMPARE(push.value(QLatin1String("target")).toInteger(), seq);
    QCOMPARE(push.value(QLatin1String("sender")).toInteger(), 0);
    // Twice is refused with a reason; an unknown message too.
    QCOMPARE(
        AdminRunner(server.dataDir())
            .run({QStringLiteral("message"), QStringLiteral("recall"), QString::number(group), QString::number(seq)})
            .exitCode,
        1);
    QCOMPARE(AdminRunner(server.dataDir())
                 .run({QStringLiteral("message"), QStringLiteral("recall"), QString::number(group),
                       QString::number(seq + 100)})
                 .exitCode,
             1);
}

void tst_AdminAudit::pruneRemovesAuditRowsWithTheirMessages()
{
    QTemporaryDir dir;
    const QString db = QDir(dir.path()).filePath(QStringLiteral("lanchat.db"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Seq oldSeq = 0;
    {
        QString error;
        const auto storage = SqliteStorage::open(db, &error);
        QVERIFY2(storage, qPrintable(error));
        UserId a;
        UserId b;
        QCOMPARE(storage->createUser(QStringLiteral("a"), QStringLiteral("A"), "x", &a), CreateUserResult::Created);
        QCOMPARE(storage->createUser(QStringLiteral("b"), QStringLiteral("B"), "x", &b), CreateUserResult::Created);
        const ConversationId chat = storage->privateConversation(a, b, true);
        for (const QString& text : {QStringLiteral("old"), QStringLiteral("new")}) {
            const auto stored = storage->appendMessage({chat, a, QUuid::createUuid(), MessageKind::Text, text, {}});
            QVERIFY(stored);
            QVERIFY(storage->editMessage(stored->seq, a, text + QStringLiteral(" (edited)"), now));
            if (text == QLatin1String("old"))
                oldSeq = stored->seq;
        }
        QCOMPARE(storage->audit(ConversationId(), 0).size(), 2);
    }
    QVERIFY(execSql(
        db,
        {QStringLiteral("UPDATE messages SET ts = %1 WHERE seq = %2").arg(now - 11 * kDayMs).arg(oldSeq),
         QStringLiteral("UPDATE message_audit SET sent_ms = %1 WHERE seq = %2").arg(now - 11 * kDayMs).arg(oldSeq)}));
    const AdminRunner::Result r =
        AdminRunner(dir.path(), {QStringLiteral("retention_days=10")}).run({QStringLiteral("prune")});
    QCOMPARE(r.exitCode, 0);
    QString error;
    const auto storage = SqliteStorage::open(db, &error);
    QVERIFY2(storage, qPrintable(error));
    const QList<AuditEntry> left = storage->audit(ConversationId(), 0);
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.at(0).text, QStringLiteral("new"));
}

QTEST_GUILESS_MAIN(tst_AdminAudit)
#include "tst_adminaudit.moc"
