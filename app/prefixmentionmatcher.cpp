#include "prefixmentionmatcher.h"

#include <utility>

namespace lanchat {

PrefixMentionMatcher::PrefixMentionMatcher(QStringList everyoneNames)
    : m_everyoneNames(std::move(everyoneNames))
{}

bool PrefixMentionMatcher::matches(const MentionCandidate& candidate, const QString& query) const
{
    if (query.isEmpty())
        return true;
    const auto starts = [&query](QStringView text) { return text.startsWith(query, Qt::CaseInsensitive); };
    if (candidate.everyone) {
        if (starts(u"all"))
            return true;
        for (const QString& name : m_everyoneNames) {
            if (starts(name))
                return true;
        }
        return false;
    }
    if (starts(candidate.displayName) || starts(candidate.username))
        return true;
    // "Li Lei" is found by "Lei" too.
    for (QStringView word : QStringView(candidate.displayName).split(u' ', Qt::SkipEmptyParts)) {
        if (starts(word))
            return true;
    }
    return false;
}

} // namespace lanchat
