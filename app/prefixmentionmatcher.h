#pragma once

#include "mentionmatcher.h"

namespace lanchat {

/**
 * The default matcher: case-insensitive prefix of the display name, of any of its words, or of the username;
 * "everyone" matches a prefix of "all" or of its translated name. An empty query matches everything.
 */
class PrefixMentionMatcher : public MentionMatcher
{
public:
    /** @p everyoneNames: the words "everyone" answers to besides "all" (the translated one). */
    explicit PrefixMentionMatcher(QStringList everyoneNames = {});
    bool matches(const MentionCandidate& candidate, const QString& query) const override;

private:
    QStringList m_everyoneNames;
};

} // namespace lanchat
