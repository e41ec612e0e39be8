// TextTable: the admin commands' tables stay aligned when cells hold CJK (two terminal columns each).

#include "texttable.h"

#include <QTest>

using namespace lanchat;

class tst_TextTable : public QObject
{
    Q_OBJECT
private slots:
    void displayWidth_data();
    void displayWidth();
    void padsByDisplayWidth();
};

void tst_TextTable::displayWidth_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("ascii") << QStringLiteral("alice") << 5;
    QTest::newRow("ideographs") << QStringLiteral("张伟") << 4;
    QTest::newRow("full-width punctuation") << QStringLiteral("用户：") << 6;
    QTest::newRow("mixed") << QStringLiteral("李小龙 (运维)") << 13;
    QTest::newRow("combining accent") << QStringLiteral("e\u0301") << 1;
    QTest::newRow("Latin-1") << QStringLiteral("Büro") << 4;
    QTest::newRow("Hangul") << QStringLiteral("한국") << 4;
    QTest::newRow("CJK extension B (surrogate pair)") << QString::fromUcs4(U"\U00020000") << 2;
}

void tst_TextTable::displayWidth()
{
    QFETCH(QString, text);
    QFETCH(int, width);
    QCOMPARE(TextTable::displayWidth(text), width);
}

void tst_TextTable::padsByDisplayWidth()
{
    TextTable table;
    table.addRow({QStringLiteral("ID"), QStringLiteral("用户名"), QStringLiteral("状态")});
    table.addRow({QStringLiteral("1"), QStringLiteral("zhang"), QStringLiteral("已启用")});
    table.addRow({QStringLiteral("22"), QStringLiteral("张伟"), QString()});
    const QStringList expected{
        QStringLiteral("ID  用户名  状态"), QStringLiteral("1   zhang   已启用"),
        QStringLiteral("22  张伟"), // no trailing spaces
    };
    QCOMPARE(table.lines(), expected);
    QCOMPARE(TextTable(1).lines(), QStringList());
}

QTEST_GUILESS_MAIN(tst_TextTable)
#include "tst_texttable.moc"
