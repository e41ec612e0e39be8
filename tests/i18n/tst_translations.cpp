// Keeps translations/lanchat_zh_CN.ts (app/, client/) and lanchat-server_zh_CN.ts (server/) complete: lupdate
// (the real tool) is run on the current sources into a copy of the committed file, so a new tr() without a
// finished Chinese translation fails here.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct Entry
{
    QString context;
    QString source;
    QString type;             ///< translation type attribute: "", unfinished, vanished, obsolete
    QStringList translations; ///< the text, or every numerus form
    bool numerus = false;
};

QList<Entry> readTs(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Entry> entries;
    QXmlStreamReader xml(&file);
    QString context;
    Entry entry;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            entry =
                Entry{context, {}, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
        } else if (name == QLatin1String("source")) {
            entry.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            entry.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!entry.numerus)
                entry.translations.append(xml.readElementText());
            else
                entries.append(entry);
            if (!entry.numerus)
                entries.append(entry);
        } else if (name == QLatin1String("numerusform") && !entries.isEmpty()) {
            entries.last().translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return entries;
}

QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(0));
    return found;
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void zhCnCompleteAfterLupdate_data();
    void zhCnCompleteAfterLupdate();
    void compiledTranslationLoads();
};

void tst_Translations::zhCnCompleteAfterLupdate_data()
{
    QTest::addColumn<QString>("tsFile");
    QTest::addColumn<QStringList>("sourceDirs");
    QTest::newRow("app") << QStringLiteral("lanchat_zh_CN.ts")
                         << QStringList{QStringLiteral("app"), QStringLiteral("client")};
    // Every folder under server/ (admin, storage, files …): lupdate recurses, as server/CMakeLists.txt globs.
    QTest::newRow("server") << QStringLiteral("lanchat-server_zh_CN.ts") << QStringList{QStringLiteral("server")};
}

void tst_Translations::zhCnCompleteAfterLupdate()
{
    QFETCH(QString, tsFile);
    QFETCH(QStringList, sourceDirs);
    const QDir source(QStringLiteral(LANCHAT_SOURCE_DIR));
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString ts = tmp.filePath(tsFile);
    QVERIFY(QFile::copy(source.filePath(QStringLiteral("translations/") + tsFile), ts));
    QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);

    QStringList arguments{QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-extensions"),
                          QStringLiteral("cpp,h")};
    for (const QString& dir : sourceDirs)
        arguments.append(source.filePath(dir));
    arguments << QStringLiteral("-ts") << ts;
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(LANCHAT_LUPDATE), arguments);
    QVERIFY2(lupdate.waitForFinished(90000), "lupdate did not finish");
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, lupdate.readAll().constData());

    QString error;
    const QList<Entry> entries = readTs(ts, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(entries.size() > 100); // both catalogues have well over 100 texts: a smaller count means a bad scan
    QStringList problems;
    for (const Entry& e : entries) {
        const QString where = e.context + QStringLiteral(": \"") + e.source + QLatin1Char('"');
        if (!e.type.isEmpty()) {
            problems.append(e.type + QStringLiteral(" — ") + where);
            continue;
        }
        if (e.translations.isEmpty() || e.translations.contains(QString())) {
            problems.append(QStringLiteral("empty — ") + where);
            continue;
        }
        for (const QString& t : e.translations) {
            if (placeholders(t) != placeholders(e.source))
                problems.append(QStringLiteral("placeholders differ — ") + where);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("translations/") + tsFile +
                                            QStringLiteral(" is not complete (run `ninja lupdate`, then translate; see "
                                                           "translations/README.md):\n  ") +
                                            problems.join(QStringLiteral("\n  "))));
}

void tst_Translations::compiledTranslationLoads()
{
#ifndef LANCHAT_HAVE_APP
    QSKIP("built without the desktop app (LANCHAT_BUILD_APP=OFF): its compiled catalogue is not linked");
#endif
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/lanchat_zh_CN")));
    QCOMPARE(translator.translate("lanchat::Sidebar", "Contacts"), QStringLiteral("联系人"));
    QVERIFY(translator.load(QStringLiteral(":/i18n/lanchat_en")));
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
