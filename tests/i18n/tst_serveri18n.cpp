// The server's --help and admin output follow the locale variables: the real lanchat-server runs as a
// child process with LANG / LC_ALL / LC_MESSAGES set, and prints Chinese for zh_CN, the English source otherwise.

#include "adminrunner.h"
#include "texttable.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace lanchat;
using namespace lanchat::test;

namespace {

bool hasCjk(const QString& text)
{
    static const QRegularExpression cjk(QStringLiteral("[\\x{3000}-\\x{9fff}\\x{ff00}-\\x{ffef}]"));
    return text.contains(cjk);
}

/** Display column at which @p needle starts in @p line; -1 when absent. */
int columnOf(const QString& line, const QString& needle)
{
    const qsizetype at = line.indexOf(needle);
    return at < 0 ? -1 : TextTable::displayWidth(QStringView(line).left(at));
}

} // namespace

class tst_ServerI18n : public QObject
{
    Q_OBJECT
private slots:
    void helpFollowsLocale_data();
    void helpFollowsLocale();
    void unknownSubcommand_data();
    void unknownSubcommand();
    void userListAlignsChineseColumns();
    void statsInEnglishAndChinese();
};

void tst_ServerI18n::helpFollowsLocale_data()
{
    QTest::addColumn<AdminRunner::Locale>("locale");
    QTest::addColumn<bool>("chinese");
    QTest::newRow("LANG=zh_CN") << AdminRunner::Locale{{QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8")}} << true;
    QTest::newRow("LANG=C") << AdminRunner::Locale{{QStringLiteral("LANG"), QStringLiteral("C")}} << false;
    QTest::newRow("LANG=en_US") << AdminRunner::Locale{{QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8")}}
                                << false;
    QTest::newRow("LC_ALL=zh_CN beats LANG=C")
        << AdminRunner::Locale{{QStringLiteral("LANG"), QStringLiteral("C")},
                               {QStringLiteral("LC_ALL"), QStringLiteral("zh_CN.UTF-8")}}
        << true;
    QTest::newRow("LC_ALL=C beats LANG=zh_CN")
        << AdminRunner::Locale{{QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8")},
                               {QStringLiteral("LC_ALL"), QStringLiteral("C")}}
        << false;
    QTest::newRow("LC_MESSAGES=zh_CN") << AdminRunner::Locale{{QStringLiteral("LANG"), QStringLiteral("C")},
                                                              {QStringLiteral("LC_MESSAGES"),
                                                               QStringLiteral("zh_CN.UTF-8")}}
                                       << true;
}

void tst_ServerI18n::helpFollowsLocale()
{
    QFETCH(AdminRunner::Locale, locale);
    QFETCH(bool, chinese);
    const AdminRunner::Result help = AdminRunner::runRaw({QStringLiteral("--help")}, {}, locale);
    QCOMPARE(help.exitCode, 0);
    // Option names are typed as they are, in both languages.
    QVERIFY2(help.out.contains(QStringLiteral("--data-dir")), qPrintable(help.out));
    if (chinese) {
        // Ours and QCommandLineParser's own texts (usage line, headings).
        QVERIFY2(help.out.contains(QStringLiteral("LanChat 中继服务器")), qPrintable(help.out));
        QVERIFY2(help.out.startsWith(QStringLiteral("用法：")), qPrintable(help.out));
        QVERIFY(help.out.contains(QStringLiteral("选项：")));
        QVERIFY(!help.out.contains(QStringLiteral("Usage:")));
    } else {
        QVERIFY2(help.out.contains(QStringLiteral("LanChat relay server")), qPrintable(help.out));
        QVERIFY(help.out.startsWith(QStringLiteral("Usage:")));
        QVERIFY2(!hasCjk(help.out), qPrintable(help.out));
    }
    // A subcommand's help too.
    const AdminRunner::Result user =
        AdminRunner::runRaw({QStringLiteral("user"), QStringLiteral("--help")}, {}, locale);
    QCOMPARE(user.exitCode, 0);
    QVERIFY2(user.out.contains(chinese ? QStringLiteral("管理账号。") : QStringLiteral("Manage accounts.")),
             qPrintable(user.out));
}

void tst_ServerI18n::unknownSubcommand_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN.UTF-8") << QStringLiteral("未知子命令“frobnicate”");
    QTest::newRow("en_US") << QStringLiteral("en_US.UTF-8") << QStringLiteral("unknown subcommand 'frobnicate'");
}

void tst_ServerI18n::unknownSubcommand()
{
    QFETCH(QString, lang);
    QFETCH(QString, expected);
    const AdminRunner::Result r =
        AdminRunner::runRaw({QStringLiteral("frobnicate")}, {}, {{QStringLiteral("LANG"), lang}});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(QStringLiteral("lanchat-server: ")), qPrintable(r.err));
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void tst_ServerI18n::userListAlignsChineseColumns()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const AdminRunner admin(dir.path());
    const AdminRunner::Locale zh{{QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8")}};

    // A fresh data directory: only the header.
    AdminRunner::Result r = admin.run({QStringLiteral("user"), QStringLiteral("list")}, {}, zh);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed().split(QLatin1Char('\n')).size(), 1);
    QVERIFY2(r.out.contains(QStringLiteral("用户名")) && r.out.contains(QStringLiteral("显示名称")), qPrintable(r.out));

    const QStringList add{QStringLiteral("user"),           QStringLiteral("add"),  QStringLiteral("zhang"),
                          QStringLiteral("--display-name"), QStringLiteral("张伟"), QStringLiteral("--password-stdin")};
    r = admin.run(add, "correct horse battery\n", zh);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("已添加用户“zhang”")), qPrintable(r.out));
    QCOMPARE(
        admin
            .run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("alice"),
                  QStringLiteral("--display-name"), QStringLiteral("Alice Martin"), QStringLiteral("--password-stdin")},
                 "correct horse battery\n")
            .exitCode,
        0);
    QCOMPARE(admin.run({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("alice")}).exitCode, 0);

    r = admin.run({QStringLiteral("user"), QStringLiteral("list")}, {}, zh);
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    // The state and the creation time start in the same terminal column on every line, CJK counting two.
    const int stateColumn = columnOf(lines.at(0), QStringLiteral("状态"));
    const int createdColumn = columnOf(lines.at(0), QStringLiteral("创建时间"));
    QVERIFY(stateColumn > 0 && createdColumn > stateColumn);
    QCOMPARE(columnOf(lines.at(1), QStringLiteral("已启用")), stateColumn);
    QCOMPARE(columnOf(lines.at(2), QStringLiteral("已停用")), stateColumn);
    for (const QString& line : lines.mid(1))
        QCOMPARE(columnOf(line, QStringLiteral("20")), createdColumn); // the ISO time, unchanged by the language

    // English: the same table with the source texts.
    r = admin.run({QStringLiteral("user"), QStringLiteral("list")});
    QVERIFY2(r.out.startsWith(QStringLiteral("ID")) && r.out.contains(QStringLiteral("USERNAME")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("disabled")) && r.out.contains(QStringLiteral("enabled")));
}

void tst_ServerI18n::statsInEnglishAndChinese()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const AdminRunner admin(dir.path());
    AdminRunner::Result r = admin.run({QStringLiteral("stats")}, {}, {{QStringLiteral("LANG"), QStringLiteral("C")}});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("online now:  server not running")), qPrintable(r.out));
    QVERIFY(!hasCjk(r.out));

    r = admin.run({QStringLiteral("stats")}, {}, {{QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8")}});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("服务器未运行")), qPrintable(r.out));
    const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 5);
    // Labels of different widths ("用户：" and "当前在线："), values in one column.
    const int valueColumn = columnOf(lines.at(1), QStringLiteral("服务器未运行"));
    QVERIFY(valueColumn > 0);
    QCOMPARE(columnOf(lines.at(0), QStringLiteral("0（")), valueColumn);
}

QTEST_GUILESS_MAIN(tst_ServerI18n)
#include "tst_serveri18n.moc"
