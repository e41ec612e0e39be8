#include "pinyinreading.h"

#include <QHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QThreadPool>

#include <memory>
#include <unicode/translit.h>
#include <unicode/unistr.h>

Q_LOGGING_CATEGORY(lcPinyin, "lanchat.client.pinyin")

namespace lanchat {

namespace {

// Longer texts are not names; reading them would only slow filtering down.
constexpr int kMaxReadChars = 256;
// A contact list of thousands fits; the bound keeps a long-running client from growing without end.
constexpr qsizetype kMaxCachedTexts = 20000;

struct ThreadReader
{
    std::unique_ptr<icu::Transliterator> transliterator;
    bool failed = false;
};

/** Readings already made, by any thread: a reading depends on the text and style only. */
struct SharedCache
{
    QMutex mutex;
    QHash<QString, QList<PinyinReading::Syllable>> byStyle[2];
};

SharedCache& sharedCache()
{
    static SharedCache cache;
    return cache;
}

ThreadReader& reader(PinyinReading::Style style)
{
    thread_local ThreadReader names;
    thread_local ThreadReader titles;
    ThreadReader& r = style == PinyinReading::Style::PersonName ? names : titles;
    if (!r.transliterator && !r.failed) {
        const char* id = style == PinyinReading::Style::PersonName ? "Han-Latin/Names; Latin-ASCII; Lower"
                                                                   : "Han-Latin; Latin-ASCII; Lower";
        UErrorCode status = U_ZERO_ERROR;
        r.transliterator.reset(
            icu::Transliterator::createInstance(icu::UnicodeString(id, -1, US_INV), UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !r.transliterator) {
            // Without ICU's data the names are still found by their letters; only pinyin is lost.
            qCWarning(lcPinyin) << "cannot create the ICU transliterator" << id << u_errorName(status);
            r.transliterator.reset();
            r.failed = true;
        }
    }
    return r;
}

bool isHan(char32_t c)
{
    return QChar::script(c) == QChar::Script_Han;
}

QString fold(const QString& text)
{
    return text.normalized(QString::NormalizationForm_KC).toCaseFolded();
}

/** The lowercase ASCII letters and digits of @p latin as one string (drops the spaces ICU puts in). */
QStringList latinWords(const QString& latin)
{
    QStringList words;
    QString word;
    for (const QChar c : latin) {
        if (c.isLetterOrNumber()) {
            word.append(c.toLower());
        } else if (!word.isEmpty()) {
            words.append(std::exchange(word, QString()));
        }
    }
    if (!word.isEmpty())
        words.append(word);
    return words;
}

QString transliterate(icu::Transliterator* transliterator, const QString& text)
{
    if (!transliterator)
        return {};
    icu::UnicodeString s(reinterpret_cast<const UChar*>(text.utf16()), int32_t(text.size()));
    transliterator->transliterate(s);
    return QString(reinterpret_cast<const QChar*>(s.getBuffer()), s.length());
}

/** Appends the syllables of a run of Han characters: one per character. */
void appendHanRun(const QList<QString>& run, icu::Transliterator* transliterator, QList<PinyinReading::Syllable>& out)
{
    // The whole run is read at once so a surname is recognised as the first character of the name.
    const QStringList read = latinWords(transliterate(transliterator, run.join(QString())));
    for (qsizetype i = 0; i < run.size(); ++i) {
        QString latin;
        if (read.size() == run.size())
            latin = read.at(i);
        else // ICU joined or split syllables unexpectedly: read the characters one by one instead.
            latin = latinWords(transliterate(transliterator, run.at(i))).join(QString());
        out.append(PinyinReading::Syllable{latin.isEmpty() ? fold(run.at(i)) : latin, fold(run.at(i))});
    }
}

QList<PinyinReading::Syllable> read(const QString& text, icu::Transliterator* transliterator)
{
    QList<PinyinReading::Syllable> out;
    QList<QString> hanRun;
    QString word;
    const auto flushWord = [&] {
        if (!word.isEmpty())
            out.append(PinyinReading::Syllable{fold(std::exchange(word, QString())), QString()});
    };
    const auto flushHan = [&] {
        if (!hanRun.isEmpty())
            appendHanRun(std::exchange(hanRun, {}), transliterator, out);
    };
    for (const char32_t c : QStringView(text).left(kMaxReadChars).toUcs4()) {
        const QString ch = QString::fromUcs4(&c, 1);
        if (isHan(c)) {
            flushWord();
            hanRun.append(ch);
        } else if (QChar::isLetterOrNumber(c)) {
            flushHan();
            word.append(ch);
        } else {
            flushHan();
            flushWord();
        }
    }
    flushHan();
    flushWord();
    return out;
}

} // namespace

QList<PinyinReading::Syllable> PinyinReading::syllables(const QString& text, Style style)
{
    SharedCache& shared = sharedCache();
    auto& cache = shared.byStyle[style == Style::PersonName ? 0 : 1];
    {
        const QMutexLocker lock(&shared.mutex);
        const auto cached = cache.constFind(text);
        if (cached != cache.cend())
            return cached.value();
    }
    // Read outside the lock: another thread may read the same text meanwhile, and both get the same result.
    QList<Syllable> result = read(text, reader(style).transliterator.get());
    const QMutexLocker lock(&shared.mutex);
    if (cache.size() >= kMaxCachedTexts)
        cache.clear();
    cache.insert(text, result);
    return result;
}

void PinyinReading::prepare(const QStringList& texts, Style style)
{
    if (texts.isEmpty())
        return;
    QThreadPool::globalInstance()->start([texts, style] {
        for (const QString& text : texts)
            syllables(text, style);
    });
}

} // namespace lanchat
