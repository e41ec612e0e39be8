#include "pinyinmatcher.h"

#include <QVarLengthArray>

#include <algorithm>

namespace lanchat {

PinyinMatcher::PinyinMatcher(const QString& query)
    : m_query(fold(query))
{}

bool PinyinMatcher::setQuery(const QString& query)
{
    QString folded = fold(query);
    if (folded == m_query)
        return false;
    m_query = std::move(folded);
    return true;
}

QString PinyinMatcher::fold(const QString& text)
{
    QString folded = text.normalized(QString::NormalizationForm_KC).toCaseFolded();
    folded.removeIf([](QChar c) { return c.isSpace(); });
    return folded;
}

PinyinMatcher::Match PinyinMatcher::match(const QString& text, PinyinReading::Style style) const
{
    if (m_query.isEmpty())
        return Match::AtStart;
    const QString folded = fold(text);
    const qsizetype at = folded.indexOf(m_query);
    if (at == 0)
        return Match::AtStart;
    const Match bySyllables = matchSyllables(PinyinReading::syllables(text, style));
    if (bySyllables != Match::None)
        return bySyllables;
    return at > 0 ? Match::Inside : Match::None;
}

PinyinMatcher::Match PinyinMatcher::matchReading(const QString& text, PinyinReading::Style style) const
{
    if (m_query.isEmpty())
        return Match::AtStart;
    return matchSyllables(PinyinReading::syllables(text, style));
}

PinyinMatcher::Match PinyinMatcher::matchSyllables(const QList<PinyinReading::Syllable>& syllables) const
{
    // Which query positions the syllables so far can have consumed up to, two sets: paths that began at the first
    // syllable, and paths that began at any. Each syllable advances every position by a prefix of its pinyin or
    // by its Han character; any syllable may also begin a new path at position 0.
    const qsizetype n = m_query.size();
    QVarLengthArray<char, 64> fromFirst(n + 1, 0);
    QVarLengthArray<char, 64> fromAny(n + 1, 0);
    QVarLengthArray<char, 64> nextFirst(n + 1, 0);
    QVarLengthArray<char, 64> nextAny(n + 1, 0);
    fromFirst[0] = 1;
    bool matchedInside = false;
    for (const PinyinReading::Syllable& syllable : syllables) {
        fromAny[0] = 1;
        std::fill(nextFirst.begin(), nextFirst.end(), 0);
        std::fill(nextAny.begin(), nextAny.end(), 0);
        for (qsizetype p = 0; p < n; ++p) {
            if (!fromFirst[p] && !fromAny[p])
                continue;
            const auto reach = [&](qsizetype to) {
                nextFirst[to] = nextFirst[to] || fromFirst[p];
                nextAny[to] = 1;
            };
            if (!syllable.han.isEmpty() && QStringView(m_query).sliced(p).startsWith(syllable.han))
                reach(p + syllable.han.size());
            const qsizetype most = std::min(syllable.latin.size(), n - p);
            for (qsizetype l = 0; l < most && m_query.at(p + l) == syllable.latin.at(l); ++l)
                reach(p + l + 1);
        }
        if (nextFirst[n])
            return Match::AtStart;
        matchedInside = matchedInside || nextAny[n];
        std::swap(fromFirst, nextFirst);
        std::swap(fromAny, nextAny);
    }
    return matchedInside ? Match::Inside : Match::None;
}

} // namespace lanchat
