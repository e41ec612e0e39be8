#include "filenamesanitizer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using lanchat::FileNameSanitizer;

class tst_FileNameSanitizer : public QObject
{
    Q_OBJECT

private slots:
    void sanitize_data();
    void sanitize();
    void nothingLeft_data();
    void nothingLeft();
    void longNamesKeepExtension_data();
    void longNamesKeepExtension();
    void idempotent();
    void uniquePathCounts();
};

void tst_FileNameSanitizer::sanitize_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "report.pdf"
                           << "report.pdf";
    QTest::newRow("parent traversal") << "../../x"
                                      << "_.._x";
    QTest::newRow("dotdot only") << ".."
                                 << "file";
    QTest::newRow("slash") << "a/b"
                           << "a_b";
    QTest::newRow("backslash") << "a\\b.txt"
                               << "a_b.txt";
    QTest::newRow("absolute") << "/etc/passwd"
                              << "_etc_passwd";
    QTest::newRow("hidden") << ".bashrc"
                            << "bashrc";
    QTest::newRow("device") << "CON"
                            << "_CON";
    QTest::newRow("device lower ext") << "nul.txt"
                                      << "_nul.txt";
    QTest::newRow("com1") << "COM1.log"
                          << "_COM1.log";
    QTest::newRow("lpt9") << "lpt9"
                          << "_lpt9";
    QTest::newRow("not a device") << "CONSOLE.txt"
                                  << "CONSOLE.txt";
    QTest::newRow("com0") << "COM0"
                          << "_COM0";
    QTest::newRow("lpt0 ext") << "lpt0.txt"
                              << "_lpt0.txt";
    QTest::newRow("com superscript one") << QStringLiteral("COM\u00B9") << QStringLiteral("_COM\u00B9");
    QTest::newRow("lpt superscript three ext") << QStringLiteral("lpt\u00B3.log") << QStringLiteral("_lpt\u00B3.log");
    QTest::newRow("com superscript four not a device") << QStringLiteral("COM\u2074") << QStringLiteral("COM\u2074");
    QTest::newRow("com10 not a device") << "COM10"
                                        << "COM10";
    QTest::newRow("conin") << "CONIN$"
                           << "_CONIN$";
    QTest::newRow("conout lower ext") << "conout$.txt"
                                      << "_conout$.txt";
    QTest::newRow("clock") << "CLOCK$"
                           << "_CLOCK$";
    QTest::newRow("device trailing space before ext") << "aux .c"
                                                      << "_aux .c";
    QTest::newRow("right-to-left override") << QStringLiteral("invoice\u202Efdp.exe") << "invoicefdp.exe";
    QTest::newRow("bidi isolates and embeddings")
        << QStringLiteral("\u2067a\u2069b\u202Ac\u202C\u200Fd\u200E.txt") << "abcd.txt";
    QTest::newRow("zero width and bom") << QStringLiteral("\uFEFFre\u200Bport\u200D.pdf") << "report.pdf";
    QTest::newRow("soft hyphen") << QStringLiteral("ex\u00ADe.txt") << "exe.txt";
    QTest::newRow("line separator") << QStringLiteral("a\u2028b\u2029c") << "abc";
    QTest::newRow("format char hides a device") << QStringLiteral("C\u200BON") << "_CON";
    QTest::newRow("format char before a dot") << QStringLiteral("\u202E.bashrc") << "bashrc";
    QTest::newRow("control chars") << QStringLiteral("a\nb\tc\x01.txt") << "abc.txt";
    QTest::newRow("trailing dots") << "name. . "
                                   << "name";
    QTest::newRow("reserved chars") << "a<b>c:d\"e|f?g*h"
                                    << "a_b_c_d_e_f_g_h";
    QTest::newRow("empty") << ""
                           << "file";
    QTest::newRow("chinese") << QStringLiteral("季度报告（最终版）.docx") << QStringLiteral("季度报告（最终版）.docx");
}

void tst_FileNameSanitizer::sanitize()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(FileNameSanitizer::sanitize(input), expected);
}

void tst_FileNameSanitizer::nothingLeft_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("empty") << QString();
    QTest::newRow("dots and spaces") << QStringLiteral(" . .. ");
    QTest::newRow("control characters") << QStringLiteral("\x01\x1f\x7f");
    QTest::newRow("format characters") << QStringLiteral("\u202E\u200B\uFEFF");
    QTest::newRow("format characters and dots") << QStringLiteral("\u202E..\u2066.");
}

void tst_FileNameSanitizer::nothingLeft()
{
    // The server refuses such a name (invalid_argument); a client saving a file still needs one.
    QFETCH(QString, input);
    QCOMPARE(FileNameSanitizer::clean(input), QString());
    QCOMPARE(FileNameSanitizer::sanitize(input), QStringLiteral("file"));
}

void tst_FileNameSanitizer::longNamesKeepExtension_data()
{
    QTest::addColumn<QString>("stem");
    QTest::newRow("ascii 300") << QString(300, QLatin1Char('a'));
    QTest::newRow("chinese 300 chars") << QString(300, QChar(0x6587));
    QTest::newRow("emoji") << QString::fromUtf8(QByteArray(1, 'x') + QByteArray("\xF0\x9F\x98\x80").repeated(100));
}

void tst_FileNameSanitizer::longNamesKeepExtension()
{
    QFETCH(QString, stem);
    const QString out = FileNameSanitizer::sanitize(stem + QStringLiteral(".tar"));
    QVERIFY(out.toUtf8().size() <= 255);
    QVERIFY(out.endsWith(QStringLiteral(".tar")));
    QVERIFY(!out.contains(QChar::ReplacementCharacter));
    QVERIFY(QString::fromUtf8(out.toUtf8()) == out); // no broken surrogate pair
}

void tst_FileNameSanitizer::idempotent()
{
    const QStringList names{QStringLiteral("../../x"),
                            QStringLiteral(".bashrc"),
                            QStringLiteral("CON"),
                            QString(300, QLatin1Char('b')) + QStringLiteral(".txt"),
                            QStringLiteral(". .CON"),
                            QStringLiteral("\u202E.\u202E.CONIN$"),
                            QStringLiteral("C\u200BOM\u00B9.txt")};
    for (const QString& n : names) {
        const QString once = FileNameSanitizer::sanitize(n);
        QCOMPARE(FileNameSanitizer::sanitize(once), once);
    }
}

void tst_FileNameSanitizer::uniquePathCounts()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList created;
    for (int i = 0; i < 3; ++i) {
        const QString path = FileNameSanitizer::uniquePath(dir.path(), QStringLiteral("photo.jpg"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        created << QFileInfo(path).fileName();
    }
    QCOMPARE(created, (QStringList{QStringLiteral("photo.jpg"), QStringLiteral("photo (1).jpg"),
                                   QStringLiteral("photo (2).jpg")}));
    // The counter fits in 255 bytes even for the longest names.
    const QString longName = QString(260, QLatin1Char('z')) + QStringLiteral(".bin");
    for (int i = 0; i < 2; ++i) {
        const QString path = FileNameSanitizer::uniquePath(dir.path(), longName);
        QVERIFY(QFileInfo(path).fileName().toUtf8().size() <= 255);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
}

QTEST_GUILESS_MAIN(tst_FileNameSanitizer)
#include "tst_filenamesanitizer.moc"
