#include "chattextgenerator.h"

#include "corpuswords.h"

namespace lanchat::bench {

namespace {

// Exponent 1 is the classic Zipf law of a natural-language vocabulary.
constexpr double kWordExponent = 1.0;
constexpr double kStemExponent = 0.8;

bool isLatin(QChar c)
{
    return c.unicode() < 0x80 && c.isLetterOrNumber();
}

} // namespace

ChatTextGenerator::ChatTextGenerator(CorpusRandom& random)
    : m_random(random)
    , m_chinese(int(CorpusWords::chinese().size()), kWordExponent)
    , m_english(int(CorpusWords::english().size()), kWordExponent)
    , m_stems(int(CorpusWords::fileStems().size()), kStemExponent)
{}

QString ChatTextGenerator::chineseWord(const QString& previous) const
{
    // Redrawn when it repeats the word before: "的的" is not how people write.
    QString word;
    do {
        word = CorpusWords::chinese().at(m_chinese.draw(m_random));
    } while (word == previous);
    return word;
}

QString ChatTextGenerator::englishWord(const QString& previous) const
{
    QString word;
    do {
        word = CorpusWords::english().at(m_english.draw(m_random));
    } while (word == previous);
    return word;
}

QString ChatTextGenerator::text()
{
    const double kind = m_random.unit();
    if (kind < 0.4)
        return chinese();
    if (kind < 0.6)
        return english();
    return mixed();
}

QString ChatTextGenerator::chinese()
{
    const QStringList& punctuation = CorpusWords::chinesePunctuation();
    const int words = 2 + m_random.below(7) + m_random.below(7);
    QString line;
    int sinceBreak = 0;
    QString word;
    for (int i = 0; i < words; ++i) {
        word = chineseWord(word);
        line += word;
        if (++sinceBreak >= 3 && i + 1 < words && m_random.chance(0.3)) {
            line += punctuation.at(m_random.below(2) == 0 ? 0 : 6); // ， or 、 inside a sentence
            sinceBreak = 0;
        }
    }
    if (m_random.chance(0.6))
        line += punctuation.at(m_random.below(int(punctuation.size())));
    return line;
}

QString ChatTextGenerator::english()
{
    const int words = 3 + m_random.below(7) + m_random.below(7);
    QString line;
    QString word;
    for (int i = 0; i < words; ++i) {
        if (i > 0)
            line += QLatin1Char(' ');
        word = englishWord(word);
        line += word;
    }
    line[0] = line[0].toUpper();
    if (m_random.chance(0.5))
        line += m_random.chance(0.7) ? QLatin1Char('.') : QLatin1Char('?');
    return line;
}

QString ChatTextGenerator::latinToken()
{
    const double kind = m_random.unit();
    if (kind < 0.6)
        return englishWord();
    if (kind < 0.7)
        return QString::number(m_random.between(1, 500));
    if (kind < 0.8)
        return QStringLiteral("Q%1").arg(m_random.between(1, 4));
    if (kind < 0.88)
        return QStringLiteral("%1:%2")
            .arg(m_random.between(8, 20))
            .arg(m_random.below(4) * 15, 2, 10, QLatin1Char('0'));
    if (kind < 0.94)
        return QStringLiteral("v%1.%2").arg(m_random.between(1, 5)).arg(m_random.below(10));
    return QStringLiteral("%1%").arg(m_random.between(1, 99));
}

QString ChatTextGenerator::mixed()
{
    const int tokens = 3 + m_random.below(6) + m_random.below(6);
    QString line;
    QString token;
    for (int i = 0; i < tokens; ++i) {
        token = m_random.chance(0.25) ? latinToken() : chineseWord(token);
        // Most people put a space between Chinese and Latin words; some do not.
        if (!line.isEmpty() && (isLatin(token.front()) || isLatin(line.back())) &&
            (isLatin(token.front()) == isLatin(line.back()) || m_random.chance(0.7)))
            line += QLatin1Char(' ');
        line += token;
    }
    if (m_random.chance(0.5))
        line += CorpusWords::chinesePunctuation().at(m_random.below(5));
    return line;
}

QString ChatTextGenerator::fileName()
{
    QString stem = CorpusWords::fileStems().at(m_stems.draw(m_random));
    if (m_random.chance(0.2)) {
        QString prefix;
        do {
            prefix = chineseWord(); // a topic ("项目_", "客户_"), not a particle
        } while (prefix.size() < 2);
        stem.prepend(prefix + QLatin1Char('_'));
    }
    const double suffix = m_random.unit();
    if (suffix < 0.4)
        stem += QStringLiteral("_v%1").arg(m_random.between(1, 9));
    else if (suffix < 0.7)
        stem += QStringLiteral("_2026%1%2")
                    .arg(m_random.between(1, 12), 2, 10, QLatin1Char('0'))
                    .arg(m_random.between(1, 28), 2, 10, QLatin1Char('0'));
    const QStringList& extensions = CorpusWords::fileExtensions();
    return stem + QLatin1Char('.') + extensions.at(m_random.below(int(extensions.size())));
}

} // namespace lanchat::bench
