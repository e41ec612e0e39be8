#include "pinyinmentionmatcher.h"

#include <utility>

namespace lanchat {

PinyinMentionMatcher::PinyinMentionMatcher(std::function<QStringList()> everyoneNames)
    : m_everyoneNames(std::move(everyoneNames))
{}

bool PinyinMentionMatcher::matches(const MentionCandidate& candidate, const QString& query) const
{
    return rank(candidate, query) >= 0;
}

int PinyinMentionMatcher::rank(const MentionCandidate& candidate, const QString& query) const
{
    const PinyinMatcher& matcher = matcherFor(query);
    if (matcher.isEmpty())
        return 0;
    if (candidate.everyone)
        return rankEveryone(matcher);
    const auto startsWith = [&](const QString& text) {
        return PinyinMatcher::fold(text).startsWith(matcher.foldedQuery());
    };
    if (startsWith(candidate.displayName) || startsWith(candidate.username))
        return 0;
    // Words and syllables by their beginnings only, as the completer always matched: a bare "a" offering every
    // name with an a in it would bury the one meant.
    const PinyinMatcher::Match byName = matcher.matchReading(candidate.displayName, PinyinReading::Style::PersonName);
    if (byName == PinyinMatcher::Match::AtStart)
        return 1;
    if (byName == PinyinMatcher::Match::Inside ||
        matcher.matchReading(candidate.username, PinyinReading::Style::Title) != PinyinMatcher::Match::None)
        return 2;
    return -1;
}

int PinyinMentionMatcher::rankEveryone(const PinyinMatcher& matcher) const
{
    QStringList names{QStringLiteral("all")};
    if (m_everyoneNames)
        names += m_everyoneNames();
    for (const QString& name : std::as_const(names)) {
        if (PinyinMatcher::fold(name).startsWith(matcher.foldedQuery()))
            return 0;
    }
    for (const QString& name : std::as_const(names)) {
        if (matcher.matchReading(name, PinyinReading::Style::Title) == PinyinMatcher::Match::AtStart)
            return 1;
    }
    return -1;
}

const PinyinMatcher& PinyinMentionMatcher::matcherFor(const QString& query) const
{
    if (!m_lastQuery || *m_lastQuery != query) {
        m_lastQuery = query;
        m_matcher = PinyinMatcher(query);
    }
    return m_matcher;
}

} // namespace lanchat
