// `lanchat-server import FILE.csv` through the real executable: a good file's report, re-import counts, every
// kind of bad input refused with its line number and nothing imported, accounts without a password unable to log
// in, and a 2,000-person, 100-department file.

#include "adminrunner.h"
#include "rawclient.h"
#include "testserver.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lanchat;
using namespace lanchat::test;

class tst_CsvImport : public QObject
{
    Q_OBJECT
private slots:
    void goodImportAndReport();
    void refused_data();
    void refused();
    void passwordlessAccountsCannotLogIn();
    void twoThousandPeople();

private:
    static QString write(const QTemporaryDir& dir, const QByteArray& csv);
    static int accountCount(const AdminRunner& admin);
};

QString tst_CsvImport::write(const QTemporaryDir& dir, const QByteArray& csv)
{
    const QString path = dir.filePath(QStringLiteral("users.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(csv) != csv.size())
        return {};
    return path;
}

int tst_CsvImport::accountCount(const AdminRunner& admin)
{
    const AdminRunner::Result list = admin.run({QStringLiteral("user"), QStringLiteral("list")});
    return list.exitCode == 0 ? int(list.out.trimmed().split(u'\n').size()) - 1 : -1; // minus the header
}

void tst_CsvImport::goodImportAndReport()
{
    QTemporaryDir dir;
    const AdminRunner admin(dir.path());
    // A BOM, CRLF line ends, quoted fields with a comma, a doubled quote and a line break, columns in any order.
    const QByteArray csv = "\xEF\xBB\xBF"
                           "Username,Display_Name,department,title,phone,email\r\n"
                           "li.wei,\"Li, Wei\",总部/研发部/平台组,工程师,+86 10 1234,li.wei@example.com\r\n"
                           "wang.fang,王芳,总部/研发部,\"研发\"\"经理\"\"\",,\r\n"
                           "zhao.min,赵敏,总部/市场部,\"市场\n专员\",,\r\n";
    AdminRunner::Result r = admin.run({QStringLiteral("import"), write(dir, csv)});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("imported: 3 created, 0 updated, 0 unchanged; 4 department(s) created")),
             qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("without a password")));
    r = admin.run({QStringLiteral("dept"), QStringLiteral("list")});
    QVERIFY2(r.out.contains(QStringLiteral("总部/研发部/平台组")) && r.out.contains(QStringLiteral("总部/市场部")),
             qPrintable(r.out));
    r = admin.run({QStringLiteral("user"), QStringLiteral("list")});
    QVERIFY2(r.out.contains(QStringLiteral("Li, Wei")), qPrintable(r.out));

    // Again with one title changed and one person moved: only those two count as updated.
    const QByteArray again = "username,display_name,department,title\n"
                             "li.wei,\"Li, Wei\",总部/研发部/平台组,高级工程师\n"
                             "wang.fang,王芳,总部/研发部,\"研发\"\"经理\"\"\"\n"
                             "zhao.min,赵敏,总部/销售部,\"市场\n专员\"\n";
    r = admin.run({QStringLiteral("import"), write(dir, again)});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("imported: 0 created, 2 updated, 1 unchanged; 1 department(s) created")),
             qPrintable(r.out));
    QCOMPARE(accountCount(admin), 3);
}

void tst_CsvImport::refused_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("expected");
    const QByteArray header = "username,display_name,department,title\n";
    const QByteArray good = "amy,Amy,总部/研发部,工程师\nbob,Bob,总部,\n";
    QTest::newRow("missing column") << QByteArray("username,department\namy,总部\n")
                                    << QStringLiteral("line 1: missing column 'display_name'");
    QTest::newRow("unknown column") << QByteArray("username,display_name,salary\namy,Amy,1\n")
                                    << QStringLiteral("line 1: unknown column 'salary'");
    QTest::newRow("duplicate username") << header + good + "AMY,Amy Again,总部,\n"
                                        << QStringLiteral("line 4: username 'AMY' is already on line 2");
    QTest::newRow("department cycle") << header + good + "cy,Cy,总部/研发部/总部,\n"
                                      << QStringLiteral("line 4: department path '总部/研发部/总部' names a "
                                                        "department twice (a cycle)");
    QTest::newRow("invalid UTF-8") << header + good + "dan,D\xC3\x28n,总部,\n"
                                   << QStringLiteral("line 4: invalid UTF-8 in column 'display_name'");
    QTest::newRow("bad username") << header + good + "not valid!,X,总部,\n"
                                  << QStringLiteral("line 4: invalid username 'not valid!'");
    QTest::newRow("empty department name") << header + good + "eve,Eve,总部//平台组,\n"
                                           << QStringLiteral("line 4: invalid department path");
    QTest::newRow("field count") << header + good + "fay,Fay\n"
                                 << QStringLiteral("line 4: 2 fields, but the header has 4");
    QTest::newRow("open quote") << header + good + "gus,\"Gus,总部,\n"
                                << QStringLiteral("line 4: a quoted field is not closed");
    QTest::newRow("bad email") << QByteArray("username,display_name,email\nhal,Hal,not-an-address\n")
                               << QStringLiteral("line 2: invalid email address");
    // A multi-line quoted field: the error names the line the bad record starts on.
    QTest::newRow("line after a multi-line field") << header + "amy,Amy,总部,\"a\nb\"\nbad name,X,总部,\n"
                                                   << QStringLiteral("line 4: invalid username");
}

void tst_CsvImport::refused()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const AdminRunner admin(dir.path());
    const AdminRunner::Result r = admin.run({QStringLiteral("import"), write(dir, csv)});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("nothing was imported")), qPrintable(r.err));
    // Nothing half-imported: no account, no department.
    QCOMPARE(accountCount(admin), 0);
    const AdminRunner::Result depts = admin.run({QStringLiteral("dept"), QStringLiteral("list")});
    QCOMPARE(depts.out.trimmed().split(u'\n').size(), 1);
}

void tst_CsvImport::passwordlessAccountsCannotLogIn()
{
    TestServer server(false);
    QVERIFY(server.start());
    const AdminRunner admin(server.dataDir());
    RawClient watcher;
    QVERIFY(watcher.connectTo(server.port(), false));
    QVERIFY(watcher.signUp(QStringLiteral("watcher")) > 0);
    watcher.clearPushes();
    QTemporaryDir dir;
    const QByteArray csv = "username,display_name,department,password\n"
                           "nopw,No Password,总部,\n"
                           "haspw,Has Password,总部,\"secret, 123\"\n";
    QCOMPARE(admin.run({QStringLiteral("import"), write(dir, csv)}).exitCode, 0);
    // A running server hears of the import at once.
    const QCborMap push = watcher.waitPush(QStringLiteral("directory"));
    QCOMPARE(push.value(QLatin1String("departments")).toArray().size(), 1);

    RawClient client;
    QVERIFY(client.connectTo(server.port(), false));
    client.hello();
    QCOMPARE(RawClient::errorCode(client.login(QStringLiteral("nopw"), QStringLiteral("anything-at-all"))),
             QStringLiteral("bad_credentials"));
    QCOMPARE(client.login(QStringLiteral("haspw"), QStringLiteral("secret, 123")).value(QLatin1String("t")).toString(),
             QStringLiteral("ok"));
    // Once an administrator sets a password, the imported account logs in.
    QCOMPARE(admin
                 .run({QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("nopw"),
                       QStringLiteral("--password-stdin")},
                      "now-it-has-one\n")
                 .exitCode,
             0);
    RawClient later;
    QVERIFY(later.connectTo(server.port(), false));
    later.hello();
    QCOMPARE(later.login(QStringLiteral("nopw"), QStringLiteral("now-it-has-one")).value(QLatin1String("t")).toString(),
             QStringLiteral("ok"));
}

void tst_CsvImport::twoThousandPeople()
{
    QTemporaryDir dir;
    const AdminRunner admin(dir.path());
    // 100 departments: 10 divisions of 9 teams each under one head office.
    QByteArray csv = "username,display_name,department,title,phone,email\n";
    for (int i = 0; i < 2000; ++i) {
        const int division = i % 10;
        const int team = (i / 10) % 9;
        csv += QStringLiteral("user%1,员工 %1,总公司/事业部%2/小组%3,工程师,+86 %1,user%1@example.com\n")
                   .arg(i)
                   .arg(division)
                   .arg(team)
                   .toUtf8();
    }
    const AdminRunner::Result r = admin.run({QStringLiteral("import"), write(dir, csv)});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(
        r.out.contains(QStringLiteral("imported: 2000 created, 0 updated, 0 unchanged; 101 department(s) created")),
        qPrintable(r.out));
    QCOMPARE(accountCount(admin), 2000);
}

QTEST_GUILESS_MAIN(tst_CsvImport)
#include "tst_csvimport.moc"
