#include "pinyinmatcher.h"
#include "pinyinreading.h"

#include <QTest>
#include <QThread>
#include <QThreadPool>

using namespace lanchat;

Q_DECLARE_METATYPE(lanchat::PinyinReading::Style)

class tst_PinyinMatcher : public QObject
{
    Q_OBJECT

private:
    static QString latin(const QString& text, PinyinReading::Style style)
    {
        QStringList out;
        for (const PinyinReading::Syllable& s : PinyinReading::syllables(text, style))
            out.append(s.latin);
        return out.join(u' ');
    }

private Q_SLOTS:
    void readsSyllables_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<PinyinReading::Style>("style");
        QTest::addColumn<QString>("syllables");
        using S = PinyinReading::Style;
        QTest::newRow("张三") << QStringLiteral("张三") << S::PersonName << QStringLiteral("zhang san");
        QTest::newRow("王小明") << QStringLiteral("王小明") << S::PersonName << QStringLiteral("wang xiao ming");
        QTest::newRow("单 surname") << QStringLiteral("单雄信") << S::PersonName << QStringLiteral("shan xiong xin");
        QTest::newRow("曾 surname") << QStringLiteral("曾国藩") << S::PersonName << QStringLiteral("zeng guo fan");
        QTest::newRow("解 surname") << QStringLiteral("解缙") << S::PersonName << QStringLiteral("xie jin");
        QTest::newRow("单 in a title") << QStringLiteral("单雄信") << S::Title << QStringLiteral("dan xiong xin");
        QTest::newRow("mixed") << QStringLiteral("Alice 王") << S::PersonName << QStringLiteral("alice wang");
        QTest::newRow("mixed, no space") << QStringLiteral("Q3季度") << S::Title << QStringLiteral("q3 ji du");
        QTest::newRow("no tone marks") << QStringLiteral("吕布") << S::PersonName << QStringLiteral("lu bu");
        QTest::newRow("punctuation separates")
            << QStringLiteral("Li-Lei (QA)") << S::PersonName << QStringLiteral("li lei qa");
        QTest::newRow("full-width letters") << QStringLiteral("ＡＢＣ") << S::Title << QStringLiteral("abc");
        QTest::newRow("empty") << QString() << S::PersonName << QString();
        QTest::newRow("only punctuation") << QStringLiteral("--") << S::PersonName << QString();
    }

    void readsSyllables()
    {
        QFETCH(QString, text);
        QFETCH(PinyinReading::Style, style);
        QFETCH(QString, syllables);
        QCOMPARE(latin(text, style), syllables);
    }

    void keepsTheHanCharacterOfEachSyllable()
    {
        const auto syllables = PinyinReading::syllables(QStringLiteral("Alice 王"), PinyinReading::Style::PersonName);
        QCOMPARE(syllables.size(), 2);
        QCOMPARE(syllables.at(0).han, QString());
        QCOMPARE(syllables.at(1).han, QStringLiteral("王"));
    }

    void readsInAnyThread()
    {
        QString inThread;
        QThread* thread = QThread::create(
            [&inThread] { inThread = latin(QStringLiteral("曾国藩"), PinyinReading::Style::PersonName); });
        thread->start();
        QVERIFY(thread->wait());
        delete thread;
        QCOMPARE(inThread, QStringLiteral("zeng guo fan"));
    }

    void preparesInTheBackground()
    {
        PinyinReading::prepare({QStringLiteral("欧阳修"), QStringLiteral("单田芳")}, PinyinReading::Style::PersonName);
        QVERIFY(QThreadPool::globalInstance()->waitForDone(30000));
        QCOMPARE(latin(QStringLiteral("单田芳"), PinyinReading::Style::PersonName), QStringLiteral("shan tian fang"));
        QCOMPARE(latin(QStringLiteral("欧阳修"), PinyinReading::Style::PersonName), QStringLiteral("ou yang xiu"));
    }

    void matches_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("query");
        QTest::addColumn<PinyinMatcher::Match>("match");
        using M = PinyinMatcher::Match;
        QTest::newRow("full pinyin") << QStringLiteral("张三") << QStringLiteral("zhangsan") << M::AtStart;
        QTest::newRow("pinyin with a space") << QStringLiteral("张三") << QStringLiteral("zhang san") << M::AtStart;
        QTest::newRow("initials") << QStringLiteral("张三") << QStringLiteral("zs") << M::AtStart;
        QTest::newRow("syllable and initial") << QStringLiteral("张三") << QStringLiteral("zhangs") << M::AtStart;
        QTest::newRow("capitalised") << QStringLiteral("张三") << QStringLiteral("Zhang") << M::AtStart;
        QTest::newRow("Han character") << QStringLiteral("张三") << QStringLiteral("张") << M::AtStart;
        QTest::newRow("Han then pinyin") << QStringLiteral("张三") << QStringLiteral("张s") << M::AtStart;
        QTest::newRow("second syllable") << QStringLiteral("张三") << QStringLiteral("san") << M::Inside;
        QTest::newRow("second Han character") << QStringLiteral("张三") << QStringLiteral("三") << M::Inside;
        QTest::newRow("full-width query") << QStringLiteral("张三") << QStringLiteral("ＺＳ") << M::AtStart;
        QTest::newRow("letters skip a syllable") << QStringLiteral("张三") << QStringLiteral("zx") << M::None;
        QTest::newRow("not a prefix of the syllable") << QStringLiteral("张三") << QStringLiteral("hang") << M::None;
        QTest::newRow("longer than the name") << QStringLiteral("张三") << QStringLiteral("zhangsanfeng") << M::None;
        QTest::newRow("empty query") << QStringLiteral("张三") << QString() << M::AtStart;
        QTest::newRow("spaces only") << QStringLiteral("张三") << QStringLiteral("  ") << M::AtStart;
        QTest::newRow("wangxm") << QStringLiteral("王小明") << QStringLiteral("wangxm") << M::AtStart;
        QTest::newRow("wxm") << QStringLiteral("王小明") << QStringLiteral("wxm") << M::AtStart;
        QTest::newRow("xm from the given name") << QStringLiteral("王小明") << QStringLiteral("xm") << M::Inside;
        QTest::newRow("xiaom") << QStringLiteral("王小明") << QStringLiteral("xiaom") << M::Inside;
        QTest::newRow("小明") << QStringLiteral("王小明") << QStringLiteral("小明") << M::Inside;
        QTest::newRow("王明 is not in the name") << QStringLiteral("王小明") << QStringLiteral("王明") << M::None;
        QTest::newRow("单 reads shan") << QStringLiteral("单雄信") << QStringLiteral("shanxx") << M::AtStart;
        QTest::newRow("单 not dan") << QStringLiteral("单雄信") << QStringLiteral("danxx") << M::None;
        QTest::newRow("曾 reads zeng") << QStringLiteral("曾国藩") << QStringLiteral("zgf") << M::AtStart;
        QTest::newRow("解 reads xie") << QStringLiteral("解缙") << QStringLiteral("xiejin") << M::AtStart;
        QTest::newRow("mixed: Latin word") << QStringLiteral("Alice 王") << QStringLiteral("ali") << M::AtStart;
        QTest::newRow("mixed: word and initial")
            << QStringLiteral("Alice 王") << QStringLiteral("alicew") << M::AtStart;
        QTest::newRow("mixed: pinyin") << QStringLiteral("Alice 王") << QStringLiteral("wang") << M::Inside;
        QTest::newRow("substring as before") << QStringLiteral("Alice 王") << QStringLiteral("lic") << M::Inside;
        QTest::newRow("Latin name by words") << QStringLiteral("Li Lei") << QStringLiteral("li lei") << M::AtStart;
        QTest::newRow("Latin initials") << QStringLiteral("Li Lei") << QStringLiteral("ll") << M::AtStart;
        QTest::newRow("username") << QStringLiteral("zhangsan_01") << QStringLiteral("san_0") << M::Inside;
        QTest::newRow("no match") << QStringLiteral("Alice 王") << QStringLiteral("bob") << M::None;
    }

    void matches()
    {
        QFETCH(QString, name);
        QFETCH(QString, query);
        QFETCH(PinyinMatcher::Match, match);
        const PinyinMatcher matcher(query);
        QCOMPARE(matcher.match(name, PinyinReading::Style::PersonName), match);
        QCOMPARE(matcher.matches(name, PinyinReading::Style::PersonName), match != PinyinMatcher::Match::None);
    }

    void titlesUseTheCommonReading()
    {
        // A group called 单位 ("work unit") is dan wei, not shan wei.
        QVERIFY(PinyinMatcher(QStringLiteral("dw")).matches(QStringLiteral("单位通知"), PinyinReading::Style::Title));
        QVERIFY(!PinyinMatcher(QStringLiteral("sw")).matches(QStringLiteral("单位通知"), PinyinReading::Style::Title));
    }

    void aLongNameStaysCheap()
    {
        // Many equal syllables and a query that almost fits must not explode: the matcher keeps one set of
        // positions per syllable instead of trying every way to split the query.
        const QString name = QStringLiteral("啊").repeated(200);
        const QString query = QStringLiteral("a").repeated(199) + QStringLiteral("b");
        QVERIFY(!PinyinMatcher(query).matches(name, PinyinReading::Style::Title));
        QVERIFY(PinyinMatcher(QStringLiteral("a").repeated(150)).matches(name, PinyinReading::Style::Title));
    }
};

QTEST_GUILESS_MAIN(tst_PinyinMatcher)
#include "tst_pinyinmatcher.moc"
