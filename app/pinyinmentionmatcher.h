#pragma once

#include "mentionmatcher.h"
#include "pinyinmatcher.h"

#include <functional>
#include <optional>

namespace lanchat {

/**
 * The @ completer's matcher for Chinese and Latin names alike: a member matches when the display name or username
 * begins with the query, or PinyinMatcher::matchReading() finds it in the display name (read as a person's name:
 * "@zs", "@zhangsan", "@张" offer 张三, "@wxm" and "@xm" offer 王小明, "@lei" offers "Li Lei") or the username.
 * "Everyone" matches a prefix of "all" or of its translated word, or that word's pinyin ("@syr" for 所有人).
 * An empty query matches everyone.
 *
 * Ranks, best first: 0 the display name or username begins with what was typed; 1 the pinyin reading does
 * (from the surname on); 2 a match further inside the name. GUI thread only (like MentionController).
 */
class PinyinMentionMatcher : public MentionMatcher
{
public:
    /**
     * @p everyoneNames gives the words "everyone" answers to besides "all" (the translated one); asked at each
     * match, so a language switch is followed.
     */
    explicit PinyinMentionMatcher(std::function<QStringList()> everyoneNames = {});
    bool matches(const MentionCandidate& candidate, const QString& query) const override;
    int rank(const MentionCandidate& candidate, const QString& query) const override;

private:
    const PinyinMatcher& matcherFor(const QString& query) const;
    int rankEveryone(const PinyinMatcher& matcher) const;

    std::function<QStringList()> m_everyoneNames;
    // The completer asks about every member with the same query; fold it once.
    mutable std::optional<QString> m_lastQuery;
    mutable PinyinMatcher m_matcher;
};

} // namespace lanchat
