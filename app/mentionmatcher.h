#pragma once

#include "ids.h"

#include <QString>
#include <QStringList>

namespace lanchat {

/** One entry of the @ completer: a member of the group, or "everyone" (@all, the owner only). */
struct MentionCandidate
{
    UserId user; ///< invalid for everyone
    QString displayName;
    QString username;
    bool everyone = false;
};

/**
 * Decides whether a completer entry matches what was typed after `@`. An interface so another way of matching
 * (pinyin initials for Chinese names) can be plugged into MentionController without touching it.
 */
class MentionMatcher
{
public:
    virtual ~MentionMatcher() = default;
    /** True if @p candidate should be offered for @p query (the text typed after `@`, possibly empty). */
    virtual bool matches(const MentionCandidate& candidate, const QString& query) const = 0;
    /**
     * Where a matching @p candidate is listed for @p query: lower ranks first, equal ranks in the completer's own
     * order (everyone, then by name). 0 for all by default.
     */
    virtual int rank(const MentionCandidate& /*candidate*/, const QString& /*query*/) const { return 0; }
};

} // namespace lanchat
